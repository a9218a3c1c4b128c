// npm run analyze -- --transactions FILE.csv [--calibration-end YYYY-MM-DD] [--horizon-weeks N]
//   [--margin M] [--discount-annual D | --discount-monthly D] [--clv-months N] [--json] [--top N]
//   [--id-col NAME --date-col NAME --amount-col NAME]
// Reads a store's transactions (customer_id,date,amount), fits BG/NBD + Gamma-Gamma and scores every customer;
// CLV is the present value of the expected margin.
import { readFileSync } from 'node:fs';
import {
  analyzeTransactions,
  CLV_DEFAULTS,
  customerPyramid,
  formatCsvError,
  formatDay,
  parseDay,
  readCsvRecords,
  repeatPurchaseRate,
  rfmGroup,
  RFM_GROUPS,
  RFM_SEGMENTS,
  topShare,
  type AnalysisResult,
  type Transaction,
} from '../analytics/index';
import { fail, runCli } from './fail';

const USAGE =
  'usage: npm run analyze -- --transactions FILE.csv [--calibration-end YYYY-MM-DD] [--horizon-weeks N] ' +
  '[--margin M] [--discount-annual D | --discount-monthly D] [--clv-months N] [--json] [--top N] ' +
  '[--id-col NAME --date-col NAME --amount-col NAME]';

const HELP = [
  USAGE,
  '',
  '  --transactions FILE.csv   one row per purchase: customer id, date (YYYY-MM-DD or YYYYMMDD), amount',
  '  --calibration-end DATE    fit on purchases up to this day (default: the last date in the file)',
  '  --horizon-weeks N         weeks ahead for expected purchases (default 39)',
  `  --margin M                share of spend that is margin, 0-1 (default ${CLV_DEFAULTS.margin}); CLV is margin, not spend;`,
  '                            --margin 1 values spend as the lifetimes package does',
  `  --discount-annual D       yearly discount rate for CLV (default ${CLV_DEFAULTS.discountAnnual}, i.e. ${100 * CLV_DEFAULTS.discountAnnual}% a year)`,
  '  --discount-monthly D      a monthly rate instead of a yearly one (not both)',
  `  --clv-months N            CLV horizon in months (default ${CLV_DEFAULTS.horizonMonths})`,
  '  --json                    print {"model","clv","customers"} as JSON instead of the report',
  '  --top N                   customers listed in the report (default 20)',
  '  --id-col, --date-col, --amount-col NAME   other column names (default customer_id, date, amount)',
].join('\n');

interface Args {
  file: string;
  calibrationEnd?: number;
  horizonWeeks: number;
  margin: number;
  discountAnnual?: number;
  discountMonthly?: number;
  clvMonths: number;
  json: boolean;
  top: number;
  idCol: string;
  dateCol: string;
  amountCol: string;
}

function parseArgs(argv: string[]): Args | null {
  const valued = new Set([
    '--transactions',
    '--calibration-end',
    '--horizon-weeks',
    '--margin',
    '--discount-annual',
    '--discount-monthly',
    '--clv-months',
    '--top',
    '--id-col',
    '--date-col',
    '--amount-col',
  ]);
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--json') {
      json = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!valued.has(name)) fail(`unknown option "${arg}"; ${USAGE}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) fail(`option ${name} expects a value`);
    values.set(name, value);
  }
  const file = values.get('--transactions');
  if (!file) fail(`missing --transactions FILE.csv; ${USAGE}`);
  if (values.has('--discount-annual') && values.has('--discount-monthly')) {
    fail('options --discount-annual and --discount-monthly: expected one of them, found both');
  }
  function number(name: string, fallback: number, check: (v: number) => boolean, what: string): number;
  function number(name: string, fallback: undefined, check: (v: number) => boolean, what: string): number | undefined;
  function number(name: string, fallback: number | undefined, check: (v: number) => boolean, what: string): number | undefined {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const v = Number(text);
    if (text.trim() === '' || !check(v)) fail(`option ${name}: expected ${what}, found "${text}"`);
    return v;
  }
  let calibrationEnd: number | undefined;
  const endText = values.get('--calibration-end');
  if (endText !== undefined) {
    const d = parseDay(endText);
    if (d === null) fail(`option --calibration-end: expected a date YYYY-MM-DD or YYYYMMDD, found "${endText}"`);
    calibrationEnd = d;
  }
  return {
    file,
    calibrationEnd,
    horizonWeeks: number('--horizon-weeks', 39, (v) => Number.isFinite(v) && v >= 0, 'a number of weeks ≥ 0'),
    margin: number('--margin', CLV_DEFAULTS.margin, (v) => v >= 0 && v <= 1, 'a share of spend from 0 to 1 such as 0.3'),
    discountAnnual: number('--discount-annual', undefined, (v) => Number.isFinite(v) && v > -1, 'a yearly rate > −1 such as 0.1'),
    discountMonthly: number('--discount-monthly', undefined, (v) => Number.isFinite(v) && v > -1, 'a monthly rate > −1 such as 0.01'),
    clvMonths: number('--clv-months', CLV_DEFAULTS.horizonMonths, (v) => Number.isInteger(v) && v >= 0, 'a whole number of months'),
    top: number('--top', 20, (v) => Number.isInteger(v) && v >= 0, 'a whole number'),
    json,
    idCol: values.get('--id-col') ?? 'customer_id',
    dateCol: values.get('--date-col') ?? 'date',
    amountCol: values.get('--amount-col') ?? 'amount',
  };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function readTransactions(args: Args): Transaction[] {
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    fail(`${args.file}: cannot read the file (${code})`);
  }
  const { records, errors } = readCsvRecords(text, [args.idCol, args.dateCol, args.amountCol]);
  if (errors.length > 0) fail(formatCsvError(args.file, errors[0]));
  const bad = (line: number, column: string, message: string) => fail(formatCsvError(args.file, { line, column, message }));
  const out: Transaction[] = [];
  for (const { line, values } of records) {
    const id = values[args.idCol].trim();
    if (id === '') bad(line, args.idCol, 'expected a customer id, found an empty value');
    const dateText = values[args.dateCol];
    const day = parseDay(dateText);
    if (day === null) bad(line, args.dateCol, `expected a date YYYY-MM-DD or YYYYMMDD, found "${dateText}"`);
    const amountText = values[args.amountCol].trim();
    if (!NUMBER.test(amountText)) bad(line, args.amountCol, `expected a number, found "${values[args.amountCol]}"`);
    out.push({ customerId: id, day: day!, amount: Number(amountText) });
  }
  if (out.length === 0) fail(`${args.file}: expected transactions after the header, found none`);
  return out;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const transactions = readTransactions(args);
  if (args.calibrationEnd !== undefined && !transactions.some((t) => t.day <= args.calibrationEnd!)) {
    fail(`${args.file}: no purchases on or before the calibration end ${formatDay(args.calibrationEnd)}`);
  }
  let result: AnalysisResult;
  try {
    result = analyzeTransactions(transactions, {
      calibrationEnd: args.calibrationEnd,
      horizonWeeks: args.horizonWeeks,
      margin: args.margin,
      discountAnnual: args.discountAnnual,
      discountMonthly: args.discountMonthly,
      clvMonths: args.clvMonths,
    });
  } catch (err) {
    if (err instanceof RangeError) fail(`${args.file}: cannot fit the models: ${err.message}`);
    throw err;
  }
  process.stdout.write(args.json ? JSON.stringify(result) + '\n' : report(result, args, transactions));
  return 0;
}

function report(result: AnalysisResult, args: Args, transactions: Transaction[]): string {
  const { bgnbd, gammaGamma } = result.model;
  const cs = result.customers;
  let end = -Infinity;
  for (const t of transactions) if (t.day > end) end = t.day;
  const lines: string[] = [];
  const f = (v: number, d: number) => v.toFixed(d);
  lines.push(`${args.file}: ${transactions.length} rows, ${cs.length} customers, calibration end ${formatDay(args.calibrationEnd ?? end)}`);
  lines.push(`BG/NBD       r=${f(bgnbd.r, 4)}  alpha=${f(bgnbd.alpha, 4)}  a=${f(bgnbd.a, 4)}  b=${f(bgnbd.b, 4)}`);
  lines.push(`Gamma-Gamma  p=${f(gammaGamma.p, 4)}  q=${f(gammaGamma.q, 4)}  gamma=${f(gammaGamma.gamma, 4)}`);
  lines.push(`repeat-purchase rate ${f(100 * repeatPurchaseRate(cs), 1)}%`);
  const revenue = totalSpendById(transactions, args.calibrationEnd ?? end, cs.map((c) => c.id));
  const pyramid = customerPyramid(revenue, cs.map((c) => c.abc));
  lines.push(
    'ABC pyramid  ' + pyramid.map((p) => `${p.abc}: ${p.customers} customers, ${f(100 * p.revenueShare, 1)}% of revenue`).join(' | '),
  );
  lines.push(`top 10% of customers bring ${f(100 * topShare(revenue, 0.1), 1)}% of revenue, top 20% bring ${f(100 * topShare(revenue, 0.2), 1)}%`);
  lines.push('');
  lines.push('RFM segments: ' + RFM_SEGMENTS.map((s) => `${s} ${cs.filter((c) => c.rfm.segment === s).length}`).join(', '));
  lines.push('RFM groups:   ' + RFM_GROUPS.map((g) => `${g} ${cs.filter((c) => rfmGroup(c.rfm) === g).length}`).join(', '));
  lines.push('');
  const top = [...cs.keys()].sort((i, j) => cs[j].clv - cs[i].clv || i - j).slice(0, args.top);
  const clv = result.clv;
  const pct = (v: number) => `${Number((100 * v).toFixed(2))}%`;
  lines.push(
    `top ${top.length} customers by CLV (present value of margin: ${pct(clv.margin)} of spend, next ${clv.horizonMonths} months, ` +
      `discounted ${pct(clv.discountAnnual)} a year = ${pct(clv.discountMonthly)} a month); expected purchases over ${args.horizonWeeks} weeks`,
  );
  const header = ['customer', 'x', 't_x', 'T', 'monetary', 'P(alive)', 'E[purch]', 'CLV', 'RFM', 'segment', 'ABC'];
  const rows = top.map((i) => {
    const c = cs[i];
    return [c.id, String(c.frequency), f(c.recency, 2), f(c.T, 2), f(c.monetary, 2), f(c.pAlive, 3), f(c.expectedPurchases, 2), f(c.clv, 2), `${c.rfm.r}${c.rfm.f}${c.rfm.m}`, c.rfm.segment, c.abc];
  });
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
  const fmt = (r: string[]) => r.map((v, k) => (k === 0 || k >= 9 ? v.padEnd(widths[k]) : v.padStart(widths[k]))).join('  ').trimEnd();
  lines.push(fmt(header));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) lines.push(fmt(r));
  return lines.join('\n') + '\n';
}

function totalSpendById(transactions: Transaction[], end: number, ids: string[]): number[] {
  const spend = new Map<string, number>();
  for (const t of transactions) if (t.day <= end) spend.set(t.customerId, (spend.get(t.customerId) ?? 0) + t.amount);
  return ids.map((id) => spend.get(id) ?? 0);
}

runCli(main);
