// Code splitting (issue #14, the first second): the release module is cut into chunks at the
// parts of the page that the opening page does not need (web/src/later.rs); each arrives when
// its part is first shown, and a chunk that cannot be downloaded says so instead of stopping
// the page.
const wasmRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) seen.push(r.url().split('/').pop()); });
  return seen;
};
const has = (seen, part) => seen.some((f) => f.startsWith(`split_${part}-`));

export const tests = [
  {
    name: 'split: the opening page fetches no chunk of a hidden part; the Cost tab fetches its chunk when it opens',
    async run({ page, base }) {
      const seen = wasmRequests(page);
      await page.goto(base);
      await page.getByTestId('cluster').waitFor();
      // The Metrics tab is open by default: its chunk arrives, and its charts show.
      await page.getByTestId('metrics').waitFor({ timeout: 20000 });
      // The opening page asks for its parts within a frame of drawing: a second is ample.
      await page.getByTestId('tab-services').waitFor({ timeout: 20000 });
      await page.waitForTimeout(1000);
      if (!seen.some((f) => /^ecs-playground-[0-9a-f]+_bg\.wasm$/.test(f))) {
        throw new Error(`no main module among ${JSON.stringify(seen)}`);
      }
      if (!has(seen, 'metrics_part')) throw new Error(`the Metrics chunk was not fetched: ${JSON.stringify(seen)}`);
      for (const hidden of ['cost_part', 'builder_part', 'course_map_part', 'services_part', 'presenter_aside_part']) {
        if (has(seen, hidden)) throw new Error(`${hidden} was fetched by the opening page: ${JSON.stringify(seen)}`);
      }
      await page.getByTestId('dock-tab-cost').click();
      await page.getByTestId('cost-per-hour').waitFor({ timeout: 20000 });
      if (!has(seen, 'cost_part')) throw new Error(`the Cost tab showed without its chunk: ${JSON.stringify(seen)}`);
      // Presenter mode and the course come from their chunks too.
      await page.getByRole('button', { name: 'Lessons' }).click();
      await page.getByTestId('course-map').waitFor({ timeout: 20000 });
      if (!has(seen, 'course_map_part')) throw new Error(`the course map showed without its chunk: ${JSON.stringify(seen)}`);
    },
  },
  {
    name: 'split: a chunk that cannot be downloaded says so, keeps the page working, and Try again loads it',
    async run({ page, base, errors }) {
      let refuse = true;
      await page.route('**/split_cost_part-*.wasm', (route) =>
        refuse ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue());
      await page.goto(base);
      await page.getByTestId('cluster').waitFor();
      await page.getByTestId('dock-tab-cost').click();
      const failed = page.getByTestId('part-not-loaded');
      await failed.waitFor({ timeout: 20000 });
      const text = await failed.innerText();
      if (!text.includes('could not be downloaded') || !text.includes('scenario is kept')) {
        throw new Error(`failure not explained: ${text}`);
      }
      // The rest of the page still works: +10 min runs the simulation.
      const before = await page.getByTestId('clock').innerText();
      await page.getByTestId('run-10m').click();
      await page.waitForFunction((b) => document.querySelector('[data-testid=clock]')?.innerText !== b, before, { timeout: 10000 });
      // The refused fetch is logged by the browser and the loader: expected here.
      errors.length = 0;
      refuse = false;
      // The editor did load: Try again must leave it alone (not draw it anew, losing its state).
      await page.getByTestId('tab-services').evaluate((e) => { e.dataset.kept = 'yes'; });
      await failed.getByRole('button', { name: 'Try again' }).click();
      await page.getByTestId('cost-per-hour').waitFor({ timeout: 20000 });
      if (await page.getByTestId('part-not-loaded').count()) throw new Error('the failure message stayed after the chunk loaded');
      if ((await page.getByTestId('tab-services').getAttribute('data-kept')) !== 'yes') {
        throw new Error('Try again drew the editor anew');
      }
    },
  },
  {
    name: 'split: the pack of small shared chunks answered with something else (a proxy page, status 200): the editor says so, and Try again brings it',
    async run({ page, base, errors }) {
      let refuse = true;
      await page.route('**/chunks-*.bin', (route) =>
        refuse ? route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Sign in to the Wi-Fi</html>' }) : route.continue());
      await page.goto(base);
      await page.getByTestId('cluster').waitFor();
      const failed = page.getByTestId('editor-pane').getByTestId('part-not-loaded');
      await failed.waitFor({ timeout: 20000 });
      errors.length = 0;
      refuse = false;
      await failed.getByRole('button', { name: 'Try again' }).click();
      await page.getByTestId('tab-services').waitFor({ timeout: 20000 });
    },
  },
];

tests.push({
  // Review, thirty-second session: a task definition edit is kept in this browser's storage by
  // the editor, and a lesson's Start over used to ask only the editor to drop it. With the
  // editor's chunk not downloaded, the edit survived the Start over and came back with the
  // editor on the next visit.
  name: "split: a lesson's Start over made while the editor's chunk cannot be downloaded still discards a kept task definition edit",
  async run({ page, base, context, errors }) {
    const lesson = `${base}#lesson=fargate-task-size`;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(lesson);
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await page.locator('[data-testid^="tab-td-"]').first().click();
    const editor = page.locator('[data-testid=td-editor]');
    const original = await editor.evaluate((el) => el.value);
    await editor.fill(`${original} x`);
    await page.locator('[data-testid=td-revision]').getByText('unregistered edit').waitFor({ timeout: 5000 });
    await page.close();

    // The next visit's editor chunk is refused; the student starts the lesson over.
    const offline = await context.newPage();
    await offline.route('**/split_editor_part-*.wasm', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await offline.setViewportSize({ width: 1280, height: 720 });
    await offline.goto(lesson);
    await offline.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await offline.getByTestId('editor-pane').getByTestId('part-not-loaded').waitFor({ timeout: 20000 });
    offline.once('dialog', (d) => d.accept());
    await offline.getByTestId('lesson-start-over').click();
    await offline.waitForTimeout(300);
    await offline.close();
    errors.length = 0;

    // With the editor back, the lesson's task definition is the starting one.
    const back = await context.newPage();
    await back.setViewportSize({ width: 1280, height: 720 });
    await back.goto(lesson);
    await back.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await back.locator('[data-testid^="tab-td-"]').first().click();
    const shown = back.locator('[data-testid=td-editor]');
    await back.locator('[data-testid=td-revision]').waitFor({ timeout: 20000 });
    if ((await shown.evaluate((el) => el.value)) !== original) throw new Error('the edit came back after Start over');
    if (await back.locator('[data-testid=td-revision]').getByText('unregistered edit').count()) {
      throw new Error('the family still shows an unregistered edit');
    }
  },
});
