import type { Page } from 'playwright-core';
import { launch, noOverflow, shot } from './browser';

// The store beside the panel, at 1366×768 and 1920×1080 in both languages: the store picture and its legend in one
// column and the playback or the report in the other, each scrolling on its own and both on screen; a legend for
// every shape the picture draws; playback speeds slow enough to read and a week back or on; a customer file opened
// mid-playback holds nothing after the week on screen; nobody who left for good that week is drawn or listed among
// its visitors; and the debrief opens on its final score with no store picture over it.

function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`layout: ${msg}`);
}

type Box = { x: number; y: number; width: number; height: number };

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The element's box in the viewport, or null when it is not displayed. */
async function box(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement | null;
    if (!el || el.offsetParent === null) return null;
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
}

/** Store and panel side by side and both on screen; the panel scrolls on its own and the page does not. */
async function sideBySide(page: Page, where: string, w: number, hh: number): Promise<void> {
  const world = await box(page, '#world');
  const panel = await box(page, '#panel');
  const legend = await box(page, '[data-testid="store-legend"]');
  check(world && panel && legend, `${where}: the store, its legend and the panel are all shown`);
  check(world.y >= 0 && world.y + world.height <= hh + 1 && world.height >= 200, `${where}: the store picture is on screen (${JSON.stringify(world)})`);
  check(panel.y >= 0 && panel.y + panel.height <= hh + 1 && panel.height >= hh / 2, `${where}: the panel is on screen (${JSON.stringify(panel)})`);
  check(overlap(world, panel) === 0 && overlap(legend, panel) === 0, `${where}: the store and the panel do not overlap`);
  check(world.x + world.width <= panel.x || panel.x + panel.width <= world.x, `${where}: the store and the panel sit side by side`);
  check(world.width + panel.width <= w, `${where}: both fit the width`);
  const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, inner: innerHeight }));
  check(page_.scroll <= page_.inner + 1, `${where}: the page itself does not scroll (${page_.scroll} px in ${page_.inner})`);
  await noOverflow(page, where);
}

async function legendIn(page: Page, zh: boolean): Promise<void> {
  const legend = page.getByTestId('store-legend');
  await legend.waitFor();
  const text = await legend.innerText();
  const words = zh ? ['图例', '考察期', '形成期', '稳定期', '退化期', '不满', '非常满意', '投诉台', '竞争对手', '沙漏'] : ['Legend', 'Exploration', 'Formation', 'Stability', 'Decline', 'Upset', 'Delighted', 'Complaint desk', 'rival', 'Hourglass'];
  for (const w of words) check(text.includes(w), `the legend names "${w}" (${zh ? 'zh' : 'en'})`);
  // Every entry has its picture (drawn, not only coloured text) beside its words.
  const entries = await legend.locator('li').count();
  const pictures = await legend.locator('li .legend-pic > *').count();
  check(entries >= 18 && pictures === entries, `every legend entry has its picture (${pictures} of ${entries})`);
}

async function playingWeek(page: Page): Promise<number> {
  return Number(await page.getByTestId('play-week').getAttribute('data-game-week'));
}

/** Opens the first listed visitor's file at the week on screen; checks it holds nothing after that week. */
async function fileAtWeek(page: Page, zh: boolean): Promise<number> {
  const week = await playingWeek(page);
  const visitor = page.locator('[data-testid^="visitor-"]').first();
  await visitor.click();
  const card = page.getByTestId('profile-card');
  await card.waitFor();
  const asOf = Number(await card.getByTestId('profile-as-of').getAttribute('data-week'));
  check(asOf === week, `the file is as of the week on screen (${asOf} vs ${week})`);
  const weeks = await card.locator('ol.history li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-week'))));
  check(weeks.every((x) => x <= week), `no event after the week on screen in the file (week ${week}: ${weeks.join(',')})`);
  check((await card.getByTestId('profile-contribution').count()) === 0 && (await card.getByTestId('profile-clv').count()) === 0, 'no end-of-season figure in a file of an earlier week');
  check((await card.innerText()).includes(zh ? '档案截至' : 'File as of'), 'the file says which week it is as of');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  return weeks.length;
}

export async function layoutE2E(url: string, lang: 'zh-CN' | 'en'): Promise<void> {
  const zh = lang === 'zh-CN';
  const tag = `${zh ? 'zh' : 'en'}-layout`;
  const { context, page, errors } = await launch(lang);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await page.getByTestId('start').click();
    await page.getByTestId('play-season').waitFor();
    await legendIn(page, zh);
    await sideBySide(page, 'plan at 1366×768', 1366, 768);
    await page.getByTestId('play-season').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('to-report').waitFor();
    await sideBySide(page, 'playback at 1366×768', 1366, 768);

    // Speeds slow enough to read, chosen from the keyboard, and pause.
    const speeds = await page.locator('#speed option').evaluateAll((os) => os.map((o) => Number((o as HTMLOptionElement).value)));
    check(speeds.includes(0.25) && speeds.includes(0.5), `slow speeds are offered: ${speeds.join(', ')}`);
    await page.locator('#speed').focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => (document.querySelector('#speed') as HTMLSelectElement | null)?.value === '0.25');
    await page.getByTestId('pause').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="pause"][aria-pressed="true"]');

    // A file opened mid-playback is the customer as of the week on screen: stop on the second week, then later.
    await page.locator('#week-slider').fill('1');
    await page.waitForSelector('[data-testid="play-week"][data-week="1"]');
    let events = await fileAtWeek(page, zh);
    await page.getByTestId('week-on').click();
    await page.waitForSelector('[data-testid="play-week"][data-week="2"]');
    check((await page.getByTestId('pause').getAttribute('aria-pressed')) === 'true', 'a week on leaves the playback paused');
    events += await fileAtWeek(page, zh);
    check(events > 0, 'the files opened mid-playback have events to check');
    await shot(page, `${tag}-play-1366`);

    // Nobody who left for good during a week is among its visitors: not in the list, not among the marked figures.
    let weeksWithLeavers = 0;
    const weeks = Number(await page.locator('#week-slider').getAttribute('max'));
    for (let k = 0; k < weeks; k++) {
      await page.locator('#week-slider').fill(String(k));
      await page.waitForSelector(`[data-testid="play-week"][data-week="${k}"]`);
      const all = page.getByTestId('visitors-all');
      if ((await all.count()) > 0 && (await all.getAttribute('aria-expanded')) === 'false') await all.click();
      const listed = await page.locator('[data-testid^="visitor-"]').allInnerTexts();
      check(listed.every((x) => !x.trim().startsWith('✕')), `no churned customer listed among week ${k + 1}'s visitors`);
      await page.waitForTimeout(100);
      const stages = (await page.evaluate(() => (window as unknown as { __markedStages?: () => number[] }).__markedStages?.() ?? null)) as number[] | null;
      check(stages !== null && !stages.includes(5), `no churned customer drawn among week ${k + 1}'s visitors`);
      if ((await page.getByTestId('play-left').count()) > 0) weeksWithLeavers++;
    }
    check(weeksWithLeavers > 0, 'some week had sampled visitors who left for good (the check above is not empty)');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await sideBySide(page, 'playback at 1920×1080', 1920, 1080);
    await shot(page, `${tag}-play-1920`);
    await page.setViewportSize({ width: 1366, height: 768 });

    // The report beside the store, each scrolling on its own.
    await page.getByTestId('to-report').click();
    await page.getByTestId('season-report').waitFor();
    await page.waitForTimeout(800);
    await sideBySide(page, 'report at 1366×768', 1366, 768);
    const scroll = await page.evaluate(() => {
      const panel = document.getElementById('panel') as HTMLElement;
      const world = document.getElementById('world') as HTMLElement;
      const before = world.getBoundingClientRect().y;
      const room = panel.scrollHeight - panel.clientHeight;
      panel.scrollTop = room;
      return { room, moved: panel.scrollTop, still: world.getBoundingClientRect().y === before };
    });
    check(scroll.room > 0 && scroll.moved > 0 && scroll.still, `the report scrolls on its own beside a still store (${JSON.stringify(scroll)})`);
    await page.evaluate(() => ((document.getElementById('panel') as HTMLElement).scrollTop = 0));
    await legendIn(page, zh);
    await shot(page, `${tag}-report-1366`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await sideBySide(page, 'report at 1920×1080', 1920, 1080);
    await shot(page, `${tag}-report-1920`);
    await page.setViewportSize({ width: 1366, height: 768 });

    for (let k = 2; k <= 4; k++) {
      await page.getByTestId('report-continue').click();
      await page.getByTestId('play-season').click();
      await page.getByTestId('confirm-ok').click();
      await page.getByTestId('to-report').click();
      await page.getByTestId('season-report').waitFor();
    }
    await page.getByTestId('report-continue').click();
    const score = page.getByTestId('final-score');
    await score.waitFor();
    await page.waitForTimeout(800);
    for (const [w, hh] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: hh });
      await page.evaluate(() => window.scrollTo(0, 0));
      const s = await box(page, '[data-testid="final-score"]');
      check(s && s.y >= 0 && s.y + s.height <= hh / 2, `the debrief shows its final score first at ${w}×${hh} (${JSON.stringify(s)})`);
      const world = await box(page, '#world');
      check(world === null || overlap(world, s) === 0, `the store picture does not cover the final score at ${w}×${hh}`);
      check((await box(page, '[data-testid="store-legend"]')) === null, 'no store legend on the debrief');
      // What is on top at the score's centre is the score itself, before and after scrolling.
      for (const y of [0, 600]) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        const onTop = await page.evaluate(() => {
          const el = document.querySelector('[data-testid="final-score"]') as HTMLElement;
          const r = el.getBoundingClientRect();
          if (r.bottom < 0 || r.top > innerHeight) return true;
          const hit = document.elementFromPoint(r.x + r.width / 4, r.y + r.height / 2);
          return hit !== null && el.contains(hit);
        });
        check(onTop, `nothing is drawn over the final score at ${w}×${hh}, scrolled ${y} px`);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `${tag}-final-${w}`);
    }
    check(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
    console.log(`e2e ${lang}: layout, legend, files as of the week on screen, visitors without leavers`);
  } finally {
    await context.close();
  }
}
