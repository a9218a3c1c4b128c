import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { LONGEST_TASK_MS, launch, shot } from './browser';
import { findBot } from '../../src/bots/strategies';
import { playToRun } from '../../src/run/replay';
import type { RunFile } from '../../src/run/runfile';
import { crc32 } from '../../src/run/zip';
import { fromParsed, loadScenario } from '../../src/scenario/scenario';
import { Scenario } from '../../src/scenario/schema';
import { deflateBomb, keyFloodJson, zipOf } from '../hostile/generate';

// Hostile class files in the browser. The teacher page verifies a class beside a 1.6 MB key flood and a zip
// whose entry lies about its size without blocking the page longer than an honest class does; a verification can be
// cancelled; a second drop replaces the first, whose result never shows; a tied vote ranks nothing until the
// teacher states the seed, and a stated scenario hash decides the scenario (shown beside its id). The replay
// viewer refuses the key flood without blocking the page either.

function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`hostile: ${msg}`);
}

/** Longest main-thread task from now until `until` resolves (the observer is passed as text: see run.ts). */
async function longestTaskWhile(page: Page, until: () => Promise<unknown>): Promise<number> {
  await page.evaluate(`(() => {
    window.__longest = 0;
    window.__obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); });
    window.__obs.observe({ type: 'longtask', buffered: false });
  })()`);
  await until();
  await page.waitForTimeout(300);
  return (await page.evaluate(`(() => { window.__obs.disconnect(); return window.__longest; })()`)) as number;
}

// Files are handed to the page by path: the browser reads them itself, as it does a teacher's (buffers would be
// built into files by script on the page's own thread, which is the test's cost, not the page's).
const dir = mkdtempSync(join(tmpdir(), 'cs-hostile-'));
let serial = 0;
const asFile = (name: string, data: string | Uint8Array) => {
  const sub = join(dir, String(serial++));
  mkdirSync(sub);
  const path = join(sub, name);
  writeFileSync(path, data);
  return path;
};

async function statuses(page: Page): Promise<string[]> {
  return page.locator('[data-testid="leaderboard"] tbody tr').evaluateAll((trs) => trs.map((r) => `${r.getAttribute('data-status')} ${r.textContent}`));
}

export async function hostileE2E(url: string): Promise<void> {
  const loaded = loadScenario(readFileSync('scenarios/bubble-tea.yaml', 'utf8'), 'bubble-tea.yaml');
  if (!loaded.ok) throw new Error('bundled scenario');
  const { scenario, hash } = loaded.value;
  const make = (bot: string, team: string, seed = 'class-h', sc = scenario, h = hash): RunFile => {
    const b = findBot(bot)!;
    return playToRun(sc, h, seed, team, Array.from({ length: sc.seasons }, (_, k) => b.decide(sc, k, []))).run;
  };
  const textbook = make('textbook', 'Textbook');
  const passive = make('passive', 'Passive');
  const spam = make('spam', 'Spam');
  const elsewhere = make('passive', 'Elsewhere', 'other-seed');
  const small = fromParsed(Scenario.parse({ ...structuredClone(scenario), population: { ...scenario.population, size: 300 } }));
  const forged = make('textbook', 'Forger', 'class-h', small.scenario, small.hash);
  const json = (r: RunFile) => JSON.stringify(r);
  const honestBytes = strToU8(json(passive));
  const lyingZip = zipOf([
    { name: 'bomb.json', packed: deflateBomb(64 * 1024 * 1024), size: 100, crc: 0 },
    { name: 'passive.json', packed: honestBytes, size: honestBytes.length, crc: crc32(honestBytes), method: 0 },
  ]);

  const { context, page, errors } = await launch('en');
  try {
    await page.goto(`${url}#/teacher`);
    const input = page.getByTestId('class-files');
    // The page's own start (loading the game's code) is not what is measured here.
    await input.waitFor({ state: 'attached' });
    await page.waitForTimeout(2000);

    // The same class without the hostile files first: what an honest class costs the page on this machine (the
    // board's first drawing, chart code included). The hostile files may not add to it: in a class, one student's
    // file must never cost the teacher more than an honest file does.
    const honest = await longestTaskWhile(page, async () => {
      await input.setInputFiles([asFile('textbook.json', json(textbook)), asFile('spam.json', json(spam)), asFile('passive.json', json(passive))]);
      await page.getByTestId('leaderboard').waitFor({ timeout: 60_000 });
    });
    // A class beside a key flood and a lying zip: verified off the page's thread.
    const longest = await longestTaskWhile(page, async () => {
      await input.setInputFiles([
        asFile('textbook.json', json(textbook)),
        asFile('spam.json', json(spam)),
        asFile('flood.json', keyFloodJson(150_000)),
        asFile('class.zip', lyingZip),
      ]);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="leaderboard"] tbody tr').length === 5, null, { timeout: 60_000 });
    });
    const rows = await statuses(page);
    check(rows.filter((r) => r.startsWith('ranked')).length === 3, `three honest runs ranked: ${rows.join(' | ')}`);
    check(rows.some((r) => r.startsWith('malformed') && r.includes('flood.json') && r.includes('too many keys')), `the key flood is refused: ${rows.join(' | ')}`);
    check(rows.some((r) => r.startsWith('malformed') && r.includes('class.zip/bomb.json') && r.includes('declares')), `the lying entry is flagged: ${rows.join(' | ')}`);
    check(longest <= Math.max(LONGEST_TASK_MS, honest + 100), `the hostile files blocked the page for ${Math.round(longest)} ms, an honest class for ${Math.round(honest)} ms`);
    console.log(`e2e hostile: teacher page, longest main-thread task ${Math.round(longest)} ms (an honest class: ${Math.round(honest)} ms)`);
    const expected = await page.getByTestId('teacher-expected').innerText();
    check(expected.includes(hash.slice(0, 12)), `the class scenario's hash is shown beside its id: ${expected}`);

    // Cancel: the verification stops, and nothing of it is shown.
    await input.setInputFiles([asFile('a.json', json(textbook)), asFile('b.json', json(passive)), asFile('c.json', json(spam)), asFile('d.json', json(elsewhere))]);
    await page.getByTestId('teacher-cancel').click();
    await page.getByTestId('teacher-notice').waitFor();
    await page.waitForTimeout(1500);
    check((await page.getByTestId('leaderboard').count()) === 0, 'a cancelled verification shows no leaderboard');

    // A second drop while the first is verified: only the second one's result is shown.
    await input.setInputFiles([asFile('first-a.json', json(textbook)), asFile('first-b.json', json(spam)), asFile('first-c.json', json(passive))]);
    await input.setInputFiles([asFile('second.json', json(passive))]);
    await page.getByTestId('leaderboard').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(3000);
    const race = await statuses(page);
    check(race.length === 1 && race[0].includes('second.json'), `the second drop's files only: ${race.join(' | ')}`);

    // A tie (one file per seed): nothing ranked until the teacher states the seed.
    await input.setInputFiles([asFile('textbook.json', json(textbook)), asFile('elsewhere.json', json(elsewhere))]);
    await page.getByTestId('teacher-undecided').waitFor({ timeout: 60_000 });
    check((await statuses(page)).every((r) => r.startsWith('undecided')), 'a tie ranks nobody');
    await page.getByTestId('class-seed').fill('class-h');
    await page.getByTestId('class-seed').press('Enter');
    await page.getByTestId('class-seed').blur();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="leaderboard"] tr[data-status="ranked"]').length === 1, null, { timeout: 60_000 });

    // A stated scenario hash decides the scenario, even against the shipped one.
    await input.setInputFiles([asFile('textbook.json', json(textbook)), asFile('forged.json', json(forged))]);
    await page.getByTestId('leaderboard').waitFor({ timeout: 60_000 });
    await page.getByTestId('class-scenario-hash').fill(small.hash.slice(0, 10));
    await page.getByTestId('class-scenario-hash').press('Enter');
    await page.getByTestId('class-scenario-hash').blur();
    await page.waitForFunction(() => document.querySelector('[data-testid="leaderboard"] tr[data-status="ranked"]')?.textContent?.includes('forged.json'), null, { timeout: 60_000 });
    const stated = await page.getByTestId('teacher-expected').innerText();
    check(stated.includes(small.hash.slice(0, 12)), `the stated scenario is shown with its hash: ${stated}`);
    await shot(page, 'en-hostile-teacher');

    // The replay viewer: the key flood is read in a worker and refused.
    await page.evaluate(() => (location.hash = '#/replay'));
    const viewer = await longestTaskWhile(page, async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('replay-open').click();
      await (await chooser).setFiles(asFile('flood.json', keyFloodJson(150_000)));
      await page.getByTestId('replay-problem').waitFor({ timeout: 60_000 });
    });
    check(viewer <= LONGEST_TASK_MS, `the replay viewer blocked the page for ${Math.round(viewer)} ms`);
    check(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
    console.log(`e2e hostile: replay viewer, longest main-thread task ${Math.round(viewer)} ms`);
  } finally {
    await context.close();
  }
}
