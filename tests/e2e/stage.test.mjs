// The stage (issue #11): the cluster is the largest thing on the page and every chip of the
// default example is visible at 1280×720 without scrolling; presenter mode turns on and off by
// button and by the `p` key (not while typing) and hides the editing chrome; the panel layout
// is remembered across a reload, and a browser without storage still gets a working page.

import { readFileSync } from 'node:fs';
import { runTo } from './lib/deployments.mjs';

/** The default scenario's name, which the description strip starts with. */
const DEFAULT_NAME = JSON.parse(readFileSync(new URL('../../core/src/scenario/examples/default.json', import.meta.url), 'utf8')).name;

async function load(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
}

async function waitFor(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: 20000, polling: 100 });
  } catch {
    throw new Error(`timed out waiting for ${what}`);
  }
}

// Plays the default scenario at max speed until its 6 web and 4 api tasks run, then pauses
// before the 2:00 instance termination.
async function runDefault(page) {
  await page.click('[data-testid="speed-max"]');
  await page.click('[data-testid="play"]');
  await waitFor(page, () =>
    document.querySelectorAll('[data-testid="task"][data-status="RUNNING"][data-service="web"]').length === 6 &&
    document.querySelectorAll('[data-testid="task"][data-status="RUNNING"][data-service="api"]').length === 4,
    null, '6 web and 4 api tasks RUNNING');
  await page.click('[data-testid="play"]');
  await page.locator('[data-testid="play"]').getByText('Play').waitFor();
  await page.evaluate(() => new Promise((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
}

const visible = (page, sel) => page.locator(sel).first().isVisible();

export const tests = [
  {
    name: 'stage: at 1280x720 every task chip of the default example is on screen, readable, no scrolling',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      // First open: the description says what will happen and when.
      const about = await page.locator('[data-testid="scenario-about"]').innerText();
      if (!/At 0:02:00/.test(about)) throw new Error(`the description is not shown on first open: ${about}`);
      // The top bar cuts the name at 1280 px; the strip starts with it.
      if (!about.startsWith(`${DEFAULT_NAME}: `)) throw new Error(`the strip does not name the scenario: ${about}`);
      await runDefault(page);
      const m = await page.evaluate(() => {
        const cluster = document.querySelector('[data-testid="cluster"]').getBoundingClientRect();
        const chips = [...document.querySelectorAll('[data-testid="task"]')].map((c) => {
          const r = c.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, left: r.left, right: r.right,
            font: parseFloat(getComputedStyle(c).fontSize) };
        });
        const el = document.querySelector('[data-testid="cluster"]');
        const panes = ['editor-pane', 'log-pane', 'dock'].map((id) => {
          const r = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
          return r.width * r.height;
        });
        return {
          cluster, chips, panes, area: cluster.width * cluster.height,
          scrolls: el.scrollHeight - el.clientHeight, page: document.documentElement.scrollHeight - innerHeight,
        };
      });
      if (m.chips.length !== 10) throw new Error(`expected 10 task chips, found ${m.chips.length}`);
      for (const c of m.chips) {
        if (c.top < m.cluster.top - 0.5 || c.bottom > m.cluster.bottom + 0.5 || c.left < m.cluster.left - 0.5 ||
          c.right > m.cluster.right + 0.5 || c.bottom > 720 || c.right > 1280) {
          throw new Error(`a chip is outside the visible cluster: ${JSON.stringify(c)} vs ${JSON.stringify(m.cluster)}`);
        }
        if (c.font < 13) throw new Error(`chip text is ${c.font} px, too small to read from the back of a room`);
      }
      if (m.scrolls > 1) throw new Error(`the cluster scrolls by ${m.scrolls} px`);
      if (m.page > 1) throw new Error(`the page scrolls by ${m.page} px`);
      for (const a of m.panes) {
        if (a >= m.area) throw new Error(`a panel (${a} px²) is larger than the cluster (${m.area} px²)`);
      }
      await screenshot('stage-default-1280');
    },
  },
  {
    name: 'stage: presenter mode by button and by key hides the editing chrome',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      const toggle = page.locator('[data-testid="presenter-toggle"]');
      if (!(await toggle.getAttribute('aria-keyshortcuts'))) throw new Error('the presenter button names no key');
      await toggle.click();
      await page.locator('[data-testid="presenter-aside"]').waitFor();
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') throw new Error('button not pressed in presenter mode');
      for (const sel of ['[data-testid="editor-pane"]', '[data-testid="log-pane"]', '[data-testid="stop-task"]',
        '[data-testid="copy-link"]', '[data-testid="dock"]']) {
        if (await visible(page, sel)) throw new Error(`${sel} is visible in presenter mode`);
      }
      if (!(await visible(page, '[data-testid="cluster"]'))) throw new Error('no cluster in presenter mode');
      // The room reads which scenario runs: the description strip stays, on one line.
      const strip = await page.evaluate(() => {
        const p = document.querySelector('#scenario-about-text');
        const box = p?.getBoundingClientRect();
        return p ? { text: p.textContent, height: box.height, line: parseFloat(getComputedStyle(p).lineHeight) } : null;
      });
      if (!strip || !strip.text.startsWith(`${DEFAULT_NAME}: `)) throw new Error(`no scenario strip in presenter mode: ${JSON.stringify(strip)}`);
      if (strip.height > strip.line * 1.5) throw new Error(`the presenter strip takes ${strip.height} px (one line is ${strip.line})`);
      // What an instructor drives the room with stays, on one line of the top bar.
      for (const sel of ['[data-testid="play"]', '[data-testid="step"]', '[data-testid="run-10m"]',
        '[data-testid="run-1h"]', '[data-testid="presenter-toggle"]']) {
        if (!(await visible(page, sel))) throw new Error(`${sel} is not shown in presenter mode`);
      }
      // One line: every shown item's vertical centre within a few pixels of the others'.
      const spread = await page.evaluate(() => {
        const mids = [...document.querySelectorAll('.topbar > *')]
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.height > 0)
          .map((r) => (r.top + r.bottom) / 2);
        return Math.max(...mids) - Math.min(...mids);
      });
      if (spread > 8) throw new Error(`the presenter top bar wraps (items' centres ${spread} px apart) at 1280×720`);
      const body = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.cluster')).fontSize));
      if (body < 18) throw new Error(`presenter body text is ${body} px (want at least 18)`);
      await screenshot('stage-presenter-1280');
      // `p` leaves it, from anywhere but a text field.
      await page.locator('body').press('p');
      await page.locator('[data-testid="presenter-aside"]').waitFor({ state: 'detached' });
      if (!(await visible(page, '[data-testid="editor-pane"]'))) throw new Error('editor not back after p');
      // Typing a `p` into a field does not switch modes.
      await page.locator('[data-testid="run-to-input"]').fill('');
      await page.locator('[data-testid="run-to-input"]').press('p');
      if (await visible(page, '[data-testid="presenter-aside"]')) throw new Error('p typed in a field switched to presenter mode');
      await page.locator('[data-testid="cluster"]').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('p');
      await page.locator('[data-testid="presenter-aside"]').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="presenter-aside"]').waitFor({ state: 'detached' });
      // After Run to (Enter in its field) the keys are the page's again: Escape and `p` typed
      // into the field instead (student walkthrough, "0:03p").
      await page.keyboard.press('p');
      await page.locator('[data-testid="presenter-aside"]').waitFor();
      await page.locator('[data-testid="run-to-input"]').fill('0:03');
      await page.locator('[data-testid="run-to-input"]').press('Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent.startsWith('0:03'), null, { timeout: 20000 });
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="presenter-aside"]').waitFor({ state: 'detached' });
      if ((await page.getByTestId('run-to-input').inputValue()).includes('p')) throw new Error('a key went into the Run to field');
      // Escape inside the field leaves the field; the next one leaves presenter mode.
      await page.keyboard.press('p');
      await page.locator('[data-testid="presenter-aside"]').waitFor();
      await page.locator('[data-testid="run-to-input"]').fill('0:04');
      await page.locator('[data-testid="run-to-input"]').press('Escape');
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="presenter-aside"]').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'stage: collapsed panels and sizes survive a reload',
    async run({ page, base }) {
      await load(page, base);
      await page.click('[data-testid="toggle-editor"]');
      await page.click('[data-testid="dock-tab-deployments"]');
      await page.click('[data-testid="toggle-log"]');
      const splitter = page.locator('[data-testid="splitter-dock"]');
      const before = Number(await splitter.getAttribute('aria-valuenow'));
      await splitter.focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      const after = Number(await splitter.getAttribute('aria-valuenow'));
      if (after !== before + 4) throw new Error(`ArrowUp×2 on the dock splitter: ${before} → ${after}`);
      await page.reload();
      await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
      if ((await page.getAttribute('[data-testid="toggle-editor"]', 'aria-expanded')) !== 'false') throw new Error('the editor reopened after a reload');
      if (await visible(page, '#editor-body')) throw new Error('the collapsed editor shows its body');
      if ((await page.getAttribute('[data-testid="toggle-log"]', 'aria-expanded')) !== 'false') throw new Error('the log reopened after a reload');
      if ((await page.getAttribute('[data-testid="dock-tab-deployments"]', 'aria-selected')) !== 'true') throw new Error('the dock tab was forgotten');
      // The tab's part comes from its own chunk (web/src/later.rs): it shows once that arrives.
      await page.locator('[data-testid="deployments"]').waitFor({ timeout: 20000 }).catch(() => {});
      if (!(await visible(page, '[data-testid="deployments"]'))) throw new Error('the deployments tab does not show the deployments');
      const kept = Number(await page.getAttribute('[data-testid="splitter-dock"]', 'aria-valuenow'));
      if (kept !== after) throw new Error(`dock height ${kept} after reload, was ${after}`);
      // Reopen: the editor is back with its tabs.
      await page.click('[data-testid="toggle-editor"]');
      await page.locator('[data-testid="tab-scenario"]').waitFor();
    },
  },
  {
    name: 'stage: the page works where localStorage is refused',
    async run({ page, base }) {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
      });
      await load(page, base);
      await page.click('[data-testid="toggle-editor"]');
      if ((await page.getAttribute('[data-testid="toggle-editor"]', 'aria-expanded')) !== 'false') throw new Error('the toggle did nothing without storage');
    },
  },
  {
    name: 'stage: after +10 min, with the description and "Run to: done" shown, every example shows its whole cluster at 1280x720',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      for (const id of ['default', 'fargate-spot-interruptions', 'fargate-spot-strategy', 'canary', 'target-tracking-spike']) {
        // Close the previous example's "done" strip, so the wait below sees this run end.
        if (await page.locator('[data-testid="run-cancel"]').count()) await page.click('[data-testid="run-cancel"]');
        if (id !== 'default') await page.selectOption('[data-testid="examples"]', id);
        await page.click('[data-testid="run-10m"]');
        await waitFor(page, () => document.querySelector('[data-testid="run-progress"]')?.dataset.state === 'done', null, `${id}: Run to done`);
        await page.waitForTimeout(300);
        const m = await page.evaluate(() => {
          const el = document.querySelector('[data-testid="cluster"]');
          const box = el.getBoundingClientRect();
          const outside = [...document.querySelectorAll('[data-testid="instance"], [data-testid="task"]')].filter((n) => {
            const r = n.getBoundingClientRect();
            return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5
              || r.bottom > innerHeight;
          }).map((n) => n.dataset.testid + ' ' + (n.dataset.service ?? ''));
          return {
            outside, about: !!document.querySelector('[data-testid="scenario-about"]'),
            progress: !!document.querySelector('[data-testid="run-progress"]'),
            tasks: document.querySelectorAll('[data-testid="task"]').length,
            page: document.documentElement.scrollHeight - innerHeight,
          };
        });
        if (!m.about || !m.progress) throw new Error(`${id}: description ${m.about}, run progress ${m.progress}`);
        if (m.tasks === 0) throw new Error(`${id}: no task chips after 10 minutes`);
        if (m.outside.length) throw new Error(`${id}: ${m.outside.length} of the cluster's elements need scrolling: ${m.outside}`);
        if (m.page > 1) throw new Error(`${id}: the page scrolls by ${m.page} px`);
        await screenshot(`stage-${id}-10min-1280`);
      }
    },
  },
  {
    // Walkthrough 2026-12-04: at 1280x720 a notice ("Link copied", a pause) took a row of its
    // own from the cluster's height and clipped its lanes. It floats over the dock instead, and
    // in presenter mode over the foot of the column beside the cluster.
    name: 'stage: a notice floats outside the cluster and leaves it its height at 1280x720, presenter mode too',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await runDefault(page);
      const measure = () => page.evaluate(() => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
        const notice = document.querySelector('[data-testid="notice"]');
        return { pane: box(document.querySelector('.cluster-pane')), notice: notice && box(notice) };
      });
      const apart = (a, b) => a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left;
      const before = await measure();
      await page.click('[data-testid="copy-link"]');
      await page.locator('[data-testid="notice"]').getByText('Link copied').waitFor();
      const after = await measure();
      if (Math.abs(after.pane.bottom - before.pane.bottom) > 0.5 || Math.abs(after.pane.top - before.pane.top) > 0.5) {
        throw new Error(`the notice moved the cluster: ${JSON.stringify(before.pane)} -> ${JSON.stringify(after.pane)}`);
      }
      if (!apart(after.notice, after.pane)) throw new Error(`the notice covers the cluster: ${JSON.stringify(after)}`);
      if (after.notice.bottom > 720) throw new Error(`the notice is cut off: ${JSON.stringify(after.notice)}`);
      await screenshot('stage-notice-1280');
      // The dock's content scrolls clear of the notice: Update service, at its end, can be
      // brought above it (a pause notice sat on it after a failed deployment).
      await page.click('#dock-tab-deployments');
      const button = page.locator('[data-testid="update-service"]');
      await button.scrollIntoViewIfNeeded();
      await page.evaluate(() => { const b = document.querySelector('.dock-body'); b.scrollTop = b.scrollHeight; });
      const under = await page.evaluate(() => {
        const r = document.querySelector('[data-testid="update-service"]').getBoundingClientRect();
        const n = document.querySelector('[data-testid="notice"]').getBoundingClientRect();
        return r.bottom > n.top && r.top < n.bottom && r.right > n.left && r.left < n.right;
      });
      if (under) throw new Error('Update service stays under the notice with the dock scrolled to its end');
      await button.click({ trial: true, timeout: 3000 });
      await page.click('[data-testid="presenter-toggle"]');
      await page.locator('[data-testid="presenter-aside"]').waitFor();
      await page.waitForTimeout(300);
      const shown = await measure();
      if (!shown.notice) throw new Error('the notice left with presenter mode');
      if (!apart(shown.notice, shown.pane)) throw new Error(`in presenter mode the notice covers the cluster: ${JSON.stringify(shown)}`);
      await screenshot('stage-notice-presenter-1280');
      await page.click('[data-testid="notice"] .dismiss');
      if (await page.locator('[data-testid="notice"]').count()) throw new Error('the notice was not dismissed');
    },
  },
  {
    // Walkthrough 2026-12-04: an instructor reads Zone outage's whole description ("More"), then
    // runs it; at 0:07:55 us-east-1b holds the terminated instance and its replacement, and the
    // five open lines had pushed the replacement's chips below the cluster's visible area.
    name: 'stage: Run to folds a description opened with More, and Zone outage shows its whole cluster at 0:07:55',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await page.selectOption('[data-testid="examples"]', 'zone-outage');
      await page.locator('[data-testid="scenario-about-more"]').waitFor();
      await page.click('[data-testid="scenario-about-more"]');
      const more = page.locator('[data-testid="scenario-about-more"]');
      if ((await more.getAttribute('aria-expanded')) !== 'true') throw new Error('More did not open the description');
      await runTo(page, '0:07:55');
      if ((await more.getAttribute('aria-expanded')) !== 'false') throw new Error('the description stays open after Run to');
      // Read once the layout has settled, as a student sees it (up to two seconds). Twice on
      // 2026-12-07 (a local `make test` and CI) the replacement instance and its 2 chips stayed
      // out of view here: fitting then stepped back only once after growing too far, and was not
      // redone when the content grew without a change of the cluster's shape (both mended).
      const fits = () => {
        const box = document.querySelector('[data-testid="cluster"]').getBoundingClientRect();
        return [...document.querySelectorAll('[data-testid="instance"], [data-testid="task"]')].every((n) => {
          const r = n.getBoundingClientRect();
          return !(r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.bottom > innerHeight);
        });
      };
      await page.waitForFunction(fits, null, { timeout: 2000 }).catch(() => {});
      const m = await page.evaluate(() => {
        const box = document.querySelector('[data-testid="cluster"]').getBoundingClientRect();
        const outside = [...document.querySelectorAll('[data-testid="instance"], [data-testid="task"]')].filter((n) => {
          const r = n.getBoundingClientRect();
          return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.bottom > innerHeight;
        }).map((n) => n.dataset.testid);
        return { outside, instances: document.querySelectorAll('[data-testid="instance"]').length };
      });
      if (m.instances < 4) throw new Error(`expected the terminated instance and its replacement too: ${m.instances} instances`);
      if (m.outside.length) throw new Error(`${m.outside.length} of the cluster's elements need scrolling: ${m.outside}`);
      // The content grows with no change of the cluster's shape (as a summary line that wraps
      // does): the cluster is fitted again, and then stays at one scale.
      const before = Number(await page.locator('[data-testid="cluster"]').getAttribute('data-fit'));
      await page.evaluate(() => {
        const line = document.createElement('div');
        line.style.height = '5em';
        line.style.flex = '0 0 100%';
        document.querySelector('[data-testid="cluster"] .services').appendChild(line);
      });
      // Each frame's scale until it has not changed for half a second, then for 0.8 s more.
      const after = await page.evaluate(() => new Promise((done) => {
        const c = document.querySelector('[data-testid="cluster"]');
        const seen = [];
        let since = performance.now();
        let calm = null;
        const tick = () => {
          const now = performance.now();
          if (seen[seen.length - 1] !== c.dataset.fit) { seen.push(c.dataset.fit); since = now; }
          if (calm === null && now - since >= 500) calm = seen.length;
          if (calm !== null && now - since >= 1300) return done(seen.slice(calm - 1));
          if (calm !== null && seen.length > calm) return done(seen.slice(calm - 1));
          if (now - since > 5000 || seen.length > 40) return done(seen);
          requestAnimationFrame(tick);
        };
        tick();
      }));
      if (!(await page.evaluate(fits))) throw new Error(`the cluster was not fitted again after its content grew: fit ${after}`);
      if (after.length !== 1 || !(Number(after[0]) < before)) throw new Error(`expected one smaller scale than ${before} after the content grew, saw ${after}`);
      await more.click();
      if ((await more.getAttribute('aria-expanded')) !== 'true') throw new Error('More no longer opens it after the run');
      await screenshot('stage-zone-outage-more-1280');
    },
  },
  {
    name: 'stage: presenter mode lists Spot interruption warnings among the latest events',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await page.selectOption('[data-testid="examples"]', 'fargate-spot-interruptions');
      await page.locator('[data-testid="service-summary"][data-service="api"]').waitFor({ timeout: 20000 });
      // Run to 0:02:01: the scripted interruptions warn at 0:02:00 and nothing newer crowds them out.
      await runTo(page, '0:02:01');
      await page.click('[data-testid="presenter-toggle"]');
      const events = page.locator('[data-testid="presenter-events"]');
      await events.waitFor();
      const text = await events.innerText();
      if (!/SpotInterruption/.test(text)) throw new Error(`no Spot warning in presenter events: ${text.slice(0, 400)}`);
    },
  },
  {
    // Lesson 6 stacks three instances in one zone: at 1280x720 the last one, and the chip a goal
    // was about, sat below the stage (a student's walkthrough). A small cluster now scales down
    // to fit; the default example keeps its full size.
    name: 'stage: lesson 6 fits the stage at 1280x720 at full size, each zone as wide as its share of the instances; the default example is not scaled down',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(base);
      await page.locator('[data-testid=instance]').first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(500);
      const fitOf = () => page.locator('[data-testid=cluster]').evaluate((c) => ({ fit: +c.dataset.fit, over: c.scrollHeight - c.clientHeight }));
      const plain = await fitOf();
      if (plain.fit < 1 || plain.over > 1) throw new Error(`default example: ${JSON.stringify(plain)}`);
      // At its own size the zoom control shows no fit.
      if (plain.fit === 1 && await page.getByTestId('zoom-fit').count()) throw new Error('a fit label at 100%');
      await page.goto(`${base}#lesson=placement-constraints`);
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      await page.getByTestId('speed-max').click();
      await page.getByTestId('play').click();
      await page.locator('[data-testid=task][data-status=RUNNING]').nth(2).waitFor({ timeout: 20000 });
      await page.getByTestId('play').click();
      await page.waitForTimeout(800);
      const lesson = await fitOf();
      if (lesson.over > 1) throw new Error(`lesson 6 still scrolls: ${JSON.stringify(lesson)}`);
      // Its zone of three instances is now as wide as its share of the instances, so the cluster
      // fits at full size (it was scaled to 0.80–0.90, 11 px type with half the stage empty:
      // student walkthrough, 2026-12-06).
      if (!(lesson.fit >= 1)) throw new Error(`lesson 6 fit: ${JSON.stringify(lesson)}`);
      const instances = page.locator('[data-testid=instance]');
      const cluster = await page.locator('[data-testid=cluster]').boundingBox();
      for (let i = 0; i < await instances.count(); i++) {
        const box = await instances.nth(i).boundingBox();
        if (box.y + box.height > cluster.y + cluster.height + 1) throw new Error(`instance ${i} below the stage`);
      }
    },
  },
  {
    // Two walkthroughs at 1280x720: lesson 7's two instances drew 12 px chips above half a
    // stage left empty. A small cluster with room to spare now grows, and still never scrolls.
    name: 'stage: a small lesson cluster grows into the stage it leaves empty at 1280x720',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${base}#lesson=health-check-grace-period`);
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      await page.getByTestId('run-10m').click();
      await page.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent === '0:10:00', null, { timeout: 30000 });
      await page.waitForTimeout(800);
      const seen = await page.locator('[data-testid=cluster]').evaluate((c) => {
        const chip = c.querySelector('[data-testid=task]');
        return {
          fit: +c.dataset.fit,
          overY: c.scrollHeight - c.clientHeight,
          overX: c.scrollWidth - c.clientWidth,
          chipPx: chip ? parseFloat(getComputedStyle(chip).fontSize) : 0,
        };
      });
      if (!(seen.fit > 1)) throw new Error(`not grown: ${JSON.stringify(seen)}`);
      if (seen.overY > 1 || seen.overX > 1) throw new Error(`grown past the stage: ${JSON.stringify(seen)}`);
      if (seen.chipPx < 15) throw new Error(`chips still small: ${JSON.stringify(seen)}`);
      // The zoom control says the stage scaled it (a cluster that shrank mid-run beside "100%"
      // read as a fault: student walkthrough, 29th session).
      const label = await page.getByTestId('zoom-fit').innerText();
      const shown = /^fit (\d+)%$/.exec(label);
      if (!shown || Math.abs(+shown[1] - seen.fit * 100) > 1) throw new Error(`fit label ${label} for ${seen.fit}`);
      await screenshot('stage-small-cluster-grown-1280');
    },
  },
  {
    // The engineer's walkthrough: Max % 100 in Service settings turned the default's zone
    // rebalancing off, and its description still promised a rebalance at 0:03:57.
    name: 'stage: after a form change the description says it was written for the scenario as loaded',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(base);
      await page.locator('[data-testid=instance]').first().waitFor({ timeout: 20000 });
      if (await page.getByTestId('scenario-about-edited').count()) throw new Error('edited before any change');
      await page.getByTestId('tab-services').click();
      await page.getByTestId('dc-max').fill('100');
      await page.getByTestId('dc-max').press('Enter');
      await page.getByTestId('scenario-about-edited').waitFor({ timeout: 5000 });
      // Another example brings its own description, as loaded.
      page.once('dialog', (d) => d.accept());
      await page.selectOption('[data-testid="examples"]', 'host-ports');
      await page.waitForFunction(() => !document.querySelector('[data-testid="scenario-about-edited"]')
        && document.querySelector('[data-testid="scenario-about"]'), null, { timeout: 10000 });
    },
  },
  {
    // Projector walkthrough 2026-12-06: at 1280×720 the Metrics dock showed the top two-thirds
    // of one 440 px chart (206 px tall in a 185 px dock), never its time axis, with half the
    // dock empty. A chart now takes no more height than the dock leaves it.
    name: 'stage: at 1280x720 the Metrics dock shows whole charts, time axis included, side by side',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await page.click('[data-testid="run-10m"]');
      await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:10:00', null, { timeout: 30000 });
      await page.click('[data-testid="dock-tab-metrics"]');
      await page.locator('[data-testid="chart"][data-empty="false"]').first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => {
        const dock = document.querySelector('.dock-body').getBoundingClientRect();
        const figures = [...document.querySelectorAll('.dock-body [data-testid="chart"][data-empty="false"]')];
        const tops = figures.map((f) => f.getBoundingClientRect().top);
        const beside = tops.filter((t) => Math.abs(t - tops[0]) < 2).length;
        const svgs = figures.filter((f, i) => Math.abs(tops[i] - tops[0]) < 2).map((f) => f.querySelector('svg.chart-svg').getBoundingClientRect());
        return { dockBottom: dock.bottom, svgBottom: Math.max(...svgs.map((r) => r.bottom)), svgWidth: svgs[0].width, beside };
      });
      if (seen.svgBottom > seen.dockBottom + 1) throw new Error(`the first row of charts ends at ${seen.svgBottom}, below the dock (${seen.dockBottom})`);
      if (seen.beside < 2) throw new Error(`only ${seen.beside} chart in the dock's first row`);
      if (seen.svgWidth < 235) throw new Error(`the chart is ${seen.svgWidth} px wide (its column at least 250)`);
      await screenshot('stage-metrics-dock-1280');
    },
  },
];
