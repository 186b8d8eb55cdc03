// The stage screenshot set (issue #11, "Done when"): each built-in example the issue names,
// run ten simulated minutes with "Run to" (its "done" strip left shown, as a user sees it), at
// 1280×720, 1440×900 and 1920×1080, plus presenter mode at 1280×720 and 1920×1080. Saves the
// PNGs into a directory OUTSIDE the repository (they are for looking at, not for committing) and
// prints, per shot, how many instances and task chips are wholly inside the visible cluster and
// whether the cluster or the page scrolls. Needs a release build in dist/.
// Usage: node scripts/stage-shots.mjs <out-dir> [filter]
import { mkdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchChromium, localPage } from './local-browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
const filter = process.argv[3] ?? '';
if (!out) {
  console.error('usage: node scripts/stage-shots.mjs <out-dir> [filter]');
  process.exit(2);
}
const EXAMPLES = ['default', 'fargate-spot-interruptions', 'fargate-spot-strategy', 'canary', 'target-tracking-spike'];
const SIZES = [[1280, 720], [1440, 900], [1920, 1080]];
const shots = [];
for (const example of EXAMPLES) {
  for (const [w, h] of SIZES) shots.push({ example, w, h, presenter: false });
}
for (const [w, h] of [[1280, 720], [1920, 1080]]) {
  for (const example of EXAMPLES) shots.push({ example, w, h, presenter: true });
}

/** Instances and chips wholly inside the cluster's visible box, and the scroll overflow. */
function measure() {
  const el = document.querySelector('[data-testid="cluster"]');
  const box = el.getBoundingClientRect();
  const inside = (n) => {
    const r = n.getBoundingClientRect();
    return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5
      && r.right <= box.right + 0.5 && r.bottom <= innerHeight && r.right <= innerWidth;
  };
  const count = (sel) => {
    const all = [...document.querySelectorAll(sel)];
    return `${all.filter(inside).length}/${all.length}`;
  };
  const font = (sel) => {
    const n = document.querySelector(sel);
    return n ? parseFloat(getComputedStyle(n).fontSize) : 0;
  };
  return {
    instances: count('[data-testid="instance"]'),
    tasks: count('[data-testid="task"]'),
    chipPx: font('[data-testid="task"]'),
    clusterScroll: el.scrollHeight - el.clientHeight,
    pageScroll: document.documentElement.scrollHeight - innerHeight,
    clusterPx: `${Math.round(box.width)}x${Math.round(box.height)}`,
  };
}

await mkdir(out, { recursive: true });
const { server, url } = await serveDist(join(root, 'dist'));
const browser = await launchChromium();
let whole = 0;
let total = 0;
try {
  for (const s of shots) {
    const name = `${s.presenter ? 'presenter-' : ''}${s.example}-${s.w}x${s.h}`;
    if (!name.includes(filter)) continue;
    const page = await localPage(browser, { width: s.w, height: s.h });
    await page.goto(url);
    await page.waitForSelector('[data-testid="instance"], [data-testid="task"]', { timeout: 30000 });
    if (s.example !== 'default') await page.selectOption('[data-testid=examples]', s.example);
    await page.fill('[data-testid=run-to-input]', '0:10');
    await page.click('[data-testid=run-to-go]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="run-progress"]')?.dataset.state === 'done', null, { timeout: 120000 });
    if (s.presenter) await page.keyboard.press('p');
    await page.waitForTimeout(600);
    const m = await page.evaluate(measure);
    const [ti, tn] = m.tasks.split('/');
    const [ii, inn] = m.instances.split('/');
    const all = ti === tn && ii === inn && m.pageScroll <= 1;
    total += 1;
    if (all) whole += 1;
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`${all ? 'WHOLE  ' : 'PARTIAL'} ${name}: instances ${m.instances}, tasks ${m.tasks}, chip ${m.chipPx}px, `
      + `cluster ${m.clusterPx} scrolls ${m.clusterScroll}px, page scrolls ${m.pageScroll}px`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${whole} of ${total} shots show the whole cluster; PNGs in ${out}`);
