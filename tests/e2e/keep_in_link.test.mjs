// Keep in link: a task stopped with the failure buttons goes onto the shared scenario's
// timeline when "Keep in link" is ticked; the link opens with that entry in the editor, and
// running it stops the same task (same task id, so the replay really is the same run).
import { runTo } from './lib/deployments.mjs';

/** The text of log lines containing `needle`. */
async function logLines(page, needle) {
  return page.$$eval('[data-testid="log"] li .text', (els, n) =>
    els.map((e) => e.textContent).filter((t) => t.includes(n)), needle);
}

export const tests = [
  {
    name: 'keep in link: a stopped task is on the shared timeline and replays',
    async run({ page, context, base, screenshot }) {
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await runTo(page, '0:01');
      await page.locator('[data-testid="task"][data-status="RUNNING"][data-service="web"]').first().click();
      await page.click('[data-testid="stop-task"]');
      const keep = page.locator('label.keep-in-link');
      await keep.getByText('Keep in link (1 action)').waitFor();
      const [stopped] = await logLines(page, 'stop-task ');
      if (!stopped) throw new Error('no stop-task line in the log');
      const id = stopped.split('stop-task ')[1].trim();

      // Without the box, Copy link shares the scenario as it was written.
      await page.click('[data-testid="copy-link"]');
      await page.getByText('Link copied (').first().waitFor();
      const plain = await page.evaluate(() => navigator.clipboard.readText());
      await page.check('[data-testid="keep-in-link"]');
      await page.click('[data-testid="copy-link"]');
      await page.getByText('with 1 clicked action on its timeline').waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      if (link === plain) throw new Error('Keep in link did not change the link');
      await screenshot('keep-in-link-copied');

      const fresh = await context.browser().newContext({ viewport: { width: 1440, height: 900 } });
      try {
        await fresh.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
        const other = await fresh.newPage();
        await other.goto(link);
        await other.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
        await other.locator('[data-testid=tab-scenario]').click();
        const text = await other.locator('[data-testid="scenario-editor"]').evaluate((el) => el.value);
        const timeline = JSON.parse(text).timeline;
        const entry = timeline.find((e) => e.action === 'stopTask');
        if (!entry || entry.service !== 'web' || entry.at !== 61) {
          throw new Error(`no stopTask of web at 61 s on the timeline: ${JSON.stringify(timeline)}`);
        }
        // The click at 60 s lined up on 61 s; running past it stops the same task.
        await runTo(other, '0:02');
        const replayed = await logLines(other, `Timeline (scripted): stop-task ${id}`);
        if (replayed.length !== 1) {
          throw new Error(`the replay did not stop task ${id}: ${JSON.stringify(await logLines(other, 'stop-task'))}`);
        }
        await screenshot('keep-in-link-replayed', other);
      } finally {
        await fresh.close();
      }
    },
  },
];
