// Pause on event (issue #11, "Watching and pausing"): with "deployment failed" chosen, the ALB
// health demo played at max speed stops at web:2's failure (3:10, see fidelity.test.mjs), the
// clock within a few simulated seconds of the event, the log line highlighted and a notice
// naming it; play resumes from there. Run to stops at it too, and the choice is remembered.

async function openExample(page, base, id) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  await page.selectOption('[data-testid="examples"]', id);
  await page.waitForTimeout(300);
}

const seconds = (hms) => hms.trim().split(':').reduce((a, p) => a * 60 + Number(p), 0);

async function choose(page, key, on) {
  const box = page.locator(`[data-testid="pause-${key}"]`);
  if (!(await box.isVisible())) await page.click('[data-testid="pause-on"] summary');
  if ((await box.isChecked()) !== on) await box.click();
  await page.click('[data-testid="pause-on"] summary');
}

async function waitPaused(page) {
  try {
    await page.locator('[data-testid="notice"]').getByText('Paused:').waitFor({ timeout: 60000 });
  } catch {
    throw new Error(`no pause; clock ${await page.locator('[data-testid="clock"]').innerText()}`);
  }
  await page.locator('[data-testid="play"]').getByText('Play').waitFor();
  await page.locator('[data-testid="log"] li[data-paused="true"]').waitFor({ timeout: 5000 });
  // The clock is redrawn on the next frame after the log: under load (a full make test) one
  // read caught it at 0:01:00 beside the paused 0:03:10 line. Wait for it to catch up; the
  // checks below still fail if it stops anywhere but just after the event.
  await page.waitForFunction(() => {
    const secs = (t) => t.split(':').reduce((a, p) => a * 60 + Number(p), 0);
    const clock = document.querySelector('[data-testid="clock"]')?.textContent ?? '';
    const at = document.querySelector('[data-testid="log"] li[data-paused="true"] time')?.textContent ?? '';
    return clock && at && secs(clock) >= secs(at);
  }, null, { timeout: 5000 }).catch(() => {});
}

/** The clock, the paused line's time and text, and the notice. */
async function pausedState(page) {
  const clock = await page.locator('[data-testid="clock"]').innerText();
  const line = page.locator('[data-testid="log"] li[data-paused="true"]');
  return {
    clock,
    at: await line.locator('time').innerText(),
    text: await line.innerText(),
    notice: await page.locator('[data-testid="notice"]').innerText(),
  };
}

function checkPausedAtFailure(s) {
  if (!s.text.includes('deployment failed')) throw new Error(`paused line: ${s.text}`);
  if (!/Paused: deployment ecs-svc\/\S+ failed \(service web\) at /.test(s.notice)) throw new Error(`notice: ${s.notice}`);
  if (!s.notice.includes(s.at)) throw new Error(`notice ${s.notice} does not name ${s.at}`);
  // ECS's line names no cause; the notice says what the tasks stopped with (engineer
  // walkthrough, 2026-12-07: it pointed at "tasks failed to start" as the reason).
  if (!/Its tasks stopped with “Task failed ELB health checks in \(target-group [\w-]+\)” \(\d+ tasks?\)\./.test(s.notice)) throw new Error(`notice gives no cause: ${s.notice}`);
  const gap = seconds(s.clock) - seconds(s.at);
  if (gap < 0 || gap > 5) throw new Error(`clock ${s.clock}, event at ${s.at}`);
  // The ALB health demo fails web:2 at about 3:10.
  if (Math.abs(seconds(s.at) - 190) > 15) throw new Error(`failure at ${s.at}`);
}

export const tests = [
  {
    name: 'pause: deployment failed stops max-speed play at the ALB health demo failure',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openExample(page, base, 'alb-health-rollback');
      // Opt-in: a first visit pauses on nothing.
      await page.click('[data-testid="pause-on"] summary');
      const ticked = await page.$$eval('[data-testid="pause-on"] input', (els) => els.filter((e) => e.checked).length);
      if (ticked !== 0) throw new Error(`${ticked} kinds ticked on a first visit`);
      await page.click('[data-testid="pause-on"] summary');
      await choose(page, 'deployment-failed', true);
      await page.click('[data-testid="speed-max"]');
      await page.click('[data-testid="play"]');
      await waitPaused(page);
      const s = await pausedState(page);
      checkPausedAtFailure(s);
      await screenshot('pause-deployment-failed');
      // Play resumes from there: the rollback line of the same event does not stop it again.
      await page.click('[data-testid="speed-60×"]');
      await page.click('[data-testid="play"]');
      await page.waitForFunction((t) => {
        const c = document.querySelector('[data-testid="clock"]').textContent.split(':').reduce((a, p) => a * 60 + Number(p), 0);
        return c > t + 20;
      }, seconds(s.clock), { timeout: 20000, polling: 100 });
      await page.click('[data-testid="play"]');
    },
  },
  {
    name: 'pause: Run to stops at the failure, and the choice is remembered',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openExample(page, base, 'alb-health-rollback');
      await choose(page, 'deployment-failed', true);
      await page.fill('[data-testid="run-to-input"]', '0:10:00');
      await page.click('[data-testid="run-to-go"]');
      await waitPaused(page);
      checkPausedAtFailure(await pausedState(page));
      if (await page.locator('[data-testid="run-progress"]').count()) throw new Error('Run to still shown');
      await screenshot('pause-run-to');
      // Going on from the pause takes the paused line and its notice away (an instructor saw
      // "Paused … at 0:03:10" still shown, its line highlighted, ten minutes later).
      await page.click('[data-testid="run-10m"]');
      await page.locator('[data-testid="run-progress"][data-state="done"]').waitFor({ timeout: 30000 });
      if (await page.locator('[data-testid="log"] li[data-paused="true"]').count()) throw new Error('the paused line is still highlighted after +10 min');
      const notice = page.locator('[data-testid="notice"]');
      if ((await notice.count()) && /Paused:/.test(await notice.innerText())) throw new Error(`the pause notice stayed: ${await notice.innerText()}`);
      // The choice survives a reload; unticked again, it stays unticked.
      await choose(page, 'alarm', true);
      await page.reload();
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await page.click('[data-testid="pause-on"] summary');
      const ticked = async () => page.$$eval('[data-testid="pause-on"] input', (els) => els.filter((e) => e.checked).map((e) => e.dataset.testid));
      let now = await ticked();
      if (now.join() !== 'pause-deployment-failed,pause-alarm') throw new Error(`after a reload: ${now}`);
      await page.locator('[data-testid="pause-deployment-failed"]').click();
      await page.locator('[data-testid="pause-alarm"]').click();
      await page.reload();
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await page.click('[data-testid="pause-on"] summary');
      now = await ticked();
      if (now.length) throw new Error(`after unticking and a reload: ${now}`);
    },
  },
];

tests.push({
  name: 'pause: in presenter mode at 1280x720 the paused-on event is highlighted and in view',
  async run({ page, base }) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openExample(page, base, 'rolling-circuit-breaker');
    await choose(page, 'deployment-failed', true);
    await page.keyboard.press('p');
    await page.getByTestId('presenter-events').waitFor();
    await page.click('[data-testid="speed-60×"]');
    await page.click('[data-testid="play"]');
    await page.locator('[data-testid="notice"]').getByText('Paused:').waitFor({ timeout: 60000 });
    const line = page.locator('[data-testid="presenter-events"] li[data-paused="true"]');
    await line.waitFor({ timeout: 5000 });
    if (!(await line.innerText()).includes('deployment failed')) throw new Error(`paused line: ${await line.innerText()}`);
    await page.waitForTimeout(300);
    const box = await line.boundingBox();
    const list = await page.getByTestId('presenter-events').boundingBox();
    if (!box || !list || box.y < list.y - 1 || box.y + box.height > Math.min(720, list.y + list.height) + 1) {
      throw new Error(`the paused line is out of view: ${JSON.stringify(box)} in ${JSON.stringify(list)}`);
    }
    // No entry cut at the list's top edge above it (an instructor read "desiredStatus STOPPED,
    // stopCode …" with no time or service there).
    const cut = await page.getByTestId('presenter-events').evaluate((ol) => {
      const top = ol.getBoundingClientRect().top;
      return [...ol.children].some((li) => { const r = li.getBoundingClientRect(); return r.top < top - 1 && r.bottom > top + 1; });
    });
    if (cut) throw new Error('an entry is cut at the top of the latest events');
    // The notice floats over the column's foot: it must not cover the line it points to, and
    // every control it names is one presenter mode keeps (it named Run to, which is hidden here).
    const notice = page.locator('[data-testid="notice"]');
    const nbox = await notice.boundingBox();
    if (nbox && box.y < nbox.y + nbox.height && nbox.y < box.y + box.height && box.x < nbox.x + nbox.width && nbox.x < box.x + box.width) {
      throw new Error(`the notice covers the paused line: ${JSON.stringify(nbox)} over ${JSON.stringify(box)}`);
    }
    const text = await notice.innerText();
    for (const [word, testid] of [['Play', 'play'], ['Step', 'step'], ['+10 min', 'run-10m'], ['Run to', 'run-to-go']]) {
      if (text.includes(word) && !(await page.getByTestId(testid).isVisible())) throw new Error(`the notice names ${word}, which presenter mode hides: ${text}`);
    }
  },
});
