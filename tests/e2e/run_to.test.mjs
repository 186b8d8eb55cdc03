// "Run to…" end to end: +1 h on a busy scenario (a crash loop replacing tasks all hour) runs in
// chunks with a progress bar; the page keeps drawing frames and handles a click while it runs,
// and the bar completes at 1:00:00; a week-long run handles a click mid-run and Cancel stops it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const defaultScenario = fileURLToPath(new URL('../../core/src/scenario/examples/default.json', import.meta.url));

// Web tasks crash 20 s after starting: thousands of events an hour, so a run takes wall time.
async function loadCrashLoop(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  const text = (await readFile(defaultScenario, 'utf8'))
    .replace('{ "pullSeconds": 6, "startSeconds": 1 }', '{ "pullSeconds": 6, "startSeconds": 1, "crashAfterSeconds": 20 }')
    .replace('"desiredCount": 6', '"desiredCount": 12');
  await page.setInputFiles('[data-testid="upload"]', {
    name: 'crash-loop.json', mimeType: 'application/json', buffer: Buffer.from(text),
  });
  await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
}

export const tests = [
  {
    name: 'run to: +1 h shows progress, stays responsive and completes',
    async run({ page, base, screenshot }) {
      await loadCrashLoop(page, base);
      // Record the longest gap between animation frames while the run goes on.
      await page.evaluate(() => {
        window.__maxGap = 0;
        let last = performance.now();
        const frame = (t) => {
          window.__maxGap = Math.max(window.__maxGap, t - last);
          last = t;
          if (!window.__stopFrames) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      await page.click('[data-testid="run-1h"]');
      const bar = page.locator('[data-testid="run-progress"]');
      await bar.waitFor();
      // A click while the run is going is handled: the chosen speed shows once the run is done
      // (none reads as chosen while a run to a time goes at its own pace, so reading it at once
      // failed whenever the run was still going: `make test`, 2026-12-07).
      const during = await bar.getAttribute('data-state');
      await page.click('[data-testid="speed-60×"]');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="run-progress"]')?.dataset.state === 'done',
      null, { timeout: 60000, polling: 100 });
      const pressed = await page.locator('[data-testid="speed-60×"]').getAttribute('aria-pressed');
      if (pressed !== 'true') throw new Error('the speed click during the run was not handled');
      const now = await bar.locator('[role=progressbar]').getAttribute('aria-valuenow');
      if (now !== '100') throw new Error(`bar at ${now}% when done`);
      const filled = await page.evaluate(() => {
        const bar = document.querySelector('[data-testid="run-progress"] [role=progressbar]');
        const fill = document.querySelector('[data-testid="run-fill"]');
        return fill.getBoundingClientRect().width / bar.clientWidth;
      });
      if (filled < 0.99) throw new Error(`the bar is drawn ${Math.round(filled * 100)}% full when done`);
      const label = await page.locator('[data-testid="run-text"]').innerText();
      if (!label.startsWith('1:00:00 of 1:00:00')) throw new Error(`progress text: ${label}`);
      const clock = await page.locator('[data-testid="clock"]').innerText();
      if (clock !== '1:00:00') throw new Error(`clock after the run: ${clock}`);
      const gap = await page.evaluate(() => { window.__stopFrames = true; return window.__maxGap; });
      console.log(`     run to +1 h: state when clicked ${during}, longest frame gap ${gap.toFixed(0)} ms, ${label}`);
      if (gap > 400) throw new Error(`the page froze for ${gap.toFixed(0)} ms during the run`);
      await screenshot('run-done');
      // Close hides the strip.
      await page.click('[data-testid="run-cancel"]');
      await bar.waitFor({ state: 'detached' });
    },
  },
  {
    name: 'run to: a long run handles clicks, and Cancel stops it where it is',
    async run({ page, base, screenshot }) {
      await loadCrashLoop(page, base);
      await page.fill('[data-testid="run-to-input"]', '168:00');
      await page.click('[data-testid="run-to-go"]');
      const bar = page.locator('[data-testid="run-progress"]');
      await bar.waitFor();
      await page.waitForTimeout(600);
      if ((await bar.getAttribute('data-state')) !== 'running') throw new Error('a week-long run ended at once');
      await screenshot('run-progress');
      // A click in the middle of a long run is handled while the run goes on. (No speed reads
      // as chosen while a run to a time goes at its own pace; the chosen one shows after it.)
      await page.click('[data-testid="speed-1×"]');
      if (await page.locator('[data-testid^="speed-"][aria-pressed="true"]').count()) {
        throw new Error('a speed reads as chosen during a run to a time');
      }
      if ((await bar.getAttribute('data-state')) !== 'running') throw new Error('the run ended before the click was checked');
      await page.click('[data-testid="run-cancel"]');
      await bar.waitFor({ state: 'detached' });
      if ((await page.locator('[data-testid="speed-1×"]').getAttribute('aria-pressed')) !== 'true') {
        throw new Error('a click during the run was not handled');
      }
      const a = await page.locator('[data-testid="clock"]').innerText();
      await page.waitForTimeout(400);
      const b = await page.locator('[data-testid="clock"]').innerText();
      if (a !== b) throw new Error(`the clock kept moving after Cancel: ${a} → ${b}`);
    },
  },
  {
    name: 'run to: a finished run\'s strip closes when Step or Play moves the clock on',
    async run({ page, base }) {
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      const bar = page.locator('[data-testid="run-progress"]');
      const done = () => page.waitForFunction(() =>
        document.querySelector('[data-testid="run-progress"]')?.dataset.state === 'done',
      null, { timeout: 60000, polling: 100 });
      await page.click('[data-testid="run-10m"]');
      await done();
      await page.click('[data-testid="step"]');
      await bar.waitFor({ state: 'detached', timeout: 5000 });
      await page.click('[data-testid="run-10m"]');
      await done();
      await page.click('[data-testid="play"]');
      await bar.waitFor({ state: 'detached', timeout: 5000 });
      await page.click('[data-testid="play"]');
    },
  },
  {
    name: 'step: every Step shows something: the log grows by at least a line',
    async run({ page, base }) {
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      const lines = () => page.evaluate(() => {
        const m = document.querySelector('[data-testid="log-count"]')?.innerText.match(/of (\d+) lines/);
        return m ? Number(m[1]) : 0;
      });
      for (let k = 0; k < 8; k++) {
        const before = await lines();
        await page.click('[data-testid="step"]');
        await page.waitForFunction((b) => {
          const m = document.querySelector('[data-testid="log-count"]')?.innerText.match(/of (\d+) lines/);
          return m && Number(m[1]) > b;
        }, before, { timeout: 5000, polling: 50 }).catch(async () => {
          throw new Error(`Step ${k + 1} showed nothing: still ${await lines()} lines at ${await page.locator('[data-testid="clock"]').innerText()}`);
        });
      }
    },
  },
];
