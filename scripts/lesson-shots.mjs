// README pictures of the teaching layer: a lesson after a failed Check at 1280×720 (a projector)
// and the challenge builder at 1440×900. Serves dist/ on localhost and drives headless Chromium
// (scripts/local-browser.mjs). Usage: node scripts/lesson-shots.mjs [OUT_DIR] (default docs/images).
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launchChromium } from './local-browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? join(root, 'docs', 'images');
const { server, url } = await serveDist(join(root, 'dist'));
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await page.goto(`${url}#lesson=rolling-update-bounds`);
  await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
  await page.getByTestId('speed-max').click();
  await page.getByTestId('play').click();
  await page.waitForTimeout(2500);
  // Play pauses by itself at the lesson's horizon; pause only if it still runs.
  if ((await page.getByTestId('play').innerText()).includes('Pause')) await page.getByTestId('play').click();
  await page.getByTestId('lesson-check').click();
  await page.getByTestId('lesson-failed').waitFor({ timeout: 20000 });
  await page.getByTestId('lesson-hint').click();
  await page.screenshot({ path: join(out, 'lesson.png') });

  const teacher = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await teacher.goto(url);
  await teacher.getByTestId('lessons-button').click();
  await teacher.screenshot({ path: join(out, 'course-map.png') });
  await teacher.getByTestId('builder-open').click();
  await teacher.getByTestId('builder-title').fill('Workshop: survive an instance loss');
  await teacher.getByTestId('builder-brief').fill('At 2:00 an instance is terminated. Keep `web` at 6 running tasks throughout. See [services](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html).');
  await teacher.getByTestId('builder-hints').fill('Where do the tasks run?\n\nTry a spread placement strategy.');
  await teacher.getByTestId('builder-open-services[0].placementStrategy').check();
  await teacher.getByTestId('builder-open-services[0].desiredCount').check();
  await teacher.getByTestId('goal-service').selectOption('web');
  await teacher.getByTestId('goal-first').fill('1');
  await teacher.getByTestId('goal-value').fill('6');
  await teacher.getByTestId('goal-add').click();
  await teacher.screenshot({ path: join(out, 'challenge-builder.png') });
  console.log(`lesson shots written to ${out}`);
} finally {
  await browser.close();
  server.close();
}
