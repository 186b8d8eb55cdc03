// Availability Zone rebalancing as a workshop watches it in the default scenario: after the
// terminated instance's replacement registers in us-east-1a (0:03:10), web's card says "AZ
// rebalancing" while it runs more tasks than desired, the log says why, and once the zones are
// even (0:03:59) the badge is gone and web runs 2 tasks per zone.
import { runTo } from './lib/deployments.mjs';

async function webCard(page) {
  return page.$eval('[data-testid="service-summary"][data-service="web"]', (e) => ({
    badge: !!e.querySelector('[data-testid="az-rebalancing"]'),
    zones: Object.fromEntries([...e.querySelectorAll('[data-testid="tally"][data-kind="zone"]')]
      .map((t) => [t.dataset.label, Number(t.dataset.running)])),
  }));
}

export const tests = [
  {
    name: 'rebalancing: the web card says AZ rebalancing while tasks move into the new zone',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await runTo(page, '0:03:20');
      const during = await webCard(page);
      if (!during.badge) throw new Error(`no AZ rebalancing badge at 0:03:20: ${JSON.stringify(during)}`);
      if (during.zones['us-east-1a'] !== 2) throw new Error(`no new tasks in us-east-1a: ${JSON.stringify(during)}`);
      const log = await page.$$eval('[data-testid="log"] li', (els) => els.map((e) => e.textContent));
      if (!log.some((l) => l.includes('is not AZ balanced with 0 tasks in us-east-1a'))) {
        throw new Error(`no rebalancing event in the log:\n${log.slice(0, 12).join('\n')}`);
      }
      await screenshot('rebalancing-during');
      await runTo(page, '0:04:10');
      const after = await webCard(page);
      if (after.badge) throw new Error('the AZ rebalancing badge stayed after the zones were even');
      const counts = ['us-east-1a', 'us-east-1b', 'us-east-1c'].map((z) => after.zones[z]);
      if (counts.join() !== '2,2,2') throw new Error(`zones after rebalancing: ${JSON.stringify(after)}`);
    },
  },
  {
    name: 'rebalancing: a pressed log filter keeps its dark background under the mouse',
    async run({ page, base }) {
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      const button = page.locator('[data-testid="log-kind-service"]');
      await button.click();
      await button.hover();
      const bg = await button.evaluate((e) => getComputedStyle(e).backgroundColor);
      // The generic hover's pale blue (#f2f8fd) under a white label read as an empty pill.
      if (bg === 'rgb(242, 248, 253)') throw new Error(`pressed filter under the mouse: ${bg}`);
    },
  },
];
