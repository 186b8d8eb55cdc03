// Advice (issue #12): the dock's Advice tab lists static ("may") findings of the scenario and
// proven ("did") ones of the run; a proven one reveals and highlights its event-log line; a
// dismissal is remembered per scenario across a reload and can be undone; the JSON editor marks
// advice as warnings, apart from errors. Fixture: a service behind an ALB whose image takes
// 180 s to start with no grace period (the grace-period case of core/src/tests/advice.rs).
import { readFile } from 'node:fs/promises';
import { runTo } from './lib/deployments.mjs';

const FIXTURE = await readFile(new URL('./fixtures/advice-grace.json', import.meta.url), 'utf8');

async function load(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  await page.setInputFiles('[data-testid="upload"]', {
    name: 'advice-grace.json', mimeType: 'application/json', buffer: Buffer.from(FIXTURE),
  });
  await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
  await page.click('[data-testid="notice"] .dismiss');
  await page.click('[data-testid="dock-tab-advice"]');
  await page.locator('[data-testid="advice-panel"]').waitFor();
}

const items = (page, kind) => page.locator(`[data-testid="advice-item"][data-kind="${kind}"]`);
const rules = (page, kind) => items(page, kind).evaluateAll((els) => els.map((e) => e.dataset.rule));

export const tests = [
  {
    name: 'advice: may and did items, log link, dismissals, editor warnings',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await load(page, base);
      // Static findings, each with its rule, title, message, source link and why/fix.
      const may = await rules(page, 'may');
      for (const r of ['grace-period-too-short', 'runs-as-root', 'no-log-configuration']) {
        if (!may.includes(r)) throw new Error(`no static ${r}: ${may}`);
      }
      const grace = page.locator('[data-testid="advice-item"][data-rule="grace-period-too-short"]');
      if (!/180 s to start/.test(await grace.locator('.advice-message').innerText())) throw new Error('grace message');
      const link = grace.locator('[data-testid="advice-source"]');
      if ((await link.getAttribute('target')) !== '_blank') throw new Error('source link target');
      if ((await link.getAttribute('rel')) !== 'noopener noreferrer') throw new Error('source link rel');
      if (!(await link.getAttribute('href')).startsWith('https://docs.aws.amazon.com/')) throw new Error('source href');
      await grace.locator('summary').click();
      if (!(await grace.locator('.advice-details').innerText()).includes('Fix:')) throw new Error('no fix text');
      const badge = page.locator('[data-testid="advice-count"]');
      const before = Number(await badge.innerText());
      if (before !== may.length) throw new Error(`badge ${before}, ${may.length} items`);
      if ((await items(page, 'did').count()) !== 0) throw new Error('proven advice before the run');
      if (await page.locator('[data-testid="advice-beyond-lesson"]').count()) throw new Error('a lesson note outside a lesson');
      await screenshot('advice-may-1440');

      // Run until the scheduler has stopped a task during its start-up: a "did" item appears.
      await runTo(page, '3');
      await items(page, 'did').first().waitFor({ timeout: 10000 });
      if ((await rules(page, 'did'))[0] !== 'stopped-during-start-up') throw new Error(await rules(page, 'did'));
      if (Number(await badge.innerText()) !== before + 1) throw new Error('badge did not count the proven item');
      const did = items(page, 'did').first();
      const kinds = await page.$$eval('.advice-kind.did, .advice-kind.may', (els) =>
        [...new Set(els.map((e) => getComputedStyle(e).backgroundColor))]);
      if (kinds.length < 2) throw new Error('may and did look the same');
      const number = (await did.locator('[data-testid="advice-log-link"]').innerText()).match(/event #(\d+)/)[1];
      await did.locator('[data-testid="advice-log-link"]').click();
      const line = page.locator('[data-testid="log"] li.focused');
      await line.waitFor({ timeout: 5000 });
      const text = await line.textContent();
      if (!/failed ELB health checks/.test(text)) {
        const dbg = await page.$$eval('[data-testid="log"] li.focused', (els) => els.map((e) => `${e.dataset.line}:${e.outerHTML.slice(0, 300)}`));
        throw new Error(`highlighted: ${text} ${dbg}`);
      }
      await page.waitForFunction(() => {
        const li = document.querySelector('[data-testid="log"] li.focused');
        const box = li.closest('.log').getBoundingClientRect();
        const r = li.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      }, null, { timeout: 5000 });
      console.log(`     revealed log event #${number}`);
      await page.setViewportSize({ width: 1280, height: 720 });
      await screenshot('advice-1280');
      await page.setViewportSize({ width: 1440, height: 900 });
      await screenshot('advice-1440');

      // Dismiss a static item: it leaves the list and the badge, and stays dismissed on reload.
      const root = page.locator('[data-testid="advice-item"][data-rule="runs-as-root"]');
      await root.locator('[data-testid="advice-dismiss"]').click();
      await root.waitFor({ state: 'detached' });
      await page.reload();
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      if ((await page.locator('.scenario-name').innerText()) !== 'Advice: slow start-up behind a load balancer') {
        throw new Error('the reload did not reopen the scenario');
      }
      await page.click('[data-testid="dock-tab-advice"]');
      await items(page, 'may').first().waitFor();
      if ((await rules(page, 'may')).includes('runs-as-root')) throw new Error('dismissal forgotten on reload');
      if (Number(await badge.innerText()) !== before - 1) throw new Error(`badge after dismissal: ${await badge.innerText()}`);
      const toggle = page.locator('[data-testid="advice-show-dismissed"]');
      if (!(await toggle.innerText()).includes('(1)')) throw new Error(await toggle.innerText());
      await toggle.click();
      await page.locator('[data-testid="advice-restore"]').click();
      await page.locator('[data-testid="advice-item"][data-kind="may"][data-rule="runs-as-root"]').waitFor();
      if (await toggle.count()) throw new Error('the toggle stays with nothing dismissed');

      // The editor marks advice as warnings (amber ⚠), not as errors (red !).
      await page.locator('[data-testid="tab-scenario"]').click();
      // The editor (CodeMirror) draws only the lines in view: go to the first warning from the
      // list under it, then read its line's mark.
      await page.locator('[data-testid="editor-warnings"] summary').click();
      await page.locator('[data-testid="editor-warning"]').first().click();
      await page.locator('[data-testid="gutter-warning"]').first().waitFor();
      if (await page.locator('[data-testid="gutter-mark"]').count()) throw new Error('advice shown as an error mark');
      if (await page.locator('[data-testid="problem"]').count()) throw new Error('advice listed as a problem');
      if ((await page.locator('[data-testid="scenario-editor"]').getAttribute('aria-invalid')) !== 'false') throw new Error('warnings made the editor invalid');
      const title = await page.locator('[data-testid="gutter-warning"]').first().getAttribute('title');
      if (!title.startsWith('⚠ ')) throw new Error(`warning title: ${title}`);
      const [warnBg, errBg] = await page.evaluate(() => {
        const gutter = document.querySelector('.code:has([data-testid="scenario-editor"]) .cm-gutters');
        const w = getComputedStyle(gutter.querySelector('.ln.warn')).backgroundColor;
        const probe = document.createElement('div');
        probe.className = 'ln bad';
        gutter.appendChild(probe);
        const e = getComputedStyle(probe).backgroundColor;
        probe.remove();
        return [w, e];
      });
      if (warnBg === errBg) throw new Error('warning and error marks look the same');
      // An error on a warned line wins: break the grace period's service line.
      const editor = page.locator('[data-testid="scenario-editor"]');
      await editor.fill(FIXTURE.replace('"desiredCount": 2', '"desiredCount": -2'));
      await page.locator('[data-testid="problem"]').first().click();
      await page.locator('[data-testid="gutter-mark"]').first().waitFor();
      await screenshot('advice-editor-error');
    },
  },
  {
    name: 'advice: lesson 1 leads with the out-of-memory kills it is about, general findings set apart',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${base}#lesson=fargate-task-size`);
      await page.locator('[data-testid="lesson-pane"]').waitFor({ timeout: 20000 });
      await runTo(page, '0:10');
      await page.click('[data-testid="dock-tab-advice"]');
      await items(page, 'did').first().waitFor({ timeout: 10000 });
      const did = await rules(page, 'did');
      if (did[0] !== 'container-out-of-memory') throw new Error(`lesson 1's first proven finding: ${did}`);
      const text = await items(page, 'did').first().locator('.advice-message').innerText();
      if (!/exit code 137/.test(text)) throw new Error(`out-of-memory finding says: ${text}`);
      // The scenario's general findings follow, under a line saying they are beyond the lesson.
      const order = await page.$$eval('[data-testid="advice-beyond-lesson"], [data-testid="advice-item"]',
        (els) => els.map((e) => e.dataset.testid === 'advice-beyond-lesson' ? 'note' : e.dataset.kind));
      const note = order.indexOf('note');
      if (note < 0 || order.slice(0, note).some((k) => k !== 'did') || order.slice(note + 1).some((k) => k !== 'may')) {
        throw new Error(`the lesson note does not separate did from may: ${order}`);
      }
      await screenshot('advice-lesson-1280');
    },
  },
];
