import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, noOverflow, shot } from './browser';

// The Analytics Lab in a browser: import a small CSV through the file chooser (Chinese or English headers,
// detected), run it in the worker, read the model parameters and RFM grid, sort the customer table from the
// keyboard, export the results CSV, load the bundled CDNOW sample, and import a broken file to see located errors.

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
    check(errors.length === 0, `no console errors: ${errors.join(' | ')}`);
  } finally {
    await context.close();
  }
}
