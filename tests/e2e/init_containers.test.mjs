// Containers in dependsOn order (the "Init containers" example): a task whose app waits for a
// health check that never passes stays PENDING, and its panel says what it waits for, in the
// engine's words, so "why is this task PENDING?" has an answer (before, every container started
// with the task and it ran).
import { runTo } from './lib/deployments.mjs';

/** The Init containers example at 1280x720, run to 0:05:00. */
async function initContainersAtFive(page, base) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  await page.selectOption('[data-testid="examples"]', 'init-containers');
  await page.locator('[data-testid="scenario-about-more"]').waitFor();
  await runTo(page, '0:05');
}

export const tests = [
  {
    name: 'init containers: a task waiting on dependsOn stays PENDING and its panel says on what',
    async run({ page, base, screenshot }) {
      await initContainersAtFive(page, base);
      const reports = page.locator('[data-testid="task"][data-service="reports"]');
      if ((await reports.count()) !== 1) throw new Error(`${await reports.count()} reports chips`);
      if ((await reports.first().getAttribute('data-status')) !== 'PENDING') throw new Error(`reports is ${await reports.first().getAttribute('data-status')} at 0:05:00`);
      const said = await page.$$eval('[data-testid="log"] li .text', (els) => els.map((e) => e.textContent));
      if (!said.some((t) => t.includes('could not start (CannotStartContainerError') && t.includes('migrate exited with code 1'))) throw new Error('no line for worker\'s failed migration');
      await reports.first().click();
      const why = page.locator('[data-testid="task-start-order"]');
      await why.waitFor({ timeout: 5000 });
      const text = await why.innerText();
      if (!text.includes('Container app waits until db passes its health check') || !text.includes('no startTimeout on db')) throw new Error(`panel: ${text}`);
      // api's tasks waited for their migration and run; none of worker's ever ran.
      const api = await page.$$eval('[data-testid="task"][data-service="api"]', (els) => els.map((e) => e.dataset.status));
      if (api.filter((s) => s === 'RUNNING').length !== 3) throw new Error(`api: ${api.join(',')}`);
      await screenshot('init-containers-pending-1280');
    },
  },
  {
    // The log pane that holds a task's details is hidden in presenter mode: a chip clicked on
    // the projector showed nothing, and the room never saw why a task stays PENDING.
    name: 'init containers: in presenter mode a clicked PENDING chip says what it waits for beside the cluster, in place of the chart',
    async run({ page, base, screenshot }) {
      await initContainersAtFive(page, base);
      await page.locator('[data-testid="presenter-toggle"]').click();
      const aside = page.getByTestId('presenter-aside');
      await aside.waitFor();
      if (await aside.getByTestId('presenter-explain').count()) throw new Error('details shown before any chip was clicked');
      if (!(await aside.locator('.chart').isVisible())) throw new Error('no chart before a selection');
      await page.locator('[data-testid="task"][data-service="reports"]').first().click();
      const why = aside.getByTestId('task-start-order');
      await why.waitFor({ timeout: 5000 });
      if (!(await why.innerText()).includes('Container app waits until db passes its health check')) throw new Error(`presenter panel: ${await why.innerText()}`);
      const box = await why.boundingBox();
      if (!box || box.y < 0 || box.y + box.height > 720) throw new Error(`the waiting reason is outside the projector's view: ${JSON.stringify(box)}`);
      if (await aside.locator('.chart').count()) throw new Error('the chart still takes the column beside the details');
      if (await aside.getByTestId('presenter-chart').isVisible()) throw new Error('the chart picker still shows beside the details');
      if (!(await aside.getByTestId('presenter-events').isVisible())) throw new Error('the latest events went with the chart');
      await screenshot('init-containers-presenter-1280');
      await aside.getByTestId('explain-close').click();
      await aside.locator('.chart').waitFor({ timeout: 5000 });
      if (await aside.getByTestId('presenter-explain').count()) throw new Error('the details stayed after close');
      // Escape closes a selection first and leaves presenter mode only when nothing is selected.
      await page.locator('[data-testid="task"][data-service="api"]').first().click();
      await aside.getByTestId('presenter-explain').waitFor({ timeout: 5000 });
      await page.keyboard.press('Escape');
      await aside.getByTestId('presenter-explain').waitFor({ state: 'detached', timeout: 5000 });
      if (!(await aside.isVisible())) throw new Error('Escape closing the details also left presenter mode');
      await page.keyboard.press('Escape');
      await aside.waitFor({ state: 'detached', timeout: 5000 });
    },
  },
];
