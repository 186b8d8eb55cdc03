// The first second (issue #14): first contentful paint, the time until the app's heading is on
// the page, and interactive: the first container instance of the cluster drawn (its element on
// the page, then the next frame painted), for the release bundle (dist/) served from localhost,
// unthrottled and with Chromium's network emulation at 20 and 5 Mbit/s. Each run is a fresh browser context (no
// cache). Also the editor on the page (its part comes from its own wasm chunk, web/src/later.rs),
// and which wasm files the opening page fetched, with their gzip -9 size. Prints medians;
// asserts nothing.
// Usage: node scripts/bench-first-paint.mjs [--runs 5] [--dist DIR]
import { join, resolve, dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serveDist, launchChromium } from './local-browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const dist = resolve(opt('--dist', join(root, 'dist')));
const runs = +opt('--runs', 5);
const NETWORKS = [
  ['localhost', null],
  ['20 Mbit/s, 20 ms', { latency: 20, downloadThroughput: (20e6 / 8), uploadThroughput: (5e6 / 8) }],
  ['5 Mbit/s, 40 ms', { latency: 40, downloadThroughput: (5e6 / 8), uploadThroughput: (1e6 / 8) }],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { server, url } = await serveDist(dist);
const browser = await launchChromium();
try {
  for (const [label, network] of NETWORKS) {
    const fcp = [];
    const app = [];
    const drawn = [];
    const editor = [];
    let fetched = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          if (window.__appAt === undefined && document.querySelector('h1')) window.__appAt = performance.now();
          if (window.__editorAt === undefined && document.querySelector('[data-testid="tab-services"]')) window.__editorAt = performance.now();
          if (window.__drawnAt === undefined && window.__drawnAsked === undefined && document.querySelector('[data-testid="instance"]')) {
            window.__drawnAsked = true;
            requestAnimationFrame(() => { window.__drawnAt = performance.now(); });
          }
          if (window.__editorAt !== undefined && window.__drawnAsked) obs.disconnect();
        }).observe(document, { subtree: true, childList: true });
      });
      if (network) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
      }
      const wasm = [];
      page.on('request', (q) => { if (/\.(wasm|bin)$/.test(q.url())) wasm.push(q.url().split('/').pop()); });
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => window.__drawnAt !== undefined && window.__editorAt !== undefined
          && performance.getEntriesByName('first-contentful-paint').length > 0,
        null, { timeout: 120_000 });
      const r = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        app: window.__appAt,
        drawn: window.__drawnAt,
        editor: window.__editorAt,
      }));
      if (i === 0) { await page.waitForTimeout(1000); fetched = [...new Set(wasm)]; }
      editor.push(r.editor);
      fcp.push(r.fcp);
      app.push(r.app);
      drawn.push(r.drawn);
      await context.close();
    }
    console.log(`first paint, ${label}: first contentful paint median ${median(fcp).toFixed(0)} ms `
      + `(${Math.min(...fcp).toFixed(0)}–${Math.max(...fcp).toFixed(0)}), app on the page median ${median(app).toFixed(0)} ms `
      + `(${Math.min(...app).toFixed(0)}–${Math.max(...app).toFixed(0)}), interactive (first instance drawn) median ${median(drawn).toFixed(0)} ms `
      + `(${Math.min(...drawn).toFixed(0)}–${Math.max(...drawn).toFixed(0)}), editor on the page median ${median(editor).toFixed(0)} ms `
      + `(${Math.min(...editor).toFixed(0)}–${Math.max(...editor).toFixed(0)}), ${runs} runs`);
    if (label === 'localhost') {
      const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
      const total = fetched.reduce((n, f) => n + gz(f), 0);
      console.log(`first paint: the opening page fetched ${fetched.length} wasm files (a pack of small chunks counted as one), ${(total / 1024).toFixed(1)} KiB gzip -9 `
        + `(the main module ${(gz(fetched.find((f) => f.endsWith('_bg.wasm'))) / 1024).toFixed(1)} KiB)`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
