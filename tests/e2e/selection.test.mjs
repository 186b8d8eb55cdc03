// Linked selection (issue #11, "One selection drives every panel"): the selected service is one
// piece of state. Clicking a task chip of a service shows that service in the deployments panel,
// the metrics, the event log's filter and the editor's Service settings; clicking a log line of
// another service switches them all to it; the explain panel keeps the clicked task. A chart is
// one more place to pick: the every-service chart's legend entries (by click or keyboard) and
// lines select their service.

import { runTo } from './lib/deployments.mjs';

async function load(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  // One minute in, so both services have tasks and log lines.
  await runTo(page, '0:01:00');
  // The Deployments tab is drawn from its first opening on (its part is a chunk of its own,
  // web/src/later.rs) and then kept while hidden: open it once, back to Metrics.
  await page.click('[data-testid="dock-tab-deployments"]');
  await page.locator('[data-testid="deployments-service"]').waitFor({ timeout: 20000 });
  await page.click('[data-testid="dock-tab-metrics"]');
}

/** The service each picker shows: deployments, metrics, log filter ('' = all), editor. */
async function pickers(page) {
  return page.evaluate(() => {
    const shown = (id) => {
      const s = document.querySelector(`[data-testid="${id}"]`);
      return s ? (s.selectedOptions[0]?.value === '' ? '' : s.selectedOptions[0]?.textContent) : null;
    };
    return {
      deployments: shown('deployments-service'),
      metrics: shown('metrics-service'),
      log: shown('log-service'),
      editor: shown('service-select'),
    };
  });
}

async function expectPickers(page, want, when) {
  try {
    await page.waitForFunction((w) => {
      const shown = (id) => {
        const s = document.querySelector(`[data-testid="${id}"]`);
        return s ? (s.selectedOptions[0]?.value === '' ? '' : s.selectedOptions[0]?.textContent) : null;
      };
      return shown('deployments-service') === w.deployments && shown('metrics-service') === w.metrics
        && shown('log-service') === w.log && shown('service-select') === w.editor;
    }, want, { timeout: 5000, polling: 100 });
  } catch {
    throw new Error(`${when}: want ${JSON.stringify(want)}, the page shows ${JSON.stringify(await pickers(page))}`);
  }
}

const all = (name) => ({ deployments: name, metrics: name, log: name, editor: name });

export const tests = [
  {
    name: 'selection: a chip of api shows api everywhere, a log line of web switches all to web',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await page.click('[data-testid="tab-services"]');
      // At first every panel shows the first service and the log shows every service.
      await expectPickers(page, { deployments: 'web', metrics: 'web', log: '', editor: 'web' }, 'at load');
      // A task chip of api: the explain panel shows the task, every panel shows api.
      await page.locator('[data-testid="task"][data-service="api"]').first().click();
      await page.locator('[data-testid="explain"] [data-testid="explain-close"]').waitFor();
      await expectPickers(page, all('api'), 'after clicking a chip of api');
      const services = await page.$$eval('[data-testid="log"] li', (els) => [...new Set(els.map((e) => e.dataset.service))]);
      if (services.length !== 1 || services[0] !== 'api') throw new Error(`log lines of ${services}`);
      // The log says why it shows only api's lines, with the way back.
      const following = await page.locator('[data-testid="log-following"]').innerText();
      if (!following.includes('Only the lines of api')) throw new Error(`the log's filter note says: ${following}`);
      await screenshot('selection-api');
      await page.click('[data-testid="log-show-all"]');
      await expectPickers(page, { ...all('api'), log: '' }, 'after Show all');
      await page.locator('[data-testid="log-following"]').waitFor({ state: 'detached' });
      // "All services" in the log: the log shows every service; the others keep api.
      await page.locator('[data-testid="task"][data-service="api"]').first().click();
      await page.locator('[data-testid="log-following"]').waitFor({ state: 'detached', timeout: 1000 });
      await page.selectOption('[data-testid="log-service"]', '');
      await expectPickers(page, { ...all('api'), log: '' }, 'after All services');
      // Selecting elsewhere now leaves the log on all services.
      await page.click('[data-testid="dock-tab-deployments"]');
      await page.selectOption('[data-testid="deployments-service"]', { label: 'web' });
      // The metrics tab is drawn only while shown; the deployments tab stays in the page.
      await page.click('[data-testid="dock-tab-metrics"]');
      await expectPickers(page, { ...all('web'), log: '' }, 'after the deployments picker, log on all');
      await page.selectOption('[data-testid="metrics-service"]', { label: 'api' });
      await expectPickers(page, { ...all('api'), log: '' }, 'after the metrics picker, log on all');
      // A log line of web: every panel, and the log, show web.
      await page.locator('[data-testid="log"] li[data-service="web"] .text').first().click();
      await expectPickers(page, all('web'), 'after clicking a log line of web');
      const after = await page.$$eval('[data-testid="log"] li', (els) => [...new Set(els.map((e) => e.dataset.service))]);
      if (after.length !== 1 || after[0] !== 'web') throw new Error(`log lines of ${after} after the click`);
      // The service card of api selects api; the editor's picker selects too.
      await page.click('[data-testid="service-summary"][data-service="api"]');
      await expectPickers(page, all('api'), 'after clicking the api card');
      await page.selectOption('[data-testid="service-select"]', 'web');
      await expectPickers(page, all('web'), 'after the editor picker');
      await screenshot('selection-web');
    },
  },
  {
    name: 'selection: a chart legend entry or line selects its service, by click and by keyboard',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await page.click('[data-testid="tab-services"]');
      await page.click('[data-testid="dock-tab-metrics"]');
      const chart = '[data-testid="chart"][data-title="RunningTaskCount · every service"]';
      await page.locator(chart).waitFor();
      await expectPickers(page, { deployments: 'web', metrics: 'web', log: '', editor: 'web' }, 'at load');
      // The legend lists every service, as buttons.
      const entries = await page.$$eval(`${chart} [data-testid="chart-legend-entry"]`,
        (els) => els.map((e) => `${e.tagName}:${e.dataset.service}:${e.getAttribute('aria-pressed')}`));
      if (entries.join() !== 'BUTTON:web:true,BUTTON:api:false') throw new Error(`legend entries ${entries}`);
      // Click api's legend entry: every panel shows api, and the entry is pressed.
      await page.click(`${chart} [data-testid="chart-legend-entry"][data-service="api"]`);
      await expectPickers(page, all('api'), 'after clicking the api legend entry');
      if ((await page.getAttribute(`${chart} [data-testid="chart-legend-entry"][data-service="api"]`, 'aria-pressed')) !== 'true') {
        throw new Error('the api legend entry is not pressed once api is selected');
      }
      // Keyboard: focus web's entry and press Enter.
      await page.focus(`${chart} [data-testid="chart-legend-entry"][data-service="web"]`);
      await page.keyboard.press('Enter');
      await expectPickers(page, all('web'), 'after Enter on the web legend entry');
      // A click on api's line (its wide, invisible hit stroke) selects api.
      const hit = page.locator(`${chart} [data-testid="chart-series-hit"][data-service="api"]`);
      await hit.waitFor({ state: 'attached' });
      await hit.dispatchEvent('click');
      await expectPickers(page, all('api'), "after clicking api's line");
      // A per-service chart carries its service and clicking it keeps that selection.
      const cpu = '[data-testid="chart"][data-title="Running vs desired tasks"]';
      if ((await page.getAttribute(cpu, 'data-service')) !== 'api') throw new Error('the running-vs-desired chart does not name api');
      await page.click(cpu);
      await expectPickers(page, all('api'), 'after clicking the api running-vs-desired chart');
      await screenshot('selection-chart');
    },
  },
  {
    // An engineer's walkthrough: after a scenario naming the same services in the other order,
    // the every-service legend kept the previous scenario's colours (api orange beside its blue
    // line and chips): its entries were keyed by name alone.
    name: 'selection: the every-service legend takes each service\'s colour again when a new scenario reorders them',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await page.click('[data-testid="dock-tab-metrics"]');
      const chart = '[data-testid="chart"][data-title="RunningTaskCount · every service"]';
      await page.locator(`${chart} [data-testid="chart-legend-entry"]`).first().waitFor();
      await page.click('[data-testid="tab-scenario"]');
      const editor = page.locator('[data-testid="scenario-editor"]');
      const doc = JSON.parse(await editor.evaluate((el) => el.value));
      if (doc.services.map((s) => s.serviceName).join() !== 'web,api') throw new Error('the default no longer lists web, then api');
      doc.services.reverse();
      await editor.fill(JSON.stringify(doc, null, 2));
      await page.waitForFunction(() => document.querySelector('[data-testid="service-summary"]')?.dataset.service === 'api', null, { timeout: 10000 });
      await runTo(page, '0:01:00');
      const colours = () => page.evaluate((sel) => ['api', 'web'].map((name) => {
        const swatch = document.querySelector(`${sel} [data-testid="chart-legend-entry"][data-service="${name}"] .swatch`);
        const line = document.querySelector(`${sel} [data-testid="chart-series"][data-service="${name}"]`);
        return { name, swatch: swatch && getComputedStyle(swatch).backgroundColor, line: line && getComputedStyle(line).stroke };
      }), chart);
      await page.waitForFunction((sel) => document.querySelectorAll(`${sel} [data-testid="chart-series"]`).length === 2, chart, { timeout: 10000 });
      const seen = await colours();
      for (const c of seen) {
        if (!c.swatch || c.swatch !== c.line) throw new Error(`legend and line disagree: ${JSON.stringify(seen)}`);
      }
      if (seen[0].line === seen[1].line) throw new Error(`both services drawn alike: ${JSON.stringify(seen)}`);
    },
  },
  {
    name: 'selection: a second service selected, then a one-service example loaded: every panel shows the new service',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await page.click('[data-testid="tab-services"]');
      await page.locator('[data-testid="task"][data-service="api"]').first().click();
      await expectPickers(page, all('api'), 'after clicking a chip of api');
      await page.selectOption('[data-testid="examples"]', 'zone-outage');
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await page.click('[data-testid="tab-services"]');
      // The stale index (1) named no service of the new scenario: the pickers showed nothing.
      await expectPickers(page, { deployments: 'web', metrics: 'web', log: 'web', editor: 'web' }, 'after loading Zone outage');
    },
  },
];
