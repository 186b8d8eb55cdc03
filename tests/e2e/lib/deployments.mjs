// Shared steps of the deployment e2e tests: load a golden scenario (edited) by Upload JSON with
// the dock's Deployments tab open, run to a time with "Run to", and read the deployment cards.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const golden = (name) => fileURLToPath(new URL(`../../golden/${name}`, import.meta.url));

/** Opens the page, uploads tests/golden/`name` after `edit(doc)`, shows the Deployments tab. */
export async function uploadGolden(page, base, name, edit) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  const doc = edit(JSON.parse(await readFile(golden(name), 'utf8')));
  await page.setInputFiles('[data-testid="upload"]', {
    name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 2)),
  });
  await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
  await page.click('[data-testid="notice"] .dismiss');
  // The deployment view is a tab of the dock under the cluster (metrics is the default tab).
  await page.click('[data-testid="dock-tab-deployments"]');
}

/** Runs to `time` (as typed in Run to) and closes the progress bar once it is done. */
export async function runTo(page, time) {
  await page.fill('[data-testid="run-to-input"]', time);
  await page.click('[data-testid="run-to-go"]');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="run-progress"]')?.dataset.state === 'done',
  null, { timeout: 60000, polling: 100 });
  await page.click('[data-testid="run-cancel"]');
}

/** The deployment cards as shown: status, rollout, task definition, labels and counts. */
export async function cards(page) {
  return page.$$eval('[data-testid="deployment-card"]', (els) => els.map((e) => {
    const n = (label) => Number(e.querySelector(`[data-count="${label}"] b`)?.textContent);
    return {
      status: e.dataset.status, rollout: e.dataset.rollout,
      td: e.querySelector('[data-testid="deployment-td"]')?.textContent,
      rollback: e.querySelector('[data-testid="rollback-label"]')?.textContent ?? null,
      breaker: e.querySelector('[data-testid="breaker"]')?.textContent ?? null,
      running: n('running'), pending: n('pending'),
      text: e.textContent,
    };
  }));
}
