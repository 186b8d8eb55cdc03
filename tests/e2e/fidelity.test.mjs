// Fidelity II in the playground, as a workshop would watch it: the ALB health demo rolls back at
// the time its description promises with the circuit breaker's counter on the deployment card; a
// deployment stuck on its bounds shows ECS's event; the service row's counts and the deployment
// cards' counts never contradict each other (DescribeServices: the service's runningCount and
// pendingCount are the sums over its deployments).
import { cards, runTo, uploadGolden as upload } from './lib/deployments.mjs';

async function openExample(page, base, id) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  await page.selectOption('[data-testid="examples"]', id);
  await page.waitForTimeout(300);
  await page.click('[data-testid="dock-tab-deployments"]');
}

async function serviceRow(page, name) {
  return page.$eval(`[data-testid="service-summary"][data-service="${name}"]`, (e) => {
    const n = (label) => {
      const span = [...e.querySelectorAll('.counts > span')].find((s) => s.textContent.startsWith(label));
      return Number(span?.querySelector('b')?.textContent);
    };
    return { running: n('running'), pending: n('pending'), desired: n('desired') };
  });
}

async function logLines(page) {
  return page.$$eval('[data-testid="log"] li', (els) => els.map((e) => e.textContent));
}

async function countsAgree(page, when) {
  const row = await serviceRow(page, 'web');
  const all = await cards(page);
  const sum = (k) => all.reduce((a, c) => a + c[k], 0);
  if (row.running !== sum('running') || row.pending !== sum('pending')) {
    throw new Error(`at ${when}: service row ${JSON.stringify(row)} vs cards ${JSON.stringify(all)}`);
  }
}

export const tests = [
  {
    name: 'fidelity: failed ALB health checks roll the release back at 3:10 with the counter visible',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openExample(page, base, 'alb-health-rollback');
      await runTo(page, '0:03:05');
      let now = await cards(page);
      const web2 = now.find((c) => c.td === 'web:2');
      if (!web2 || web2.rollout !== 'IN_PROGRESS' || web2.breaker !== 'failed tasks 0 / 3') {
        throw new Error(`before the health checks fail: ${JSON.stringify(now)}`);
      }
      await countsAgree(page, '3:05');
      await runTo(page, '0:03:15');
      now = await cards(page);
      const failed = now.find((c) => c.td === 'web:2');
      const back = now.find((c) => c.td === 'web:1' && c.status === 'PRIMARY');
      if (!failed || failed.rollout !== 'FAILED' || failed.breaker !== 'failed tasks 3 / 3') {
        throw new Error(`web:2 after 3:10: ${JSON.stringify(now)}`);
      }
      if (!back || !back.rollback) throw new Error(`no rollback to web:1: ${JSON.stringify(now)}`);
      await countsAgree(page, '3:15');
      const log = await logLines(page);
      if (!log.some((l) => l.includes('failed ELB health checks'))) {
        throw new Error(`no ELB health check event in the log:\n${log.slice(0, 20).join('\n')}`);
      }
      await screenshot('fidelity-alb-health-rollback');
    },
  },
  {
    name: 'fidelity: a deployment stuck on minimumHealthyPercent 100 / maximumPercent 100 says so',
    async run({ page, base }) {
      await upload(page, base, 'rolling_update.json', (d) => {
        for (const s of d.services) {
          if (s.deploymentConfiguration) s.deploymentConfiguration.maximumPercent = 100;
        }
        return d;
      });
      await runTo(page, '0:02:00');
      const log = await logLines(page);
      const event = 'was unable to stop or start tasks during a deployment because of the service deployment configuration';
      const hits = log.filter((l) => l.includes(event));
      if (hits.length !== 1) throw new Error(`expected the event once, got ${hits.length}:\n${log.slice(0, 20).join('\n')}`);
      await countsAgree(page, '2:00');
    },
  },
];
