import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTransactions, parseCsv, parseDay, writeCsv } from '../../src/analytics/index';
import { cdnowToCsv, detectColumns, readHeader } from '../../src/lab/lab-columns';
import { clvBins, rescoreRfm, runLab, type LabProgress } from '../../src/lab/lab-core';
import { EXPORT_HEADER, resultRows, sortCustomers } from '../../src/lab/lab-table';
import { detectSurveyColumn, readAnswer, runSurvey, surveyPreview } from '../../src/lab/lab-survey';

// The Analytics Lab's pure core: column detection, CSV checks with located errors, the progress sequence, and
// results equal to what `npm run analyze` computes on the same file.

const cdnowCsv = cdnowToCsv(readFileSync('assets/cdnow/CDNOW_sample.txt', 'utf8'));
const opts = { columns: { id: 'customer_id', date: 'date', amount: 'amount' }, horizonWeeks: 39, margin: 0.3, discountAnnual: 0.1 };

describe('column detection', () => {
  it('finds the usual English and Chinese names in any order', () => {
    expect(detectColumns(['customer_id', 'date', 'amount'])).toEqual({ id: 'customer_id', date: 'date', amount: 'amount' });
    expect(detectColumns(['金额', '客户编号', '日期'])).toEqual({ id: '客户编号', date: '日期', amount: '金额' });
    expect(detectColumns(['交易日期', '消费金额', '客户ID', '备注'])).toEqual({ id: '客户ID', date: '交易日期', amount: '消费金额' });
    expect(detectColumns([' Customer ID ', 'Order Date', 'Sales'])).toEqual({ id: 'Customer ID', date: 'Order Date', amount: 'Sales' });
  });

  it('falls back to unused columns in order and needs three', () => {
    expect(detectColumns(['a', 'b', 'c'])).toEqual({ id: 'a', date: 'b', amount: 'c' });
    expect(detectColumns(['x', 'date', 'y'])).toEqual({ id: 'x', date: 'date', amount: 'y' });
    expect(detectColumns(['a', 'b'])).toBeNull();
  });

  it('reads the header of a file with a BOM and CRLF', () => {
    expect(readHeader('\uFEFF客户编号,"日期",金额\r\n1,2,3\r\n')).toEqual(['客户编号', '日期', '金额']);
    expect(readHeader('')).toEqual([]);
  });
});

describe('runLab', () => {
  it('gives the same parameters and scores as analyzeTransactions on the CDNOW sample', () => {
    const stages: LabProgress[] = [];
    const out = runLab(cdnowCsv, opts, (p) => stages.push(p));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const transactions = parseCsv(cdnowCsv).rows.slice(1).map((r) => ({ customerId: r.fields[0], day: parseDay(r.fields[1])!, amount: Number(r.fields[2]) }));
    const ref = analyzeTransactions(transactions, { horizonWeeks: 39, margin: 0.3, discountAnnual: 0.1 });
    expect(out.result.model).toEqual(ref.model);
    expect(out.result.customers.length).toBe(2357);
    expect(out.result.customers.map(({ id, clv, pAlive, rfm, abc }) => ({ id, clv, pAlive, rfm, abc }))).toEqual(
      ref.customers.map(({ id, clv, pAlive, rfm, abc }) => ({ id, clv, pAlive, rfm, abc })),
    );
    expect(out.result.rfmGrid.flat().reduce((a, b) => a + b, 0)).toBe(2357);
    expect(Object.values(out.result.groups).reduce((a, b) => a + b, 0)).toBe(2357);
    expect(out.result.atRisk.length).toBeLessThanOrEqual(20);
    expect(out.result.top20).toBeGreaterThan(out.result.top10);
    expect(out.result.calibrationEnd).toBe('1998-06-30');
    // Stages in order, the fraction never goes back, and it ends at 1.
    const order = ['parse', 'summarize', 'bgnbd', 'gammagamma', 'score'];
    const seen = stages.map((s) => s.stage).filter((s, k, all) => k === 0 || all[k - 1] !== s);
    expect(seen).toEqual(order);
    for (let k = 1; k < stages.length; k++) expect(stages[k].fraction).toBeGreaterThanOrEqual(stages[k - 1].fraction);
    expect(stages[stages.length - 1].fraction).toBe(1);
  });

  it('respects a calibration end and other column names', () => {
    const renamed = cdnowCsv.replace('customer_id,date,amount', '客户编号,交易日期,消费金额').replace(/\n/g, '\r\n');
    const out = runLab(renamed, { ...opts, columns: detectColumns(readHeader(renamed))!, calibrationEnd: '19970930' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.calibrationEnd).toBe('1997-09-30');
    expect(out.result.model.bgnbd.r).toBeCloseTo(0.243, 2);
    expect(out.result.model.bgnbd.alpha).toBeCloseTo(4.414, 1);
  });

  it('locates every bad row (at most ten kept) and counts them all', () => {
    const lines = ['customer_id,date,amount', '1,2020-01-01,5', '2,2020-13-01,5', ',2020-01-02,5', '3,2020-01-03,abc', '4,2020-01-04', ...Array.from({ length: 12 }, (_, k) => `x${k},bad,1`)];
    const out = runLab(lines.join('\n'), opts);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errorCount).toBe(16);
    expect(out.errors.length).toBe(10);
    expect(out.errors.slice(0, 4).map((e) => [e.code, e.line, e.column])).toEqual([
      ['bad-date', 3, 'date'],
      ['empty-id', 4, 'customer_id'],
      ['bad-amount', 5, 'amount'],
      ['field-count', 6, 1],
    ]);
    expect(out.errors[0].message).toBe('expected a date YYYY-MM-DD or YYYYMMDD, found "2020-13-01"');
  });

  it('reports missing columns, empty files, quoting errors, no rows and bad options', () => {
    const miss = runLab('id,day,value\n1,2020-01-01,3\n', opts);
    expect(!miss.ok && miss.errors[0]).toMatchObject({ code: 'missing-columns', line: 1, expected: '"customer_id", "date", "amount"' });
    expect(!runLab('', opts).ok && (runLab('', opts) as { errors: { code: string }[] }).errors[0].code).toBe('empty-file');
    const q = runLab('customer_id,date,amount\n1,2020-01-01,"3\n', opts);
    expect(!q.ok && q.errors[0]).toMatchObject({ code: 'syntax', line: 2, column: 14 });
    const none = runLab('customer_id,date,amount\n', opts);
    expect(!none.ok && none.errors[0].code).toBe('no-rows');
    const bad = runLab('customer_id,date,amount\n1,2020-01-01,3\n', { ...opts, calibrationEnd: '2020-02-30' });
    expect(!bad.ok && bad.errors[0].code).toBe('bad-option');
    const early = runLab('customer_id,date,amount\n1,2020-01-01,3\n', { ...opts, calibrationEnd: '2019-01-01' });
    expect(!early.ok && early.errors[0].code).toBe('no-calibration');
  });

  it('finds line numbers across chunk boundaries and quoted line breaks', () => {
    const rows = ['customer_id,date,amount,note'];
    for (let k = 0; k < 60000; k++) rows.push(`c${k % 5000},2020-01-${String(1 + (k % 28)).padStart(2, '0')},${(k % 97) + 1},"a note, with ""quotes""\nand a second line"`);
    rows.push('zz,2020-01-01,oops,x');
    const out = runLab(rows.join('\n'), opts);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toEqual([expect.objectContaining({ code: 'bad-amount', line: 1 + 2 * 60000 + 1, column: 'amount' })]);
  });
});

describe('CLV in the Lab is discounted margin', () => {
  it('scales with the margin, falls with the discount rate and states its settings', () => {
    const base = runLab(cdnowCsv, opts);
    const spend = runLab(cdnowCsv, { ...opts, margin: 1 });
    const flat = runLab(cdnowCsv, { ...opts, discountAnnual: 0, clvMonths: 24 });
    if (!base.ok || !spend.ok || !flat.ok) throw new Error('expected results');
    expect(base.result.options.clv).toMatchObject({ horizonMonths: 12, margin: 0.3, discountAnnual: 0.1 });
    expect(base.result.totalClv).toBeCloseTo(0.3 * spend.result.totalClv, 6);
    expect(flat.result.options.clv).toMatchObject({ horizonMonths: 24, discountAnnual: 0, discountMonthly: 0 });
    expect(flat.result.totalClv).toBeGreaterThan(base.result.totalClv);
  });

  it('refuses a margin outside 0–100 %, a rate ≤ −100 % and fractional months, naming the option', () => {
    const bad = [
      [{ ...opts, margin: 1.2 }, 'margin'],
      [{ ...opts, margin: NaN }, 'margin'],
      [{ ...opts, discountAnnual: -1 }, 'discount-annual'],
      [{ ...opts, clvMonths: 1.5 }, 'clv-months'],
    ] as const;
    for (const [o, column] of bad) {
      const out = runLab('customer_id,date,amount\n1,2020-01-01,3\n', o);
      expect(!out.ok && out.errors[0]).toMatchObject({ code: 'bad-option', column });
    }
  });
});

describe('RFM in the Lab', () => {
  const out = runLab(cdnowCsv, opts);
  if (!out.ok) throw new Error('expected a result');
  const r = out.result;

  it('gives customers with equal purchase-days equal F and equal weeks since the last purchase equal R', () => {
    const f = new Map<number, Set<number>>();
    const rr = new Map<number, Set<number>>();
    for (const c of r.customers) {
      f.set(c.purchaseDays, (f.get(c.purchaseDays) ?? new Set()).add(c.rfm.f));
      const gap = Math.round(7 * (c.T - c.recency));
      rr.set(gap, (rr.get(gap) ?? new Set()).add(c.rfm.r));
    }
    for (const [days, scores] of f) expect(scores.size, `${days} purchase-days`).toBe(1);
    for (const [gap, scores] of rr) expect(scores.size, `${gap} days since the last purchase`).toBe(1);
    // CDNOW: over half bought only once, and they all score F = 1.
    expect(r.customers.filter((c) => c.purchaseDays === 1).every((c) => c.rfm.f === 1)).toBe(true);
  });

  it('states the quintile cut-offs, which score exactly as the quintiles do', () => {
    expect(r.rfmCuts).toBeNull();
    expect(r.rfmQuintiles.r).toHaveLength(4);
    const same = rescoreRfm(r, r.rfmQuintiles);
    expect(same.customers.map((c) => c.rfm)).toEqual(r.customers.map((c) => c.rfm));
    expect(same.groups).toEqual(r.groups);
  });

  it('scores with a class\'s own cut-offs: groups, 重要 counts and the grid follow, the rest stays', () => {
    const own = { r: [26, 13, 8, 4], f: [2, 3, 5, 8], m: [20, 50, 100, 200] };
    const mine = rescoreRfm(r, own);
    expect(mine.rfmCuts).toEqual(own);
    const c = mine.customers.find((x) => x.purchaseDays === 4)!;
    expect(c.rfm.f).toBe(3);
    for (const x of mine.customers) {
      // Whole days, as the scoring reads them (T − t_x can be 8.000000000000002 weeks).
      const gap = Math.round(7 * (x.T - x.recency)) / 7;
      const expectR = gap <= 4 ? 5 : gap <= 8 ? 4 : gap <= 13 ? 3 : gap <= 26 ? 2 : 1;
      expect(x.rfm.r).toBe(expectR);
      expect(x.importance).toBe(x.rfm.m >= 3 ? 'important' : 'general');
    }
    expect(mine.rfmGrid.flat().reduce((a, b) => a + b, 0)).toBe(r.customers.length);
    expect(Object.values(mine.groups).reduce((a, b) => a + b, 0)).toBe(r.customers.length);
    for (const g of ['high-value', 'developing', 'keep', 'win-back'] as const) {
      expect(mine.important[g]).toBe(mine.customers.filter((x) => x.group === g && x.importance === 'important').length);
    }
    expect(mine.customers.map((x) => x.clv)).toEqual(r.customers.map((x) => x.clv));
    expect(mine.model).toBe(r.model);
    // And back to quintiles.
    expect(rescoreRfm(mine, null).customers.map((x) => x.rfm)).toEqual(r.customers.map((x) => x.rfm));
    expect(() => rescoreRfm(r, { ...own, f: [2, 5, 3, 8] })).toThrow(RangeError);
  });
});

describe('NPS from a survey file', () => {
  it('counts promoters, passives and detractors and NPS = % promoters − % detractors', () => {
    const csv = 'name,推荐意愿\na,10\nb,9\nc,8\nd,7\ne,6\nf,0\ng, 9 \nh,\ni,10分\n';
    expect(detectSurveyColumn(surveyPreview(csv).header, surveyPreview(csv).rows)).toBe('推荐意愿');
    const out = runSurvey(csv, '推荐意愿');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result).toMatchObject({ column: '推荐意愿', rows: 9, blanks: 1, respondents: 8, promoters: 4, passives: 2, detractors: 2 });
    expect(out.result.nps).toBeCloseTo(25, 12);
    expect(out.result.histogram).toEqual([1, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
  });

  it('finds the answers column by its name, else by its cells', () => {
    expect(detectSurveyColumn(['student', 'NPS score'])).toBe('NPS score');
    expect(detectSurveyColumn(['Q1', 'Q2'], [['yes', '7'], ['no', '10']])).toBe('Q2');
    expect(detectSurveyColumn(['a', 'b'], [['x', 'y']])).toBe('a');
    expect(readAnswer('7')).toBe(7);
    expect(readAnswer(' 10 ')).toBe(10);
    expect(readAnswer('9 分')).toBe(9);
    expect(readAnswer('11')).toBeNull();
    expect(readAnswer('7.5')).toBeNull();
    expect(readAnswer('-1')).toBeNull();
    expect(readAnswer('seven')).toBeNull();
  });

  it('names the line and column of every bad cell', () => {
    const out = runSurvey('student,score\ns1,9\ns2,11\ns3,7\ns4,n/a\ns5,6.5\n', 'score');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errorCount).toBe(3);
    expect(out.errors.map((e) => [e.code, e.line, e.column, e.found])).toEqual([
      ['bad-answer', 3, 'score', '11'],
      ['bad-answer', 5, 'score', 'n/a'],
      ['bad-answer', 6, 'score', '6.5'],
    ]);
    expect(out.errors[0].message).toBe('expected a whole number from 0 to 10, found "11"');
    const missing = runSurvey('a,b\n1,2\n', 'score');
    expect(!missing.ok && missing.errors[0]).toMatchObject({ code: 'missing-columns', line: 1 });
    const none = runSurvey('a,score\nx,\n', 'score');
    expect(!none.ok && none.errors[0]).toMatchObject({ code: 'no-answers', column: 'score' });
    expect(!runSurvey('', 'score').ok).toBe(true);
    const quote = runSurvey('a,score\n"x,9\n', 'score');
    expect(!quote.ok && quote.errors[0].code).toBe('syntax');
  });
});

describe('exports and tables', () => {
  it('writes one row per customer under the header, with a BOM', () => {
    const out = runLab(cdnowCsv, opts);
    if (!out.ok) throw new Error('expected a result');
    const rows = resultRows(out.result);
    expect(rows[0]).toEqual([...EXPORT_HEADER]);
    expect(rows.length).toBe(2358);
    expect(rows[1][0]).toBe(out.result.customers[0].id);
    const csv = writeCsv(rows);
    expect(csv.startsWith('\uFEFFcustomer_id,frequency,recency,T,monetary')).toBe(true);
    // Every row states how its CLV was computed, and the 重要 / 一般 split.
    const head = rows[0] as string[];
    expect(head.slice(-3)).toEqual(['clv_margin', 'clv_months', 'clv_discount_annual']);
    expect(rows[1].slice(-3)).toEqual([0.3, 12, 0.1]);
    expect(['important', 'general']).toContain(rows[1][head.indexOf('rfm_importance')]);
    expect(parseCsv(csv).rows.length).toBe(2358);
    const byClv = sortCustomers(out.result.customers, 'clv', true);
    expect(out.result.customers[byClv[0]].clv).toBe(Math.max(...out.result.customers.map((c) => c.clv)));
    const byId = sortCustomers(out.result.customers, 'id', false);
    expect(out.result.customers[byId[0]].id).toBe([...out.result.customers.map((c) => c.id)].sort()[0]);
  });

  it('bins CLV from zero with a round width and an open bin for the long tail', () => {
    const values = [...Array.from({ length: 96 }, (_, k) => k), 900, 1000, 2000, 5000];
    const bins = clvBins(values);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 10 });
    expect(bins[bins.length - 1]).toEqual({ from: 100, to: 5000, count: 4, open: true });
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(100);
    expect(clvBins([0, 5, 12, 99, 100]).reduce((a, b) => a + b.count, 0)).toBe(5);
    expect(clvBins([])).toEqual([{ from: 0, to: 1, count: 0 }]);
  });
});
