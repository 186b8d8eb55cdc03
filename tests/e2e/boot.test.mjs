// The first second (issue #14): a loading view painted from index.html before the WebAssembly
// arrives — the title, what the playground is, and the download's progress — and gone once the
// app mounts; a failed start says so in the view instead of leaving a blank page.
const held = async (page) => {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  return release;
};

export const tests = [
  {
    name: 'boot: the loading view paints before the wasm arrives, shows the download, and leaves when the app mounts',
    async run({ page, base }) {
      await page.addInitScript(() => {
        window.__bootSteps = [];
        new MutationObserver(() => {
          const t = document.getElementById('boot-step')?.textContent;
          if (t && window.__bootSteps.at(-1) !== t) window.__bootSteps.push(t);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      const release = await held(page);
      await page.goto(base, { waitUntil: 'domcontentloaded' });
      const boot = page.getByTestId('boot');
      await boot.waitFor();
      const text = await boot.innerText();
      for (const part of ['ECS Playground', 'Amazon ECS', 'No AWS account', 'Loading the simulator']) {
        if (!text.includes(part)) throw new Error(`loading view lacks "${part}": ${text}`);
      }
      // Painted with content while the wasm is still held back.
      await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint').length === 1, null, { timeout: 5000 });
      if (await page.locator('h1').count()) throw new Error('the app mounted before its wasm arrived');
      const bar = await page.locator('.boot-bar').boundingBox();
      if (!bar || bar.width < 200 || bar.height < 5) throw new Error(`progress bar not visible: ${JSON.stringify(bar)}`);
      release();
      await page.getByRole('heading', { name: 'ECS Playground' }).waitFor({ timeout: 20000 });
      if (await page.getByTestId('boot').count()) throw new Error('the loading view stayed after the app mounted');
      const steps = await page.evaluate(() => window.__bootSteps);
      if (!steps.some((s) => /Loading the simulator… [\d,]+ KiB so far/.test(s))) {
        throw new Error(`no download progress shown: ${JSON.stringify(steps)}`);
      }
    },
  },
  {
    name: 'boot: a wasm that cannot load leaves a message in the loading view, not a blank page',
    async run({ page, base, errors }) {
      await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(base, { waitUntil: 'domcontentloaded' });
      const failed = page.locator('.boot.boot-failed');
      await failed.waitFor({ timeout: 10000 });
      const step = await page.locator('#boot-step').innerText();
      if (!step.includes('could not start')) throw new Error(`failure not explained: ${step}`);
      // The 404 and the failed start are logged by the browser: expected here.
      errors.length = 0;
    },
  },
];
