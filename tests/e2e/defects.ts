import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, shot } from './browser';

// What a student saw go wrong, checked where it was seen, at 1366×768 in both languages: Start in view, the
// title's run-file buttons, a one-row header, the question a new game asks, the complaint banner once every case
// is answered, weeks named by season, drivers without "0×", decision changes without "— → —", every season on
// the debrief's axes, no "next season" after the last season, the average days of complaints explained, English
// without Chinese list marks; and the Lab reading the game's own transactions export after offering to repair its
// dates, and the CDNOW sample's money in dollars.

function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`defects: ${msg}`);
}

async function body(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

export async function defectsE2E(url: string, lang: 'zh-CN' | 'en'): Promise<void> {
  const zh = lang === 'zh-CN';
  const tag = `${zh ? 'zh' : 'en'}-defects`;
  const { context, page, errors } = await launch(lang);
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url);
    await page.getByTestId('start').waitFor();
    const startBox = (await page.getByTestId('start').boundingBox())!;
    check(startBox.y + startBox.height <= 768, `Start is in view at 1366×768 without scrolling (its bottom at ${startBox.y + startBox.height} px)`);
    const title = await body(page);
    if (!zh) check(!title.includes('、'), 'no Chinese list mark on the English title screen');
    const openRun = await page.getByRole('button', { name: zh ? '从存档文件继续游戏' : 'Continue a game from a run file' }).count();
    check(openRun === 1 && (await page.getByTestId('title-study').innerText()) !== (await page.getByRole('button', { name: zh ? '从存档文件继续游戏' : 'Continue a game from a run file' }).innerText()), 'the two run-file buttons say what each does');
    await page.getByTestId('start').click();
    await page.getByTestId('play-season').waitFor();
    const header = (await page.locator('header.top').boundingBox())!;
    check(header.height < 70, `the header keeps to one row at 1366 px (${header.height} px high)`);

    // "New game" asks about a new game, not about importing a run.
    await page.getByTestId('new-game').click();
    const question = await page.locator('dialog[open]').innerText();
    check(question.includes(zh ? '开始新游戏' : 'Start a new game') && !question.includes(zh ? '打开这个存档' : 'Opening this run'), `the new-game question: ${question}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('play-season').waitFor();

    for (let k = 1; k <= 4; k++) {
      if (k === 2) {
        await page.getByTestId('tab-care').click();
        await page.locator('#lever-care-contactsPerMonth').fill('2');
        await page.locator('#lever-care-contactsPerMonth').press('Tab');
        await page.locator('#lever-care-audience-high-value').check();
      }
      // Every complaint case answered: the banner no longer says anyone is waiting.
      const cases = page.locator('[data-testid^="featured-"]').filter({ hasText: '#' });
      const n = await cases.count();
      for (let c = 0; c < n; c++) {
        await cases.nth(c).click();
        for (let step = 0; step < 5; step++) await page.getByTestId(`featured-step-${step}`).locator('input').nth(step === 0 ? 1 : 0).check();
        await page.getByTestId('featured-save').click();
      }
      if (n > 0) {
        const banner = await page.getByTestId('complaint-cases-waiting').innerText();
        check(!banner.includes('❗') && banner.includes(zh ? '都已答复' : 'answered'), `answered cases leave no waiting banner: ${banner}`);
        await shot(page, `${tag}-cases-answered`);
      }
      await page.getByTestId('play-season').click();
      await page.getByTestId('confirm-ok').click();
      await page.getByTestId('to-report').waitFor();
      const week = await page.getByTestId('play-week').innerText();
      check(week.includes(zh ? `第 ${k} 季第` : `Season ${k}, week`), `playback names the week by its season: ${week}`);
      await page.getByTestId('to-report').click();
      await page.getByTestId('season-report').waitFor();
      await page.waitForTimeout(800);
      const text = await body(page);
      check(!text.includes('— → —'), `no "— → —" among the changed levers (season ${k})`);
      if (!zh) check(!text.includes('、'), `no Chinese list mark in the English report (season ${k})`);
      if (text.includes(zh ? '平均' : 'on average')) await page.getByTestId('complaint-days-note').waitFor();
      if (k === 4) {
        await page.getByTestId('analytics-targets').waitFor();
        check(!/next season/i.test(text) && !text.includes('下季'), 'the last season\'s report speaks of no next season');
        await shot(page, `${tag}-report4`);
      }
      await page.getByTestId('report-continue').click();
    }
    await page.getByTestId('final-score').waitFor();
    await page.getByTestId('stories').locator('.card').first().waitFor();
    const debrief = await body(page);
    check(!debrief.includes('— → —'), 'the debrief lists decision changes without "— → —"');
    check(!/\(0×\)|（0 次）/.test(debrief), 'no driver says it acted zero times');
    if (!zh) check(!/\b1 (complaints|purchases)\b/.test(debrief), 'English counts agree with their nouns');
    for (const churn of await page.getByTestId('profile-churn').allInnerTexts()) check(churn.length > 0, 'a churned story says why');
    // Every season is labelled on the debrief's season axes (none dropped as crowded).
    await page.locator('.chart svg').first().waitFor();
    const axisText = (await page.locator('.chart svg text').allTextContents()).join('|');
    for (let k = 1; k <= 4; k++) check(axisText.includes(zh ? `第 ${k} 季` : `Season ${k}`), `season ${k} labelled on the debrief's charts: ${axisText.slice(0, 300)}`);
    await shot(page, `${tag}-final`);

    // The Lab: the game's own export, its dates repaired on request; the CDNOW sample in dollars.
    await page.goto(`${url}#/`);
    await page.getByTestId('new-game').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('start').click();
    await page.getByTestId('play-season').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('to-report').click();
    await page.getByTestId('season-report').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-transactions').click();
    const csv = join(mkdtempSync(join(tmpdir(), 'cs-defects-')), 'transactions.csv');
    await (await download).saveAs(csv);
    await page.goto(`${url}#/lab`);
    await page.getByTestId('lab').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('lab-choose').click();
    await (await chooser).setFiles(csv);
    await page.getByTestId('lab-run').click();
    await page.locator('[data-testid="lab-results"], [data-testid="lab-errors"]').first().waitFor({ timeout: 120_000 });
    if ((await page.getByTestId('lab-errors').count()) > 0) {
      await page.getByTestId('lab-repair-dates').click();
      await page.getByTestId('lab-repaired').waitFor({ timeout: 120_000 });
    }
    await page.getByTestId('lab-results').waitFor();
    check((await page.getByTestId('lab-results').innerText()).includes('¥'), "a class's own file is in yuan");
    await page.getByTestId('lab-sample').click();
    await page.getByTestId('lab-file').filter({ hasText: 'CDNOW' }).waitFor();
    await page.getByTestId('lab-run').click();
    await page.getByTestId('lab-results').waitFor({ timeout: 120_000 });
    const cdnow = await page.getByTestId('lab-results').innerText();
    check(cdnow.includes('$') && !cdnow.includes('¥'), 'the CDNOW sample is in dollars');
    await shot(page, `${tag}-lab-cdnow`);
    check(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
    console.log(`e2e ${lang}: the defects seen stay fixed`);
  } finally {
    await context.close();
  }
}
