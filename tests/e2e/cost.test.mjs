// The dock's Cost tab end to end: on an EC2 + Fargate scenario (the default) and on a
// Fargate-only one, run to a time, check the figures are non-zero and add up as shown (services
// + idle EC2 capacity = total; clusters = total), the cost-per-hour chart has points, and
// "Compare" fills the Same workload elsewhere card with three totals (Fargate Spot below
// Fargate). Screenshots of the tab at 1280×720 and 1440×900.
import { runTo } from './lib/deployments.mjs';

async function openCost(page) {
  await page.click('[data-testid="dock-tab-cost"]');
  await page.locator('[data-testid="cost-total"]').waitFor();
}

/** The panel's figures in nano-dollars, read from the page. */
async function figures(page) {
  return page.evaluate(() => {
    const rows = (id) => [...document.querySelectorAll(`[data-testid="${id}"] [data-testid="cost-row"]`)]
      .map((r) => ({ name: r.dataset.name, nano: Number(r.dataset.totalNano) }));
    const total = document.querySelector('[data-testid="cost-total"]');
    return {
      total: Number(total.dataset.totalNano),
      perHour: Number(total.dataset.perHourNano),
      services: rows('cost-services'),
      providers: rows('cost-providers'),
      clusters: rows('cost-clusters'),
      idle: rows('cost-idle'),
      prices: document.querySelector('[data-testid="cost-prices"]')?.textContent ?? '',
      points: Number(document.querySelector('[data-testid="cost-chart"] [data-testid="chart-series"]')?.dataset.points ?? 0),
    };
  });
}

const sum = (rows) => rows.reduce((a, r) => a + r.nano, 0);

/** Runs Compare and returns the cells once every run is done. */
async function compare(page) {
  await page.click('[data-testid="compare-run"]');
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-testid="compare-cell"]')];
    return cells.length === 4 && cells.every((c) => c.dataset.totalNano !== '')
      && !document.querySelector('[data-testid="compare-progress"]');
  }, null, { timeout: 120000, polling: 200 });
  return page.$$eval('[data-testid="compare-cell"]', (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.label, Number(e.dataset.totalNano)])));
}

/** The smallest computed font size of any text in the Cost tab outside the chart's SVG. */
async function smallestText(page) {
  return page.evaluate(() => {
    let min = Infinity;
    for (const el of document.querySelectorAll('[data-testid="cost"] *')) {
      if (el.closest('svg')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (own && el.getClientRects().length) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });
}

function check(cond, what) {
  if (!cond) throw new Error(what);
}

export const tests = [
  {
    name: 'cost: EC2 and Fargate figures add up, the chart has points, Compare shows three totals',
    async run({ page, base, screenshot }) {
      await page.goto(base);
      // A tall dock with the editor folded away, as an instructor would show the Cost tab.
      await page.evaluate(() => localStorage.setItem('ecs-playground.layout.v1',
        JSON.stringify({ dockTab: 'cost', dockHeight: 62, editorOpen: false, dockOpen: true })));
      await page.reload();
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await openCost(page);
      await runTo(page, '0:30');
      await page.waitForFunction(() =>
        Number(document.querySelector('[data-testid="cost-chart"] [data-testid="chart-series"]')?.dataset.points ?? 0) >= 2,
      null, { timeout: 10000, polling: 200 });
      const f = await figures(page);
      check(f.total > 0 && f.perHour > 0, `total ${f.total}, per hour ${f.perHour}`);
      check(f.idle.length === 3 && f.idle[0].nano > 0, `idle rows ${JSON.stringify(f.idle)}`);
      // Each row is rounded down to a nano-dollar: allow one per row.
      const added = sum(f.services) + f.idle[0].nano;
      check(added <= f.total && f.total - added <= f.services.length + 1,
        `services ${sum(f.services)} + idle ${f.idle[0].nano} != total ${f.total}`);
      check(Math.abs(sum(f.clusters) - f.total) <= f.clusters.length, `clusters ${sum(f.clusters)} vs ${f.total}`);
      check(f.providers.some((p) => p.name === 'asg-m5') && f.providers.some((p) => p.name.startsWith('FARGATE')),
        `providers ${JSON.stringify(f.providers)}`);
      check(f.prices.includes('us-east-1') && f.prices.includes('pricing'), f.prices);
      check(f.points >= 2, `chart points ${f.points}`);
      const cells = await compare(page);
      for (const k of ['As written', 'Fargate', 'Fargate Spot', 'EC2']) check(cells[k] > 0, `${k}: ${JSON.stringify(cells)}`);
      check(cells['Fargate Spot'] < cells.Fargate, `Spot ${cells['Fargate Spot']} vs Fargate ${cells.Fargate}`);
      const heading = await page.locator('[data-testid="compare-heading"]').innerText();
      check(heading.includes('0:30'), heading);
      const smallest = await smallestText(page);
      check(smallest >= 12, `text as small as ${smallest}px in the Cost tab`);
      await screenshot('cost-1440x900');
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.waitForTimeout(300);
      await screenshot('cost-1280x720');
    },
  },
  {
    name: 'cost: a Fargate-only scenario has no idle capacity and its services make the total',
    async run({ page, base, screenshot }) {
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await page.selectOption('[data-testid="examples"]', 'fargate-spot-strategy');
      await page.waitForFunction(() =>
        document.querySelector('.scenario-name')?.textContent.toLowerCase().includes('spot'),
      null, { timeout: 10000 });
      await openCost(page);
      await runTo(page, '0:20');
      const f = await figures(page);
      check(f.total > 0, `total ${f.total}`);
      check(f.idle.length === 0, 'no idle EC2 capacity row without instances');
      check(f.total - sum(f.services) <= f.services.length, `services ${sum(f.services)} vs total ${f.total}`);
      check(f.providers.some((p) => p.name === 'FARGATE_SPOT' && p.nano > 0), JSON.stringify(f.providers));
      check(f.points >= 2, `chart points ${f.points}`);
      const cells = await compare(page);
      check(cells.EC2 > 0 && cells.Fargate > 0 && cells['Fargate Spot'] > 0, JSON.stringify(cells));
      check(cells['Fargate Spot'] < cells.Fargate, JSON.stringify(cells));
      await screenshot('cost-fargate-1440x900');
    },
  },
];
