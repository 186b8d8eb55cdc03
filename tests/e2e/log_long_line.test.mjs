// A long event-log line (issue #10, the first second at max): a scheduler pass that starts a
// service's tasks names every one of them in one line, as ECS's service events do; at the
// scenario limits that is ~40,000 characters, and laying it out was an 11–19 ms piece of the
// first second of max. The pane draws the line's start (ecs_sim::view::log_text, at most 400
// characters, cut between two task IDs) and a button that draws the rest.

import { bigScenario } from './lib/big_scenario.mjs';
import { runTo } from './lib/deployments.mjs';

export const tests = [
  {
    // The walkthrough at 1280x720: full 32-character task IDs made each entry four or five lines
    // in the narrow pane. IDs are drawn as their first eight characters, as the chips label
    // tasks (ecs_sim::view::log_ids); the whole ID is in the tooltip and in a copy of the line.
    name: 'event log: task and instance IDs are drawn short, and copied whole',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(base);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await runTo(page, '0:01:00');
      const line = page.locator('[data-testid="log"] li', { hasText: 'is RUNNING on i-' }).first();
      await line.waitFor({ timeout: 10000 });
      const seen = await line.locator('.text').evaluate((text) => {
        const ids = [...text.querySelectorAll('.log-id')].map((e) => ({
          title: e.title,
          width: e.getBoundingClientRect().width,
          drawn: e.firstChild.textContent,
        }));
        // The width of 12 characters of the line's font: an ID drawn whole is 32.
        const probe = document.createElement('span');
        probe.textContent = '0123456789ab';
        text.appendChild(probe);
        const twelve = probe.getBoundingClientRect().width;
        probe.remove();
        const range = document.createRange();
        range.selectNodeContents(text);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        const copied = selection.toString();
        selection.removeAllRanges();
        return { ids, twelve, copied, visible: text.innerText };
      });
      if (seen.ids.length !== 2) throw new Error(`expected a task ID and an instance ID: ${JSON.stringify(seen)}`);
      const [task, instance] = seen.ids;
      if (!/^[0-9a-f]{32}$/.test(task.title) || task.drawn !== task.title.slice(0, 8)) {
        throw new Error(`the task ID is not drawn as its first 8 characters: ${JSON.stringify(task)}`);
      }
      if (!/^i-[0-9a-f]{17}$/.test(instance.title) || instance.drawn !== instance.title.slice(0, 10)) {
        throw new Error(`the instance ID is not drawn as i- and 8 characters: ${JSON.stringify(instance)}`);
      }
      for (const id of seen.ids) {
        if (id.width > seen.twelve) throw new Error(`an ID is ${id.width}px wide, more than 12 characters (${seen.twelve}px)`);
      }
      if (!seen.copied.includes(task.title) || !seen.copied.includes(instance.title)) {
        throw new Error(`a copy of the line does not have the whole IDs: ${seen.copied}`);
      }
      // The chip table and the instance card label them the same way.
      const card = await page.locator('[data-testid="instance"] .iid').allInnerTexts();
      if (!card.includes(instance.drawn)) throw new Error(`no instance card labelled ${instance.drawn}: ${card}`);
      await line.scrollIntoViewIfNeeded();
      await screenshot('log-short-ids');
    },
  },
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
