// End-to-end harness: serves the release bundle (dist/) on a free localhost port, drives it in
// headless Debian Chromium through playwright-core, and prints "e2e: N passed, N failed".
// Every test gets a fresh browser context; any console error or page error fails the test;
// any request that is not to localhost is aborted. Screenshots go to target/e2e/.
//
// Usage: node tests/e2e/run.mjs [name-filter]
import { readdir, mkdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveDist, launchChromium } from '../../scripts/local-browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
// E2E_DIST serves another copy of the bundle (a build kept while the next one is made).
const dist = process.env.E2E_DIST || join(root, 'dist');
const shots = join(root, 'target', 'e2e');
const filter = process.argv[2] ?? '';

async function main() {
  await mkdir(shots, { recursive: true });
  const tests = [];
  for (const f of (await readdir(here)).filter((f) => f.endsWith('.test.mjs')).sort()) {
    const mod = await import(pathToFileURL(join(here, f)).href);
    for (const t of mod.tests) if (t.name.includes(filter)) tests.push({ file: f, ...t });
  }
  const { server, url: base } = await serveDist(dist);
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    for (const t of tests) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      await context.route('**/*', (route) => {
        const host = new URL(route.request().url()).hostname;
        return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
      });
      const errors = [];
      context.on('page', (p) => watch(p, errors));
      const page = await context.newPage();
      const started = Date.now();
      try {
        await t.run({
          page, context, base, errors,
          screenshot: (name, p = page) => p.screenshot({ path: join(shots, `${name}.png`), fullPage: false }),
        });
        if (errors.length) throw new Error(`console errors:\n  ${errors.join('\n  ')}`);
        passed++;
        console.log(`ok   ${t.file} :: ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${t.file} :: ${t.name}\n  ${String(e?.stack ?? e).split('\n').join('\n  ')}`);
        await page.screenshot({ path: join(shots, `FAILED-${t.name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

function watch(page, errors) {
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
}

main().catch((e) => {
  console.log(String(e?.stack ?? e));
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
