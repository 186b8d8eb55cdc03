// Deployments end to end: a scenario with the circuit breaker and rollback runs steady on web:1;
// from the deployment view the user registers web:2 with the scenario's bad image and calls
// update-service; running on shows the FAILED deployment, the rollback to web:1 and the reason.
// A canary scenario shows the traffic split mid-canary. Screenshots at 1280×800 and 1024 wide.
import { cards, runTo, uploadGolden as upload } from './lib/deployments.mjs';

export const tests = [
  {
    name: 'deploy: a bad image from the UI fails and rolls back to web:1',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 800 });
      // Only web:1 and no scripted update: the user deploys.
      await upload(page, base, 'circuit_breaker_rollback.json', (d) => {
        d.taskDefinitions = d.taskDefinitions.slice(0, 1);
        d.timeline = [];
        return d;
      });
      await runTo(page, '1');
      let now = await cards(page);
      if (now.length !== 1 || now[0].rollout !== 'COMPLETED' || now[0].td !== 'web:1') {
        throw new Error(`before the update: ${JSON.stringify(now)}`);
      }
      if (now[0].breaker !== 'failed tasks 0 / 3') throw new Error(`breaker: ${now[0].breaker}`);
      const help = await page.locator('[data-testid="deploy-help"]').innerText();
      if (!help.includes('Keep in link')) throw new Error(`help text: ${help}`);
      // Before Update service, what the rolling bounds let it do first (walkthrough).
      const plan = await page.locator('[data-testid="deploy-plan"]').innerText();
      if (plan !== 'With desiredCount 4, maximumPercent 200 allows 8 tasks and minimumHealthyPercent 100 keeps 4 healthy: up to 4 new tasks start before any old one stops.') {
        throw new Error(`plan: ${plan}`);
      }
      // The share link carries the scenario, not what the page did to the run.
      const hashBefore = await page.evaluate(() => location.hash);
      // register-task-definition with the scenario's bad image, then update-service.
      await page.selectOption('[data-testid="deploy-image-pick"]', 'example/web:2-missing');
      await page.click('[data-testid="deploy-register"]');
      await page.locator('[data-testid="notice"]').getByText('Registered web:2.').waitFor();
      if ((await page.inputValue('[data-testid="deploy-revision"]')) !== 'web:2') {
        throw new Error('the new revision is not the one picked for update-service');
      }
      await page.click('[data-testid="update-service"]');
      now = await cards(page);
      if (now[0].td !== 'web:2' || now[0].rollout !== 'IN_PROGRESS' || now[1]?.status !== 'ACTIVE') {
        throw new Error(`after update-service: ${JSON.stringify(now)}`);
      }
      // The new deployment's card, not the form, is in view of the dock (at 1280x720 it stayed
      // scrolled to the form: engineer walkthrough).
      await page.waitForFunction(() => {
        const card = document.querySelector('[data-testid="deployment-card"]');
        const dock = card?.closest('.dock-body');
        if (!card || !dock) return false;
        const r = card.getBoundingClientRect();
        const d = dock.getBoundingClientRect();
        return r.top >= d.top - 1 && r.top < d.bottom - 20;
      }, null, { timeout: 5000 });
      if ((await page.evaluate(() => location.hash)) !== hashBefore) {
        throw new Error('registering or deploying changed the share link');
      }
      const log = page.locator('.log');
      await log.getByText('register-task-definition: taskDefinitionArn task-definition/web:2').first().waitFor();
      await log.getByText('update-service web: taskDefinition web:2.').first().waitFor();
      // Service settings shows the revision the scenario starts on, and says the service runs
      // another now (walkthrough: it showed web:1 beside web:2's tasks without a word).
      await page.locator('[data-testid="tab-services"]').click();
      await page.locator('[data-testid="service-select"]').selectOption('web');
      await page.getByTestId('service-td-live').getByText('Running web:2 now').waitFor({ timeout: 10000 });
      if (!(await page.getByTestId('service-td-live').innerText()).includes('the scenario starts it on, web:1')) {
        throw new Error(`live note: ${await page.getByTestId('service-td-live').innerText()}`);
      }
      // Run until the breaker trips and the rollback is under way.
      await runTo(page, '4');
      now = await cards(page);
      const failed = now.find((c) => c.rollout === 'FAILED');
      if (!failed || failed.td !== 'web:2' || failed.breaker !== 'failed tasks 3 / 3') {
        throw new Error(`no FAILED web:2 at the threshold: ${JSON.stringify(now)}`);
      }
      if (!failed.text.includes('ECS deployment circuit breaker: tasks failed to start.')) {
        throw new Error(`FAILED card without the reason: ${failed.text}`);
      }
      const rollback = now[0];
      if (rollback.status !== 'PRIMARY' || rollback.rollback !== 'rollback to web:1') {
        throw new Error(`no rollback deployment: ${JSON.stringify(now)}`);
      }
      await log.getByText(/rolling back to deployment ecs-svc\//).first().waitFor();
      await screenshot('deployment-rollback');
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.locator('[data-testid="deployments"]').scrollIntoViewIfNeeded();
      await screenshot('deployment-rollback-1024');
      const overflow = await page.$eval('[data-testid="deployments"]', (e) => e.scrollWidth - e.clientWidth);
      if (overflow > 1) throw new Error(`the deployment view scrolls sideways at 1024 px (${overflow} px)`);
    },
  },
  {
    name: 'deploy: mid-canary the traffic split shows 10% on green',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await upload(page, base, 'canary_10_percent.json', (d) => d);
      await runTo(page, '4');
      const split = page.locator('[data-testid="traffic-split"]');
      await split.waitFor();
      if ((await split.getAttribute('data-green')) !== '10') {
        throw new Error(`green share ${await split.getAttribute('data-green')}`);
      }
      const now = await cards(page);
      if (!now[0].text.includes('PRODUCTION_TRAFFIC_SHIFT · 10% traffic')) {
        throw new Error(`canary card: ${now[0].text}`);
      }
      await screenshot('deployment-canary');
    },
  },
];
