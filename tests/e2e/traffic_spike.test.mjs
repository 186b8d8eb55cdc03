// Traffic spike end to end: a service with Service Auto Scaling (target tracking, 50% CPU) on an
// Auto Scaling group with managed scaling. Traffic spike (×3 for 5 min), then Run to 0:30: the
// RunningTaskCount and InstanceCount charts rise, a scale-out marker is on the chart, and the
// CPU and CapacityProviderReservation charts carry their target lines.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const fixture = fileURLToPath(new URL('./fixtures/traffic-scaling.json', import.meta.url));

async function load(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  await page.setInputFiles('[data-testid="upload"]', {
    name: 'traffic-scaling.json', mimeType: 'application/json', buffer: await readFile(fixture),
  });
  await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
}

// The values of a series, read back from its SVG path (y grows downwards, so the value is -y).
async function seriesHeights(page, chartTitle, label) {
  const d = await page
    .locator(`[data-testid="chart"][data-title="${chartTitle}"] [data-testid="chart-series"][data-label="${label}"]`)
    .getAttribute('d');
  const ys = [...(d ?? '').matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => -Number(m[2]));
  if (ys.length < 2) throw new Error(`${chartTitle}/${label}: too few points (${d})`);
  return ys;
}

function rose(ys, what) {
  const first = ys[0];
  const top = Math.max(...ys);
  if (!(top > first)) throw new Error(`${what} did not rise: first ${-first}, highest ${-top}`);
}

export const tests = [
  {
    name: 'traffic spike: tasks and instances scale out, markers and target lines on the charts',
    async run({ page, base, screenshot }) {
      await load(page, base);
      const spot = page.locator('[data-testid="spot-interruption"]');
      if (!(await spot.isDisabled())) throw new Error('Spot interruption enabled without Spot tasks');
      const why = await spot.getAttribute('title');
      if (!why.includes('FARGATE_SPOT')) throw new Error(`Spot tooltip: ${why}`);
      const spike = page.locator('[data-testid="traffic-spike"]');
      if (await spike.isDisabled()) throw new Error(`Traffic spike disabled: ${await spike.getAttribute('title')}`);
      await spike.click();
      await page.locator('.log-pane').getByText('Traffic spike: (service web) receives 300%').first().waitFor();
      await page.fill('[data-testid="run-to-input"]', '0:30');
      await page.click('[data-testid="run-to-go"]');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="run-progress"]')?.dataset.state === 'done',
      null, { timeout: 120000, polling: 200 });

      rose(await seriesHeights(page, 'Running vs desired tasks', 'RunningTaskCount'), 'RunningTaskCount');
      rose(await seriesHeights(page, 'InstanceCount · asg-m5', 'InstanceCount'), 'InstanceCount');

      const markers = await page.locator('[data-testid="chart"][data-title="CPUUtilization"] [data-testid="chart-marker"] title').allTextContents(); // full texts: drawn labels may be cut to fit
      if (!markers.some((m) => m.startsWith('scale out 2→'))) throw new Error(`markers: ${markers.join(' | ')}`);
      if (!markers.some((m) => m.startsWith('instances 1→'))) throw new Error(`no managed scaling marker: ${markers.join(' | ')}`);
      const cpuTarget = await page.locator('[data-testid="chart"][data-title="CPUUtilization"] [data-testid="chart-target"]').getAttribute('data-value');
      if (cpuTarget !== '50') throw new Error(`CPU target line: ${cpuTarget}`);
      const cprTarget = await page.locator('[data-testid="chart"][data-title="CapacityProviderReservation · asg-m5"] [data-testid="chart-target"]').getAttribute('data-value');
      if (cprTarget !== '100') throw new Error(`CapacityProviderReservation target line: ${cprTarget}`);

      await screenshot('traffic-spike-page');
      const metrics = page.locator('[data-testid="metrics"]');
      await metrics.scrollIntoViewIfNeeded();
      await metrics.screenshot({ path: 'target/e2e/traffic-spike-metrics.png' });
      for (const [title, file] of [
        ['CPUUtilization', 'chart-cpu'],
        ['Running vs desired tasks', 'chart-tasks'],
        ['CapacityProviderReservation · asg-m5', 'chart-cpr'],
        ['InstanceCount · asg-m5', 'chart-instances'],
      ]) {
        await page.locator(`[data-testid="chart"][data-title="${title}"]`).screenshot({ path: `target/e2e/traffic-spike-${file}.png` });
      }
      // Two-chart pictures for the README: only the charts of one story are left visible.
      for (const [file, keep] of [
        ['scaling-target-tracking', ['CPUUtilization', 'Running vs desired tasks']],
        ['cluster-auto-scaling', ['CapacityProviderReservation · asg-m5', 'InstanceCount · asg-m5']],
      ]) {
        await page.evaluate((keep) => {
          for (const f of document.querySelectorAll('[data-testid="chart"]')) {
            f.style.display = keep.includes(f.dataset.title) ? '' : 'none';
          }
        }, keep);
        await metrics.screenshot({ path: `target/e2e/${file}.png` });
      }
    },
  },
  {
    name: 'traffic spike: the service settings show the scaling and traffic editors',
    async run({ page, base, screenshot }) {
      await load(page, base);
      await page.click('[data-testid="tab-services"]');
      await page.locator('[data-testid="service-scaling"]').waitFor();
      await page.locator('[data-testid="deployment-config"]').scrollIntoViewIfNeeded();
      await screenshot('traffic-spike-service-settings');
      const target = page.locator('[data-testid="tt-target"]');
      if ((await target.evaluate((el) => el.value)) !== '50') throw new Error(`target value field: ${await target.evaluate((el) => el.value)}`);
      await target.fill('0');
      await target.dispatchEvent('change');
      await page.locator('[data-testid="scaling-error"]').getByText('targetValue must be above 0').waitFor();
      await target.fill('40');
      await target.dispatchEvent('change');
      await page.locator('[data-testid="scaling-error"]').waitFor({ state: 'detached' });
      await page.selectOption('[data-testid="traffic-shape"]', 'spike');
      await page.locator('[data-testid="traffic-spikeRequestsPerSecond"]').waitFor();
      await page.selectOption('[data-testid="dc-strategy"]', 'CANARY');
      await page.locator('[data-testid="dc-canary-percent"]').waitFor();
      await page.locator('[data-testid="deployment-config"]').screenshot({ path: 'target/e2e/traffic-spike-deployment-form.png' });
      await page.locator('[data-testid="traffic"]').screenshot({ path: 'target/e2e/traffic-spike-traffic-form.png' });
    },
  },
  {
    name: 'spot interruption: the button interrupts the first running Spot task of the service',
    async run({ page, base, screenshot }) {
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await page.selectOption('[data-testid="examples"]', 'fargate-spot-strategy');
      const spot = page.locator('[data-testid="spot-interruption"]');
      await page.click('[data-testid="run-10m"]');
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="run-progress"]')?.dataset.state === 'done',
      null, { timeout: 60000, polling: 200 });
      if (await spot.isDisabled()) throw new Error(`Spot interruption disabled: ${await spot.getAttribute('title')}`);
      await spot.click();
      await page.locator('.log-pane').getByText('stopCode SpotInterruption').first().waitFor();
      await screenshot('spot-interruption');
    },
  },
];
