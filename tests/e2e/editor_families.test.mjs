// Many task definition families (issue #14): one "Task definition" tab and a family picker
// instead of a tab per family, so the tabs stay on one line and the JSON editor keeps most of
// the pane at 1280×720.
import { readFileSync } from 'node:fs';

const DEFAULT_TEXT = readFileSync(new URL('../../core/src/scenario/examples/default.json', import.meta.url), 'utf8');

/** The default scenario plus `extra` copies of its first task definition under other families. */
function manyFamilies(extra) {
  const doc = JSON.parse(DEFAULT_TEXT);
  const first = doc.taskDefinitions[0];
  for (let i = 0; i < extra; i += 1) {
    doc.taskDefinitions.push({ ...first, family: `extra-${String(i).padStart(2, '0')}` });
  }
  doc.name = `Default plus ${extra} more task definition families`;
  return JSON.stringify(doc, null, 2);
}

export const tests = [
  {
    name: 'editor: with 12 task definition families a picker replaces the tabs and the editor keeps the pane',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(base);
      await page.getByRole('heading', { name: 'ECS Playground' }).waitFor({ timeout: 20000 });
      // The editor pane is a part of the page fetched after the first frame (`web/src/later.rs`):
      // counted at once, its tabs were not there yet in one loaded run.
      await page.locator('[data-testid^="tab-td-"]').first().waitFor({ timeout: 20000 });
      // Two families: a tab each, as before.
      if (await page.locator('[data-testid^="tab-td-"]').count() !== 2) throw new Error('the default scenario should show a tab per family');
      if (await page.getByTestId('family-picker').count()) throw new Error('no picker for two families');
      await page.setInputFiles('[data-testid="upload"]', {
        name: 'families.json', mimeType: 'application/json', buffer: Buffer.from(manyFamilies(10)),
      });
      await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
      if (await page.locator('[data-testid^="tab-td-"]').count()) throw new Error('a tab per family is still shown for 12 families');
      const picker = page.getByTestId('family-picker');
      const options = await picker.locator('option').allTextContents();
      if (options.length !== 12 || !options.includes('extra-07')) throw new Error(`picker options: ${options}`);
      if (!(await page.getByTestId('family-count').innerText()).includes('12 families')) throw new Error('family count not shown');
      // At most two lines of tabs at 1280×720 (as with one or two families; ten families took five).
      const tabs = await page.getByRole('tablist', { name: 'Editor' }).boundingBox();
      if (tabs.height > 70) throw new Error(`the tabs take ${tabs.height}px (more than two lines)`);
      await picker.selectOption('extra-07');
      const td = page.getByTestId('td-editor');
      await td.waitFor();
      if (!(await td.evaluate((el) => el.value)).includes('"family": "extra-07"')) throw new Error('picking a family did not open it');
      if ((await page.getByTestId('tab-td').getAttribute('aria-selected')) !== 'true') throw new Error('the task definition tab is not marked selected');
      // The Scenario JSON editor keeps at least 60 % of the editor pane.
      await page.getByTestId('tab-scenario').click();
      const pane = await page.locator('.editor').boundingBox();
      const code = await page.locator('.scenario-tab .code').boundingBox();
      if (code.height < 0.6 * pane.height) {
        throw new Error(`Scenario JSON editor ${code.height}px of a ${pane.height}px pane (< 60 %)`);
      }
      // The task definition tab opens the family picked last.
      await page.getByTestId('tab-td').click();
      if (!(await page.getByTestId('td-editor').evaluate((el) => el.value)).includes('"family": "extra-07"')) throw new Error('the tab forgot the family picked');
    },
  },
];
