import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, noOverflow, shot } from './browser';

// The Analytics Lab in a browser: import a small CSV through the file chooser (Chinese or English headers,
// detected), run it in the worker, read the model parameters and RFM grid, read CLV as discounted margin with its
// settings stated, score RFM with the class's own cut-offs from the keyboard, sort the customer table from the
// keyboard, export the results CSV, load the bundled CDNOW sample, import a broken file to see located errors, and
// compute NPS from a survey file (the example poll, a file with bad cells, a column chosen from the keyboard).

function check(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`lab: ${msg}`);
}

/** A small deterministic shop: 60 customers, a few visits each, some on the same day, mixed date forms. */
export function smallShopCsv(header: string): string {
  const rows = [header];
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let c = 1; c <= 60; c++) {
    let day = Math.floor(rnd() * 40);
    const visits = 1 + Math.floor(rnd() * (c % 4 === 0 ? 9 : 3));
    for (let v = 0; v < visits && day < 180; v++) {
      const d = new Date(Date.UTC(2024, 2, 1 + day)).toISOString().slice(0, 10);
      rows.push(`C${String(c).padStart(3, '0')},${v % 2 ? d.replace(/-/g, '') : d},${(10 + rnd() * 190).toFixed(2)}`);
      if (v === 1) rows.push(`C${String(c).padStart(3, '0')},${d},5.50`);
      day += 3 + Math.floor(rnd() * 40);
    }
  }
  return rows.join('\r\n') + '\r\n';
}

/** Adds a free-text note column to every data row (the header already names it). */
function withNote(csv: string): string {
  const [head, ...rest] = csv.trim().split('\r\n');
  return [head, ...rest.map((r, k) => `${r},"note ${k}, with a comma"`)].join('\r\n') + '\r\n';
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('lab-choose').click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByTestId('lab-file').filter({ hasText: name }).waitFor();
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByTestId('lab-run').click();
  await page.locator('[data-testid="lab-results"], [data-testid="lab-errors"]').first().waitFor({ timeout: 120_000 });
}

export async function labE2E(url: string, lang: 'zh-CN' | 'en'): Promise<void> {
  const tag = lang === 'zh-CN' ? 'zh' : 'en';
  const zh = lang === 'zh-CN';
  const { context, page, errors } = await launch(lang);
  try {
    await page.goto(`${url}#/lab`);
    await page.getByTestId('lab').waitFor();
    check(await page.getByTestId('lab-run').isDisabled(), 'nothing to run before a file is chosen');
    await shot(page, `${tag}-lab-01-start`);
    await noOverflow(page, 'lab start');

    // A class's own file, with its own header names: the columns are found without help.
    const header = zh ? '客户编号,交易日期,消费金额,备注' : 'Customer ID,Order Date,Sales,Note';
    await chooseFile(page, zh ? '班级购物.csv' : 'class-shopping.csv', withNote(smallShopCsv(header)));
    check((await page.getByTestId('lab-col-id').inputValue()) === (zh ? '客户编号' : 'Customer ID'), 'id column detected');
    check((await page.getByTestId('lab-col-date').inputValue()) === (zh ? '交易日期' : 'Order Date'), 'date column detected');
    check((await page.getByTestId('lab-col-amount').inputValue()) === (zh ? '消费金额' : 'Sales'), 'amount column detected');
    await page.getByTestId('lab-horizon').fill('26');
    await runAndWait(page);
    check(await page.getByTestId('lab-results').isVisible(), `results shown (errors: ${await page.getByTestId('lab-errors').allInnerTexts()})`);
    const model = await page.getByTestId('lab-model').innerText();
    for (const p of ['r', 'α', 'a', 'b', 'p', 'q', 'γ']) check(model.includes(p), `model parameter ${p} shown`);
    check(/\d\.\d{2,}/.test(model), `model parameters have values: ${model}`);
    check((await page.getByTestId('lab-rfm-grid').locator('tbody tr').count()) === 5, 'RFM grid has five rows');
    const cells = await page.getByTestId('lab-rfm-grid').locator('tbody td').allInnerTexts();
    check(cells.length === 25 && cells.reduce((a, b) => a + Number(b.replace(/\D/g, '')), 0) === 60, `RFM grid counts 60 customers: ${cells}`);
    check((await page.getByTestId('lab-groups').locator('li').count()) === 4, 'four groups');
    check((await page.getByTestId('lab-top').locator('tbody tr').count()) === 50, 'top-customers table shows 50 rows');
    await page.getByTestId('lab-abc').locator('svg').first().waitFor();
    await page.getByTestId('lab-clv').locator('svg').first().waitFor();
    // CLV is discounted margin, and the card says so: margin, horizon and yearly rate.
    const clvText = await page.getByTestId('lab-clv').innerText();
    check(zh ? /毛利率 30(\.0)?%/.test(clvText) && /年折现率 10(\.0)?%/.test(clvText) && clvText.includes('12 个月') : /margin 30(\.0)?%/.test(clvText) && /10(\.0)?% a year/.test(clvText) && clvText.includes('12 months'), `CLV settings stated: ${clvText}`);

    // RFM with the class's own cut-offs, from the keyboard: F ≥ 2, 3, 5, 8 purchase-days, R ≤ 140, 84, 42, 21
    // days; Enter applies.
    const status = page.getByTestId('lab-cuts-status');
    check((await status.innerText()).includes(zh ? '五等分' : 'quintiles'), `scored by quintiles first: ${await status.innerText()}`);
    const groupsBefore = await page.getByTestId('lab-groups').innerText();
    for (const [k, v] of [[2, '2'], [3, '3'], [4, '5'], [5, '8']] as const) {
      await page.getByTestId(`lab-cut-f-${k}`).fill(v);
    }
    for (const [k, v] of [[2, '140'], [3, '84'], [4, '42'], [5, '21']] as const) {
      await page.getByTestId(`lab-cut-r-${k}`).fill(v);
    }
    await page.getByTestId('lab-cut-f-5').focus();
    await page.keyboard.press('Enter');
    await status.filter({ hasText: zh ? '自己的分界点' : 'your own cut-offs' }).waitFor();
    check((await status.innerText()).includes('2 / 3 / 5 / 8') && (await status.innerText()).includes('140 / 84 / 42 / 21'), `own cut-offs stated: ${await status.innerText()}`);
    check(await status.evaluate((el) => el === document.activeElement), 'focus moves to the scoring status');
    const groupsAfter = await page.getByTestId('lab-groups').innerText();
    check(groupsAfter !== groupsBefore, `groups follow the cut-offs: ${groupsBefore} → ${groupsAfter}`);
    const cellsAfter = await page.getByTestId('lab-rfm-grid').locator('tbody td').allInnerTexts();
    check(cellsAfter.reduce((a, b) => a + Number(b.replace(/\D/g, '')), 0) === 60, 'the grid still counts 60 customers');
    await shot(page, `${tag}-lab-02b-cutoffs`);
    // A cut-off out of order is one line naming the box, and the box gets the focus.
    await page.getByTestId('lab-cut-f-4').fill('1');
    await page.getByTestId('lab-cut-f-4').press('Enter');
    const cutError = await page.getByTestId('lab-cuts-error').innerText();
    check(cutError.includes('F') && cutError.includes(zh ? '4 分' : 'score 4'), `cut-off error names F score 4: ${cutError}`);
    check(await page.getByTestId('lab-cut-f-4').evaluate((el) => el === document.activeElement && el.getAttribute('aria-invalid') === 'true'), 'focus on the wrong box');
    check((await status.innerText()).includes('2 / 3 / 5 / 8'), 'a wrong cut-off changes nothing');
    await page.getByTestId('lab-cuts-quintiles').focus();
    await page.keyboard.press('Enter');
    await status.filter({ hasText: zh ? '五等分' : 'quintiles' }).waitFor();
    check((await page.getByTestId('lab-groups').innerText()) === groupsBefore, 'back to the quintile groups');
    check((await page.getByTestId('lab-cut-f-4').inputValue()) !== '1', 'the boxes show the quintile cut-offs again');

    // Sorting from the keyboard: focus a heading button and press Enter, twice to reverse.
    await page.getByTestId('lab-sort-frequency').focus();
    await page.keyboard.press('Enter');
    check((await page.locator('th[aria-sort="descending"]').innerText()).includes('▼'), 'sorted descending with an arrow');
    check(await page.getByTestId('lab-sort-frequency').evaluate((el) => el === document.activeElement), 'focus stays on the sort button');
    await page.keyboard.press('Enter');
    check((await page.locator('th[aria-sort="ascending"]').count()) === 1, 'second press sorts ascending');
    await shot(page, `${tag}-lab-02-results`);
    await noOverflow(page, 'lab results');

    // Export: a UTF-8 CSV with a BOM, one row per customer.
    const dl = page.waitForEvent('download');
    await page.getByTestId('lab-export').click();
    const download = await dl;
    const path = await download.path();
    const bytes = readFileSync(path);
    check(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, 'export starts with a UTF-8 BOM');
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r\n/);
    check(lines[0].startsWith('customer_id,frequency,recency,T,monetary,total_spend,p_alive,expected_purchases,clv,rfm_r'), `export header: ${lines[0]}`);
    check(lines[0].endsWith('clv_margin,clv_months,clv_discount_annual') && lines[1].endsWith(',0.3,12,0.1'), `export states the CLV settings: ${lines[0]} / ${lines[1]}`);
    check(lines.length === 61, `export has one row per customer: ${lines.length}`);
    check(download.suggestedFilename().endsWith('-analysis.csv'), `export file name: ${download.suggestedFilename()}`);

    // The bundled sample (CDNOW, 2,357 customers), with progress, through the same path.
    await page.getByTestId('lab-sample').click();
    await page.getByTestId('lab-file').filter({ hasText: 'CDNOW_sample.csv' }).waitFor();
    await page.getByTestId('lab-end').fill('1997-09-30');
    await page.getByTestId('lab-horizon').fill('39');
    await runAndWait(page);
    const summary = await page.getByTestId('lab-summary').innerText();
    check(summary.includes('2,357') || summary.includes('2357'), `CDNOW sample: 2,357 customers: ${summary}`);
    check((await page.getByTestId('lab-model').innerText()).includes('0.24'), 'CDNOW BG/NBD r ≈ 0.243');
    await shot(page, `${tag}-lab-03-sample`);

    // A broken file: each bad row is one located line in the page's language.
    const broken = ['customer_id,date,amount', 'A1,2024-01-05,12.5', 'A2,2024-13-01,8', 'A3,2024-01-07,abc', ',2024-01-08,3', 'A4,2024-01-09'].join('\n');
    await chooseFile(page, 'broken.csv', broken);
    await runAndWait(page);
    const box = page.getByTestId('lab-errors');
    const lines2 = await box.getByTestId('lab-error').allInnerTexts();
    check(lines2.length === 4, `four located errors: ${lines2.join(' | ')}`);
    check(/^broken\.csv:3: /.test(lines2[0]) && lines2[0].includes('"date"') && lines2[0].includes('2024-13-01'), `bad date located: ${lines2[0]}`);
    check(zh ? lines2[0].includes('应为日期') : lines2[0].includes('expected a date'), `error speaks ${lang}: ${lines2[0]}`);
    check(/^broken\.csv:4: /.test(lines2[1]) && /^broken\.csv:5: /.test(lines2[2]) && /^broken\.csv:6 /.test(lines2[3]), `rows located: ${lines2.join(' | ')}`);
    check(await box.evaluate((el) => el === document.activeElement), 'focus moves to the error list');
    check((await page.getByTestId('lab-results').count()) === 0, 'no stale results beside errors');
    await shot(page, `${tag}-lab-04-errors`);
    await noOverflow(page, 'lab errors');

    // A file missing the needed columns is explained at its header line.
    await chooseFile(page, 'two-columns.csv', 'name,total\nx,1\n');
    const few = await page.getByTestId('lab-error').first().innerText();
    check(/^two-columns\.csv:1: /.test(few), `too few columns located: ${few}`);

    // NPS from a poll: the example first (40 answers), then the class's own file.
    await page.getByTestId('lab-nps-example').click();
    const nps = page.getByTestId('lab-nps-result');
    await nps.waitFor();
    const value = await page.getByTestId('lab-nps-value').innerText();
    // 40 answers: 20 promoters, 12 passives, 8 detractors: (20 − 8) / 40 = +30.
    check(value.includes('+30'), `example poll NPS +30: ${value}`);
    check((await page.getByTestId('lab-nps-promoters').innerText()).includes('20'), 'promoters counted');
    check((await page.getByTestId('lab-nps-passives').innerText()).includes('12'), 'passives counted');
    check((await page.getByTestId('lab-nps-detractors').innerText()).includes('8'), 'detractors counted');
    check((await page.getByTestId('lab-nps-histogram').locator('tbody td').count()) === 11, 'answers 0–10 tabled');
    check(await page.locator('#lab-nps-result-h').evaluate((el) => el === document.activeElement), 'focus moves to the NPS result');
    await page.getByTestId('lab-nps').scrollIntoViewIfNeeded();
    await shot(page, `${tag}-lab-05-nps`);
    await noOverflow(page, 'lab nps');
    // A poll with bad cells: one line each, with the line and the column.
    const pollHeader = zh ? '学号,你有多大可能推荐我们,备注' : 'student,How likely to recommend,note';
    const poll = [pollHeader, 's1,9,', 's2,10,', 's3,11,', 's4,6,', 's5,,absent', 's6,abc,', 's7,7,'].join('\n') + '\n';
    const npsChooser = page.waitForEvent('filechooser');
    await page.getByTestId('lab-nps-choose').click();
    await (await npsChooser).setFiles({ name: 'poll.csv', mimeType: 'text/csv', buffer: Buffer.from(poll, 'utf8') });
    await page.getByTestId('lab-nps-errors').waitFor();
    const npsErrors = await page.getByTestId('lab-nps-error').allInnerTexts();
    const answerCol = pollHeader.split(',')[1];
    check(npsErrors.length === 2, `two bad cells: ${npsErrors.join(' | ')}`);
    check(npsErrors[0].startsWith(`poll.csv:4: `) && npsErrors[0].includes(`"${answerCol}"`) && npsErrors[0].includes('11'), `bad cell located: ${npsErrors[0]}`);
    check(npsErrors[1].startsWith(`poll.csv:7: `) && npsErrors[1].includes('abc'), `second bad cell located: ${npsErrors[1]}`);
    check(zh ? npsErrors[0].includes('0–10 的整数') : npsErrors[0].includes('whole number from 0 to 10'), `NPS error speaks ${lang}: ${npsErrors[0]}`);
    check((await page.getByTestId('lab-nps-column').inputValue()) === answerCol, 'answer column detected');
    await shot(page, `${tag}-lab-06-nps-errors`);
    // Corrected, with another column chosen from the keyboard and back: the result follows the column.
    const fixed = poll.replace('s3,11,', 's3,10,').replace('s6,abc,', 's6,3,');
    const fixedChooser = page.waitForEvent('filechooser');
    await page.getByTestId('lab-nps-choose').click();
    await (await fixedChooser).setFiles({ name: 'poll.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed, 'utf8') });
    await nps.waitFor();
    // 6 answers (one blank): 9, 10, 10 promoters; 7 passive; 6, 3 detractors: (3 − 2) / 6 = +16.7.
    check((await page.getByTestId('lab-nps-value').innerText()).includes('+16.7'), `fixed poll NPS: ${await page.getByTestId('lab-nps-value').innerText()}`);
    check((await page.getByTestId('lab-nps-formula').innerText()).includes('50%') && (await page.getByTestId('lab-nps-formula').innerText()).includes('33.3%'), 'NPS worked out from the shares');
    await page.getByTestId('lab-nps-column').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('lab-nps-errors').waitFor();
    check((await page.getByTestId('lab-nps-column').inputValue()) === pollHeader.split(',')[2], 'keyboard chooses another column');
    check(await page.getByTestId('lab-nps-column').evaluate((el) => el === document.activeElement), 'focus stays on the column choice');
    await page.keyboard.press('ArrowUp');
    await nps.waitFor();
    check(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}
