// Runs the analyze command as a user would (tsx on src/cli/analyze.ts) and checks its output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { analyzeTransactions, formatDay, parseDay, type Transaction } from '../../src/analytics/index';
import { CDNOW_RAW } from '../analytics/cdnow';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'analyze-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The tsx binary directly (what `npx tsx` resolves to), so npm's own notices cannot mix into stderr.
function analyze(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  const r = spawnSync(tsx, [join(root, 'src', 'cli', 'analyze.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

// 40 customers with varied, deterministic histories over 2023; some rows share a day.
function smallStore(): Transaction[] {
  const start = parseDay('2023-01-02')!;
  const tx: Transaction[] = [];
  for (let c = 0; c < 40; c++) {
    const first = start + ((c * 7) % 60);
    const gap = 5 + ((c * 13) % 40);
    const count = c % 5 === 0 ? 1 : 1 + ((c * 3) % 9);
    for (let k = 0; k < count; k++) {
      const day = first + k * gap;
      const amount = 20 + ((c * 17 + k * 11) % 50) + 0.5;
      tx.push({ customerId: `C${String(c).padStart(3, '0')}`, day, amount });
      if (k === 1 && c % 3 === 0) tx.push({ customerId: `C${String(c).padStart(3, '0')}`, day, amount: 4.25 });
    }
  }
  return tx;
}

function toCsv(tx: Transaction[], compactDates = false): string {
  const rows = tx.map((t) => `${t.customerId},${compactDates ? formatDay(t.day).replace(/-/g, '') : formatDay(t.day)},${t.amount}`);
  return ['customer_id,date,amount', ...rows].join('\r\n') + '\r\n';
}

describe('analyze CLI', () => {
  const tx = smallStore();
  const file = write('store.csv', '\uFEFF' + toCsv(tx));

  it('prints exactly the JSON of analyzeTransactions with --json', () => {
    const r = analyze(['--transactions', file, '--calibration-end', '2023-09-30', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['model', 'clv', 'customers']);
    // CLV is stated with its settings: 30 % margin, 12 months, 10 % a year by default.
    expect(Object.keys(out.clv)).toEqual(['horizonMonths', 'margin', 'discountAnnual', 'discountMonthly']);
    expect(out.clv).toMatchObject({ horizonMonths: 12, margin: 0.3, discountAnnual: 0.1 });
    expect(out.clv.discountMonthly).toBeCloseTo(Math.pow(1.1, 1 / 12) - 1, 15);
    expect(Object.keys(out.model.bgnbd)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(Object.keys(out.model.gammaGamma)).toEqual(['p', 'q', 'gamma']);
    expect(Object.keys(out.customers[0])).toEqual(['id', 'frequency', 'recency', 'T', 'monetary', 'pAlive', 'expectedPurchases', 'clv', 'rfm', 'abc']);
    expect(Object.keys(out.customers[0].rfm)).toEqual(['r', 'f', 'm', 'segment']);
    expect(out.customers).toHaveLength(40);
    const expected = analyzeTransactions(tx, { calibrationEnd: parseDay('2023-09-30')!, horizonWeeks: 39 });
    expect(out).toEqual(JSON.parse(JSON.stringify(expected)));
    // Equal purchase counts get equal F scores, and equal weeks since the last purchase equal R scores.
    type C = { frequency: number; recency: number; T: number; rfm: { r: number; f: number } };
    const cs = out.customers as C[];
    const gapDays = (c: C) => Math.round(7 * (c.T - c.recency));
    let pairs = 0;
    for (const a of cs) {
      for (const b of cs) {
        if (a.frequency === b.frequency) expect(a.rfm.f).toBe(b.rfm.f);
        if (gapDays(a) === gapDays(b)) expect(a.rfm.r).toBe(b.rfm.r);
        if (a !== b && a.frequency === b.frequency) pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('values margin, not spend: --margin scales CLV, --discount-annual discounts it, both stated', () => {
    const base = JSON.parse(analyze(['--transactions', file, '--json']).stdout);
    const spend = JSON.parse(analyze(['--transactions', file, '--json', '--margin', '1']).stdout);
    const flat = JSON.parse(analyze(['--transactions', file, '--json', '--margin=0.3', '--discount-annual', '0']).stdout);
    expect(spend.clv).toMatchObject({ margin: 1, discountAnnual: 0.1 });
    expect(flat.clv).toMatchObject({ margin: 0.3, discountAnnual: 0, discountMonthly: 0 });
    const i = base.customers.findIndex((c: { frequency: number }) => c.frequency > 2);
    expect(base.customers[i].clv).toBeGreaterThan(0);
    expect(spend.customers[i].clv).toBeCloseTo(base.customers[i].clv / 0.3, 8);
    expect(flat.customers[i].clv).toBeGreaterThan(base.customers[i].clv);
    const annual = JSON.parse(analyze(['--transactions', file, '--json', '--discount-annual', '0.2', '--margin', '0.45', '--clv-months', '24']).stdout);
    expect(annual).toEqual(JSON.parse(JSON.stringify(analyzeTransactions(tx, { discountAnnual: 0.2, margin: 0.45, clvMonths: 24 }))));
    const text = analyze(['--transactions', file, '--top', '3', '--margin', '0.45']).stdout;
    expect(text).toMatch(/^top 3 customers by CLV \(present value of margin: 45% of spend, next 12 months, discounted 10% a year = 0\.8% a month\)/m);
  });

  it('--help states the defaults of the CLV settings', () => {
    const r = analyze(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--margin M\s+share of spend that is margin, 0-1 \(default 0\.3\)/);
    expect(r.stdout).toMatch(/--discount-annual D\s+yearly discount rate for CLV \(default 0\.1/);
    expect(r.stdout).toMatch(/--clv-months N\s+CLV horizon in months \(default 12\)/);
  });

  it('passes the horizon and discount options through', () => {
    const base = JSON.parse(analyze(['--transactions', file, '--json']).stdout);
    const other = JSON.parse(analyze(['--transactions', file, '--json', '--horizon-weeks', '10', '--discount-monthly', '0.05']).stdout);
    const i = base.customers.findIndex((c: { frequency: number }) => c.frequency > 2);
    expect(other.customers[i].expectedPurchases).toBeLessThan(base.customers[i].expectedPurchases);
    expect(other.customers[i].clv).toBeLessThan(base.customers[i].clv);
    expect(other.model).toEqual(base.model);
  });

  it('reads other column names and YYYYMMDD dates', () => {
    const renamed = write('renamed.csv', toCsv(tx, true).replace('customer_id,date,amount', 'member,day,yuan'));
    const r = analyze(['--transactions', renamed, '--id-col', 'member', '--date-col', 'day', '--amount-col', 'yuan', '--json']);
    expect(r.code).toBe(0);
    const plain = JSON.parse(analyze(['--transactions', file, '--json']).stdout);
    expect(JSON.parse(r.stdout)).toEqual(plain);
  });

  it('prints a readable table without --json', () => {
    const r = analyze(['--transactions', file, '--top', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^BG\/NBD\s+r=\d/m);
    expect(r.stdout).toMatch(/^Gamma-Gamma\s+p=\d/m);
    expect(r.stdout).toMatch(/^RFM segments: champions \d+/m);
    expect(r.stdout).toMatch(/^top 5 customers by CLV/m);
    expect(r.stdout).toMatch(/^customer\s+x\s+t_x\s+T\s+monetary\s+P\(alive\)/m);
  });
});

describe('analyze CLI on bad input', () => {
  const cases: [string, string, string[], string][] = [
    ['bad amount', 'customer_id,date,amount\na,2023-01-01,3\nb,2023-01-05,abc\n', [], ':3: column "amount": expected a number, found "abc"'],
    ['bad date', 'customer_id,date,amount\na,2023-02-30,3\n', [], ':2: column "date": expected a date YYYY-MM-DD or YYYYMMDD, found "2023-02-30"'],
    ['missing column', 'customer_id,amount\na,3\n', [], ':1 column 1: expected column "date" in the header, found "customer_id", "amount"'],
    ['ragged row', 'customer_id,date,amount\na,2023-01-01\n', [], ':2 column 1: expected 3 fields, found 2'],
    ['open quote', 'customer_id,date,amount\n"a,2023-01-01,3\n', [], ':2 column 1: quoted field is never closed'],
  ];
  for (const [name, text, extra, suffix] of cases) {
    it(`${name}: one line naming the file and line, exit code 2`, () => {
      const file = write(`${name.replace(/ /g, '-')}.csv`, text);
      const r = analyze(['--transactions', file, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: ${file}${suffix}\n`);
    });
  }

  it('bad options and missing files are one line with exit code 2', () => {
    const csv = join(dir, 'x.csv');
    for (const args of [
      ['--transactions', join(dir, 'none.csv')],
      ['--bogus'],
      ['--transactions', csv, '--horizon-weeks', 'many'],
      ['--transactions', csv, '--margin', '1.5'],
      ['--transactions', csv, '--discount-annual', '-2'],
      ['--transactions', csv, '--discount-annual', '0.1', '--discount-monthly', '0.01'],
      [],
    ]) {
      const r = analyze(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
    }
  });
});

describe('analyze CLI on the CDNOW sample', () => {
  it('reproduces the published BG/NBD and Gamma-Gamma parameters from the raw transactions', () => {
    const lines = readFileSync(CDNOW_RAW, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const csv = ['customer_id,date,amount', ...lines.map((l) => {
      const [, id, date, , dollars] = l.trim().split(/\s+/);
      return `${Number(id)},${date},${dollars}`;
    })].join('\n');
    const file = write('cdnow.csv', csv + '\n');
    const r = analyze(['--transactions', file, '--calibration-end', '1997-09-30', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const sig3 = (v: number) => Number(v.toPrecision(3));
    const { bgnbd, gammaGamma } = out.model;
    expect([bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b].map(sig3)).toEqual([0.243, 4.41, 0.793, 2.43]);
    expect([gammaGamma.p, gammaGamma.q, gammaGamma.gamma].map(sig3)).toEqual([6.25, 3.74, 15.4]);
    expect(out.customers).toHaveLength(2357);
    const c1 = out.customers.find((c: { id: string }) => c.id === '1');
    expect(c1.frequency).toBe(2);
    expect(c1.expectedPurchases).toBeCloseTo(1.226, 3);
  });
});
