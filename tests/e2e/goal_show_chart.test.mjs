// A failed metric goal's Show runs the page to the first minute out of its bound and brings
// that metric's chart into view (lesson 12: the response time, the sixth chart, sat below the
// fold beside CPUUtilization; student walkthrough 2026-12-05).
export const tests = [
  {
    name: 'goal show: a failed metric goal shows its first minute over the bound and its chart',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${base}#lesson=service-auto-scaling`);
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      await page.getByTestId('lesson-check').click();
      await page.getByTestId('lesson-failed').waitFor({ timeout: 30000 });
      const goal = page.locator('[data-testid="goal"][data-goal="response-time"]');
      const text = await goal.innerText();
      if (!text.includes('first over the bound in the minute ending 0:16:00')) throw new Error(`detail: ${text}`);
      await goal.getByTestId('goal-show').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:16:00', null, { timeout: 30000 });
      const chart = page.locator('[data-testid="chart"][data-title="TargetResponseTime"]');
      await chart.waitFor({ timeout: 5000 });
      await page.waitForTimeout(400);
      const inView = await chart.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight - 40;
      });
      await screenshot('goal-show-chart');
      if (!inView) throw new Error('the TargetResponseTime chart is not in view after Show');
    },
  },
];
