// Hang its application (the selected task's panel): the task's application stops answering while its process runs. The task
// panel says so, the log has the simulator's line, the load balancer calls its target unhealthy
// within two checks, and Keep in link counts the click (it is kept as `hangTask`).
import { uploadGolden, runTo } from './lib/deployments.mjs';

export const tests = [
  {
    name: 'hang task: the panel says so and the load balancer finds it unhealthy',
    async run({ page, base, screenshot }) {
      // tests/golden/alb_target_lifecycle.json without its scripted stop of web at 200 s.
      await uploadGolden(page, base, 'alb_target_lifecycle.json', (doc) => ({ ...doc, timeline: [] }));
      await runTo(page, '0:01');
      const chip = page.locator('[data-testid="task"][data-status="RUNNING"][data-service="web"]').first();
      await chip.click();
      // The button is in the selected task's panel.
      const hang = page.locator('[data-testid="hang-task"]');
      await hang.click();
      await page.locator('[data-testid="task-hung"]').waitFor({ timeout: 5000 });
      if (await hang.count() !== 0) throw new Error('a hung task still offers Hang its application');
      // Its chip says so (its red target looked like any task still starting: walkthrough).
      await page.locator('[data-testid="chip-hung"]').first().waitFor({ timeout: 5000 });
      await page.locator('label.keep-in-link').getByText('Keep in link (1 action)').waitFor();
      const said = await page.$$eval('[data-testid="log"] li .text', (els) =>
        els.map((e) => e.textContent).filter((t) => t.includes('stops answering')));
      if (said.length !== 1) throw new Error(`no hang line in the log: ${JSON.stringify(said)}`);
      await screenshot('hang-task');
      // Two failed checks, 30 s apart: unhealthy within about a minute of the hang.
      await runTo(page, '0:03');
      const unhealthy = await page.$$eval('[data-testid="log"] li .text', (els) =>
        els.map((e) => e.textContent).filter((t) => t.includes('(service web)') && t.includes('is unhealthy in')));
      if (unhealthy.length < 1) throw new Error('the hung task\'s target was never called unhealthy');
    },
  },
];
