// The cluster pane end to end: tasks reach RUNNING, a terminated instance's tasks move to the
// other instances with ECS's host-terminated reason, and a task that fits nowhere is explained
// instance by instance.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runTo } from './lib/deployments.mjs';

const defaultScenario = fileURLToPath(new URL('../../core/src/scenario/examples/default.json', import.meta.url));

async function load(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
}

async function waitFor(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: 20000, polling: 100 });
  } catch {
    throw new Error(`timed out waiting for ${what}`);
  }
}

// Pauses and waits until the page shows the paused engine. While playing, the page redraws
// only every 100 ms, so right after the click the DOM can be behind the engine: at max speed
// the default scenario's timeline (instance 0 terminated at 2:00) may already have happened
// in the engine but not on screen.
async function pause(page) {
  await page.click('[data-testid="play"]');
  await page.locator('[data-testid="play"]').getByText('Play').waitFor();
  await page.evaluate(() => new Promise((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
}

const running = (page, service) =>
  page.locator(`[data-testid="task"][data-status="RUNNING"][data-service="${service}"]`).count();

export const tests = [
  {
    name: 'cluster: play at max speed and every task reaches RUNNING',
    async run({ page, base, screenshot }) {
      await load(page, base);
      await page.click('[data-testid="speed-max"]');
      await page.click('[data-testid="play"]');
      await waitFor(page, () =>
        document.querySelectorAll('[data-testid="task"][data-status="RUNNING"][data-service="web"]').length === 6 &&
        document.querySelectorAll('[data-testid="task"][data-status="RUNNING"][data-service="api"]').length === 4,
        null, '6 web and 4 api tasks RUNNING');
      await page.click('[data-testid="play"]');
      // The service cards redraw in a task of their own after the cluster (every 300 ms at max,
      // and once more after the pause), so they may trail the chips by a redraw.
      const card = '[data-testid="service-summary"][data-service="web"]';
      await page.waitForFunction((sel) => {
        const t = document.querySelector(sel)?.innerText ?? '';
        return /desired\s*6/.test(t) && /running\s*6/.test(t);
      }, card, { timeout: 5000, polling: 100 }).catch(() => {});
      const summary = await page.locator(card).innerText();
      if (!/desired\s*6/.test(summary) || !/running\s*6/.test(summary)) throw new Error(`web summary: ${summary}`);
      const lanes = await page.locator('[data-testid="zone-lane"]').count();
      if (lanes !== 3) throw new Error(`expected 3 zone lanes, found ${lanes}`);
      const fargate = await page.locator('[data-testid="fargate-group"] [data-testid="task"]').count();
      if (fargate !== 4) throw new Error(`expected the 4 api tasks in Fargate groups, found ${fargate}`);
      await screenshot('cluster-running');
    },
  },
  {
    name: 'cluster: terminating an instance reschedules its tasks elsewhere',
    async run({ page, base, screenshot }) {
      await load(page, base);
      await page.click('[data-testid="speed-max"]');
      await page.click('[data-testid="play"]');
      await waitFor(page, () =>
        document.querySelectorAll('[data-testid="task"][data-status="RUNNING"][data-service="web"]').length === 6,
        null, '6 web tasks RUNNING');
      await pause(page);
      // The instance with the most web tasks.
      const victim = await page.evaluate(() => {
        let best = null;
        let most = 0;
        for (const el of document.querySelectorAll('[data-testid="instance"][data-status="ACTIVE"]')) {
          const n = el.querySelectorAll('[data-testid="task"][data-service="web"]').length;
          if (n > most) { most = n; best = el.dataset.id; }
        }
        return { id: best, tasks: most };
      });
      if (!victim.id || victim.tasks < 1) throw new Error('no instance runs web tasks');
      await page.click(`[data-testid="instance"][data-id="${victim.id}"] .instance-head`);
      await page.locator('[data-testid="explain"]').getByText(victim.id).first().waitFor();
      await page.click('[data-testid="terminate-instance"]');
      const log = page.locator('[data-testid="log"]');
      await log.getByText(`terminate-instances ${victim.id}`).first().waitFor();
      await log.getByText(`Host EC2 (instance ${victim.id}) terminated.`).first().waitFor();
      // At 10x the replacements start within seconds while the terminated instance fades.
      await page.click('[data-testid="speed-10×"]');
      await page.click('[data-testid="play"]');
      await waitFor(page, (id) => {
        const running = [...document.querySelectorAll('[data-testid="task"][data-status="RUNNING"][data-service="web"]')];
        return running.length === 6 && running.every((t) => t.closest('[data-testid="instance"]')?.dataset.id !== id);
      }, victim.id, 'web back to 6 RUNNING tasks, none on the terminated instance');
      await page.click('[data-testid="play"]');
      await screenshot('cluster-terminated');
    },
  },
  {
    name: 'cluster: tasks that fit nowhere are explained instance by instance (no task exists for them)',
    async run({ page, base, screenshot }) {
      await load(page, base);
      const text = (await readFile(defaultScenario, 'utf8'))
        .replace('"desiredCount": 6', '"desiredCount": 30')
        .replace('"name": "Web service on EC2 across three zones"', '"name": "More web tasks than the instances hold"');
      await page.setInputFiles('[data-testid="upload"]', {
        name: 'crowded.json', mimeType: 'application/json', buffer: Buffer.from(text),
      });
      await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
      await page.click('[data-testid="speed-60×"]');
      await page.click('[data-testid="play"]');
      const queue = page.locator('[data-testid="waiting-queue"]');
      await queue.waitFor({ timeout: 20000 });
      await waitFor(page, () => document.querySelectorAll('[data-testid="task"][data-status="RUNNING"][data-service="web"]').length >= 12,
        null, 'the instances to fill up');
      await pause(page);
      const row = queue.locator('[data-testid="unplaced"][data-service="web"]');
      await row.waitFor();
      // The asterisk is explained on the page (a projector has no hover).
      if (!(await row.innerText()).includes('not placed*')) throw new Error(`unplaced row: ${await row.innerText()}`);
      const footnote = await queue.getByTestId('unplaced-footnote').innerText();
      if (!footnote.startsWith('* ') || !footnote.includes('ECS creates no task')) throw new Error(`footnote: ${footnote}`);
      if (await queue.locator('[data-testid="task"]').count() !== 0) {
        throw new Error('a launch-type task that fits nowhere must not be shown as a task');
      }
      await row.locator('button').click();
      const explain = page.locator('[data-testid="explain"]');
      await explain.getByText(/Why can't web place \d+ more tasks\?/).waitFor();
      const verdicts = explain.locator('[data-testid="verdict"]');
      const n = await verdicts.count();
      const instances = await page.locator('[data-testid="instance"]:not([data-status="TERMINATED"])').count();
      if (n !== instances) throw new Error(`expected a verdict per instance (${instances}), found ${n}`);
      for (let i = 0; i < n; i++) {
        const stage = await verdicts.nth(i).getAttribute('data-stage');
        const why = await verdicts.nth(i).innerText();
        if (stage !== 'resources' || !/in use/.test(why)) throw new Error(`verdict ${i}: ${stage} ${why}`);
      }
      const closing = await explain.locator('[data-testid="ecs-closing"]').innerText();
      if (!closing.includes('(service web) was unable to place a task because no container instance met all of its requirements.')) {
        throw new Error(`closing sentence: ${closing}`);
      }
      await screenshot('cluster-explain');
      await page.keyboard.press('Escape');
      await explain.getByText('Click a task or an instance').waitFor();
    },
  },
  {
    // Lessons grade "healthy" tasks (target health), and the chips showed only lastStatus: at
    // 0:06:00 a room saw three solid chips beside "only 0 healthy" (student walkthrough).
    name: 'cluster: a chip shows its load balancer target health, and the task panel names it',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(base);
      await page.locator('[data-testid=instance]').first().waitFor({ timeout: 20000 });
      await page.selectOption('[data-testid="examples"]', 'alb-health-rollback');
      await page.locator('[data-testid="speed-60×"], [data-testid="speed-60x"]').first().click().catch(() => {});
      await page.locator('[data-testid="play"]').click();
      const healthy = page.locator('[data-testid="task"][data-target="healthy"]').first();
      await healthy.waitFor({ timeout: 30000 });
      await page.locator('[data-testid="play"]').click();
      if (!(await healthy.getAttribute('title')).includes('target healthy')) throw new Error('the title does not name the target health');
      const bar = await healthy.evaluate((el) => getComputedStyle(el).boxShadow);
      if (!bar.includes('inset')) throw new Error(`no target bar: ${bar}`);
      await healthy.click();
      await page.locator('[data-testid="explain"]').getByText('Target health').waitFor({ timeout: 5000 });
      const dd = await page.locator('[data-testid="explain"] dt', { hasText: 'Target health' }).locator('xpath=following-sibling::dd[1]').innerText();
      if (!['healthy', 'draining', 'unhealthy', 'initial'].includes(dd.trim())) throw new Error(`Target health: ${dd}`);
      // The legend explains the bars, and opens inside the stage (it ran under the editor).
      await page.locator('[data-testid=lifecycle-legend] summary').click();
      const entries = page.locator('[data-testid=legend-target]');
      if ((await entries.count()) !== 4) throw new Error('the legend does not show the four target bars');
      const panel = await page.locator('.legend-chips').boundingBox();
      const stage = await page.locator('[data-testid=cluster]').boundingBox();
      if (panel.x < stage.x - 1 || panel.x + panel.width > stage.x + stage.width + 1) {
        throw new Error(`legend outside the stage: ${JSON.stringify(panel)} vs ${JSON.stringify(stage)}`);
      }
    },
  },
  {
    // Instructor walkthrough: a stopped task sat DEACTIVATING for five minutes with nothing
    // on its chip to say why or for how long. The chip counts down the target group's
    // deregistration delay (ALB User Guide, *Deregistration delay*: 300 s by default).
    name: 'cluster: a draining chip counts down its deregistration delay, and the task panel says how long is left',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(base);
      await page.locator('[data-testid=instance]').first().waitFor({ timeout: 20000 });
      await page.selectOption('[data-testid="examples"]', 'alb-health-rollback');
      await page.locator('[data-testid=instance]').first().waitFor({ timeout: 20000 });
      await runTo(page, '0:01');
      const healthy = page.locator('[data-testid="cluster"] [data-testid="task"][data-target="healthy"]').first();
      await healthy.waitFor({ timeout: 10000 });
      const index = await healthy.getAttribute('data-task');
      await healthy.click();
      await page.click('[data-testid="stop-task"]');
      const chip = page.locator(`[data-testid="cluster"] [data-testid="task"][data-task="${index}"]`);
      const mark = chip.locator('[data-testid="chip-drain"]');
      await mark.waitFor({ timeout: 5000 });
      if ((await chip.getAttribute('data-status')) !== 'DEACTIVATING') throw new Error('the draining task is not DEACTIVATING');
      const seconds = (t) => { const m = /^(\d+):(\d\d)$/.exec(t.trim()); if (!m) throw new Error(`countdown reads ${t}`); return Number(m[1]) * 60 + Number(m[2]); };
      const first = seconds(await mark.innerText());
      if (first !== 300) throw new Error(`the 300 s default delay reads ${first} s`);
      // Stop task runs the clock on a second to show its result: count from the clock's reading.
      const clock = async () => { const [h, m, s] = (await page.getByTestId('clock').innerText()).trim().split(':').map(Number); return h * 3600 + m * 60 + s; };
      const stoppedAt = await clock();
      if (!(await chip.getAttribute('title')).includes('5:00 of its deregistration delay left')) throw new Error(`title: ${await chip.getAttribute('title')}`);
      const row = page.locator('[data-testid="explain"] dt', { hasText: 'Target health' }).locator('xpath=following-sibling::dd[1]');
      await row.getByText('draining: 5:00 of the target group').waitFor({ timeout: 5000 });
      await screenshot('cluster-draining-countdown');
      // Later it reads that much less, on the chip and in the panel.
      await runTo(page, '0:02');
      const left = 300 - ((await clock()) - stoppedAt);
      if (seconds(await mark.innerText()) !== left) throw new Error(`${left} s should be left; the chip reads ${await mark.innerText()}`);
      const shown = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
      await row.getByText(`draining: ${shown} of the target group`).waitFor({ timeout: 5000 });
      // Once the delay is over the task goes on to stop, and the countdown is gone.
      await runTo(page, '0:07');
      if (await mark.count()) throw new Error('the countdown stayed after the delay');
    },
  },
];
