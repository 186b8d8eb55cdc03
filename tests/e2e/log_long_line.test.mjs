// A long event-log line (issue #10, the first second at max): a scheduler pass that starts a
// service's tasks names every one of them in one line, as ECS's service events do; at the
// scenario limits that is ~40,000 characters, and laying it out was an 11–19 ms piece of the
// first second of max. The pane draws the line's start (ecs_sim::view::log_text, at most 400
// characters, cut between two task IDs) and a button that draws the rest.

import { bigScenario } from './lib/big_scenario.mjs';
import { runTo } from './lib/deployments.mjs';

export const tests = [
  {
    name: 'event log: a line naming 30 new tasks shows its start and a button for the rest',
    async run({ page, base, screenshot }) {
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      const doc = bigScenario({ services: 1, tasks: 30, clusters: 1, instances: 1 });
      await page.setInputFiles('[data-testid="upload"]', {
        name: 'thirty.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)),
      });
      await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
      await page.click('[data-testid="notice"] .dismiss');
      await runTo(page, '0:00:30');
      const line = page.locator('[data-testid="log"] li', { hasText: 'has started 30 tasks' });
      await line.first().waitFor({ timeout: 10000 });
      const text = line.first().locator('.text');
      const short = await text.innerText();
      const more = line.first().locator('[data-testid="log-more"]');
      if ((await more.count()) !== 1) throw new Error('no "show all" button on a line of 30 task IDs');
      if (short.length > 400) throw new Error(`${short.length} characters drawn before "show all"`);
      if (!short.trimEnd().endsWith(')')) throw new Error(`the line is cut inside a task ID: …${short.slice(-40)}`);
      const hidden = Number((await more.innerText()).match(/\((\d+) more characters\)/)?.[1]);
      await line.first().scrollIntoViewIfNeeded();
      await screenshot('log-long-line');
      await more.click();
      const whole = await text.innerText();
      const ids = whole.match(/\(task [0-9a-f]{32}\)/g) ?? [];
      if (ids.length !== 30) throw new Error(`the whole line names ${ids.length} tasks, not 30`);
      if (whole.length - short.length !== hidden) {
        throw new Error(`the button said ${hidden} more characters, the line grew by ${whole.length - short.length}`);
      }
      if (await more.count()) throw new Error('the button stays after drawing the whole line');
    },
  },
];
