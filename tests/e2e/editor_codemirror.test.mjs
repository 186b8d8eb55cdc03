// The JSON editor is CodeMirror 6 (issue #14): completion of keys and enum values from the
// engine's schema, field documentation on hover and at the caret, and problems drawn as
// squiggles at their fields (the gutter marks and the problem list stay).
import { readFileSync } from 'node:fs';
import { runTo } from './lib/deployments.mjs';

const DEFAULT_TEXT = readFileSync(new URL('../../core/src/scenario/examples/default.json', import.meta.url), 'utf8');

/** The CodeMirror host of the editor whose hidden text area has `testid`. */
const HOST = (testid) => `.code:has([data-testid="${testid}"]) .cm-host`;

async function open(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="td-editor"]').waitFor({ timeout: 20000 });
  await page.locator(`${HOST('td-editor')} .cm-content`).waitFor({ timeout: 20000 });
}

/** Puts the caret in the editor at the offset `where(text)` returns, and focuses it. */
async function caret(page, testid, where) {
  const found = await page.evaluate(({ sel, where }) => {
    const ed = document.querySelector(sel).ecsEditor;
    const text = ed.getText();
    const pos = new Function('text', `return (${where})(text)`)(text);
    if (pos < 0) return false;
    ed.view.dispatch({ selection: { anchor: pos } });
    ed.view.focus();
    return true;
  }, { sel: HOST(testid), where: where.toString() });
  if (!found) throw new Error('position not found in the text');
}

/** Labels of the open completion list. */
async function completions(page) {
  const list = page.locator('.cm-tooltip-autocomplete');
  await list.waitFor({ timeout: 5000 });
  return list.locator('.cm-completionLabel').allInnerTexts();
}

function expectSome(labels, wanted, absent, where) {
  for (const w of wanted) if (!labels.includes(w)) throw new Error(`${where}: ${w} not offered in ${labels.join(', ')}`);
  for (const a of absent) if (labels.includes(a)) throw new Error(`${where}: ${a} offered but does not belong here`);
}

export const tests = [
  {
    name: 'editor (CodeMirror): completion offers the keys of the scenario, of a container, and the network modes',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, base);

      // 1. Inside a containerDefinitions[] item: the container keys, not the task's.
      await caret(page, 'td-editor', (t) => t.indexOf('"image"'));
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.type('"');
      await page.keyboard.press('Control+Space');
      expectSome(await completions(page), ['memoryReservation', 'healthCheck', 'stopTimeout'], ['family', 'networkMode', 'image'], 'container');
      await screenshot('editor-completion-container');
      // The highlighted key's documentation shows whole beside the list: it opened past the
      // editor column's edge, which clipped it out of sight (engineer walkthrough).
      const info = page.locator('.cm-completionInfo');
      await info.waitFor({ timeout: 5000 });
      const shown = await info.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
        return { seen: !!hit && el.contains(hit), right: r.right, width: innerWidth, text: el.textContent.slice(0, 60) };
      });
      if (!shown.seen || shown.right > shown.width) throw new Error(`completion info hidden: ${JSON.stringify(shown)}`);
      await page.keyboard.press('Escape');

      // 2. The value of networkMode: exactly the four modes; picking one writes it.
      await page.evaluate((sel) => {
        const ed = document.querySelector(sel).ecsEditor;
        const text = ed.getText();
        const m = /"networkMode": ("[^"]*")/.exec(text);
        let from;
        if (m) {
          from = m.index + m[0].length - m[1].length;
          ed.view.dispatch({ changes: { from, to: from + m[1].length, insert: '""' }, selection: { anchor: from + 1 } });
        } else {
          from = text.indexOf('{') + 1;
          ed.view.dispatch({ changes: { from, insert: '\n  "networkMode": "",' }, selection: { anchor: from + 18 } });
        }
        ed.view.focus();
      }, HOST('td-editor'));
      await page.keyboard.press('Control+Space');
      const modes = await completions(page);
      if (modes.join(',') !== 'awsvpc,bridge,host,none') throw new Error(`networkMode offered ${modes.join(', ')}`);
      await screenshot('editor-completion-network-mode');
      await page.locator('.cm-completionLabel', { hasText: 'host' }).click();
      await page.waitForFunction((sel) => /"networkMode": "host"/.test(document.querySelector(sel).ecsEditor.getText()), HOST('td-editor'));

      // 3. The scenario's top level: its keys, not a container's.
      await page.locator('[data-testid="tab-scenario"]').click();
      await page.locator(`${HOST('scenario-editor')} .cm-content`).waitFor();
      await caret(page, 'scenario-editor', (t) => t.indexOf('{') + 1);
      await page.keyboard.press('Enter');
      await page.keyboard.type('"');
      await page.keyboard.press('Control+Space');
      const top = await completions(page);
      const present = await page.evaluate((sel) => Object.keys(JSON.parse(document.querySelector(sel).ecsEditor.getText().replace(/^\{\s*"",?/, '{'))), HOST('scenario-editor')).catch(() => []);
      const wanted = ['startSteady', 'pricing', 'timeline', 'fargateSpot'].filter((k) => !present.includes(k));
      expectSome(top, wanted.length ? wanted : [top[0]], ['memoryReservation', 'containerPort', 'version'], 'scenario top level');
      await screenshot('editor-completion-scenario');
    },
  },
  {
    name: 'editor (CodeMirror): in a FARGATE task definition the log drivers Fargate refuses come last, marked; not in an EC2 one',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, base);
      await page.locator('[data-testid="tab-scenario"]').click();
      await page.locator(`${HOST('scenario-editor')} .cm-content`).waitFor();
      /** Writes an empty logDriver into the container named `name` and opens completion there. */
      const offered = async (name, shot) => {
        await page.evaluate(({ sel, name }) => {
          const ed = document.querySelector(sel).ecsEditor;
          const at = ed.getText().indexOf(`"name": "${name}",`) + `"name": "${name}",`.length;
          const insert = '\n          "logConfiguration": { "logDriver": "" },';
          ed.view.dispatch({ changes: { from: at, insert }, selection: { anchor: at + insert.indexOf('""') + 1 }, scrollIntoView: true });
          ed.view.focus();
        }, { sel: HOST('scenario-editor'), name });
        await page.keyboard.press('Control+Space');
        await completions(page);
        const rows = await page.locator('.cm-tooltip-autocomplete li').evaluateAll((lis) => lis.map((li) => ({
          label: li.querySelector('.cm-completionLabel').textContent,
          detail: (li.querySelector('.cm-completionDetail') || {}).textContent || '',
        })));
        if (shot) await screenshot(shot);
        await page.keyboard.press('Escape');
        return rows;
      };
      // The api family requires FARGATE (API LogConfiguration: awslogs, splunk, awsfirelens).
      const api = await offered('api', 'editor-completion-fargate-log-drivers');
      const first = api.slice(0, 3).map((r) => r.label).sort().join(',');
      if (first !== 'awsfirelens,awslogs,splunk' || api.slice(0, 3).some((r) => r.detail)) throw new Error(`Fargate definition offered first: ${JSON.stringify(api.slice(0, 3))}`);
      const rest = api.slice(3);
      if (rest.length < 4 || !rest.some((r) => r.label === 'json-file') || rest.some((r) => r.detail !== 'not on Fargate')) throw new Error(`Fargate definition offered last: ${JSON.stringify(rest)}`);
      // The web family requires EC2: every driver plain.
      const web = await offered('nginx');
      if (web.length !== api.length || web.some((r) => r.detail)) throw new Error(`EC2 definition offered: ${JSON.stringify(web)}`);
    },
  },
  {
    name: 'editor (CodeMirror): the line being typed stays on screen when the problem list under the editor grows (1280x720)',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, base);
      await page.locator('[data-testid="tab-scenario"]').click();
      const host = HOST('scenario-editor');
      await page.locator(`${host} .cm-content`).waitFor();
      // The caret at the api container's name, scrolled to the bottom of the editor's box.
      await page.evaluate((sel) => {
        const ed = document.querySelector(sel).ecsEditor;
        const at = ed.getText().indexOf('"name": "api",') + '"name": "api",'.length;
        ed.view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        ed.view.focus();
      }, host);
      const caretSeen = () => page.evaluate((sel) => {
        const ed = document.querySelector(sel).ecsEditor;
        const c = ed.view.coordsAtPos(ed.view.state.selection.main.head);
        const s = ed.view.scrollDOM.getBoundingClientRect();
        return { seen: !!c && c.top >= s.top && c.bottom <= s.bottom, caret: c && c.bottom, box: s.bottom };
      }, host);
      if (!(await caretSeen()).seen) throw new Error('the caret is not on screen before typing');
      if (await page.getByTestId('problem').count()) throw new Error('the default scenario has problems');
      // A half-typed key makes the scenario invalid: the problem list appears under the editor,
      // and the editor gets shorter. The caret's line must stay in its box.
      await page.keyboard.press('Enter');
      await page.keyboard.type('"logConfiguration": { "logDriver": "sys', { delay: 20 });
      await page.getByTestId('problem').first().waitFor({ timeout: 10000 });
      await page.waitForTimeout(300);
      const after = await caretSeen();
      await screenshot('editor-caret-after-problem-list');
      if (!after.seen) throw new Error(`the line being typed went below the editor: ${JSON.stringify(after)}`);
    },
  },
  {
    name: 'editor (CodeMirror): hovering memoryReservation shows its documentation; the caret shows it too',
    async run({ page, base, screenshot }) {
      await open(page, base);
      const td = page.getByTestId('td-editor');
      const original = await td.evaluate((el) => el.value);
      if (!original.includes('"memory": 512')) throw new Error(`unexpected definition:\n${original}`);
      if (!original.includes('"memoryReservation"')) {
        await td.fill(original.replace('"memory": 512', '"memory": 512,\n          "memoryReservation": 256'));
      }
      await page.waitForFunction((sel) => document.querySelector(sel).ecsEditor.getText().includes('"memoryReservation"'), HOST('td-editor'));
      const at = await page.evaluate((sel) => {
        const ed = document.querySelector(sel).ecsEditor;
        const pos = ed.getText().indexOf('"memoryReservation"') + 4;
        ed.view.dispatch({ effects: [] });
        const r = ed.view.coordsAtPos(pos);
        return { x: r.left, y: (r.top + r.bottom) / 2 };
      }, HOST('td-editor'));
      await page.mouse.move(at.x, at.y);
      const tip = page.locator('.cm-tooltip-hover [data-testid="field-doc"]');
      await tip.waitFor({ timeout: 5000 });
      const text = await tip.innerText();
      if (!/memoryReservation/.test(text) || !/Soft memory limit/.test(text) || !/API Reference/.test(text)) throw new Error(`hover shows: ${text}`);
      await screenshot('editor-hover-memory-reservation');

      await caret(page, 'td-editor', (t) => t.indexOf('"memoryReservation"') + 3);
      const panel = page.locator('[data-testid="caret-doc"]').first();
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="caret-doc"]')].some((p) => /Soft memory limit/.test(p.textContent)));
      if (!(await panel.isVisible())) throw new Error('the caret documentation panel is hidden');
    },
  },
  {
    name: 'editor (CodeMirror): an invalid value is squiggled at its field; the gutter mark and the list stay',
    async run({ page, base, screenshot }) {
      await open(page, base);
      const host = page.locator(HOST('td-editor'));
      const original = await page.getByTestId('td-editor').evaluate((el) => el.value);
      // Typed into CodeMirror itself: select the value 512 of "memory" and type 4.
      await caret(page, 'td-editor', (t) => t.indexOf('"memory": 512') + '"memory": '.length);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('4');
      const squiggle = host.locator('.cm-lintRange-error');
      await squiggle.first().waitFor({ timeout: 5000 });
      const marked = (await squiggle.allTextContents()).join('');
      if (marked.replace(/\s+/g, ' ') !== '"memory": 4') throw new Error(`squiggle under ${JSON.stringify(marked)}, expected the memory field`);
      const line = original.split('\n').findIndex((l) => l.includes('"memory": 512')) + 1;
      const mark = host.locator('[data-testid="gutter-mark"]');
      if ((await mark.count()) !== 1 || (await mark.innerText()).trim() !== String(line)) throw new Error('the gutter should mark exactly the memory line');
      const problem = page.locator('[data-testid="problem"]', { hasText: 'containerDefinitions[0].memory' });
      await problem.waitFor();
      if ((await problem.getAttribute('data-line')) !== String(line)) throw new Error('the problem list names another line');
      if ((await host.locator('.cm-content').getAttribute('aria-invalid')) !== 'true') throw new Error('the editor is not marked invalid');
      await screenshot('editor-squiggle');
      // Undo puts 512 back and the squiggle goes.
      await page.keyboard.press('Control+z');
      await page.locator('[data-testid="no-problems"]').waitFor({ timeout: 5000 });
      if (await squiggle.count()) throw new Error('squiggle still shown after undo');
    },
  },
  {
    name: 'editor (CodeMirror): with hundreds of advice warnings the list under the editor shows 200 and says how many more',
    async run({ page, base }) {
      await open(page, base);
      const doc = JSON.parse(DEFAULT_TEXT);
      for (let i = 0; i < 80; i += 1) doc.taskDefinitions.push({ ...structuredClone(doc.taskDefinitions[0]), family: `extra-${i}` });
      await page.locator('[data-testid="tab-scenario"]').click();
      // As an upload would (fill() types 60 KB far too slowly).
      await page.evaluate((text) => {
        const area = document.querySelector('[data-testid="scenario-editor"]');
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, JSON.stringify(doc, null, 2));
      const summary = page.locator('[data-testid="editor-warnings"] summary');
      await summary.waitFor({ timeout: 20000 });
      const n = Number(/(\d+) advice warning/.exec(await summary.innerText())[1]);
      if (!(n > 200)) throw new Error(`expected over 200 warnings, got ${n}`);
      await summary.click();
      const listed = await page.locator('[data-testid="editor-warning"]').count();
      if (listed !== 200) throw new Error(`${listed} warnings listed, expected the first 200`);
      const more = await page.getByTestId('editor-warnings-more').innerText();
      if (!more.includes(`${n - 200} more`)) throw new Error(`the list says: ${more}`);
    },
  },
  {
    name: 'editor (CodeMirror): Shift-Alt-F formats the JSON with two spaces, and undo takes it back',
    async run({ page, base }) {
      await open(page, base);
      const compact = JSON.stringify(JSON.parse(await page.getByTestId('td-editor').evaluate((el) => el.value)));
      await page.evaluate(({ sel, compact }) => {
        const ed = document.querySelector(sel).ecsEditor;
        ed.view.dispatch({ changes: { from: 0, to: ed.view.state.doc.length, insert: compact }, selection: { anchor: 0 } });
        ed.view.focus();
      }, { sel: HOST('td-editor'), compact });
      await page.keyboard.press('Shift+Alt+F');
      const text = () => page.evaluate((sel) => document.querySelector(sel).ecsEditor.getText(), HOST('td-editor'));
      const formatted = await text();
      if (formatted !== JSON.stringify(JSON.parse(compact), null, 2)) throw new Error(`formatted as:\n${formatted}`);
      await page.keyboard.press('Control+z');
      if ((await text()) !== compact) throw new Error('undo did not restore the text before formatting');
    },
  },
  {
    name: 'editor (CodeMirror): undoing a half-typed edit back to the running scenario keeps the run going',
    async run({ page, base }) {
      await open(page, base);
      await runTo(page, '0:10');
      const clock = () => page.locator('[data-testid="clock"]').innerText();
      if ((await clock()) !== '0:10:00') throw new Error(`clock after +10 min: ${await clock()}`);
      await page.locator('[data-testid="tab-scenario"]').click();
      await page.locator(`${HOST('scenario-editor')} .cm-content`).waitFor({ timeout: 5000 });
      await caret(page, 'scenario-editor', (t) => t.indexOf('"seed"'));
      await page.keyboard.type('x');
      await page.locator('[data-testid="no-problems"]').waitFor({ state: 'detached', timeout: 5000 });
      if ((await clock()) !== '0:10:00') throw new Error(`an invalid edit moved the clock: ${await clock()}`);
      await page.keyboard.press('Control+z');
      await page.locator('[data-testid="no-problems"]').waitFor({ timeout: 5000 });
      await page.waitForTimeout(300);
      if ((await clock()) !== '0:10:00') throw new Error(`undo back to the running scenario restarted the run: ${await clock()}`);
      // A real change still restarts it.
      await caret(page, 'scenario-editor', (t) => t.indexOf('"seed": ') + '"seed": '.length);
      await page.keyboard.type('1');
      await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.innerText === '0:00:00',
        null, { timeout: 5000, polling: 100 });
    },
  },
];
