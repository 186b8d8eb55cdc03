// Lessons and challenges (issue #13): a student opens lesson 1 from the course map, fails
// Check, edits, passes, gets a completion code and moves on; a shared challenge link opens as a
// lesson in a fresh browser; hostile challenge links are refused with a message and run nothing.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lessonOne = readFileSync(join(here, '..', '..', 'core', 'src', 'challenge', 'course', '01-fargate-task-size.json'), 'utf8');

/** `#c1.…` for challenge JSON text, packed as the playground packs links (raw DEFLATE, base64url). */
function challengeLink(json) {
  return '#c1.' + deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64url');
}

async function editorText(page) {
  await page.locator('[data-testid="tab-scenario"]').click();
  return page.getByTestId('scenario-editor').evaluate((el) => el.value);
}

/** Lesson `id` at 1280x720 (a projector), its pane on the page. */
async function openLesson(page, base, id) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${base}#lesson=${id}`);
  await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
}

/** Lesson `id` at 1280x720 in presenter mode; its strip under the cluster, on the page. */
async function presentLesson(page, base, id) {
  await openLesson(page, base, id);
  await page.locator('[data-testid="presenter-toggle"]').click();
  const strip = page.getByTestId('presenter-lesson');
  await strip.waitFor();
  return strip;
}

/** Lesson `id` at 1280x720 with its solution applied, in presenter mode, after a Check that
 * passed. */
async function passInPresenter(page, base, id) {
  await openLesson(page, base, id);
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('lesson-solution').click();
  await page.locator('[data-testid="presenter-toggle"]').click();
  await page.getByTestId('presenter-check').click();
  await page.waitForFunction(() => /Passed/.test(document.querySelector('[data-testid="presenter-verdict"]')?.textContent ?? ''), null, { timeout: 60000 });
}

/** Types `value` into a Service settings field and presses Enter: the field keeps it, and the
 * form neither refuses it nor names a locked part (`what` names the field in the error). */
async function fillKept(page, field, value, what) {
  await field.fill(value);
  await field.press('Enter');
  await page.waitForTimeout(300);
  if ((await field.inputValue()) !== value) throw new Error(`${what} went back to ${await field.inputValue()}`);
  if (await page.getByTestId('form-error').count()) throw new Error(`refused: ${await page.getByTestId('form-error').innerText()}`);
  if (await page.getByTestId('form-lock').count()) throw new Error(`refused: ${await page.getByTestId('form-lock').innerText()}`);
}

/** Lesson 1's fix typed by hand in the Scenario JSON tab (left open): its start's 512 MiB
 * task memory becomes 1024. A pass after Show solution earns no completion code. */
async function fixLessonOneByHand(page) {
  await page.locator('[data-testid="tab-scenario"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"memory"'));
  const start = await editorText(page);
  if (!start.includes('"memory": "512"')) throw new Error('lesson 1 no longer starts at 512 MiB');
  await setEditorText(page, start.replace('"memory": "512"', '"memory": "1024"'));
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"memory": "1024"'));
}

/** Lesson 1 at 1280x720, solved by hand in the Scenario JSON tab (left open) and passed. */
async function passLessonOne(page, base) {
    await openLesson(page, base, 'fargate-task-size');
    await fixLessonOneByHand(page);
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
}

async function setEditorText(page, text) {
  await page.locator('[data-testid="tab-scenario"]').click();
  await page.getByTestId('scenario-editor').fill(text);
}

export const tests = [
  {
    name: 'lessons: at 1280x720 (a projector) the lesson scrolls in its pane, with Check, the explain panel and the event log on screen',
    async run({ page, base, screenshot }) {
      await openLesson(page, base, 'canary-blast-radius');
      const measure = () => page.evaluate(() => {
        const box = (sel) => { const r = document.querySelector(sel)?.getBoundingClientRect(); return r && { top: r.top, bottom: r.bottom }; };
        const lesson = document.querySelector('[data-testid=lesson-pane]');
        return {
          check: box('[data-testid=lesson-check]'),
          log: box('[data-testid=log]'),
          goals: box('[data-testid=lesson-goals]'),
          brief: box('[data-testid=lesson-brief]'),
          pane: box('[data-testid=lesson-pane]'),
          scrolls: lesson.scrollHeight > lesson.clientHeight && getComputedStyle(lesson).overflowY === 'auto',
          height: innerHeight,
        };
      });
      // Opened, with nothing in the log yet: the lesson takes the log's room, so the brief
      // begins above the fold (lesson 11's sat wholly below it beside an empty log: student
      // walkthrough, 2026-12-05).
      const opened = await measure();
      if (!opened.brief || opened.brief.top > opened.pane.bottom - 60) throw new Error(`the brief is below the pane's fold: ${JSON.stringify(opened)}`);
      // Once the run has lines, the log has its room again.
      await page.getByTestId('step').click();
      await page.locator('[data-testid="log"] li').first().waitFor({ timeout: 5000 });
      await page.waitForTimeout(300);
      const boxes = await measure();
      await screenshot('lesson-1280x720');
      if (!boxes.check || boxes.check.bottom > boxes.height) throw new Error(`Check is off screen: ${JSON.stringify(boxes)}`);
      // The hints point at the event log: at least its top is on screen.
      if (!boxes.log || boxes.log.top > boxes.height - 60) throw new Error(`the event log is off screen: ${JSON.stringify(boxes)}`);
      // And it has room for lines: the explain panel's "Click a task…" gives way during a
      // lesson (at 1280x720 it left room for one entry, lesson 16 walkthrough).
      if (boxes.height - boxes.log.top < 120) throw new Error(`the event log has ${boxes.height - boxes.log.top} px: ${JSON.stringify(boxes)}`);
      if (!boxes.scrolls) throw new Error('the lesson does not scroll inside its pane');
      // The goals show on opening, inside the pane, whatever the brief's length.
      if (!boxes.goals || boxes.goals.top > boxes.pane.bottom - 30) throw new Error(`the goals are below the pane's fold: ${JSON.stringify(boxes)}`);
      // The lesson is read in the side column: at least 28% of the window with a lesson open
      // (at 21% its brief began three screens down, student walkthrough).
      const side = await page.getByTestId('log-pane').evaluate((el) => el.getBoundingClientRect().width);
      if (side < 0.28 * 1280 - 2) throw new Error(`the side column is ${side} px with a lesson open`);
    },
  },
  {
    name: 'lessons: at 1280x720 a refused Check shows its reason above the sticky Check bar (lesson 16, ENABLED on an instanceId-first service)',
    async run({ page, base, screenshot }) {
      await openLesson(page, base, 'zone-rebalancing');
      const text = await editorText(page);
      // The start says DISABLED, as ECS created the service; asking for ENABLED is refused.
      const enabled = text.replace('"availabilityZoneRebalancing": "DISABLED"', '"availabilityZoneRebalancing": "ENABLED"');
      if (enabled === text) throw new Error('the start has no web service to edit');
      await setEditorText(page, enabled);
      await page.getByTestId('lesson-check').click();
      await page.getByTestId('lesson-refused').waitFor({ timeout: 20000 });
      await page.waitForTimeout(300);
      const boxes = await page.evaluate(() => {
        const r = (sel) => document.querySelector(sel).getBoundingClientRect();
        return { result: r('[data-testid=lesson-refused]'), bar: r('.lesson-actions'), text: document.querySelector('[data-testid=lesson-refused]').innerText };
      });
      await screenshot('lesson-refused-1280x720');
      if (!boxes.text.includes("can't be used with a first placement strategy")) throw new Error(`reason: ${boxes.text}`);
      // Its first lines read above the bar (the walkthrough saw a 13 px sliver under it).
      if (boxes.result.top > boxes.bar.top - 40) throw new Error(`the refusal is hidden under the Check bar: ${JSON.stringify(boxes)}`);
      // The goals above it are the last valid version's run, not this scenario's: not counted
      // (a student read their ✗ as the verdict on the refused edit, walkthrough 2026-12-06).
      const note = await page.getByTestId('goals-not-counted').innerText();
      if (!note.includes('Check cannot run this scenario')) throw new Error(`note: ${note}`);
      const states = await page.$$eval('[data-testid="lesson-goals"] [data-testid="goal"]', (els) => els.map((e) => e.dataset.state));
      if (!states.length || states.some((st) => st !== 'void')) throw new Error(`goal states beside a refused Check: ${states}`);
    },
  },
  {
    // A lesson writes moments as m:ss ("At 2:00 this run's timeline terminates…"); typed into
    // "Run to" (h:mm) that is two hours. Each is a button that runs the page there, and reads
    // as h:mm:ss.
    name: 'lessons: a time in the brief runs the page to it, from the start when already past',
    async run({ page, base, screenshot }) {
      await openLesson(page, base, 'zone-rebalancing');
      const times = page.locator('[data-testid=lesson-pane] [data-testid=brief-time]');
      const labels = await times.allInnerTexts();
      // Shown as the clock, the goals and Run to write time (a student typed the brief's
      // "10:00" into Run to and ran ten hours).
      if (!labels.includes('0:02:00') || !labels.includes('0:06:00')) throw new Error(`times in the brief: ${labels}`);
      const two = times.filter({ hasText: /^0:02:00$/ }).first();
      if (!(await two.getAttribute('title')).includes('0:02:00')) throw new Error(`title: ${await two.getAttribute('title')}`);
      await two.click();
      await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent === '0:02:00', null, { timeout: 20000 });
      // The termination at 2:00 is in the log the brief points at (the pane draws its lines a
      // frame or two after the run stops).
      await page.locator('[data-testid="log"] li', { hasText: 'terminate-instances' }).first().waitFor({ timeout: 10000 });
      await screenshot('lesson-brief-time-1280x720');
      // Past it: the run starts again and stops there.
      await times.filter({ hasText: /^0:06:00$/ }).first().click();
      await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent === '0:06:00', null, { timeout: 20000 });
      await two.click();
      await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent === '0:02:00', null, { timeout: 20000 });
    },
  },
  {
    name: 'lessons: lesson 16 at 1280x720 — the placement strategy form shows its type and field whole',
    async run({ page, base, screenshot }) {
      await openLesson(page, base, 'zone-rebalancing');
      await page.locator('[data-testid="tab-services"]').click();
      await page.locator('[data-testid="strategy-row"]').first().waitFor();
      await page.selectOption('[data-testid="strategy-field"]', 'attribute:ecs.availability-zone');
      await page.waitForTimeout(300);
      const cut = await page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d');
        return [...document.querySelectorAll('[data-testid=strategy-type], [data-testid=strategy-field]')].map((sel) => {
          ctx.font = getComputedStyle(sel).font;
          const text = sel.options[sel.selectedIndex].text;
          // The text plus the arrow and padding must fit (the walkthrough read "spre").
          return { text, need: ctx.measureText(text).width + 20, width: sel.getBoundingClientRect().width };
        }).filter((s) => s.width < s.need);
      });
      await screenshot('lesson-16-placement-form');
      if (cut.length) throw new Error(`cut off in the placement form: ${JSON.stringify(cut)}`);
    },
  },
  {
    name: 'lessons: lesson 1 from the course map — Check fails, an edit passes with a completion code, Next lesson, progress kept',
    async run({ page, base, screenshot }) {
      await page.goto(base);
      await page.getByTestId('lessons-button').click();
      const items = page.getByTestId('course-lesson');
      await items.first().waitFor();
      if ((await items.count()) < 14) throw new Error(`course has ${await items.count()} lessons`);
      // Each lesson's id shows as its link, for the links an instructor hands out and for
      // `ecs-sim check lesson:ID`.
      const links = await page.getByTestId('course-lesson-link').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
      if (links.length !== (await items.count()) || links[0][0] !== 'fargate-task-size' || links[0][1] !== '#lesson=fargate-task-size') throw new Error(`course links: ${JSON.stringify(links.slice(0, 2))}`);
      await items.first().locator('button').click();
      await page.getByTestId('lesson-pane').waitFor();
      const title = await page.getByTestId('lesson-title').innerText();
      if (!title.startsWith('1.')) throw new Error(`title: ${title}`);
      if (!page.url().endsWith('#lesson=fargate-task-size')) throw new Error(`url: ${page.url()}`);
      if (await page.getByTestId('course-map').count()) throw new Error('the course map stays open');

      await page.getByTestId('lesson-check').click();
      await page.getByTestId('lesson-failed').waitFor({ timeout: 20000 });
      const failed = page.locator('[data-testid="goal"][data-goal="two-running"]');
      if ((await failed.getAttribute('data-state')) !== 'failed') throw new Error('two-running should fail');
      const detail = await failed.innerText();
      if (!detail.includes('at 0:02:00: only 0 running tasks of api')) throw new Error(`detail: ${detail}`);
      // "Show 0:02:00" runs the page to the moment the goal failed: the clock and the log show it.
      await failed.getByTestId('goal-show').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.innerText === '0:02:00',
        null, { timeout: 20000, polling: 100 });
      // The log pane redraws in a task of its own after the clock's: wait for its lines.
      await page.waitForFunction(() => /exited with code 137/.test(document.querySelector('[data-testid="log"]')?.innerText ?? ''),
        null, { timeout: 5000, polling: 100 }).catch(() => {
        throw new Error('the log does not show the out-of-memory kills at 0:02:00');
      });

      await page.getByTestId('lesson-hint').click();
      if ((await page.getByTestId('lesson-hints').locator('li').count()) !== 1) throw new Error('one hint shown');

      await fixLessonOneByHand(page);
      await page.getByTestId('lesson-check').click();
      await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
      const code = (await page.getByTestId('completion-code').innerText()).trim();
      // The same scenario graded natively: `ecs-sim check lesson:fargate-task-size` prints this
      // code for it (docs/cli.md, whose example a native test recomputes).
      if (code !== 'ECS-S0WFP-0VHTC') throw new Error(`completion code ${code}`);
      if ((await page.getByTestId('lessons-count').innerText()).trim() !== '1/16') throw new Error('progress not counted');
      await screenshot('lesson-passed');

      await page.getByTestId('lesson-next').click();
      await page.waitForFunction(() => location.hash === '#lesson=host-ports');
      const next = await page.getByTestId('lesson-title').innerText();
      if (!next.startsWith('2.')) throw new Error(`next: ${next}`);
      // The new lesson opens at its top (the pane's element is kept, and kept its scroll).
      await page.waitForFunction(() => document.querySelector('[data-testid="lesson-pane"]').scrollTop === 0,
        null, { timeout: 3000 });

      // A reload keeps the lesson (the address bar holds it) and the course map the pass.
      await page.reload();
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      if (!(await page.getByTestId('lesson-title').innerText()).startsWith('2.')) throw new Error('reload lost the lesson');
      await page.getByTestId('lessons-button').click();
      const first = page.locator('[data-testid="course-lesson"][data-lesson="fargate-task-size"]');
      if (!(await first.innerText()).includes('✓')) throw new Error('lesson 1 not ticked after reload');
      if (!(await first.innerText()).includes(code)) throw new Error('code not kept');
    },
  },
  {
    name: 'lessons: the solution is behind a confirmation, the page’s own run shows goals live, a locked change is refused',
    async run({ page, base }) {
      await page.goto(`${base}#lesson=fargate-task-size`);
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      // Play the start at max: the crash loop shows the running goal failed live.
      await page.getByTestId('speed-max').click();
      await page.getByTestId('play').click();
      await page.locator('[data-testid="goal"][data-goal="two-running"][data-state="failed"]').waitFor({ timeout: 20000 });
      await page.getByTestId('play').click();
      const text = await editorText(page);
      // A form draws a locked part disabled and marked (the service's desired count, in
      // lesson 1): before, it looked editable and was refused after the change (walkthrough).
      await page.locator('[data-testid="tab-services"]').click();
      if (!(await page.getByTestId('desired-count').isDisabled())) throw new Error('the locked desired count is editable');
      const mark = await page.getByTestId('desired-count').evaluate((el) =>
        getComputedStyle(el.closest('label').querySelector('span'), '::after').content);
      if (!mark.includes('locked')) throw new Error(`the locked field is not marked: ${mark}`);
      // Typed in the JSON editor, a locked change is named at once, and Check refuses it.
      await setEditorText(page, text.replace('"seed": 7', '"seed": 8'));
      const locked = await page.getByTestId('lesson-locked').innerText();
      if (!locked.includes('seed')) throw new Error(`locked note: ${locked}`);
      // The live goals are not counted meanwhile, and say so where the goals are (walkthrough
      // 2026-12-06: every live goal showed met beside a note below the fold).
      await page.getByTestId('goals-not-counted').waitFor({ timeout: 5000 });
      const states = await page.$$eval('[data-testid="lesson-goals"] [data-testid="goal"]', (els) => els.map((e) => e.dataset.state));
      if (!states.length || states.some((s) => s !== 'void')) throw new Error(`live goal states beside a locked change: ${states}`);
      const noteBox = await page.getByTestId('lesson-locked').boundingBox();
      const goalsBox = await page.getByTestId('lesson-goals').boundingBox();
      if (!noteBox || !goalsBox || noteBox.y < goalsBox.y + goalsBox.height - 1) throw new Error('the locked note is not under the goals');
      await page.getByTestId('lesson-check').click();
      const refused = await page.getByTestId('lesson-refused').innerText();
      if (!refused.includes('seed') || !refused.includes('locked')) throw new Error(`refused: ${refused}`);
      page.once('dialog', (d) => d.dismiss());
      await page.getByTestId('lesson-solution').click();
      if (!(await editorText(page)).includes('"seed": 8')) throw new Error('dismissing the confirmation changed the editor');
      page.once('dialog', (d) => d.accept());
      await page.getByTestId('lesson-solution').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"memory": "1024"'));
      await page.getByTestId('lesson-check').click();
      await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
    },
  },
  {
    name: 'lessons: a shared challenge link opens as a lesson in a fresh browser; hostile links are refused cleanly',
    async run({ page, base }) {
      const doc = JSON.parse(lessonOne);
      doc.id = 'workshop-memory';
      doc.title = 'Workshop: fix the memory';
      doc.brief = 'Read <img src=x onerror="window.pwned=1"> and [the guide](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html) and [this](javascript:alert(1)).';
      await page.goto(base + challengeLink(JSON.stringify(doc)));
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      if ((await page.getByTestId('lesson-title').innerText()) !== doc.title) throw new Error('custom title');
      const brief = page.getByTestId('lesson-brief');
      if (await brief.locator('img').count()) throw new Error('markup became HTML');
      if (!(await brief.innerText()).includes('<img src=x')) throw new Error('the text should show literally');
      const links = await brief.locator('a').evaluateAll((as) => as.map((a) => a.href));
      if (links.length !== 1 || !links[0].startsWith('https://docs.aws.amazon.com/')) throw new Error(`links: ${links}`);
      if (await page.evaluate(() => window.pwned)) throw new Error('script ran');

      const hostile = [
        [{ ...doc, brief: 'x'.repeat(100000) }, 'brief'],
        [{ ...doc, editable: ['services[0', 'a b'] }, 'editable[0]'],
        [{ ...doc, horizonSeconds: 1e9 }, 'horizonSeconds'],
        [{ ...doc, goals: [{ id: 'g', measure: 'running', service: '<b>x</b>', when: 'at', at: 1, atLeast: 1 }] }, 'goals[0].service'],
      ];
      for (const [bad, field] of hostile) {
        const fresh = await page.context().newPage();
        await fresh.goto(base + challengeLink(JSON.stringify(bad)));
        const notice = fresh.getByTestId('notice');
        await notice.waitFor({ timeout: 20000 });
        const t = await notice.innerText();
        if (!t.includes(field) || !t.includes('default scenario is shown')) throw new Error(`notice for ${field}: ${t}`);
        if (await fresh.getByTestId('lesson-pane').count()) throw new Error(`${field}: opened anyway`);
        await fresh.close();
      }
      const fresh = await page.context().newPage();
      await fresh.goto(`${base}#c1.${'A'.repeat(70000)}`);
      const t = await fresh.getByTestId('notice').innerText();
      if (!t.includes('too long')) throw new Error(`long link: ${t}`);
      await fresh.close();
    },
  },
  {
    // Instructor walkthrough 2026-12-06: a corrected challenge shared again under the same title
    // (so the same id) showed the old version's pass and code, and gave back the old work, which
    // the new version's locks refused as a change the student never made.
    name: 'lessons: a corrected challenge shared under the same title opens at its new start, without the earlier version\'s pass; the earlier link keeps its pass',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      const v1 = JSON.parse(lessonOne);
      v1.id = 'workshop-memory';
      v1.title = 'Workshop: fix the memory';
      const v2 = { ...v1, brief: `${v1.brief}\n\nCorrected: read the task size table first.` };
      await page.goto(base + challengeLink(JSON.stringify(v1)));
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      await fixLessonOneByHand(page);
      await page.getByTestId('lesson-check').click();
      await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
      const code = await page.getByTestId('completion-code').innerText();
      const version = (await page.getByTestId('lesson-version').innerText()).trim();
      if (!/^version [0-9a-f]{8}$/.test(version)) throw new Error(`version: ${version}`);

      const second = await page.context().newPage();
      await second.setViewportSize({ width: 1280, height: 720 });
      await second.goto(base + challengeLink(JSON.stringify(v2)));
      await second.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      const notice = await second.getByTestId('notice').innerText();
      if (!notice.includes('has changed since your last visit')) throw new Error(`notice: ${notice}`);
      if (await second.getByTestId('lesson-passed-before').count()) throw new Error(`the corrected version shows the earlier pass: ${await second.getByTestId('lesson-passed-before').innerText()}`);
      if (!(await editorText(second)).includes('"memory": "512"')) throw new Error('the corrected version did not open at its start');
      if ((await second.getByTestId('lesson-version').innerText()).trim() === version) throw new Error('the corrected version shows the same version');
      await second.close();

      const again = await page.context().newPage();
      await again.goto(base + challengeLink(JSON.stringify(v1)));
      const before = again.getByTestId('lesson-passed-before');
      await before.waitFor({ timeout: 20000 });
      if (!(await before.innerText()).includes(code.trim())) throw new Error(`the earlier version lost its pass: ${await before.innerText()} (code ${code})`);
      await again.close();
    },
  },
  {
    name: 'lessons: locked fields are disabled and open ones are not; a change reaching into a locked part is refused and the form shows the scenario\'s value again; the grace period field passes lesson 7',
    async run({ page, base, screenshot }) {
      // Lesson 13 opens the group's maxSize and managed scaling: Max is editable, Min and
      // Desired are not. Lowering Max below Desired would move Desired too: refused, named.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${base}#lesson=cluster-auto-scaling`);
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      await page.getByTestId('tab-services').click();
      for (const [id, want] of [['asg-min', true], ['asg-desired', true], ['asg-max', false], ['instance-type', true],
        ['ms-status', false], ['desired-count', true], ['dc-strategy', true]]) {
        if ((await page.getByTestId(id).isDisabled()) !== want) throw new Error(`${id} disabled should be ${want}`);
      }
      // Managed scaling's fields are greyed while it is off, but they are open: not marked.
      const msMark = await page.getByTestId('ms-target').evaluate((el) =>
        getComputedStyle(el.closest('label').querySelector('span'), '::after').content);
      if (msMark.includes('locked')) throw new Error(`an open field disabled for another reason is marked locked: ${msMark}`);
      const legend = await page.getByTestId('traffic').evaluate((el) =>
        getComputedStyle(el.querySelector('legend'), '::after').content);
      if (!legend.includes('locked in this lesson')) throw new Error(`the locked traffic section is not marked: ${legend}`);
      const max = page.getByTestId('asg-max');
      await max.fill('1');
      await max.press('Enter');
      const error = await page.getByTestId('form-lock').innerText();
      if (!/(minSize|desiredCapacity) is locked in this lesson/.test(error)) throw new Error(`form error: ${error}`);
      await page.waitForFunction(() => document.querySelector('[data-testid="asg-max"]')?.value === '2',
        null, { timeout: 3000 });
      // The refusal is in view and whole (it was 348 px above the field, and cut at the edge).
      const seen = await page.getByTestId('form-lock').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const pane = el.closest('.services-tab').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, paneTop: pane.top, paneBottom: pane.bottom, overflow: el.scrollWidth > el.clientWidth };
      });
      if (seen.top < seen.paneTop - 1 || seen.bottom > seen.paneBottom + 1) throw new Error(`the lock message is out of view: ${JSON.stringify(seen)}`);
      if (seen.overflow) throw new Error('the lock message is cut at the edge');
      await screenshot('lesson-lock-in-view-1280');
      // Lesson 7 opens the grace period only.
      await page.goto('about:blank');
      await page.goto(`${base}#lesson=health-check-grace-period`);
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      await page.getByTestId('tab-services').click();
      if (!(await page.getByTestId('desired-count').isDisabled())) throw new Error('lesson 7: desired count editable');
      // The lesson's own field is in the form: a grace period of 300 s passes Check.
      await page.getByTestId('grace-period').fill('300');
      await page.getByTestId('grace-period').press('Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid="grace-period"]')?.value === '300',
        null, { timeout: 3000 });
      if (await page.getByTestId('form-error').count()) throw new Error(`refused: ${await page.getByTestId('form-error').innerText()}`);
      // The lock's message went with the change that was taken.
      if (await page.getByTestId('form-lock').count()) throw new Error(`stale lock message: ${await page.getByTestId('form-lock').innerText()}`);
      await page.getByTestId('lesson-check').click();
      await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
    },
  },
  {
    // Walkthrough 2026-12-05: Escape did not close the builder (or the course map), and a
    // lesson's Start over kept a task definition tab's unregistered edit.
    name: 'lessons: Escape closes the course map and the builder (the draft kept, its start stored once); Start over discards a task definition edit',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      // Count the writes of the builder's start record (up to 1 MiB each).
      await page.addInitScript(() => {
        window.__startWrites = 0;
        const set = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
          if (key === 'ecs-playground.builder-start.v1') window.__startWrites += 1;
          return set.call(this, key, value);
        };
      });
      await page.goto(base);
      await page.locator('[data-testid=instance]').first().waitFor({ timeout: 20000 });
      await page.getByTestId('lessons-button').click();
      // The dialog takes the focus when it opens, so Escape reaches it.
      await page.waitForFunction(() => document.activeElement?.dataset.testid === 'course-map', null, { timeout: 3000 });
      await page.keyboard.press('Escape');
      await page.getByTestId('course-map').waitFor({ state: 'detached', timeout: 3000 });
      await page.getByTestId('lessons-button').click();
      await page.getByTestId('builder-open').click();
      await page.getByTestId('builder-title').fill('Escape keeps me');
      await page.keyboard.press('Escape');
      await page.getByTestId('builder').waitFor({ state: 'detached', timeout: 3000 });
      await page.getByTestId('lessons-button').click();
      await page.getByTestId('builder-open').click();
      if ((await page.getByTestId('builder-title').inputValue()) !== 'Escape keeps me') throw new Error('the draft was not kept');
      const writes = await page.evaluate(() => window.__startWrites);
      if (writes !== 1) throw new Error(`the builder stored its start ${writes} times in two opens on one start`);
      await page.getByTestId('builder-close').click();
      // Start over in lesson 1 brings the starting task definitions back.
      await page.getByTestId('lessons-button').click();
      await page.getByTestId('course-lesson').first().locator('button').click();
      await page.getByTestId('lesson-pane').waitFor();
      await page.locator('[data-testid^="tab-td-"]').first().click();
      const editor = page.locator('[data-testid=td-editor]');
      const original = await editor.evaluate((el) => el.value);
      await editor.fill(`${original} x`);
      const revision = page.locator('[data-testid=td-revision]');
      await revision.getByText('unregistered edit').waitFor({ timeout: 5000 });
      // While the edit is not applied, Check waits and the pane says why (it graded the
      // applied revision without a word before).
      await page.getByTestId('lesson-unregistered').getByText('Task definition:').waitFor({ timeout: 5000 });
      if (!(await page.getByTestId('lesson-check').isDisabled())) throw new Error('Check is on while an edit is not applied');
      // The reason sits in the sticky bar beside Check, on screen at 1280x720 (below the
      // lesson's text it was out of sight), and the waiting Check does not look pressable.
      const why = await page.getByTestId('lesson-unregistered').boundingBox();
      const pane = await page.getByTestId('lesson-pane').boundingBox();
      if (!why || why.y < pane.y || why.y + why.height > Math.min(pane.y + pane.height, 720) + 1) {
        throw new Error(`the reason is out of sight: ${JSON.stringify(why)} in ${JSON.stringify(pane)}`);
      }
      const blue = await page.getByTestId('lesson-check').evaluate((b) => getComputedStyle(b).backgroundColor);
      if (blue === 'rgb(9, 114, 211)') throw new Error('the waiting Check still looks enabled');
      // Start over asks first; refused, the work stays.
      page.once('dialog', (d) => d.dismiss());
      await page.getByTestId('lesson-start-over').click();
      await page.waitForTimeout(300);
      if ((await editor.evaluate((el) => el.value)) === original) throw new Error('a refused Start over discarded the edit');
      page.once('dialog', (d) => d.accept());
      await page.getByTestId('lesson-start-over').click();
      await revision.getByText('(latest)').waitFor({ timeout: 5000 });
      await page.getByTestId('lesson-unregistered').waitFor({ state: 'detached', timeout: 5000 });
      if ((await editor.evaluate((el) => el.value)) !== original) throw new Error('Start over kept the edit');
    },
  },
];

tests.push({
  name: 'lessons: a teacher builds a challenge from the running scenario, shares it, and it opens as a lesson in a fresh browser',
  async run({ page, base, context, screenshot }) {
    await page.goto(base);
    await page.getByTestId('lessons-button').click();
    await page.getByTestId('builder-open').click();
    const b = page.getByTestId('builder');
    await b.waitFor();
    // Sharing an empty challenge names what is missing.
    await page.getByTestId('builder-copy').click();
    const missing = await page.getByTestId('builder-problems').innerText();
    if (!missing.includes('title') || !missing.includes('add at least one goal')) throw new Error(`problems: ${missing}`);
    await page.getByTestId('builder-title').fill('Workshop: eight web tasks');
    await page.getByTestId('builder-brief').fill('Run `web` with **eight** tasks. See [services](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html).');
    await page.getByTestId('builder-hints').fill('Look at desiredCount.\n\nSet it to 8.');
    await page.getByTestId('builder-horizon').fill('10');
    await page.getByTestId('builder-open-services[0].desiredCount').check();
    await page.getByTestId('goal-measure').selectOption('running');
    await page.getByTestId('goal-service').selectOption('web');
    await page.getByTestId('goal-when').selectOption('always');
    await page.getByTestId('goal-first').fill('5');
    await page.getByTestId('goal-bound').selectOption('atLeast');
    await page.getByTestId('goal-value').fill('8');
    await page.getByTestId('goal-add').click();
    if ((await page.getByTestId('builder-goal-list').locator('li').count()) !== 1) throw new Error('goal not added');
    await screenshot('challenge-builder');
    await page.getByTestId('builder-copy').click();
    const url = await page.getByTestId('builder-link').evaluate((el) => el.value);
    if (!/#c1\.[A-Za-z0-9_-]+$/.test(url)) throw new Error(`link: ${url}`);

    // A student's fresh browser: no storage, the link alone.
    const student = await (await context.browser().newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await student.goto(url);
    await student.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    if ((await student.getByTestId('lesson-title').innerText()) !== 'Workshop: eight web tasks') throw new Error('title');
    await student.getByTestId('lesson-check').click();
    await student.getByTestId('lesson-failed').waitFor({ timeout: 20000 });
    await student.locator('[data-testid="tab-scenario"]').click();
    const text = await student.getByTestId('scenario-editor').evaluate((el) => el.value);
    const doc = JSON.parse(text);
    doc.services[0].desiredCount = 8;
    await student.getByTestId('scenario-editor').fill(JSON.stringify(doc, null, 2));
    await student.getByTestId('lesson-check').click();
    await student.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
    await student.context().close();
  },
});

tests.push({
  name: 'lessons: the task definition tab edits the lesson’s revision in place, and Check passes',
  async run({ page, base }) {
    await page.goto(`${base}#lesson=fargate-task-size`);
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    const td = page.getByTestId('td-editor');
    await td.waitFor({ state: 'attached' });
    const text = await td.evaluate((el) => el.value);
    if (!text.includes('"memory": "512"')) throw new Error(`definition:\n${text}`);
    // A locked field is refused, and the line says the edit was not applied (beside the
    // editor's "No problems: ECS would accept this", a bare "… is locked" read as a
    // contradiction: instructor walkthrough).
    const image = text.match(/"image": "([^"]+)"/);
    if (!image) throw new Error('no image in the definition');
    await td.fill(text.replace(image[0], '"image": "example/other:2"'));
    await page.getByTestId('register-revision').click();
    const refused = await page.getByTestId('register-status').innerText();
    if (!refused.startsWith('Not applied:') || !refused.includes('is locked')) throw new Error(`refused: ${refused}`);
    await td.fill(text.replace('"memory": "512"', '"memory": "1024"'));
    // The button says what it does in a lesson (it read "Register revision 2").
    const label = await page.getByTestId('register-revision').innerText();
    if (label !== 'Apply to api:1') throw new Error(`button: ${label}`);
    await page.getByTestId('register-revision').click();
    const status = await page.getByTestId('register-status').innerText();
    if (!status.includes('Changed api:1 in place')) throw new Error(`status: ${status}`);
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
  },
});

/** Opens lesson `id` on its Scenario JSON tab; returns the selector of the editor's host. */
async function openLessonJson(page, base, id) {
  await page.goto(`${base}#lesson=${id}`);
  await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
  await page.locator('[data-testid="tab-scenario"]').click();
  const host = '.code:has([data-testid="scenario-editor"]) .cm-host';
  await page.locator(`${host} .cm-content`).waitFor({ timeout: 20000 });
  return host;
}

tests.push({
  name: 'lessons: in the Scenario JSON editor the locked parts are read-only and the open ones take typing',
  async run({ page, base }) {
    const host = await openLessonJson(page, base, 'fargate-task-size');
    const typeAt = async (needle, offset, keys) => {
      await page.evaluate(([sel, n, o]) => {
        const ed = document.querySelector(sel).ecsEditor;
        const pos = ed.getText().indexOf(n) + o;
        ed.view.dispatch({ selection: { anchor: pos } });
        ed.view.focus();
      }, [host, needle, offset]);
      await page.keyboard.type(keys);
    };
    const text = () => page.evaluate((sel) => document.querySelector(sel).ecsEditor.getText(), host);
    const before = await text();
    // The seed is locked: typing into it changes nothing.
    await typeAt('"seed": 7', '"seed": 7'.length, '99');
    if ((await text()) !== before) throw new Error('typing into the locked seed changed the text');
    // The task size is open: "512" becomes "1024".
    await typeAt('"memory": "512"', '"memory": "'.length, '1024');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Delete');
    if (!(await text()).includes('"memory": "1024"')) throw new Error(`memory not typed:\n${await text()}`);
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
    // Out of the lesson, nothing is locked.
    await page.getByTestId('lesson-exit').click();
    const after = await text();
    await typeAt('"seed": 7', '"seed": 7'.length, '1');
    if ((await text()) === after) throw new Error('after leaving the lesson the seed should take typing');
  },
});

tests.push({
  // Student walkthrough, 2026-12-06: pasting a corrected line over one whose key is locked
  // deleted the student's value and dropped the pasted text (CodeMirror's change filter kept
  // only the part of the change outside the locked key), leaving a syntax error.
  name: 'lessons: pasting over a locked key takes the whole paste when the locked parts stay the same, and refuses it whole, saying so, when they change',
  async run({ page, base }) {
    const host = await openLessonJson(page, base, 'fargate-task-size');
    const text = () => page.evaluate((sel) => document.querySelector(sel).ecsEditor.getText(), host);
    const pasteOver = async (from, to, insert) => {
      await page.evaluate(([sel, f, t]) => {
        const ed = document.querySelector(sel).ecsEditor;
        ed.view.dispatch({ selection: { anchor: f, head: t } });
        ed.view.focus();
      }, [host, from, to]);
      await page.keyboard.insertText(insert);
    };
    const start = await text();
    const line = '"memory": "512"';
    const at = start.indexOf(line);
    if (at < 0) throw new Error('lesson 1 no longer starts at 512 MiB');
    // The whole line, key and value: the key reads the same, so the paste is taken.
    await pasteOver(at, at + line.length, '"memory": "1024"');
    const pasted = await text();
    if (!pasted.includes('"memory": "1024"') || pasted.includes('"memory": ,')) throw new Error(`line paste:\n${pasted}`);
    // Over the locked seed: refused whole, the text as it was, and the panel says why.
    const seed = pasted.indexOf('"seed": 7');
    await pasteOver(seed, seed + '"seed": 7'.length, '"seed": 8');
    if ((await text()) !== pasted) throw new Error('a paste over the locked seed changed the text');
    const refused = await page.getByTestId('lock-refused').innerText();
    if (!refused.includes('locked')) throw new Error(`refusal line: ${refused}`);
    // Select all and paste a copy formatted another way with only an open value changed: taken.
    const copy = JSON.stringify(JSON.parse(pasted), null, 1).replace('"memory": "1024"', '"memory": "2048"');
    await pasteOver(0, pasted.length, copy);
    if ((await text()) !== copy) throw new Error('a pasted copy changing only an open value was not taken');
    // A space typed into a locked string is a change (review: whitespace was compared away).
    const cpu = copy.indexOf('"FARGATE"');
    if (cpu >= 0) {
      await pasteOver(cpu + 4, cpu + 4, ' ');
      if ((await text()) !== copy) throw new Error('a space in the locked FARGATE went in');
    }
    // Lesson 7's grace period does not exist at the start: a pasted copy that adds it is taken.
    const l7 = await openLessonJson(page, base, 'health-check-grace-period');
    const t7 = () => page.evaluate((sel) => document.querySelector(sel).ecsEditor.getText(), l7);
    const start7 = await t7();
    const answer = JSON.parse(start7);
    answer.services[0].healthCheckGracePeriodSeconds = 300;
    const answerText = JSON.stringify(answer, null, 2);
    await page.evaluate(([sel, to]) => {
      const ed = document.querySelector(sel).ecsEditor;
      ed.view.dispatch({ selection: { anchor: 0, head: to } });
      ed.view.focus();
    }, [l7, start7.length]);
    await page.keyboard.insertText(answerText);
    if ((await t7()) !== answerText) throw new Error('a pasted answer adding the open key was refused');
  },
});

tests.push({
  // Lesson 16 passed when its answer deleted availabilityZoneRebalancing (read as a new
  // service's ENABLED), where ECS would keep the running service's DISABLED on update: the pane
  // says so as the key goes, and Check refuses it naming the key.
  name: 'lessons: deleting lesson 16\'s availabilityZoneRebalancing is named in the pane and refused by Check',
  async run({ page, base }) {
    const host = await openLessonJson(page, base, 'zone-rebalancing');
    await page.evaluate((sel) => {
      const ed = document.querySelector(sel).ecsEditor;
      const text = ed.getText();
      const key = text.match(/,\s*"availabilityZoneRebalancing": "DISABLED"/);
      ed.view.dispatch({ changes: { from: key.index, to: key.index + key[0].length, insert: '' }, filter: false });
    }, host);
    await page.getByTestId('lesson-left-out').waitFor({ timeout: 10000 });
    const note = await page.getByTestId('lesson-left-out').innerText();
    if (!note.includes('services[0].availabilityZoneRebalancing') || !note.includes('already runs with DISABLED')) throw new Error(`note: ${note}`);
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-refused').waitFor({ timeout: 20000 });
    const refused = await page.getByTestId('lesson-refused').innerText();
    if (!refused.includes('availabilityZoneRebalancing')) throw new Error(`refusal: ${refused}`);
  },
});

tests.push({
  name: 'lessons: a scenario past 200,000 characters is not locked key by key (that would block the page); the lesson pane still names a locked change',
  async run({ page, base }) {
    const host = await openLessonJson(page, base, 'fargate-task-size');
    const text = () => page.evaluate((sel) => document.querySelector(sel).ecsEditor.getText(), host);
    // Still valid JSON: the scenario followed by 200,001 spaces, added past the lock.
    await page.evaluate((sel) => {
      const ed = document.querySelector(sel).ecsEditor;
      const end = ed.getText().length;
      ed.view.dispatch({ changes: { from: end, insert: ' '.repeat(200_001) }, filter: false });
    }, host);
    const before = await text();
    await page.evaluate((sel) => {
      const ed = document.querySelector(sel).ecsEditor;
      const pos = ed.getText().indexOf('"seed": 7') + '"seed": 7'.length;
      ed.view.dispatch({ selection: { anchor: pos } });
      ed.view.focus();
    }, host);
    await page.keyboard.type('9');
    if ((await text()) === before) throw new Error('past the limit the seed should take typing');
    await page.getByTestId('lesson-locked').waitFor({ timeout: 20000 });
    const locked = await page.getByTestId('lesson-locked').innerText();
    if (!locked.includes('seed')) throw new Error(`locked note: ${locked}`);
  },
});

tests.push({
  name: 'lessons: presenter mode shows the lesson and its goals under the cluster; the builder shows only the fields a measure takes',
  async run({ page, base, screenshot }) {
    const lesson = await presentLesson(page, base, 'rolling-update-bounds');
    // A lesson graded on task counts opens on their chart, not on a flat CPU line (lessons 1
    // and 6 did: 28th session).
    const chart = await page.getByTestId('presenter-chart').inputValue();
    if (chart !== 'Running vs desired tasks') throw new Error(`presenter chart: ${chart}`);
    // Check from the projector, with its verdict beside the goals (no Check has run yet).
    if ((await page.getByTestId('presenter-verdict').innerText()).trim() !== '') throw new Error('a verdict before any Check');
    await page.getByTestId('presenter-check').click();
    await page.waitForFunction(() => /Not yet: 1 of 2 goals met/.test(document.querySelector('[data-testid="presenter-verdict"]')?.textContent ?? ''), null, { timeout: 20000 });
    if (!(await lesson.innerText()).startsWith('9.')) throw new Error(`presenter lesson: ${await lesson.innerText()}`);
    if ((await lesson.locator('[data-testid="goal"][data-state="failed"]').count()) < 1) throw new Error('the failed goal is not on the projector');
    // The bar's scenario name (cut to "Lesson …" at 1280×720) gives way to the pane's title.
    if (await page.locator('.topbar .scenario-name').isVisible()) throw new Error('the cut lesson name still shows in the presenter bar');
    await screenshot('lesson-presenter-1280');
    await page.locator('[data-testid="presenter-toggle"]').click();
    await page.getByTestId('lesson-exit').click();
    await page.getByTestId('lessons-button').click();
    await page.getByTestId('builder-open').click();
    if (await page.getByTestId('goal-metric').count()) throw new Error('metric field shown for "running"');
    await page.getByTestId('goal-measure').selectOption('metric');
    await page.getByTestId('goal-metric').waitFor();
    if (await page.getByTestId('goal-when').count()) throw new Error('"when" shown for a window measure');
    await page.getByTestId('goal-measure').selectOption('advice');
    await page.getByTestId('goal-rule').waitFor();
  },
});

tests.push({
  // An instructor's walkthrough: Show solution then Check earned the same completion code as
  // solving the lesson, so a code handed in proved nothing.
  name: 'lessons: a pass after Show solution earns no completion code, even after a reload, until Start over',
  async run({ page, base }) {
    await openLesson(page, base, 'fargate-task-size');
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('lesson-solution').click();
    await page.locator('[data-testid="tab-scenario"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"memory": "1024"'));
    await page.reload();
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
    if (await page.getByTestId('completion-code').count()) throw new Error('a code after Show solution');
    const said = await page.getByTestId('code-withheld').innerText();
    if (!/solution was shown/.test(said)) throw new Error(`withheld note: ${said}`);
    if ((await page.getByTestId('lessons-count').innerText()).trim() !== '0/16') throw new Error('the course counted a shown solution as passed');
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('lesson-start-over').click();
    await page.locator('[data-testid="tab-scenario"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"memory": "512"'));
    await fixLessonOneByHand(page);
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('completion-code').waitFor({ timeout: 20000 });
    // Start over on the passed lesson says the passing scenario goes too, and it does: the
    // lesson reopens at its start (it reopened on the passing scenario: student walkthrough).
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); d.accept(); });
    await page.getByTestId('lesson-start-over').click();
    await page.locator('[data-testid="tab-scenario"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"memory": "512"'));
    if (!/passing scenario/.test(asked) || !/Download JSON/.test(asked)) throw new Error(`Start over asked: ${asked}`);
    await openLesson(page, base, 'host-ports');
    await openLesson(page, base, 'fargate-task-size');
    await page.locator('[data-testid="tab-scenario"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"memory": "512"'), null, { timeout: 10000 });
    if (await page.getByText('is back in the editor').count()) throw new Error('the discarded work was offered back');
  },
});

tests.push({
  // A student's walkthrough of lesson 14: Max 2 on the 3/3/3 group was refused (minimum above
  // maximum) while its box kept showing 2; only min, desired, max in that order worked.
  name: 'lessons: the group form takes its sizes in any order, moving the others as far as needed and saying so',
  async run({ page, base }) {
    await openLesson(page, base, 'right-size-instances');
    await page.getByTestId('tab-services').click();
    const max = page.getByTestId('asg-max').first();
    await max.waitFor({ timeout: 10000 });
    if ((await max.inputValue()) !== '3') throw new Error(`lesson 14 starts with maxSize ${await max.inputValue()}`);
    await max.fill('2');
    await max.press('Tab');
    await page.getByTestId('asg-resized').waitFor({ timeout: 5000 });
    const said = await page.getByTestId('asg-resized').innerText();
    if (!said.includes('desiredCapacity lowered from 3 to 2') || !said.includes('minSize lowered from 3 to 2')) throw new Error(`note: ${said}`);
    const sizes = await page.evaluate(() => ['asg-min', 'asg-desired', 'asg-max'].map((t) => document.querySelector(`[data-testid="${t}"]`)?.value));
    if (sizes.join('/') !== '2/2/2') throw new Error(`sizes shown: ${sizes.join('/')}`);
    if (await page.getByTestId('form-error').count()) throw new Error(`refused: ${await page.getByTestId('form-error').innerText()}`);
  },
});

tests.push({
  // An instructor's walkthrough at 1280x720: after Check and a watched run the goals, the chart
  // and the finished Run to strip left the latest events only their heading, and Escape with the
  // Pause on menu open left presenter mode instead of closing the menu.
  name: 'lessons: presenter mode at 1280x720 keeps Check, its verdict and the latest events in view after a watched run',
  async run({ page, base, screenshot }) {
    await openLesson(page, base, 'fargate-spot-base-weight');
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('lesson-solution').click();
    await page.locator('[data-testid="presenter-toggle"]').click();
    await page.getByTestId('presenter-check').click();
    await page.getByTestId('presenter-watch').waitFor({ timeout: 30000 });
    const barHeight = () => page.evaluate(() => document.querySelector('.topbar').getBoundingClientRect().height);
    const barBefore = await barHeight();
    await page.getByTestId('presenter-watch').click();
    // While the watched run goes at its own pace no speed button reads as chosen ("10×" stayed
    // lit beside "60 simulated s per wall s"); the chosen one comes back after it.
    const pressed = () => page.evaluate(() => [...document.querySelectorAll('[data-testid^="speed-"][aria-pressed="true"]')].map((b) => b.textContent));
    await page.waitForFunction(() => (document.querySelector('[data-testid="clock"]')?.textContent ?? '0:00:00') > '0:00:30', null, { timeout: 30000 });
    const during = await pressed();
    // Its progress takes the Run to controls' place in the bar's one row: on a row of its own
    // it pushed the stage down and the cluster refitted while the room watched.
    const barDuring = await barHeight();
    if (!(await page.getByTestId('run-progress').isVisible()) || Math.abs(barDuring - barBefore) > 1) {
      throw new Error(`top bar ${barBefore} px before the watched run, ${barDuring} px during it`);
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:15:00', null, { timeout: 60000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="presenter-watch"]')?.textContent.trim() === 'Watch it again', null, { timeout: 5000 });
    if (during.length !== 0) throw new Error(`speeds shown as chosen while watching: ${during}`);
    if ((await pressed()).length !== 1) throw new Error(`after watching: ${await pressed()}`);
    if (await page.getByTestId('run-progress').isVisible()) throw new Error('the finished Run to strip still takes a line in presenter mode');
    const inView = await page.evaluate(() => {
      const fits = (el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight + 1; };
      const events = [...document.querySelectorAll('[data-testid="presenter-events"] li')].filter((li) => {
        const r = li.getBoundingClientRect();
        const list = li.parentElement.getBoundingClientRect();
        return r.height > 0 && r.top >= list.top - 1 && r.bottom <= Math.min(list.bottom, innerHeight) + 1;
      }).length;
      return {
        events,
        check: fits(document.querySelector('[data-testid="presenter-check"]')),
        verdict: fits(document.querySelector('[data-testid="presenter-verdict"]')),
        goal: fits(document.querySelector('[data-testid="presenter-lesson"] [data-testid="goal"]')),
      };
    });
    if (inView.events < 2 || !inView.check || !inView.verdict || !inView.goal) throw new Error(`out of view at 1280x720: ${JSON.stringify(inView)}`);
    await screenshot('lesson-presenter-watched-1280');
    // Escape closes an open Pause on menu and stays in presenter mode; a second one leaves.
    await page.locator('[data-testid="pause-on"] summary').click();
    await page.keyboard.press('Escape');
    if (await page.locator('[data-testid="pause-on"]').evaluate((d) => d.open)) throw new Error('Escape left the Pause on menu open');
    if (!(await page.getByTestId('presenter-aside').isVisible())) throw new Error('Escape with the menu open left presenter mode');
    await page.keyboard.press('Escape');
    await page.getByTestId('presenter-aside').waitFor({ state: 'hidden', timeout: 5000 });
  },
});

tests.push({
  // Student and instructor walkthroughs at 1280x720: beside the cluster, with the chart and the
  // events, about one of lesson 11's four goals showed after Check while the room under the
  // cluster stayed empty. The goals now sit under the cluster; and a cluster that changes shape
  // under them (lesson 16's third task on an instance) still fits, without growing and shrinking
  // for good as its own scroll bar came and went.
  name: 'lessons: presenter mode at 1280x720 shows every goal of lessons 11 and 7 under a cluster that fits, and lesson 16 stays fitted while it runs',
  async run({ page, base, screenshot }) {
    const fitted = () => page.evaluate(() => {
      const c = document.querySelector('[data-testid="cluster"]');
      return { fit: c.dataset.fit, overflow: c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1 };
    });
    const settled = async (what) => {
      // Fitting takes a step per frame: read until two reads a second apart agree.
      let before = await fitted();
      for (let i = 0; i < 10; i++) {
        await page.waitForTimeout(1000);
        const now = await fitted();
        if (now.fit === before.fit && now.overflow === before.overflow) {
          if (now.overflow) throw new Error(`${what}: the cluster overflows its stage at fit ${now.fit}`);
          return now;
        }
        before = now;
      }
      throw new Error(`${what}: the cluster's scale never settled (last ${JSON.stringify(before)})`);
    };
    // A lesson presented, checked (its verdict matching `verdict`) and run 10 minutes on.
    const presentChecked = async (id, verdict) => {
      await presentLesson(page, base, id);
      await page.getByTestId('presenter-check').click();
      await page.waitForFunction((v) => new RegExp(v).test(document.querySelector('[data-testid="presenter-verdict"]')?.textContent ?? ''), verdict, { timeout: 30000 });
      await page.getByTestId('run-10m').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:10:00', null, { timeout: 30000 });
      await settled(id);
    };
    // Two goals failed since the 28th session: the rollback's timeouts are the load balancer's.
    await presentChecked('canary-blast-radius', 'Not yet: 2 of 4 goals met');
    const seen = await page.evaluate(() => {
      const list = document.querySelector('[data-testid="presenter-lesson"] .lesson-goals').getBoundingClientRect();
      const goals = [...document.querySelectorAll('[data-testid="presenter-lesson"] [data-testid="goal"]')];
      const whole = goals.filter((g) => {
        const r = g.getBoundingClientRect();
        return r.height > 0 && r.top >= list.top - 1 && r.bottom <= Math.min(list.bottom, innerHeight) + 1;
      }).length;
      const cluster = document.querySelector('[data-testid="cluster"]').getBoundingClientRect();
      const chips = [...document.querySelectorAll('[data-testid="cluster"] .task-chip:not(.legend-chip)')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.top >= cluster.top - 1 && r.bottom <= cluster.bottom + 1;
      }).length;
      const events = [...document.querySelectorAll('[data-testid="presenter-events"] li')].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.height > 0 && r.bottom <= innerHeight + 1;
      }).length;
      return { goals: goals.length, whole, chips, events, below: list.top > cluster.bottom };
    });
    if (seen.goals !== 4 || seen.whole !== 4) throw new Error(`goals in view at 1280x720: ${seen.whole} of ${seen.goals}`);
    if (!seen.below) throw new Error('the goals are not under the cluster');
    if (seen.chips !== 4) throw new Error(`task chips in view: ${seen.chips} of 4`);
    if (seen.events < 3) throw new Error(`latest events in view: ${seen.events}`);
    await screenshot('lesson-11-presenter-goals-1280');
    // Lesson 7's start fails two of its three goals with long details and Show buttons: the
    // third goal was cut at the strip's foot by the line a Show button took (instructor
    // walkthrough). (Its start met one until the 27th session, when a task stopped while its
    // target still recovered from the start-up began to count as stopped while coming up.)
    await page.locator('[data-testid="presenter-toggle"]').click();
    await presentChecked('health-check-grace-period', 'Not yet: 0 of 4 goals met');
    const seven = await page.evaluate(() => {
      const list = document.querySelector('[data-testid="presenter-lesson"] .lesson-goals').getBoundingClientRect();
      const parts = [...document.querySelectorAll('[data-testid="presenter-lesson"] [data-testid="goal"], [data-testid="presenter-lesson"] [data-testid="goal-show"]')];
      return parts.filter((g) => {
        const r = g.getBoundingClientRect();
        return !(r.height > 0 && r.top >= list.top - 1 && r.bottom <= Math.min(list.bottom, innerHeight) + 1);
      }).map((g) => g.textContent.slice(0, 40));
    });
    if (seven.length) throw new Error(`lesson 7's goals cut at 1280x720: ${JSON.stringify(seven)}`);
    await page.locator('[data-testid="presenter-toggle"]').click();
    await presentChecked('zone-rebalancing', 'goals met');
    const fit = (await fitted()).fit;
    if (!(+fit >= 0.7)) throw new Error(`lesson 16 fitted at ${fit}`);
  },
});

tests.push({
  name: 'lessons: the builder keeps its draft through close, preview and reload, warns when the start already passes, and shows Copied in view at 1280x720',
  async run({ page, base }) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(base);
    const openBuilder = async () => {
      await page.getByTestId('lessons-button').click();
      await page.getByTestId('builder-open').click();
      await page.getByTestId('builder').waitFor();
    };
    const addRunningGoal = async (value) => {
      await page.getByTestId('goal-measure').selectOption('running');
      await page.getByTestId('goal-service').selectOption('web');
      await page.getByTestId('goal-when').selectOption('always');
      await page.getByTestId('goal-first').fill('5');
      await page.getByTestId('goal-bound').selectOption('atLeast');
      await page.getByTestId('goal-value').fill(String(value));
      await page.getByTestId('goal-add').click();
    };
    const selfTest = (state) => page.waitForSelector(`[data-testid="builder-self-test"][data-state="${state}"]`, { timeout: 30000 });
    await openBuilder();
    await page.getByTestId('builder-title').fill('Draft kept');
    await page.getByTestId('builder-open-services[0].desiredCount').check();
    // A goal the default scenario already meets: a student would pass without changing anything.
    await addRunningGoal(1);
    const warn = await (await selfTest('warn')).innerText();
    if (!warn.includes('without changing anything')) throw new Error(`self-test: ${warn}`);
    await page.getByTestId('builder-goal-list').locator('button').first().click();
    await addRunningGoal(8);
    const fine = await (await selfTest('fine')).innerText();
    if (!fine.includes('the start misses its goal')) throw new Error(`self-test: ${fine}`);

    const kept = async (how) => {
      const title = await page.getByTestId('builder-title').inputValue();
      const goals = await page.getByTestId('builder-goal-list').locator('li').count();
      const ticked = await page.getByTestId('builder-open-services[0].desiredCount').isChecked();
      if (title !== 'Draft kept' || goals !== 1 || !ticked) throw new Error(`after ${how}: title ${JSON.stringify(title)}, ${goals} goals, ticked ${ticked}`);
      await page.getByTestId('builder-draft').waitFor();
    };
    await page.getByTestId('builder-close').click();
    await openBuilder();
    await kept('closing and reopening');

    // Preview as a student, leave the lesson: the page now runs the challenge's start, yet the
    // draft still builds on the scenario it was made from.
    await page.getByTestId('builder-preview').click();
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await page.getByTestId('lesson-exit').click();
    await openBuilder();
    await kept('a preview');

    await page.reload();
    await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
    await openBuilder();
    await kept('a reload');

    // "Copied" is brought into view inside the scrolling dialog.
    await page.getByTestId('builder-copy').click();
    const shared = page.getByTestId('builder-shared');
    await shared.waitFor();
    // It says whether the browser copied the link, and the link is what it copied.
    await page.getByTestId('builder-shared').filter({ hasText: 'Copied.' }).waitFor({ timeout: 5000 });
    const onClipboard = await page.evaluate(() => navigator.clipboard.readText());
    const inBox = await page.getByTestId('builder-link').inputValue();
    if (onClipboard !== inBox || !inBox.includes('#')) throw new Error(`clipboard ${onClipboard.slice(0, 80)} vs box ${inBox.slice(0, 80)}`);
    await page.waitForTimeout(300);
    const box = await shared.boundingBox();
    const dialog = await page.getByTestId('builder').boundingBox();
    if (!box || !dialog || box.y < dialog.y || box.y + Math.min(box.height, 24) > dialog.y + dialog.height) {
      throw new Error(`"Copied" is out of view: ${JSON.stringify(box)} in ${JSON.stringify(dialog)}`);
    }

    // Starting a new challenge discards the draft (after a confirmation) and builds anew.
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('builder-new').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="builder-title"]')?.value === '', null, { timeout: 5000 });
    if (await page.getByTestId('builder-goal-list').locator('li').count() !== 0) throw new Error('goals left after a new draft');
    if (await page.getByTestId('builder-draft').count() !== 0) throw new Error('a new draft still says it was kept');
  },
});

tests.push({
  // Hint 3 asked for awsvpcTrunking, which only the Scenario JSON could set (a student's
  // walkthrough, 2026-12-05): the Auto Scaling group now has a checkbox, and it is the answer.
  name: 'lessons: lesson 3 passes by ticking ENI trunking in Service settings; managed scaling says whether it is on',
  async run({ page, base }) {
    await openLesson(page, base, 'awsvpc-eni-trunking');
    await page.getByTestId('tab-services').click();
    const trunking = page.getByTestId('asg-trunking');
    await trunking.waitFor({ timeout: 5000 });
    if (await trunking.isChecked()) throw new Error('the lesson starts with trunking off');
    const ms = page.getByTestId('managed-scaling').locator('label.check').first();
    const label = await ms.innerText();
    const on = await page.getByTestId('ms-status').isChecked();
    if (!label.includes(on ? 'ENABLED' : 'DISABLED')) throw new Error(`managed scaling ${on ? 'on' : 'off'} reads "${label}"`);
    await trunking.check();
    await page.waitForFunction(() => document.querySelector('[data-testid=asg-trunking]')?.checked === true);
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 30000 });
  },
});

tests.push({
  // "Paused: this lesson's goals end at 0:15:00" stayed over a run restarted at 0:00 (a
  // student's walkthrough, 2026-12-05).
  name: 'lessons: the horizon pause notice goes when the run starts again',
  async run({ page, base }) {
    await page.goto(`${base}#lesson=fargate-task-size`);
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await page.getByTestId('speed-max').click();
    await page.getByTestId('play').click();
    const notice = page.getByTestId('notice').filter({ hasText: "this lesson's goals end at" });
    await notice.waitFor({ timeout: 30000 });
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('lesson-start-over').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent.trim() === '0:00:00');
    await notice.waitFor({ state: 'detached', timeout: 5000 });
  },
});

tests.push({
  // Student walkthrough, 2026-12-06: at max speed play stopped at 0:18:57 or 0:20:09 for a
  // 0:15:00 horizon (the redraw after the frame noticed), and Play on left the notice up.
  name: 'lessons: play at max stops exactly at the horizon, and Play on takes the notice away',
  async run({ page, base }) {
    await page.goto(`${base}#lesson=host-ports`);
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await page.getByTestId('speed-max').click();
    await page.getByTestId('play').click();
    const notice = page.getByTestId('notice').filter({ hasText: "this lesson's goals end at" });
    await notice.waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
    const clock = await page.getByTestId('clock').textContent();
    if (clock.trim() !== '0:15:00') throw new Error(`play stopped at ${clock}`);
    await page.getByTestId('play').click();
    await notice.waitFor({ state: 'detached', timeout: 5000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent.trim() !== '0:15:00', null, { timeout: 10000 });
    await page.getByTestId('play').click();
  },
});

tests.push({
  // A student saw lesson 3's "0:02" in the Run to field through lessons 4 to 7 (2026-12-06).
  name: 'lessons: the Run to field starts empty in the next lesson',
  async run({ page, base }) {
    await openLesson(page, base, 'awsvpc-eni-trunking');
    await page.getByTestId('run-to-input').fill('0:02');
    await page.goto(`${base}#lesson=fargate-spot-base-weight`);
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=lesson-pane]')?.innerText.includes('Spot'), null, { timeout: 10000 });
    const left = await page.getByTestId('run-to-input').inputValue();
    if (left !== '') throw new Error(`the Run to field kept "${left}"`);
  },
});

tests.push({
  // The hints send students to the event log, and at 1280x720 a selected task's panel and the
  // lesson left it no line at all (a student's walkthrough of lesson 7).
  name: 'lessons: at 1280x720 the event log keeps lines on screen beside a lesson and a selected task',
  async run({ page, base }) {
    await openLesson(page, base, 'health-check-grace-period');
    await page.getByTestId('play').click();
    await page.locator('[data-testid=task]').first().waitFor({ timeout: 20000 });
    await page.getByTestId('play').click();
    await page.locator('[data-testid=task]').first().click();
    await page.locator('[data-testid="explain"]').getByText('Target health').waitFor({ timeout: 5000 });
    const seen = await page.getByTestId('log').evaluate((log) => {
      const box = log.getBoundingClientRect();
      const lines = [...log.querySelectorAll('li')].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.top >= box.top && r.top + 16 <= box.bottom && r.top + 16 <= window.innerHeight;
      });
      return { height: box.height, lines: lines.length };
    });
    if (seen.lines < 1 || seen.height < 90) throw new Error(`event log: ${JSON.stringify(seen)}`);
    if (!(await page.getByTestId('lesson-check').isVisible())) throw new Error('Check is off screen');
  },
});

tests.push({
  // A student walkthrough of lessons 15 and 16: picking web in Metrics filtered the log to web,
  // and the filter carried into lesson 16, hiding the instance lines its brief points to; a
  // lesson opened from the address bar kept the last one's scroll, goals out of view.
  name: 'lessons: a new lesson opens with the whole event log and at the top of its pane',
  async run({ page, base }) {
    await openLesson(page, base, 'service-discovery-ttl');
    await page.click('[data-testid="dock-tab-metrics"]');
    await page.selectOption('[data-testid="metrics-service"]', { label: 'web' });
    await page.waitForFunction(() => document.querySelector('[data-testid="log-service"]')?.selectedOptions[0]?.textContent === 'web', null, { timeout: 5000 });
    await page.evaluate(() => { document.querySelector('[data-testid="lesson-pane"]').scrollTop = 400; });
    await page.evaluate(() => { location.hash = '#lesson=zone-rebalancing'; });
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-title"]')?.textContent.startsWith('16.'), null, { timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="log-service"]')?.selectedOptions[0]?.value === '', null, { timeout: 5000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-pane"]').scrollTop === 0, null, { timeout: 5000 });
  },
});

tests.push({
  // An instructor's walkthrough: lessons 4 and 14 fail only their cost goal, and presenter mode
  // offered no chart of the cost. The Cost tab's chart is one of its charts now.
  name: 'lessons: presenter mode offers the cost per hour chart',
  async run({ page, base }) {
    await presentLesson(page, base, 'right-size-instances');
    await page.getByTestId('run-10m').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:10:00', null, { timeout: 30000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="presenter-chart"] option')].some((o) => o.value === 'Cost per hour'), null, { timeout: 10000 });
    await page.selectOption('[data-testid="presenter-chart"]', 'Cost per hour');
    await page.waitForFunction(() => document.querySelector('[data-testid="presenter-aside"] [data-testid="chart"]')?.dataset.title === 'Cost per hour', null, { timeout: 5000 });
  },
});

tests.push({
  // Lesson 7 on a projector showed "RunningTaskCount 6" (its legend cut at "DesiredTaskCoun…")
  // beside a goal's "0 healthy tasks". The task chart of a service behind a load balancer draws
  // its healthy targets too, and each legend entry is whole, on its own line if need be.
  name: 'lessons: presenter mode draws running, desired and healthy tasks with whole legend entries (lesson 7)',
  async run({ page, base, screenshot }) {
    await presentLesson(page, base, 'health-check-grace-period');
    await page.getByTestId('run-10m').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:10:00', null, { timeout: 30000 });
    const chart = '[data-testid="presenter-aside"] [data-testid="chart"]';
    await page.waitForFunction((sel) => document.querySelectorAll(`${sel} [data-testid="chart-legend-item"]`).length === 3, chart, { timeout: 10000 });
    const items = await page.$$eval(`${chart} [data-testid="chart-legend-item"]`, (els) => els.map((e) => ({
      text: e.textContent.trim(), cut: e.scrollWidth > e.clientWidth + 1,
      right: e.getBoundingClientRect().right, edge: e.closest('figure').getBoundingClientRect().right,
    })));
    const texts = items.map((i) => i.text);
    if (texts.join('|') !== 'RunningTaskCount 6|DesiredTaskCount 3|HealthyHostCount 0') throw new Error(`legend: ${texts}`);
    const cut = items.filter((i) => i.cut || i.right > i.edge);
    if (cut.length) throw new Error(`legend entries cut: ${JSON.stringify(cut)}`);
    const healthy = await page.$eval(`${chart} [data-testid="chart-series"][data-label="HealthyHostCount"]`, (p) => p.getAttribute('d'));
    if (!healthy || !healthy.startsWith('M')) throw new Error(`no healthy line: ${healthy}`);
    await screenshot('lesson-7-presenter-healthy');
  },
});

tests.push({
  // A student who had fixed lesson 3 watched every goal stay ○ to 0:10:00 while a failing goal
  // turns ✗ at once. An "at all times" goal that has held so far is marked as holding.
  name: 'lessons: a live "at all times" goal that has held so far is marked holding until Check decides',
  async run({ page, base }) {
    await openLesson(page, base, 'awsvpc-eni-trunking');
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('lesson-solution').click();
    await page.getByTestId('run-10m').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:10:00', null, { timeout: 30000 });
    const six = page.locator('[data-testid="goal"][data-goal="six-running"]');
    await page.locator('[data-testid="goal"][data-goal="six-running"][data-state="holding"]').waitFor({ timeout: 10000 });
    const text = await six.innerText();
    if (!text.includes('holding so far; decided at 0:15:00')) throw new Error(`holding goal: ${text}`);
    // Check decides it: met, and the holding words go.
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
    if ((await six.getAttribute('data-state')) !== 'met') throw new Error(`after Check: ${await six.getAttribute('data-state')}`);
    if (await page.getByTestId('goal-holding').count()) throw new Error('holding words after Check');
  },
});

tests.push({
  // Lesson 12's TargetResponseTime chart drew no line at the goal's 0.1 s (instructor
  // walkthrough): a metric goal read off the minutes (a maximum) draws its bound.
  name: 'lessons: a maximum goal draws its bound on its metric chart (lesson 12)',
  async run({ page, base }) {
    await openLesson(page, base, 'service-auto-scaling');
    await page.click('[data-testid="dock-tab-metrics"]');
    await page.click('[data-testid="run-10m"]');
    const sel = '[data-testid="metrics"] [data-testid="chart"][data-title="TargetResponseTime"] [data-testid="chart-target"]';
    await page.locator(sel).waitFor({ timeout: 30000 });
    const target = await page.$eval(sel, (g) => ({ value: g.dataset.value, text: g.textContent }));
    if (target.value !== '0.1' || !target.text.includes('goal ≤ 0.1 s')) throw new Error(`goal line: ${JSON.stringify(target)}`);
  },
});

tests.push({
  // A student walkthrough at 1280x720: the Metrics dock shows two charts, and lesson 11's 5xx
  // chart was fourth, below the fold; the chart a lesson grades now comes first.
  name: 'lessons: the top bar names the open lesson as its pane does, and the Metrics dock puts the chart the lesson grades first',
  async run({ page, base }) {
    await openLesson(page, base, 'canary-blast-radius');
    // The top bar names the lesson as its pane does (its start scenario's own name read as
    // another lesson on a projector).
    const top = await page.locator('.topbar .scenario-name').innerText();
    const title = await page.getByTestId('lesson-title').innerText();
    if (top !== title) throw new Error(`top bar "${top}" beside pane "${title}"`);
    await page.click('[data-testid="dock-tab-metrics"]');
    await page.click('[data-testid="run-10m"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="metrics"] [data-testid="chart"]').length >= 2, null, { timeout: 30000 });
    const first = await page.evaluate(() => document.querySelector('[data-testid="metrics"] [data-testid="chart"]').dataset.title);
    if (first !== 'HTTPCode_Target_5XX_Count') throw new Error(`first chart: ${first}`);
    // Outside a lesson the order is the panel's own: CPU first.
    await page.getByTestId('lesson-exit').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="metrics"] [data-testid="chart"]')?.dataset.title === 'CPUUtilization', null, { timeout: 10000 });
  },
});

tests.push({
  // A student walkthrough of lesson 11: Min healthy % and Max % looked editable, and a change
  // was refused afterwards in a line at the top of the tab. They are drawn disabled and marked;
  // the strategy and its settings, which the lesson opens, are not.
  name: 'lessons: lesson 11 draws its locked deployment fields disabled and marked, its open ones editable',
  async run({ page, base, screenshot }) {
    await openLesson(page, base, 'canary-blast-radius');
    await page.getByTestId('tab-services').click();
    const min = page.getByTestId('dc-min');
    await min.scrollIntoViewIfNeeded();
    for (const [id, want] of [['dc-min', true], ['dc-max', true], ['dc-circuit-breaker', true], ['dc-strategy', false]]) {
      if ((await page.getByTestId(id).isDisabled()) !== want) throw new Error(`${id} disabled should be ${want}`);
    }
    // The lesson starts ROLLING; the open strategy picker takes CANARY and shows its settings.
    await page.selectOption('[data-testid="dc-strategy"]', 'CANARY');
    await page.getByTestId('dc-canary-percent').waitFor({ timeout: 5000 });
    if (await page.getByTestId('form-lock').count()) throw new Error(`refused: ${await page.getByTestId('form-lock').innerText()}`);
    for (const [id, want] of [['dc-bake', false], ['dc-canary-percent', false], ['dc-canary-bake', false], ['dc-min', true]]) {
      if ((await page.getByTestId(id).isDisabled()) !== want) throw new Error(`${id} disabled should be ${want}`);
    }
    const mark = await min.evaluate((el) => getComputedStyle(el.closest('label').querySelector('span'), '::after').content);
    if (!mark.includes('locked')) throw new Error(`Min healthy % is not marked: ${mark}`);
    // The open fields take a change.
    await fillKept(page, page.getByTestId('dc-canary-percent'), '20', 'Canary %');
    await screenshot('lesson-11-locked-fields-1280');
  },
});

tests.push({
  // Lesson 15 had no form at all (Scenario JSON only, walkthrough): its short-TTL answer is now a
  // field of orders' Service settings, and it passes.
  name: 'lessons: lesson 15 passes with the DNS TTL field of Service settings',
  async run({ page, base }) {
    await openLesson(page, base, 'service-discovery-ttl');
    await page.getByTestId('tab-services').click();
    await page.selectOption('[data-testid="service-select"]', 'orders');
    const ttl = page.getByTestId('dns-ttl');
    await ttl.waitFor({ timeout: 5000 });
    if ((await ttl.inputValue()) !== '300') throw new Error(`TTL shows ${await ttl.inputValue()}`);
    await fillKept(page, ttl, '10', 'TTL');
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
  },
});

tests.push({
  // Lesson 8 asked for the target group's deregistration delay, which no form set (student
  // walkthrough): Service settings now has it, and the two form fields pass the lesson.
  name: 'lessons: lesson 8 passes with Min healthy % and the load balancer\'s deregistration delay in Service settings',
  async run({ page, base }) {
    await openLesson(page, base, 'deregistration-delay');
    await page.getByTestId('tab-services').click();
    const delay = page.getByTestId('deregistration-delay');
    if ((await delay.inputValue()) !== '300') throw new Error(`delay shows ${await delay.inputValue()}`);
    await page.getByTestId('dc-min').fill('75');
    await page.getByTestId('dc-min').press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="dc-min"]')?.value === '75', null, { timeout: 3000 });
    await fillKept(page, delay, '30', 'delay');
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
  },
});


tests.push({
  // A student walkthrough of lesson 6: a memberOf typo's message showed only at the top of the
  // form, scrolled far out of view, so the typo looked accepted.
  name: 'lessons: a refused memberOf expression says why, in view of the field',
  async run({ page, base }) {
    await openLesson(page, base, 'placement-constraints');
    await page.getByTestId('tab-services').click();
    const add = page.getByTestId('add-constraint');
    await add.scrollIntoViewIfNeeded();
    if (!(await page.getByTestId('constraint-row').count())) await add.click();
    await page.getByTestId('constraint-type').first().selectOption('memberOf');
    const box = page.getByTestId('constraint-expression').first();
    await box.waitFor({ timeout: 5000 });
    await box.scrollIntoViewIfNeeded();
    // Enter applies, as in the form's other fields (it typed a line break: walkthrough).
    await box.fill('attribute:ecs.instance-type = r5.large');
    await box.press('Enter');
    if ((await box.inputValue()).includes('\n')) throw new Error('Enter typed a line break');
    const error = page.getByTestId('form-error');
    await error.waitFor({ timeout: 5000 });
    if (!/operator/.test(await error.innerText())) throw new Error(`error: ${await error.innerText()}`);
    const seen = await error.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const pane = el.closest('.services-tab').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, paneTop: pane.top, paneBottom: pane.bottom };
    });
    if (seen.top < seen.paneTop - 1 || seen.bottom > seen.paneBottom + 1) throw new Error(`the form's message is out of view: ${JSON.stringify(seen)}`);
    // Beside Check the lesson pane says that Check grades the scenario without the refused
    // change (a student read the verdict as the refused expression's).
    const note = page.getByTestId('lesson-form-refused');
    await note.waitFor({ timeout: 5000 });
    if (!/without that change/.test(await note.innerText())) throw new Error(`note: ${await note.innerText()}`);
  },
});

tests.push({
  // A student walkthrough: after Check said Passed the page still showed 0:00:00 and no task,
  // since Check grades a run of its own. A pass with the stage untouched now plays that run on
  // the stage at once, at a watchable pace, and the button plays it again from the start.
  name: 'lessons: a passed Check plays the graded run on an untouched stage, Watch it again replays it, and a chosen speed takes over',
  async run({ page, base }) {
    await passLessonOne(page, base);
    const watch = page.getByTestId('lesson-watch');
    // While the graded run plays the button says so (it offered "Watch it run to" beside it).
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-watch"]')?.textContent.trim() === 'Watching to 0:15:00…', null, { timeout: 5000 });
    const seconds = async () => (await page.locator('[data-testid="clock"]').innerText()).split(':').reduce((a, p) => a * 60 + Number(p), 0);
    // At a pace a room can follow (an instructor saw it jump to the end in a quarter second):
    // a simulated minute per second, so two seconds in it has moved but is minutes from the end.
    await page.waitForTimeout(2000);
    const midway = await seconds();
    if (midway === 0 || midway > 600) throw new Error(`the graded run was at ${midway} s two seconds after the pass`);
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:15:00', null, { timeout: 45000 });
    const running = await page.locator('[data-testid=task]').count();
    if (running < 2) throw new Error(`${running} tasks drawn at 0:15:00`);
    // At the horizon the same button replays from the start, and says so.
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-watch"]')?.textContent.trim() === 'Watch it again', null, { timeout: 5000 });
    await watch.click();
    await page.waitForTimeout(2000);
    const again = await seconds();
    if (again === 0 || again > 600) throw new Error(`the replay was at ${again} s two seconds after Watch it again`);
    // Choosing a speed takes over from the watched run where it is, at that speed, as Play
    // does (an instructor pressed Play and 1x and the replay went on at a minute per second;
    // another pressed 10x alone, saw it pressed, and the run kept its pace: 2026-12-07).
    await page.getByTestId('speed-1×').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="run-progress"]'), null, { timeout: 5000 });
    // The clock's text lags the engine by a redraw: read it once it shows play at 1x (make
    // test saw 7 s in two seconds, the watched run's last chunk drawn late).
    await page.waitForTimeout(1000);
    const from = await seconds();
    await page.waitForTimeout(3000);
    const moved = (await seconds()) - from;
    // At 1x about 3 s; the watched run's pace would be 180.
    if (moved < 1 || moved > 12) throw new Error(`at 1x the clock moved ${moved} s in three seconds`);
  },
});

tests.push({
  // Instructor walkthrough 2026-12-06: lesson 4's scale-in line listed seven task IDs and took
  // five lines of the projector's latest events. The room reads the first and a count.
  name: 'lessons: presenter mode cuts a long task list in the latest events to the first and a count',
  async run({ page, base }) {
    await presentLesson(page, base, 'fargate-spot-base-weight');
    await page.getByTestId('run-10m').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:10:00', null, { timeout: 30000 });
    // The list is redrawn after the clock (make test read it empty in the frame between).
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="presenter-events"] li')].some((li) => li.textContent.includes('has stopped 7 running tasks')), null, { timeout: 10000 }).catch(() => {});
    const lines = await page.locator('[data-testid="presenter-events"] li').allInnerTexts();
    const stopped = lines.find((l) => l.includes('has stopped 7 running tasks'));
    if (!stopped) throw new Error(`no scale-in line: ${lines.join(' | ')}`);
    if (!stopped.includes('and 6 more') || (stopped.match(/\(task /g) ?? []).length !== 1) throw new Error(`line: ${stopped}`);
  },
});

tests.push({
  // Review 2026-12-06: the pass plays the graded run only on an untouched stage. Play pressed
  // while Check runs is the student's own run, which the pass leaves alone.
  name: 'lessons: a pass after the student pressed Play does not take the stage over',
  async run({ page, base }) {
    await openLesson(page, base, 'fargate-task-size');
    await fixLessonOneByHand(page);
    await page.getByTestId('lesson-check').click();
    await page.getByTestId('play').click();
    await page.getByTestId('lesson-passed').waitFor({ timeout: 20000 });
    await page.waitForTimeout(1000);
    if (await page.locator('[data-testid="run-progress"]').count()) throw new Error('a Run to strip after the pass: the graded run took the stage over');
    const label = (await page.getByTestId('lesson-watch').innerText()).trim();
    if (label !== 'Watch it run to 0:15:00') throw new Error(`button: ${label}`);
  },
});

tests.push({
  // Instructor walkthrough 2026-12-06: in presenter mode the graded run replayed by itself after
  // a pass, too fast to explain over; presenter mode's Check leaves the stage to the instructor.
  name: 'lessons: presenter mode\'s Check leaves an untouched stage at 0:00:00 after a pass',
  async run({ page, base }) {
    await openLesson(page, base, 'fargate-task-size');
    await fixLessonOneByHand(page);
    await page.locator('[data-testid="presenter-toggle"]').click();
    await page.getByTestId('presenter-check').click();
    await page.getByTestId('presenter-watch').waitFor({ timeout: 20000 });
    await page.waitForTimeout(1500);
    const clock = await page.locator('[data-testid="clock"]').innerText();
    if (clock !== '0:00:00') throw new Error(`the stage moved to ${clock} after presenter mode's Check`);
  },
});

tests.push({
  // An instructor's walkthrough: lesson 1 at max paused at its horizon (0:19:58) while the log
  // still ended at 0:00:57: the pause cut a redraw short after the cluster, before the log.
  name: 'lessons: a lesson paused at its horizon at max speed shows the log up to the pause',
  async run({ page, base }) {
    await openLesson(page, base, 'fargate-task-size');
    await page.getByTestId('speed-max').click();
    await page.getByTestId('play').click();
    await page.locator('[data-testid="notice"]').getByText('Paused: this lesson').waitFor({ timeout: 60000 });
    await page.waitForFunction(() => {
      const first = document.querySelector('[data-testid="log"] li');
      const m = first && /(\d+):(\d\d):(\d\d)/.exec(first.textContent);
      return m && (+m[1]) * 3600 + (+m[2]) * 60 + (+m[3]) >= 14 * 60;
    }, null, { timeout: 5000 });
  },
});

tests.push({
  // An instructor's walkthrough: lesson 4 passed, Next lesson, back again: the lesson was at
  // its start and showed no sign of the pass, and the scenario the code belongs to was gone.
  name: 'lessons: a passed lesson comes back with its passing scenario and its code after Next lesson',
  async run({ page, base }) {
    await passLessonOne(page, base);
    const code = await page.getByTestId('completion-code').innerText();
    await page.getByTestId('lesson-next').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-title"]')?.textContent.startsWith('2.'), null, { timeout: 20000 });
    await page.goto(`${base}#lesson=fargate-task-size`);
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-title"]')?.textContent.startsWith('1.'), null, { timeout: 20000 });
    const before = await page.getByTestId('lesson-passed-before').innerText();
    if (!before.includes(code)) throw new Error(`passed note: ${before}`);
    await page.locator('[data-testid="tab-scenario"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"memory": "1024"'), null, { timeout: 5000 });
  },
});

tests.push({
  // An instructor's walkthrough: Keep in link inside a lesson added the clicked Spot
  // interruption to the link's timeline, which the lesson locks: the CLI refused the hand-in.
  name: 'lessons: Keep in link is off inside a lesson',
  async run({ page, base }) {
    await page.goto(`${base}#lesson=fargate-spot-base-weight`);
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    const box = page.getByTestId('keep-in-link');
    if (!(await box.isDisabled())) throw new Error('Keep in link offered in a lesson');
    await page.getByTestId('lesson-exit').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="keep-in-link"]').disabled, null, { timeout: 5000 });
  },
});

tests.push({
  // A student walkthrough: Start over brought the start back with the hints still revealed.
  name: 'lessons: Start over hides the hints again',
  async run({ page, base }) {
    await page.goto(`${base}#lesson=fargate-task-size`);
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await page.getByTestId('lesson-hint').click();
    await page.getByTestId('lesson-hint').click();
    if (!(await page.getByTestId('lesson-hint').innerText()).startsWith('Hint (2 of')) throw new Error(await page.getByTestId('lesson-hint').innerText());
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('lesson-start-over').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-hint"]')?.textContent.startsWith('Hint (0 of'), null, { timeout: 5000 });
    if (await page.locator('[data-testid="lesson-hints"] li').count()) throw new Error('hints still shown');
  },
});

tests.push({
  // An instructor's walkthrough: the pane said "You may change `services[0].placementConstraints`"
  // where the builder had said "service web: placementConstraints"; the JSON path is the hover.
  name: 'lessons: what may be changed is named as the builder names it, the JSON path on hover',
  async run({ page, base }) {
    await openLesson(page, base, 'health-check-grace-period');
    const code = page.getByTestId('lesson-editable').locator('code').first();
    const words = await code.innerText();
    if (words !== 'service reports: healthCheckGracePeriodSeconds') throw new Error(`named: ${words}`);
    if ((await code.getAttribute('title')) !== 'services[0].healthCheckGracePeriodSeconds') throw new Error(`hover: ${await code.getAttribute('title')}`);
  },
});

tests.push({
  // An instructor's walkthrough: lesson 14's tasks start RUNNING, so presenter mode's latest
  // events were a bare heading for the whole run, which looked broken on a projector.
  name: 'lessons: presenter mode says when there are no events yet instead of a bare heading',
  async run({ page, base }) {
    await presentLesson(page, base, 'right-size-instances');
    await page.getByTestId('presenter-aside').waitFor();
    const items = await page.locator('[data-testid="presenter-events"] li').count();
    const empty = page.getByTestId('presenter-events-empty');
    if (items !== 0) throw new Error(`${items} events listed at the start of lesson 14`);
    if (!(await empty.isVisible())) throw new Error('no events and no word about it');
  },
});

tests.push({
  // Instructor walkthrough 2026-12-06: after a reload "Hint (2 of 3)" was "Hint (0 of 3)".
  name: 'lessons: the hints a student opened are shown again after a reload, and Start over hides them',
  async run({ page, base }) {
    await openLesson(page, base, 'fargate-task-size');
    await page.getByTestId('lesson-hint').click();
    await page.getByTestId('lesson-hint').click();
    const label = (await page.getByTestId('lesson-hint').innerText()).trim();
    if (!label.startsWith('Hint (2 of')) throw new Error(`label: ${label}`);
    await page.reload();
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    const after = (await page.getByTestId('lesson-hint').innerText()).trim();
    if (after !== label) throw new Error(`after a reload: ${after} (was ${label})`);
    const shown = await page.locator('[data-testid="lesson-hints"] li').count();
    if (shown !== 2) throw new Error(`${shown} hints shown after a reload`);
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('lesson-start-over').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="lesson-hints"] li').length === 0, null, { timeout: 3000 });
    await page.reload();
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    if (await page.locator('[data-testid="lesson-hints"] li').count()) throw new Error('Start over\'s hidden hints came back after a reload');
  },
});

tests.push({
  // Instructor walkthrough 2026-12-06: an upload's "Scenario loaded." followed the instructor
  // through the builder's preview into presenter mode, beside another scenario.
  name: 'lessons: opening a lesson clears a confirmation about the scenario before it',
  async run({ page, base }) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(base);
    await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
    await page.setInputFiles('[data-testid="upload"]', {
      name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(await editorText(page)),
    });
    await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
    await page.getByTestId('lessons-button').click();
    await page.locator('[data-testid="course-lesson"][data-lesson="fargate-task-size"] button').first().click();
    await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
    await page.waitForTimeout(300);
    if (await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').count()) throw new Error('the upload\'s confirmation stayed into the lesson');
  },
});

tests.push({
  // Instructor walkthrough 2026-12-06: presenter mode never showed the brief, which lived only in
  // the normal layout's narrow column in small type.
  name: 'lessons: presenter mode shows the brief in large type in place of the goals, and Check brings the goals back',
  async run({ page, base, screenshot }) {
    const strip = await presentLesson(page, base, 'health-check-grace-period');
    await page.getByTestId('presenter-brief-toggle').click();
    const brief = page.getByTestId('presenter-brief');
    await brief.waitFor({ timeout: 5000 });
    const text = await brief.innerText();
    if (text.trim().length < 80) throw new Error(`brief: ${text}`);
    if (await strip.getByTestId('lesson-goals').count()) throw new Error('the goals stayed beside the brief');
    const box = await brief.boundingBox();
    if (!box || box.y + 20 > 720) throw new Error(`the brief is below the projector's edge: ${JSON.stringify(box)}`);
    const size = await brief.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    if (size < 16) throw new Error(`the brief is ${size} px on the projector`);
    await screenshot('presenter-brief-1280');
    await page.getByTestId('presenter-check').click();
    await strip.getByTestId('lesson-goals').waitFor({ timeout: 5000 });
    if (await page.getByTestId('presenter-brief').count()) throw new Error('the brief stayed after Check');
  },
});

tests.push({
  // Student walkthrough 2026-12-06: in lesson 16 AZ rebalancing "not set (the default)" headed
  // the goals with "you changed a locked part", though the field is open: the refusal is of a
  // key left out that ECS keeps on update, and the goals' note now says that.
  name: 'lessons: lesson 16 with AZ rebalancing left out says a setting is left out, not that a locked part changed',
  async run({ page, base }) {
    await openLesson(page, base, 'zone-rebalancing');
    await page.locator('[data-testid="tab-services"]').click();
    const select = page.getByTestId('az-rebalancing');
    if (await select.isDisabled()) throw new Error('AZ rebalancing is locked in lesson 16');
    await select.selectOption('');
    await page.getByTestId('lesson-left-out').waitFor({ timeout: 5000 });
    const note = await page.getByTestId('goals-not-counted').innerText();
    if (/locked part/.test(note) || !/availabilityZoneRebalancing is left out/.test(note)) throw new Error(`goals' note: ${note}`);
    if (await page.getByTestId('lesson-locked').count()) throw new Error('the pane says a locked part changed');
  },
});

tests.push({
  // Student walkthrough 2026-12-06: lesson 16 needs the zone spread first, "Add strategy"
  // appends it second, and moving it up took three edits. A row's ↑ moves it up.
  name: 'lessons: lesson 16\'s zone spread moves to the first strategy with one ↑',
  async run({ page, base }) {
    await openLesson(page, base, 'zone-rebalancing');
    await page.locator('[data-testid="tab-services"]').click();
    if (await page.getByTestId('strategy-up').count()) throw new Error('the only strategy offers to move up');
    await page.getByTestId('add-strategy').click();
    const fields = () => page.$$eval('[data-testid="strategy-row"] [data-testid="strategy-field"]', (els) => els.map((e) => e.value).join());
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="strategy-row"]').length === 2, null, { timeout: 5000 });
    if ((await fields()) !== 'instanceId,attribute:ecs.availability-zone') throw new Error(`after Add: ${await fields()}`);
    await page.getByTestId('strategy-up').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="strategy-row"] [data-testid="strategy-field"]')].map((e) => e.value).join() === 'attribute:ecs.availability-zone,instanceId', null, { timeout: 5000 });
    if (await page.getByTestId('lesson-locked').count()) throw new Error('moving a strategy counted as a locked change');
    await page.locator('[data-testid="tab-scenario"]').click();
    const doc = JSON.parse(await page.getByTestId('scenario-editor').evaluate((el) => el.value));
    const order = doc.services[0].placementStrategy.map((p) => p.field).join();
    if (order !== 'attribute:ecs.availability-zone,instanceId') throw new Error(`scenario order: ${order}`);
  },
});

tests.push({
  // Student walkthrough 2026-12-06: lesson 11's brief was 372 px of text in a 258 px box at
  // 1280x720, cut mid-line with no sign that it scrolls. While the brief is read the strip may
  // take more of the screen, and the cluster fits the rest.
  name: 'lessons: presenter mode at 1280x720 shows lesson 11\'s whole brief',
  async run({ page, base }) {
    await presentLesson(page, base, 'canary-blast-radius');
    await page.getByTestId('presenter-brief-toggle').click();
    const brief = page.getByTestId('presenter-brief');
    await brief.waitFor({ timeout: 5000 });
    await page.waitForTimeout(500);
    const seen = await brief.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, bottom: el.getBoundingClientRect().bottom }));
    if (seen.scroll > seen.client + 1 || seen.bottom > 720) throw new Error(`the brief is cut: ${JSON.stringify(seen)}`);
    if (!(await page.locator('[data-testid="cluster"]').isVisible())) throw new Error('the cluster left the screen');
  },
});

tests.push({
  // A student walkthrough: lesson 5's start after +10 min showed its first goal undecided and
  // the second failed "at 0:10:00", where Check says both fail at 0:05: the page read its live
  // goals only where a Run to chunk ended. It now reads them at every instant, as Check does.
  name: 'lessons: after +10 min the live goals fail when Check says, not where the jump ended',
  async run({ page, base }) {
    await openLesson(page, base, 'spread-across-zones');
    await page.getByTestId('run-10m').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:10:00', null, { timeout: 30000 });
    await page.waitForTimeout(500);
    const goals = await page.locator('[data-testid="goal"]').evaluateAll((els) => els.map((e) => ({ state: e.dataset.state, text: e.innerText })));
    for (const g of goals) {
      if (g.state !== 'failed') throw new Error(`a goal not failed after the outage: ${JSON.stringify(goals)}`);
      if (!/at 0:05:0\d/.test(g.text)) throw new Error(`failed at the wrong time: ${g.text}`);
    }
  },
});

tests.push({
  // A student walkthrough: lesson 2's bridge tasks drew "ENI 0/2" on every instance, which
  // invited a host-ports lesson to suspect ENIs. The ENI bar shows only where an ENI can be used.
  name: 'lessons: instances show an ENI bar only where awsvpc tasks can run on them',
  async run({ page, base }) {
    await openLesson(page, base, 'host-ports');
    await page.locator('[data-testid=instance]').first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(300);
    const bridge = await page.locator('.bar[title^="ENI"]').count();
    if (bridge !== 0) throw new Error(`${bridge} ENI bars in a bridge-mode lesson`);
    await openLesson(page, base, 'awsvpc-eni-trunking');
    await page.locator('.bar[title^="ENI"]').first().waitFor({ timeout: 20000 });
  },
});

tests.push({
  // Projector walkthrough 2026-12-06: presenter mode cut lesson 12's failed goal detail at two
  // lines ("…first over the bound in the minute ending…") and the rest was only in a tooltip.
  // A click on the detail shows it whole.
  name: 'lessons: in presenter mode a click shows a failed goal\'s whole detail',
  async run({ page, base }) {
    await presentLesson(page, base, 'service-auto-scaling');
    await page.getByTestId('presenter-check').click();
    await page.waitForFunction(() => /Not yet/.test(document.querySelector('[data-testid="presenter-verdict"]')?.textContent ?? ''), null, { timeout: 30000 });
    const detail = page.locator('[data-testid="presenter-lesson"] [data-testid="goal-detail"]').first();
    const measure = () => detail.evaluate((e) => ({ cut: e.scrollHeight > e.clientHeight + 2, height: e.getBoundingClientRect().height, expanded: e.getAttribute('aria-expanded') }));
    const before = await measure();
    if (!before.cut || before.expanded !== 'false') throw new Error(`the detail is not cut before the click: ${JSON.stringify(before)}`);
    await detail.click();
    const after = await measure();
    if (after.expanded !== 'true' || !(after.height > before.height)) throw new Error(`the click did not show the whole detail: ${JSON.stringify({ before, after })}`);
    await detail.press('Enter');
    if ((await measure()).expanded !== 'false') throw new Error('Enter did not fold it again');
  },
});


tests.push({
  // Instructor walkthrough 2026-12-06: after a pass on the projector nothing showed what the fix
  // was. After Check the strip names what changed in the lesson's open places.
  name: 'lessons: presenter mode names the change Check graded (lesson 7\'s grace period)',
  async run({ page, base }) {
    await openLesson(page, base, 'health-check-grace-period');
    await page.locator('[data-testid="tab-services"]').click();
    await fillKept(page, page.getByTestId('grace-period'), '300', 'the grace period');
    await page.locator('[data-testid="presenter-toggle"]').click();
    if (await page.getByTestId('presenter-changes').count()) throw new Error('changes listed before Check');
    await page.getByTestId('presenter-check').click();
    const changes = page.getByTestId('presenter-changes');
    await changes.waitFor({ timeout: 30000 });
    const text = await changes.innerText();
    // One line a change, its new value first (lesson 16's "DISABLED →…" hid ENABLED).
    if (!text.includes('service reports: healthCheckGracePeriodSeconds → 300 (was not set)')) throw new Error(`changes: ${text}`);
    if ((await changes.getByTestId('presenter-change').count()) !== 1) throw new Error(`changes: ${text}`);
  },
});

tests.push({
  // Instructor walkthrough 2026-12-07: after lesson 11's pass its three changes took three
  // lines of the strip and pushed the last goal below it at 1280x720. Folded, they share one line
  // (key and new value); a click lists them whole.
  name: 'lessons: after lesson 11\'s pass in presenter mode its three changes share a line and all four goals show',
  async run({ page, base }) {
    await passInPresenter(page, base, 'canary-blast-radius');
    const changes = page.getByTestId('presenter-changes');
    const brief = changes.getByTestId('presenter-changes-brief');
    const line = await brief.innerText();
    if (!line.startsWith('strategy → CANARY · canaryConfiguration → ') || !line.includes('bakeTimeInMinutes → 5')) throw new Error(`folded changes: ${line}`);
    if (await changes.getByTestId('presenter-change').first().isVisible()) throw new Error('the three lines show while folded');
    await page.waitForTimeout(1000);
    const seen = () => page.evaluate(() => {
      const strip = document.querySelector('[data-testid="presenter-lesson"]').getBoundingClientRect();
      const list = document.querySelector('[data-testid="presenter-lesson"] .lesson-goals').getBoundingClientRect();
      const goals = [...document.querySelectorAll('[data-testid="presenter-lesson"] [data-testid="goal"]')];
      return {
        goals: goals.length,
        whole: goals.filter((g) => {
          const r = g.getBoundingClientRect();
          return r.height > 0 && r.top >= list.top - 1 && r.bottom <= Math.min(list.bottom, strip.bottom, innerHeight) + 1;
        }).length,
      };
    });
    const folded = await seen();
    if (folded.goals !== 4 || folded.whole !== 4) throw new Error(`goals in view after the pass: ${folded.whole} of ${folded.goals}`);
    await changes.click();
    if ((await changes.getAttribute('aria-expanded')) !== 'true') throw new Error('the click did not open the changes');
    if (await brief.isVisible()) throw new Error('the folded line stays beside the whole lines');
    const lines = await changes.getByTestId('presenter-change').allInnerTexts();
    if (lines.length !== 3 || !lines[0].includes('deploymentConfiguration.strategy → CANARY (was not set)')) throw new Error(`whole changes: ${lines}`);
  },
});

tests.push({
  // Presenter walkthrough 2026-12-07 (37th session): lesson 10's one change read "service
  // checkout: deploymentConfiguration.deploymentCircuitBreaker → {"enable":tru…" at 1280x720, the
  // fix cut at its first key. Folded it names the service and the last key and leaves out the
  // old value when the line would be too long; a click shows it whole.
  name: 'lessons: after lesson 10\'s and lesson 4\'s pass in presenter mode the one change shows its new value whole on the line',
  async run({ page, context, base }) {
    await passInPresenter(page, base, 'circuit-breaker-rollback');
    const changes = page.getByTestId('presenter-changes');
    const item = changes.getByTestId('presenter-change');
    const folded = await item.innerText();
    if (folded !== 'service checkout: deploymentCircuitBreaker → {"enable":true,"rollback":true}') throw new Error(`folded change: ${folded}`);
    const cut = await item.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    if (cut) throw new Error(`the change is cut at 1280x720: ${folded}`);
    await changes.click();
    const whole = await item.innerText();
    if (!whole.startsWith('service checkout: deploymentConfiguration.deploymentCircuitBreaker → ') || !whole.endsWith('(was not set)')) throw new Error(`whole change: ${whole}`);
    // Lesson 4's strategy read "… FARGATE_SPOT …", its Spot weight cut (helper walkthrough,
    // 37th session): past the line it leaves out the old value and the owner too.
    const fresh = await context.newPage();
    await passInPresenter(fresh, base, 'fargate-spot-base-weight');
    const four = fresh.getByTestId('presenter-changes').getByTestId('presenter-change');
    const line = await four.innerText();
    if (line !== 'capacityProviderStrategy → [FARGATE base 2 weight 1, FARGATE_SPOT weight 3]') throw new Error(`lesson 4's change: ${line}`);
    if (await four.evaluate((el) => el.scrollWidth > el.clientWidth + 1)) throw new Error(`lesson 4's change is cut at 1280x720: ${line}`);
  },
});

tests.push({
  // Presenter walkthrough 2026-12-07: lesson 16's folded line read "placementStrategy → […] ·
  // availabilityZoneRebalancing → E…": the list said nothing and the line cut the second change.
  name: 'lessons: after lesson 16\'s pass in presenter mode its folded changes name the strategies and fit their line',
  async run({ page, base }) {
    await passInPresenter(page, base, 'zone-rebalancing');
    const brief = page.getByTestId('presenter-changes').getByTestId('presenter-changes-brief');
    const line = await brief.innerText();
    if (line !== 'placementStrategy → [spread zone, instance] · availabilityZoneRebalancing → ENABLED') throw new Error(`folded changes: ${line}`);
    const cut = await brief.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    if (cut) throw new Error(`the folded line is cut at 1280x720: ${line}`);
  },
});

tests.push({
  // Instructor walkthrough 2026-12-06: lesson 4's cost goal failed beside a cost chart with no
  // line at its $0.15.
  name: 'lessons: lesson 4\'s cost goal draws its bound on the cost chart',
  async run({ page, base }) {
    await openLesson(page, base, 'fargate-spot-base-weight');
    await page.getByTestId('run-10m').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:10:00', null, { timeout: 30000 });
    await page.click('[data-testid="dock-tab-cost"]');
    const target = page.locator('[data-testid="chart"][data-title="Cost per hour"] [data-testid="chart-target"]');
    await target.waitFor({ timeout: 10000 });
    if ((await target.getAttribute('data-value')) !== '0.15') throw new Error(`line at ${await target.getAttribute('data-value')}`);
    const label = await target.evaluate((g) => g.textContent);
    if (!label.includes('goal ≤ $0.15')) throw new Error(`label: ${label}`);
  },
});

tests.push({
  // Instructor walkthrough 2026-12-06: on the projector lesson 11's failed goal read "— from
  // 0:01:00 to 0:15:00: the sum of HTTPCode_Target_5XX_Count for…", its one line ending before
  // the number. Presenter mode puts what was seen first.
  name: 'lessons: presenter mode shows a failed window goal\'s number on its one line',
  async run({ page, base }) {
    await presentLesson(page, base, 'canary-blast-radius');
    await page.getByTestId('presenter-check').click();
    await page.waitForFunction(() => /Not yet/.test(document.querySelector('[data-testid="presenter-verdict"]')?.textContent ?? ''), null, { timeout: 30000 });
    const detail = page.locator('[data-testid="presenter-lesson"] [data-testid="goal-detail"]').first();
    const text = await detail.innerText();
    if (!/^ ?— the sum of \S+ for web was [\d,]+; the goal is/.test(text)) throw new Error(`detail: ${text}`);
    // The number is on the line shown: the text up to it fits the box's width.
    const fits = await detail.evaluate((e) => {
      const range = document.createRange();
      const node = e.firstChild;
      const upTo = node.textContent.indexOf(';');
      range.setStart(node, 0);
      range.setEnd(node, upTo);
      const rects = [...range.getClientRects()];
      return rects.length > 0 && rects.every((r) => Math.abs(r.top - rects[0].top) < 2);
    });
    if (!fits) throw new Error('the number is past the first line');
  },
});

tests.push({
  // Student walkthrough: lesson 7 opened Service settings at lesson 6's scroll, the constraints
  // section, with its one open field (the grace period, at the top of the form) 35 px above
  // the pane's top.
  name: 'lessons: a lesson whose field is at the top of Service settings opens with the form scrolled to the top',
  async run({ page, base }) {
    await openLesson(page, base, 'placement-constraints');
    await page.getByTestId('tab-services').waitFor();
    // Lesson 6 scrolls the form down to its constraints section first.
    await page.waitForFunction(() => (document.querySelector('.services-tab')?.scrollTop ?? 0) > 0, null, { timeout: 5000 });
    await page.evaluate(() => { location.hash = '#lesson=health-check-grace-period'; });
    await page.waitForFunction(() => document.querySelector('[data-testid="lesson-title"]')?.textContent.startsWith('7.'), null, { timeout: 20000 });
    const grace = page.getByTestId('grace-period');
    await grace.waitFor({ timeout: 5000 });
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="grace-period"]');
      const pane = el?.closest('[data-testid="editor-pane"]');
      if (!el || !pane) return false;
      const r = el.getBoundingClientRect();
      const p = pane.getBoundingClientRect();
      return r.top >= p.top && r.bottom <= p.bottom;
    }, null, { timeout: 5000 });
    if (await grace.isDisabled()) throw new Error('the open grace period field is disabled');
  },
});

tests.push({
  // Instructor walkthrough 2026-12-07: lesson 15's fix is made by picking orders in Service
  // settings; back in presenter mode the chart showed orders' CPU while the goal counts web's
  // failed calls, and the ClientErrorCount chart was not even offered. And `p` did nothing
  // after a checkbox had been ticked.
  name: 'lessons: presenter mode comes on with the lesson\'s service charted, and p works from a checkbox',
  async run({ page, base }) {
    await openLesson(page, base, 'service-discovery-ttl');
    await page.getByTestId('tab-services').click();
    await page.selectOption('[data-testid="service-select"]', 'orders');
    await page.waitForFunction(() => document.querySelector('[data-testid="metrics-service"]')?.selectedOptions[0]?.textContent === 'orders', null, { timeout: 5000 });
    // A checkbox of the page has the focus; p is not text for it.
    const box = page.locator('input[type="checkbox"]:visible').first();
    await box.focus();
    await page.keyboard.press('p');
    await page.getByTestId('presenter-lesson').waitFor({ timeout: 5000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="presenter-chart"]')?.value === "ClientErrorCount (playground's own)", null, { timeout: 10000 }).catch(() => {});
    const chart = await page.getByTestId('presenter-chart').inputValue();
    if (chart !== "ClientErrorCount (playground's own)") throw new Error(`presenter chart: ${chart}`);
    // Showing the lesson's service leaves the event log's scope alone (review: in lesson 16,
    // p twice narrowed the log to web and hid the instance and action lines).
    await page.keyboard.press('p');
    await page.getByTestId('lesson-pane').waitFor({ timeout: 5000 });
    await openLesson(page, base, 'zone-rebalancing');
    await page.keyboard.press('p');
    await page.getByTestId('presenter-lesson').waitFor({ timeout: 5000 });
    await page.keyboard.press('p');
    await page.getByTestId('log-service').waitFor({ timeout: 5000 });
    const scope = await page.getByTestId('log-service').evaluate((el) => el.selectedOptions[0]?.textContent);
    if (scope !== 'All services') throw new Error(`the event log shows ${scope}`);
  },
});

tests.push({
  // Presenter walkthrough 2026-12-07 (lesson 6 at 1280×720): the verdict appeared beside Check and
  // wrapped it onto a line of its own, away from the presenter's pointer; and each failed goal's
  // one line began with the time its Show button gives, so "the goal is ≥ 3" was cut off.
  name: 'lessons: presenter mode\'s Check keeps its place and a failed goal\'s line ends with its goal',
  async run({ page, base }) {
    await presentLesson(page, base, 'placement-constraints');
    const check = page.getByTestId('presenter-check');
    const before = await check.boundingBox();
    await check.click();
    await page.waitForFunction(() => /Not yet/.test(document.querySelector('[data-testid="presenter-verdict"]')?.textContent ?? ''), null, { timeout: 30000 });
    await page.waitForTimeout(300);
    const after = await check.boundingBox();
    if (Math.abs(after.x - before.x) > 1 || Math.abs(after.y - before.y) > 1) {
      throw new Error(`Check moved from ${JSON.stringify(before)} to ${JSON.stringify(after)}`);
    }
    const details = await page.locator('[data-testid="presenter-lesson"] [data-testid="goal-detail"]').evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent, cut: e.scrollHeight > e.clientHeight + 2 })));
    if (details.length !== 2) throw new Error(`details: ${JSON.stringify(details)}`);
    for (const d of details) {
      if (/— at \d/.test(d.text) || !/the goal is/.test(d.text) || d.cut) throw new Error(`detail: ${JSON.stringify(d)}`);
    }
  },
});

tests.push({
  // Presenter walkthrough 2026-12-07 (lesson 5 at 0:05:00): six lines of tasks lost with their
  // instance filled the latest events and pushed out the zone outage that caused them.
  name: 'lessons: presenter mode lists tasks lost together as one row, under the outage',
  async run({ page, base }) {
    await presentLesson(page, base, 'spread-across-zones');
    await page.getByTestId('presenter-check').click();
    await page.waitForFunction(() => /Not yet/.test(document.querySelector('[data-testid="presenter-verdict"]')?.textContent ?? ''), null, { timeout: 30000 });
    await page.locator('[data-testid="presenter-lesson"] [data-testid="goal-show"]').first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:05:00', null, { timeout: 30000 });
    const rows = page.locator('[data-testid="presenter-events"] li');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="presenter-events"] li')].some((li) => li.textContent.includes('outage')), null, { timeout: 10000 });
    const texts = await rows.allInnerTexts();
    const lost = texts.filter((t) => t.includes('STOPPED (TerminationNotice)'));
    if (lost.length !== 1 || !/\(and 5 more\) STOPPED/.test(lost[0])) throw new Error(`rows: ${JSON.stringify(texts)}`);
    // The chart's time axis runs to the lesson's horizon (0:20 for lesson 5), not to 0:10.
    const ticks = await page.locator('[data-testid="presenter-aside"] .chart-svg text.tick[text-anchor="middle"]').allTextContents();
    if (ticks.at(-1) !== '0:20') throw new Error(`time axis: ${JSON.stringify(ticks)}`);
  },
});
