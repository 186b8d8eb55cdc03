// The editor pane: live task definition validation at the field, and the Service settings
// form driving the simulation.

/** 1-based line of the first line of `text` containing `needle`. */
function lineOf(text, needle) {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

async function open(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="td-editor"]').waitFor({ timeout: 20000 });
}

export const tests = [
  {
    name: 'editor: invalid container memory is shown at its field and clears when fixed',
    async run({ page, base, screenshot }) {
      await open(page, base);
      const editor = page.locator('[data-testid="td-editor"]');
      const original = await editor.evaluate((el) => el.value);
      if (!original.includes('"memory": 512')) throw new Error(`unexpected definition:\n${original}`);

      const broken = original.replace('"memory": 512', '"memory": 4');
      await editor.fill(broken);
      const problem = page.locator('[data-testid="problem"]', { hasText: 'containerDefinitions[0].memory' });
      await problem.waitFor({ timeout: 5000 });
      const line = lineOf(broken, '"memory": 4');
      const at = await problem.getAttribute('data-line');
      if (at !== String(line)) throw new Error(`problem at line ${at}, expected ${line}`);
      const text = await problem.innerText();
      if (!/6 MiB/.test(text)) throw new Error(`expected ECS's 6 MiB minimum in: ${text}`);
      const mark = page.locator('[data-testid="gutter-mark"]');
      if ((await mark.count()) !== 1 || (await mark.innerText()).trim() !== String(line)) {
        throw new Error('the gutter should mark exactly the memory line');
      }
      if (await page.locator('[data-testid="register-revision"]').isEnabled()) {
        throw new Error('Register must be disabled while the definition is invalid');
      }
      await problem.click();
      await screenshot('editor-invalid');

      await editor.fill(broken.replace('"memory": 4', '"memory": 256'));
      await page.locator('[data-testid="no-problems"]').waitFor({ timeout: 5000 });
      if (await page.locator('[data-testid="problem"]').count()) throw new Error('problem still shown after the fix');
      if (await mark.count()) throw new Error('gutter mark still shown after the fix');
      const register = page.locator('[data-testid="register-revision"]');
      if (!(await register.isEnabled())) throw new Error('Register should be enabled for a valid change');
      await screenshot('editor-fixed');

      await register.click();
      await page.locator('[data-testid="td-revision"]', { hasText: 'web:2' }).waitFor({ timeout: 5000 });
      await screenshot('editor-registered');
    },
  },
  {
    // The engineer's walkthrough: `aws ecs describe-task-definition` output pasted into the tab
    // read as valid, and Register put `family` beside the wrapper: the scenario broke and web
    // pointed at a revision that did not exist.
    name: 'editor: describe-task-definition output pasted into the tab registers as the next revision',
    async run({ page, base, screenshot }) {
      await open(page, base);
      const editor = page.locator('[data-testid="td-editor"]');
      const inner = JSON.parse(await editor.evaluate((el) => el.value));
      inner.containerDefinitions[0].memory = 256;
      const described = {
        taskDefinition: { taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:14', ...inner,
          revision: 14, status: 'ACTIVE', compatibilities: ['EC2'], registeredAt: '2026-12-01T10:00:00.000Z' },
        tags: [],
      };
      await editor.fill(JSON.stringify(described, null, 2));
      await page.locator('[data-testid="no-problems"]').waitFor({ timeout: 5000 });
      // The pasted revision 14 is read-only (RegisterTaskDefinition numbers a family's revisions
      // itself): the tab says so, naming the field and what Register gives, before and after
      // (it was dropped without a word: hello_world:8 came out as hello_world:1, 2026-12-05).
      const pastedNote = page.locator('[data-testid="td-pasted-revision"]');
      await pastedNote.waitFor({ timeout: 5000 });
      const noteText = await pastedNote.innerText();
      for (const part of ['Revision 14', 'taskDefinition.revision', 'read-only', 'web:2']) {
        if (!noteText.includes(part)) throw new Error(`the note lacks ${part}: ${noteText}`);
      }
      await page.locator('[data-testid="register-revision"]').click();
      await page.locator('[data-testid="td-revision"]', { hasText: 'web:2' }).waitFor({ timeout: 5000 });
      const status = await page.locator('[data-testid="register-status"]').innerText();
      if (!status.startsWith("Registered web:2. The scenario's services of this family now start on it") || !status.includes('In ECS, registering alone changes no service')) throw new Error(`status: ${status}`);
      if (!status.includes('Revision 14 in the pasted output')) throw new Error(`status: ${status}`);
      if (await pastedNote.count()) throw new Error('the note stays over the registered revision');
      if (await page.locator('[data-testid="scenario-status"], [data-testid="problem"]').count()) {
        throw new Error('the scenario has problems after registering');
      }
      const stored = JSON.parse(await editor.evaluate((el) => el.value));
      if (stored.taskDefinition || stored.revision || stored.family !== 'web' || stored.containerDefinitions[0].memory !== 256) {
        throw new Error(`the tab shows: ${JSON.stringify(stored).slice(0, 200)}`);
      }
      // Another family inside the wrapper is marked at its line, and Register stays off.
      described.taskDefinition.family = 'orders-api';
      const text = JSON.stringify(described, null, 2);
      await editor.fill(text);
      const problem = page.locator('[data-testid="problem"]', { hasText: "family is 'orders-api'" });
      await problem.waitFor({ timeout: 5000 });
      if ((await problem.getAttribute('data-line')) !== String(lineOf(text, '"family"'))) throw new Error('not marked at family');
      if (await page.locator('[data-testid="no-problems"]').count()) throw new Error('"No problems" beside a refused family');
      if (await page.locator('[data-testid="register-revision"]').isEnabled()) throw new Error('Register enabled for another family');
      await screenshot('editor-describe-other-family');
      // It can be registered as that new family instead: its own tab, revision 1, run by no
      // service (an engineer could only hand-edit the Scenario JSON for a guide's example).
      const newFamilyNote = await pastedNote.innerText();
      if (!newFamilyNote.includes('a new family starts at revision 1: orders-api:1')) throw new Error(`note: ${newFamilyNote}`);
      await page.locator('[data-testid="register-new-family"]').click();
      await page.locator('[data-testid="notice"]').getByText('Registered orders-api:1 as a new family').waitFor({ timeout: 5000 });
      const notice = await page.locator('[data-testid="notice"]').innerText();
      if (!notice.includes('Revision 14 in the pasted output')) throw new Error(`notice: ${notice}`);
      await page.locator('[data-testid="tab-td-orders-api"]').waitFor({ timeout: 5000 });
      if (await page.locator('[data-testid="register-new-family"]').count()) throw new Error('the button stays after registering');
      const webNow = JSON.parse(await editor.evaluate((el) => el.value));
      if (webNow.family !== 'web') throw new Error('web\'s tab kept the other family');
      // A service can be pointed at the new family from Service settings (update-service
      // --task-definition), which only a hand edit of the Scenario JSON could do before
      // (engineer walkthrough, 2026-12-06).
      await page.click('[data-testid="tab-services"]');
      await page.selectOption('[data-testid="service-select"]', 'web');
      const picker = page.locator('[data-testid="service-task-definition"]');
      const offered = await picker.evaluate((el) => [...el.options].map((o) => o.value));
      for (const want of ['web', 'web:1', 'web:2', 'orders-api', 'orders-api:1']) {
        if (!offered.includes(want)) throw new Error(`the picker offers ${offered}`);
      }
      await picker.selectOption('orders-api:1');
      await page.waitForFunction(() => document.querySelector('[data-testid="service-task-definition"]')?.value === 'orders-api:1', null, { timeout: 5000 });
      if (await page.locator('[data-testid="problem"]').count()) throw new Error(`problems: ${await page.locator('[data-testid="problem"]').first().innerText()}`);
      await page.click('[data-testid="tab-scenario"]');
      const scenario = JSON.parse(await page.locator('[data-testid="scenario-editor"]').evaluate((el) => el.value));
      const web = scenario.services.find((s) => s.serviceName === 'web');
      if (web.taskDefinition !== 'orders-api:1') throw new Error(`web runs ${web.taskDefinition}`);
    },
  },
  {
    name: 'editor: a JSON syntax error names its line and column',
    async run({ page, base }) {
      await open(page, base);
      const editor = page.locator('[data-testid="td-editor"]');
      const original = await editor.evaluate((el) => el.value);
      const broken = original.replace('"family": "web",', '"family": "web"');
      await editor.fill(broken);
      const line = lineOf(broken, '"family"') + 1;
      await page.locator('[data-testid="problem"]', { hasText: `line ${line}, column 3` }).waitFor({ timeout: 5000 });
      // "1 problem" read as the only one (editor walkthrough): a problem found by the first
      // checks says the others run once it is fixed.
      await page.getByTestId('problems-first-stage').waitFor({ timeout: 5000 });
    },
  },
  {
    // The Scenario JSON: a shape error (a count as a word) is found before anything else is
    // checked and says so; a problem found by the later checks (an unknown cluster) does not.
    name: 'editor: a problem found by the first checks says the other checks run once it is fixed',
    async run({ page, base }) {
      await page.goto(base);
      await page.locator('[data-testid="tab-scenario"]').click();
      const editor = page.getByTestId('scenario-editor');
      await page.waitForFunction(() => document.querySelector('[data-testid="scenario-editor"]')?.value.includes('"desiredCount"'));
      const text = await editor.evaluate((el) => el.value);
      const shape = text.replace(/"desiredCount": \d+/, '"desiredCount": "two"');
      await editor.fill(shape);
      await page.getByTestId('problems-first-stage').waitFor({ timeout: 5000 });
      const doc = JSON.parse(text);
      doc.services[0].cluster = 'no-such-cluster';
      await editor.fill(JSON.stringify(doc, null, 2));
      await page.locator('[data-testid="problem"]', { hasText: 'no-such-cluster' }).first().waitFor({ timeout: 5000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="problems-first-stage"]'), null, { timeout: 5000 });
      // Over the cluster, a line says it is not the edit (engineer walkthrough, 2026-12-07: a
      // pasted scenario with problems left the default example on the stage, unmarked).
      const notice = page.getByTestId('stale-notice');
      const problems = await page.locator('[data-testid="problem"]').count();
      const said = await notice.innerText();
      if (!said.includes(`has ${problems} problem`) || !said.includes('the cluster still runs the last valid version, not your edit')) throw new Error(`notice: ${said}`);
      const [n, c] = await Promise.all([notice.boundingBox(), page.getByTestId('cluster').boundingBox()]);
      if (!n || !c || n.y + n.height > c.y + 1) throw new Error(`the notice is not above the cluster: ${JSON.stringify({ n, c })}`);
      await editor.fill(text);
      await page.waitForFunction(() => !document.querySelector('[data-testid="stale-notice"]'), null, { timeout: 5000 });
    },
  },
  {
    name: 'editor: desired count from Service settings is what the cluster runs',
    async run({ page, base, screenshot }) {
      await open(page, base);
      await page.locator('[data-testid="tab-services"]').click();
      await page.locator('[data-testid="service-select"]').selectOption('web');
      const desired = page.locator('[data-testid="desired-count"]');
      if ((await desired.evaluate((el) => el.value)) !== '6') throw new Error('the web service starts with 6');
      await desired.fill('2');
      await desired.press('Enter');
      await desired.blur();
      await screenshot('editor-services');
      await page.locator('[data-testid="speed-max"]').click();
      await page.locator('[data-testid="play"]').click();
      const running = page.locator('[data-testid="task"][data-service="web"][data-status="RUNNING"]');
      // Let the scheduler settle at max speed, then count.
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="task"][data-service="web"][data-status="RUNNING"]').length === 2,
        null,
        { timeout: 15000 },
      );
      await page.waitForTimeout(1500);
      const n = await running.count();
      if (n !== 2) throw new Error(`expected 2 running web tasks, found ${n}`);
      await screenshot('editor-desired-2');
    },
  },
  {
    // A new memberOf started as "m5.*", applied at once, shown as "attribute:ecs" with its ×
    // past the pane's edge (a student's walkthrough of lesson 6, 2026-12-05).
    name: 'editor: a new memberOf constraint names the scenario\'s instance types and fits the pane at 1280x720',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await open(page, base);
      await page.locator('[data-testid="tab-services"]').click();
      await page.locator('[data-testid="service-select"]').selectOption('web');
      await page.locator('[data-testid="add-constraint"]').click();
      const type = page.locator('[data-testid="constraint-type"]').first();
      await type.waitFor({ timeout: 5000 });
      await type.selectOption('memberOf');
      const expression = page.locator('[data-testid="constraint-expression"]');
      await expression.waitFor({ timeout: 5000 });
      const value = await expression.inputValue();
      if (value !== 'attribute:ecs.instance-type in [m5.large]') throw new Error(`expression: ${value}`);
      const row = await page.locator('[data-testid="constraint-row"]').first().boundingBox();
      const pane = await page.locator('.tab-body').boundingBox();
      for (const el of ['[data-testid="constraint-expression"]', '[data-testid="constraint-row"] .remove']) {
        const box = await page.locator(el).first().boundingBox();
        if (!box || box.x + box.width > pane.x + pane.width + 0.5 || box.x + box.width > row.x + row.width + 0.5) {
          throw new Error(`${el} runs past the pane: ${JSON.stringify(box)} in ${JSON.stringify(pane)}`);
        }
      }
      if (await expression.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        throw new Error('the expression does not show whole');
      }
    },
  },
  {
    // An engineer's walkthrough: the form offered placement strategies and constraints on a
    // Fargate service (ECS supports none there), and launch type EC2 on the Fargate-only api
    // left "Task definition does not support launch_type EC2."
    name: 'editor: a Fargate service offers no placement to add; launch type EC2 adds EC2 to its task definition',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await open(page, base);
      await page.locator('[data-testid="tab-services"]').click();
      await page.locator('[data-testid="service-select"]').selectOption('api');
      if (!(await page.locator('[data-testid="add-strategy"]').isDisabled())) throw new Error('add strategy offered on Fargate');
      if (!(await page.locator('[data-testid="add-constraint"]').isDisabled())) throw new Error('add constraint offered on Fargate');
      await page.locator('[data-testid="launch-mode"]').selectOption('EC2');
      const filled = page.locator('[data-testid="form-filled"]');
      await filled.waitFor({ timeout: 5000 });
      if (!(await filled.innerText()).includes('EC2 added to requiresCompatibilities')) throw new Error(await filled.innerText());
      if (await page.locator('[data-testid="form-error"]').count()) throw new Error(await page.locator('[data-testid="form-error"]').innerText());
      await page.waitForTimeout(300);
      if (await page.locator('.services-tab [data-testid="problem"]').count()) throw new Error(await page.locator('.services-tab [data-testid="problem"]').first().innerText());
      if (!(await page.locator('[data-testid="add-strategy"]').isEnabled())) throw new Error('add strategy still off on EC2');
    },
  },
];
