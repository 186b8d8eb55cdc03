// Reading the cluster at a glance (issue #11): the service card's tallies by capacity provider,
// zone and revision equal the chips drawn; a stopped task's chip stays (the same element,
// fading) right after it stops and is gone a minute later; a glossary word shows its tooltip
// with a Developer Guide link on keyboard focus. Screenshots of the default and Fargate Spot
// examples at 1280×720 and 1440×900 go to target/e2e/.
import { runTo } from './lib/deployments.mjs';

async function load(page, base) {
  await page.goto(base);
  await page.locator('[data-testid="instance"]').first().waitFor({ timeout: 20000 });
}

async function openExample(page, base, id) {
  await load(page, base);
  await page.selectOption('[data-testid="examples"]', id);
  await page.waitForTimeout(300);
}

async function waitFor(page, fn, arg, what) {
  try {
    await page.waitForFunction(fn, arg, { timeout: 30000, polling: 100 });
  } catch {
    throw new Error(`timed out waiting for ${what}`);
  }
}

/** A service card's tallies as drawn: kind → label → { running, pending }. */
async function tallies(page, service) {
  return page.$eval(`[data-testid="service-summary"][data-service="${service}"]`, (card) => {
    const out = {};
    for (const t of card.querySelectorAll('[data-testid="tally"]')) {
      (out[t.dataset.kind] ??= {})[t.dataset.label] = {
        running: Number(t.dataset.running), pending: Number(t.dataset.pending), text: t.textContent,
      };
    }
    return out;
  });
}

/** The smallest font size (px) of the tally text. */
async function tallyFont(page) {
  return page.$$eval('[data-testid="tally"]', (els) =>
    Math.min(...els.filter((e) => e.querySelector('.tally-num'))
      .map((e) => parseFloat(getComputedStyle(e.querySelector('.tally-num')).fontSize))));
}

async function shots(page, screenshot, name) {
  for (const [w, h] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await screenshot(`tallies-${name}-${w}x${h}`);
  }
}

export const tests = [
  {
    // Presenter walkthrough 2026-12-07: lesson 13's end state read "no zone yet 0 +4"; a task
    // with no zone is never running, so the row shows only its waiting tasks.
    name: 'tallies: tasks waiting for capacity read "no zone yet +4" in lesson 13, with no running count',
    async run({ page, base }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${base}#lesson=cluster-auto-scaling`);
      await page.getByTestId('lesson-pane').waitFor({ timeout: 20000 });
      page.once('dialog', (d) => d.accept());
      await page.getByTestId('lesson-solution').click();
      await runTo(page, '0:20');
      const t = await tallies(page, 'worker');
      const row = t.zone?.['no zone yet'];
      if (!row || row.running !== 0 || row.pending !== 4) throw new Error(`zone tallies: ${JSON.stringify(t.zone)}`);
      const text = row.text.replace(/\s+/g, ' ').trim();
      if (text !== 'no zone yet +4') throw new Error(`the waiting row reads "${text}"`);
      // A zone with tasks keeps its running count.
      if (!/^1a 4$/.test(t.zone['us-east-1a']?.text.replace(/\s+/g, ' ').trim() ?? '')) throw new Error(`zone 1a: ${JSON.stringify(t.zone['us-east-1a'])}`);
    },
  },
  {
    name: 'tallies: the Fargate Spot example shows provider and zone tallies equal to the chips drawn',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openExample(page, base, 'fargate-spot-strategy');
      await runTo(page, '0:05');
      const t = await tallies(page, 'worker');
      const chips = await page.$$eval('[data-testid="task"][data-service="worker"][data-status="RUNNING"]', (els) =>
        els.map((e) => ({ spot: !!e.querySelector('.mark.spot'),
          zone: e.closest('[data-testid="zone-lane"]')?.dataset.zone })));
      const spot = chips.filter((c) => c.spot).length;
      const onDemand = chips.length - spot;
      if (t.provider?.FARGATE?.running !== onDemand || t.provider?.FARGATE_SPOT?.running !== spot) {
        throw new Error(`provider tallies ${JSON.stringify(t.provider)} vs chips: ${onDemand} FARGATE, ${spot} FARGATE_SPOT`);
      }
      // DG capacity providers: FARGATE base 2 weight 1 + FARGATE_SPOT weight 3, 10 tasks → 4 and 6.
      if (onDemand !== 4 || spot !== 6) throw new Error(`expected 4 FARGATE and 6 FARGATE_SPOT chips, got ${onDemand} and ${spot}`);
      for (const [zone, row] of Object.entries(t.zone ?? {})) {
        const drawn = chips.filter((c) => c.zone === zone).length;
        if (row.running !== drawn) throw new Error(`zone ${zone}: tally ${row.running}, chips ${drawn}`);
      }
      const zoneSum = Object.values(t.zone ?? {}).reduce((a, r) => a + r.running, 0);
      if (zoneSum !== chips.length) throw new Error(`zone tallies sum ${zoneSum}, chips ${chips.length}`);
      const font = await tallyFont(page);
      if (font < 14) throw new Error(`tallies drawn at ${font}px at 1280x720`);
      await shots(page, screenshot, 'fargate-spot');
    },
  },
  {
    name: 'tallies: during a rolling deployment the revision tally shows two revisions, matching the chips',
    async run({ page, base }) {
      await openExample(page, base, 'alb-health-rollback');
      if (await page.locator('[data-service="web"] .tally-line[data-kind="revision"]').count()) {
        throw new Error('a revision tally before any deployment');
      }
      // At 2:00 updateService moves web to web:2; its tasks run beside web:1 until 3:09.
      await runTo(page, '0:03');
      const t = await tallies(page, 'web');
      const labels = Object.keys(t.revision ?? {});
      if (labels.join(',') !== 'web:1,web:2') throw new Error(`revision tallies ${JSON.stringify(t.revision)}`);
      for (const label of labels) {
        const drawn = await page.$$eval('[data-testid="task"][data-service="web"][data-status="RUNNING"]',
          (els, l) => els.filter((e) => e.textContent.startsWith(l)).length, label);
        if (t.revision[label].running !== drawn) {
          throw new Error(`${label}: tally ${t.revision[label].running}, RUNNING chips ${drawn}`);
        }
      }
    },
  },
  {
    name: 'tallies: a stopped task fades out in place (same element), then leaves',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await runTo(page, '0:01');
      await shots(page, screenshot, 'default');
      const chip = page.locator('[data-testid="task"][data-service="web"][data-status="RUNNING"]').first();
      const index = await chip.getAttribute('data-task');
      const sel = `[data-testid="task"][data-task="${index}"]`;
      // Mark the element: if a state change re-created it, the mark would be gone.
      await page.$eval(sel, (e) => { e.__tallyMark = true; });
      await chip.click();
      await page.click('[data-testid="stop-task"]');
      // 10×, not max: at max speed the minute a stopped task stays would pass between polls.
      await page.click('[data-testid="speed-10×"]');
      await page.click('[data-testid="play"]');
      await waitFor(page, (s) => document.querySelector(s)?.dataset.status === 'STOPPED', sel, 'the chip to show STOPPED');
      await page.click('[data-testid="play"]');
      const seen = await page.$eval(sel, (e) => ({ same: e.__tallyMark === true }));
      if (!seen.same) throw new Error('the chip was re-created instead of changing state');
      await page.waitForTimeout(2800); // the 2.5 s fade
      const opacity = await page.$eval(sel, (e) => Number(getComputedStyle(e).opacity));
      if (!(opacity > 0 && opacity < 0.6)) throw new Error(`stopped chip opacity ${opacity}: not fading`);
      // The snapshot keeps a stopped task for a minute; two minutes on, the chip is gone.
      const clock = await page.locator('[data-testid="clock"]').textContent();
      const [m] = clock.split(':').map(Number).slice(-2);
      await runTo(page, `0:${String(m + 2).padStart(2, '0')}`);
      if (await page.locator(sel).count()) throw new Error(`chip ${index} still drawn two minutes after it stopped`);
    },
  },
  {
    name: 'tallies: a glossary term shows its tooltip with a Developer Guide link on keyboard focus',
    async run({ page, base }) {
      await load(page, base);
      const term = page.locator('[data-testid="instance-status"] [data-testid="term"]').first();
      await term.waitFor();
      const before = await term.evaluate((e) => getComputedStyle(e.querySelector('[role="tooltip"]')).display);
      if (before !== 'none') throw new Error('the tooltip shows before focus');
      await term.focus();
      const tip = await term.evaluate((e) => {
        const id = e.getAttribute('aria-describedby');
        const t = document.getElementById(id);
        return { word: e.dataset.term, tabindex: e.getAttribute('tabindex'), shown: t && getComputedStyle(t).display !== 'none',
          role: t?.getAttribute('role'), text: t?.textContent, href: t?.querySelector('a')?.href };
      });
      if (tip.word !== 'ACTIVE' || tip.tabindex !== '0') throw new Error(`term ${JSON.stringify(tip)}`);
      if (!tip.shown || tip.role !== 'tooltip') throw new Error(`tooltip not shown on focus: ${JSON.stringify(tip)}`);
      if (!/accepts new tasks/.test(tip.text)) throw new Error(`tooltip text: ${tip.text}`);
      if (!tip.href?.startsWith('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/')) {
        throw new Error(`tooltip link: ${tip.href}`);
      }
      await page.keyboard.press('Escape');
      const after = await term.evaluate((e) => getComputedStyle(e.querySelector('[role="tooltip"]')).display);
      if (after !== 'none') throw new Error('Escape does not hide the tooltip');
      // The lifecycle legend explains every state.
      const states = await page.$$eval('[data-testid="lifecycle-legend"] [data-testid="term"]', (els) => els.map((e) => e.dataset.term));
      if (states.join(' ') !== 'PROVISIONING PENDING ACTIVATING RUNNING DEACTIVATING STOPPING DEPROVISIONING STOPPED') {
        throw new Error(`legend states: ${states}`);
      }
    },
  },
  {
    // The engineer walkthrough: the task panel gave no task size, and an awsvpc task's
    // "Host ports: none" read as if its port 8080 were not reachable.
    name: 'tallies: the selected task shows its size, network mode, and why an awsvpc task holds no host port',
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await runTo(page, '0:01:00');
      const facts = async () => page.evaluate(() => Object.fromEntries(
        [...document.querySelectorAll('.facts dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent.trim()])));
      await page.locator('[data-testid="task"][data-service="api"]').first().click();
      const api = await facts();
      if (api.Size !== '512 CPU units, 1024 MiB' || api['Network mode'] !== 'awsvpc') throw new Error(`api task: ${JSON.stringify(api)}`);
      if (!api['Host ports'].startsWith('none: the task has its own ENI')) throw new Error(`api host ports: ${api['Host ports']}`);
      await screenshot('task-facts-awsvpc');
      await page.locator('[data-testid="task"][data-service="web"]').first().click();
      const web = await facts();
      if (web.Size !== '256 CPU units, 512 MiB' || web['Network mode'] !== 'bridge') throw new Error(`web task: ${JSON.stringify(web)}`);
      if (!/^\d+\/tcp$/.test(web['Host ports'])) throw new Error(`web host ports (a dynamic bridge port): ${web['Host ports']}`);
    },
  },
  {
    name: "tallies: the selected task's status and its service's placement are glossary terms",
    async run({ page, base, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await load(page, base);
      await runTo(page, '0:01:00');
      // A web task (EC2, spread over zones then binpack on memory).
      await page.locator('[data-testid="task"][data-service="web"]').first().click();
      const facts = await page.evaluate(() => {
        const term = (sel) => {
          const t = document.querySelector(`${sel} [data-testid="term"]`);
          return t && { word: t.dataset.term, tip: t.classList.contains('has-tip'),
            href: document.getElementById(t.getAttribute('aria-describedby') ?? '')?.querySelector('a')?.href };
        };
        const items = [...document.querySelectorAll('[data-testid="task-placement"] [data-testid="placement-item"]')]
          .map((i) => {
            const c = i.cloneNode(true);
            c.querySelectorAll('[role="tooltip"]').forEach((t) => t.remove());
            return `${i.dataset.word}:${c.textContent.replace(/\s+/g, '')}`;
          });
        return { last: term('[data-testid="task-last-status"]'), desired: term('[data-testid="task-desired-status"]'), items };
      });
      if (facts.last?.word !== 'RUNNING' || !facts.last.tip || !/task-lifecycle-explanation/.test(facts.last.href)) {
        throw new Error(`lastStatus term: ${JSON.stringify(facts.last)}`);
      }
      if (facts.desired?.word !== 'RUNNING' || !facts.desired.tip) throw new Error(`desiredStatus term: ${JSON.stringify(facts.desired)}`);
      if (facts.items.join(' ') !== 'spread:spread(attribute:ecs.availability-zone) binpack:binpack(memory)') {
        throw new Error(`placement items: ${facts.items}`);
      }
      const binpack = page.locator('[data-testid="task-placement"] [data-word="binpack"] [data-testid="term"]');
      await binpack.focus();
      const tip = await binpack.evaluate((e) => {
        const t = document.getElementById(e.getAttribute('aria-describedby'));
        return { shown: getComputedStyle(t).display !== 'none', href: t.querySelector('a')?.href };
      });
      if (!tip.shown || !/task-placement-strategies\.html$/.test(tip.href)) throw new Error(`binpack tooltip: ${JSON.stringify(tip)}`);
      await screenshot('term-task-placement');
      // An api task runs on Fargate: no strategies, and the details say so.
      await page.locator('[data-testid="task"][data-service="api"]').first().click();
      const fargate = await page.locator('[data-testid="task-placement"]').innerText();
      if (!/Fargate/.test(fargate)) throw new Error(`a Fargate task's placement reads: ${fargate}`);
    },
  },
];
