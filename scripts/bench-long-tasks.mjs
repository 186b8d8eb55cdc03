// The page never blocks (issue #10): the longest main-thread task while playing at max speed,
// stepping and running to a time, on a scenario at the scenario-wide limits
// (core/src/scenario/limits.rs: 20,000 tasks and 5,000 container instances). Serves the
// release bundle (dist/), uploads the scenario through Upload JSON, and records every task the
// Long Tasks API reports (over 50 ms) in each phase. Prints numbers; asserts nothing (the e2e
// test tests/e2e/long_tasks.test.mjs asserts on a small scenario).
//
// Usage: node scripts/bench-long-tasks.mjs [--size services,tasks,clusters,instances]
//          [--play 10] [--steps 20] [--run-to 600] [--dist DIR]
//   --size: Fargate services × tasks each, clusters × idle m5.large instances each
//           (default 20,1000,10,500: both limits at once; tests/e2e/lib/big_scenario.mjs).
//   --cpu-throttle N: Chromium's CPU throttling (DevTools' "N× slowdown") once the scenario
//           is loaded, standing in for a slower laptop or a busy machine (default 1: none).
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchChromium } from './local-browser.mjs';
import { bigScenario } from '../tests/e2e/lib/big_scenario.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const dist = resolve(opt('--dist', join(root, 'dist')));
const [services, tasks, clusters, instances] = opt('--size', '20,1000,10,500').split(',').map(Number);
const playSeconds = +opt('--play', 10);
const steps = +opt('--steps', 20);
const runToSeconds = +opt('--run-to', 600);
const cpuThrottle = +opt('--cpu-throttle', 1);

const { server, url } = await serveDist(dist);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
  page.on('pageerror', (e) => console.log('page error:', String(e)));
  page.on('crash', () => console.log('page crashed'));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.waitForSelector('h1');
  const doc = bigScenario({ services, tasks, clusters, instances });
  const loadFrom = Date.now();
  await page.setInputFiles('[data-testid=upload]', {
    name: 'at-limit.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)),
  });
  await page.waitForFunction(() => document.body.innerText.includes('Scenario loaded.'), null, { timeout: 300_000 });
  const loadMs = Date.now() - loadFrom;
  if (cpuThrottle > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  }
  await page.waitForTimeout(1000);
  const phases = [];
  const phase = async (name, body) => {
    const from = await page.evaluate(() => performance.now());
    await body();
    const to = await page.evaluate(() => performance.now());
    phases.push({ name, from, to });
  };
  const clock = () => page.textContent('[data-testid=clock]');
  await phase(`play at max for ${playSeconds} s`, async () => {
    await page.click('[data-testid=speed-max]');
    await page.click('[data-testid=play]');
    await page.waitForTimeout(playSeconds * 1000);
    await page.click('[data-testid=play]');
    await page.waitForTimeout(1500); // the redraws that follow a pause
  });
  const afterPlay = await clock();
  // Each of the other phases starts from 0:00, where the at-limit scenario does its heaviest
  // work (20,000 tasks starting). Since the engine got faster, 10 s of max reach about 9 h;
  // steps and Run to from there measured a quiet, steady cluster (and before a Step was bounded
  // to 10 simulated minutes, 20 of them went past Run to's 7-day limit, so the run-to phase
  // waited for a run that was refused).
  const reset = async () => {
    await page.click('[data-testid=reset]');
    await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent.trim() === '0:00:00');
    await page.waitForTimeout(1500);
  };
  await reset();
  await phase(`${steps} steps from 0:00`, async () => {
    for (let i = 0; i < steps; i += 1) await page.click('[data-testid=step]');
    await page.waitForTimeout(500);
  });
  await reset();
  await phase(`run to +${runToSeconds / 60} min from 0:00`, async () => {
    await page.fill('[data-testid=run-to-input]', '');
    const now = (await clock()).split(':').reduce((a, p) => a * 60 + (+p || 0), 0);
    const to = now + runToSeconds;
    const hms = `${Math.floor(to / 3600)}:${String(Math.floor((to % 3600) / 60)).padStart(2, '0')}:${String(to % 60).padStart(2, '0')}`;
    await page.fill('[data-testid=run-to-input]', hms);
    await page.click('[data-testid=run-to-go]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="run-progress"]')?.dataset.state === 'done',
      null, { timeout: 600_000, polling: 500 });
    await page.waitForTimeout(500);
  });
  const all = await page.evaluate(() => window.__longTasks);
  const chips = await page.locator('[data-testid=task]').count();
  console.log(`at-limit scenario: ${services} Fargate services × ${tasks} tasks, ${clusters} clusters × ${instances} instances` +
    `${cpuThrottle > 1 ? `, CPU throttled ${cpuThrottle}×` : ''}; ` +
    `loaded in ${(loadMs / 1000).toFixed(1)} s; ${chips} task chips drawn; clock after play ${afterPlay}, at the end ${await clock()}`);
  for (const p of phases) {
    const inPhase = all.filter((t) => t.start >= p.from && t.start <= p.to).sort((a, b) => b.duration - a.duration);
    const top = inPhase.slice(0, 5).map((t) => `${Math.round(t.duration)} (at ${((t.start - p.from) / 1000).toFixed(1)} s)`);
    console.log(`longest main-thread task, ${p.name}: ${Math.round(inPhase[0]?.duration ?? 0)} ms ` +
      `(${inPhase.length} over 50 ms${inPhase.length ? `; longest ${top.join(', ')} ms` : ''})`);
  }
} finally {
  await browser.close();
  server.close();
}
