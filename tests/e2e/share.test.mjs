// Sharing: a copied link opened in a fresh browser restores the same scenario; a broken link
// shows an error and the default scenario.
import { readFile } from 'node:fs/promises';

const DEFAULT = JSON.parse(await readFile(new URL('../../core/src/scenario/examples/default.json', import.meta.url), 'utf8'));

async function instanceIds(page) {
  return page.locator('[data-testid=instance]').evaluateAll((els) => els.map((e) => e.textContent));
}

export const tests = [
  {
    // The notice said "Link copied" whether or not the browser copied anything.
    name: 'share: when the browser refuses the clipboard, Copy link says so and puts the link in the address bar',
    async run({ page, base }) {
      await page.goto(base);
      await page.locator('[data-testid=instance]').first().waitFor();
      await page.locator('[data-testid=copy-link]').click();
      await page.getByText('Link copied').waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      // Load another scenario, so the address bar no longer holds the default's link.
      await page.selectOption('[data-testid="examples"]', 'canary');
      await page.waitForFunction((l) => location.href !== l, link);
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused by the test', 'NotAllowedError'));
      });
      await page.locator('[data-testid=copy-link]').click();
      const notice = page.locator('.notice.error');
      await notice.waitFor({ timeout: 5000 });
      const text = await notice.innerText();
      if (!/did not let the page copy/.test(text) || /Link copied/.test(text)) throw new Error(`notice: ${text}`);
      const href = await page.evaluate(() => location.href);
      if (!href.includes('#v1.') || href === link) throw new Error(`the address bar does not hold the canary's link: ${href.slice(0, 80)}`);
      // That address opens the scenario the page runs.
      await page.goto(href);
      await page.locator('.scenario-name', { hasText: /canary/i }).waitFor({ timeout: 20000 });
    },
  },
  {
    name: 'share: a copied link opens the same scenario in a fresh page',
    async run({ page, context, base, screenshot }) {
      await page.goto(base);
      await page.locator('[data-testid=instance]').first().waitFor();
      // Load a different scenario: 5 instances, a new name, another seed.
      const edited = structuredClone(DEFAULT);
      edited.name = 'Shared by the e2e test';
      edited.seed = 7;
      edited.capacityProviders[0].autoScalingGroupProvider.autoScalingGroup.desiredCapacity = 5;
      await page.locator('[data-testid=upload]').setInputFiles({
        name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited, null, 2)),
      });
      await page.getByText('Shared by the e2e test').first().waitFor();
      await page.locator('[data-testid=copy-link]').click();
      await page.getByText('Link copied').waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      if (!link.includes('#v1.')) throw new Error(`copied text is not a v1 link: ${link.slice(0, 80)}`);
      const before = await instanceIds(page);
      if (before.length !== 5) throw new Error(`expected 5 instances before sharing, saw ${before.length}`);

      const fresh = await context.browser().newContext({ viewport: { width: 1440, height: 900 } });
      try {
        await fresh.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
        const other = await fresh.newPage();
        const errors = [];
        other.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        await other.goto(link);
        await other.getByText('Shared by the e2e test').first().waitFor();
        const after = await instanceIds(other);
        if (JSON.stringify(after) !== JSON.stringify(before)) {
          throw new Error(`instances differ:\n${before.join('\n')}\nvs\n${after.join('\n')}`);
        }
        await screenshot('share-opened', other);
        if (errors.length) throw new Error(`console errors in the fresh page: ${errors.join('; ')}`);
      } finally {
        await fresh.close();
      }
    },
  },
  {
    name: 'share: a broken link shows an error and the default scenario',
    async run({ page, base, screenshot }) {
      await page.goto(`${base}#v1.this-is-not-deflate!!`);
      const notice = page.locator('[data-testid=notice]');
      await notice.waitFor();
      const text = await notice.textContent();
      if (!/could not be opened/.test(text)) throw new Error(`unexpected notice: ${text}`);
      await page.getByText(DEFAULT.name).first().waitFor();
      await screenshot('share-broken-link');
    },
  },
];
