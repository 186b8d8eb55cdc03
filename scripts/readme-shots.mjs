// Regenerates the README pictures that show a deployment or a scaling story: loads an example
// scenario from the Examples menu, runs it to a time with "Run to", and saves one part of the
// page. Needs a release build in dist/ (`trunk build --release --offline`).
// Usage: node scripts/readme-shots.mjs [name...]   (no names: every shot)
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchChromium, localPage } from './local-browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// name → example id, Run to time (h:mm), service picked in the panels, what to capture.
const SHOTS = {
  // part null: the whole window, as a user first sees it.
  'playground': { example: 'target-tracking-spike', at: '0:15', service: 'web', part: null },
  // presenter: the whole window in presenter mode (the `p` key), projector size.
  'presenter': { example: 'target-tracking-spike', at: '0:15', service: 'web', part: null, presenter: true },
  'deployment-blue-green': { example: 'blue-green-codedeploy', at: '0:07', service: 'web', part: '[data-testid=deployments]' },
  'deployment-blue-green-metrics': { example: 'blue-green-codedeploy', at: '0:20', service: 'web', part: '[data-testid=metrics]' },
  'deployment-canary-metrics': { example: 'canary', at: '0:25', service: 'web', part: '[data-testid=metrics]' },
  'spot-interruptions': { example: 'fargate-spot-interruptions', at: '0:30', service: 'api', part: '[data-testid=metrics]' },
  'step-scaling': { example: 'step-scaling-schedule', at: '0:45', service: 'api', part: '[data-testid=metrics]' },
  'service-discovery': { example: 'cloud-map-vs-service-connect', at: '0:05', service: 'dns-client', part: '[data-testid=metrics]' },
};
const wanted = process.argv.slice(2);
const { server, url } = await serveDist(join(root, 'dist'));
const browser = await launchChromium();
try {
  for (const [name, shot] of Object.entries(SHOTS)) {
    if (wanted.length && !wanted.includes(name)) continue;
    const size = shot.presenter ? { width: 1920, height: 1080 } : shot.part ? { width: 1440, height: 1400 } : { width: 1440, height: 900 };
    const page = await localPage(browser, size);
    // A part lives in the dock under the cluster: open its tab, tall enough to show it whole.
    if (shot.part) {
      const tab = shot.part.includes('deployments') ? 'deployments' : 'metrics';
      await page.addInitScript((t) => localStorage.setItem('ecs-playground.layout.v1',
        JSON.stringify({ dockTab: t, dockHeight: 65, dockOpen: true })), tab);
    }
    await page.goto(url);
    await page.waitForSelector('h1');
    await page.selectOption('[data-testid=examples]', shot.example);
    await page.fill('[data-testid=run-to-input]', shot.at);
    await page.click('[data-testid=run-to-go]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=run-to-go]')?.disabled, null, { timeout: 120000 });
    await page.click('[data-testid=run-cancel]');
    await page.waitForTimeout(300);
    const pick = page.locator('[data-testid=metrics-service]');
    const option = pick.locator('option', { hasText: shot.service });
    if (await option.count()) await pick.selectOption(await option.first().getAttribute('value'));
    if (shot.presenter) await page.keyboard.press('p');
    await page.waitForTimeout(300);
    const out = join(root, 'docs', 'images', `${name}.png`);
    if (shot.part) await page.locator(shot.part).first().screenshot({ path: out });
    else await page.screenshot({ path: out });
    console.log(`saved ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
