// Serves dist/ on a free localhost port, opens it in headless Chromium and saves a screenshot.
// Usage: node scripts/screenshot.mjs [out.png] [--fragment '#v1.…'] [--width 1440 --height 900]
//        [--click 'css selector']... [--wait ms]
// Only localhost is ever contacted; every other request is aborted.
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchChromium, localPage } from './local-browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const out = args[0] && !args[0].startsWith('--') ? args[0] : 'target/screenshot.png';
const clicks = args.flatMap((a, i) => (a === '--click' ? [args[i + 1]] : []));

const { server, url } = await serveDist(join(root, 'dist'));
const browser = await launchChromium();
try {
  const page = await localPage(browser, { width: +opt('--width', 1440), height: +opt('--height', 900) });
  await page.goto(url + opt('--fragment', ''));
  await page.waitForSelector('h1');
  for (const c of clicks) await page.click(c);
  await page.waitForTimeout(+opt('--wait', 500));
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  server.close();
}
