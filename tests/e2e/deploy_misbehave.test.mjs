// One-click misbehaviours in the deployment panel (issue #11 "The stage"): on the ALB health
// demo without its scripted update, the user picks "fails its health check", registers the
// derived image and deploys it; the new tasks never pass the ALB health check, the circuit
// breaker fails the deployment and rolls back to web:1. A typed image the scenario does not
// declare is marked "assumed healthy". Keep in link carries the registration and the deploy.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cards, runTo } from './lib/deployments.mjs';

const demo = fileURLToPath(
  new URL('../../core/src/scenario/examples/alb-health-rollback.json', import.meta.url),
);

/** Uploads the ALB health demo with only web:1 and no timeline; shows the Deployments tab. */
async function uploadDemo(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
  const doc = JSON.parse(await readFile(demo, 'utf8'));
  doc.taskDefinitions = doc.taskDefinitions.slice(0, 1);
  doc.timeline = [];
  await page.setInputFiles('[data-testid="upload"]', {
    name: 'alb-health-rollback.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc, null, 2)),
  });
  await page.locator('[data-testid="notice"]').getByText('Scenario loaded.').waitFor();
  await page.click('[data-testid="notice"] .dismiss');
  await page.click('[data-testid="dock-tab-deployments"]');
}

export const tests = [
  {
    name: 'misbehave: a typed undeclared image is assumed healthy; "fails its health check" rolls back',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await uploadDemo(page, base);
      await runTo(page, '0:02:00');
      const note = page.locator('[data-testid="deploy-image-note"]');
      // A typed image the scenario does not declare: assumed healthy.
      await page.fill('[data-testid="deploy-image"]', 'example/web:3');
      await note.getByText('assumed healthy').waitFor();
      // The scenario's own image says how it is declared.
      await page.fill('[data-testid="deploy-image"]', 'example/web:2-unhealthy');
      await note.getByText('declared in the scenario: fails its health check').waitFor();
      // One pick: the current image with a tag naming the misbehaviour.
      await page.fill('[data-testid="deploy-image"]', '');
      await page.selectOption('[data-testid="deploy-misbehaviour"]', 'unhealthy');
      await note.getByText('example/web:1-unhealthy').waitFor();
      await page.click('[data-testid="deploy-register"]');
      await page.locator('[data-testid="notice"]').getByText('Registered web:2.').waitFor();
      const log = page.locator('.log');
      await log.getByText('images["example/web:1-unhealthy"]: {"healthCheckFails":true}').first().waitFor();
      await page.click('[data-testid="update-service"]');
      let now = await cards(page);
      if (now[0].td !== 'web:2' || now[0].rollout !== 'IN_PROGRESS') {
        throw new Error(`after update-service: ${JSON.stringify(now)}`);
      }
      await runTo(page, '0:05:00');
      now = await cards(page);
      const failed = now.find((c) => c.td === 'web:2');
      const back = now.find((c) => c.td === 'web:1' && c.status === 'PRIMARY');
      if (!failed || failed.rollout !== 'FAILED') {
        throw new Error(`web:2 did not fail: ${JSON.stringify(now)}`);
      }
      if (!back || !back.rollback) throw new Error(`no rollback to web:1: ${JSON.stringify(now)}`);
      await screenshot('deploy-misbehave-rollback');

      // Keep in link: the declared image, the registered revision and the deploy all travel.
      await page.locator('label.keep-in-link').getByText('Keep in link (3 actions)').waitFor();
      await page.check('[data-testid="keep-in-link"]');
      await page.click('[data-testid="copy-link"]');
      await page.getByText('with 3 clicked actions on its timeline').waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      await page.goto('about:blank');
      await page.goto(link);
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      await page.locator('[data-testid=tab-scenario]').click();
      const kept = JSON.parse(await page.locator('[data-testid="scenario-editor"]').evaluate((el) => el.value));
      const deploy = kept.timeline.find((e) => e.action === 'updateService');
      if (kept.taskDefinitions.length !== 2 || !kept.images['example/web:1-unhealthy']?.healthCheckFails
        || !deploy || deploy.taskDefinition !== 'web:2') {
        throw new Error(`the kept scenario lacks the live registration: ${JSON.stringify({
          tds: kept.taskDefinitions.length, images: kept.images, timeline: kept.timeline })}`);
      }
      await page.click('[data-testid="dock-tab-deployments"]');
      await runTo(page, '0:05:00');
      const replayed = await cards(page);
      if (!replayed.find((c) => c.td === 'web:2' && c.rollout === 'FAILED')) {
        throw new Error(`the replay did not fail web:2: ${JSON.stringify(replayed)}`);
      }
    },
  },
];
