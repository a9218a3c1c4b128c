// npm run bench:analytics [-- --customers N]
// Generates N synthetic customers (default 100,000) from the BG/NBD + Gamma-Gamma processes with a fixed seed,
// fits both models and scores everyone. The last line is JSON: {"customers","fitSeconds","scoreSeconds","totalSeconds"}.
import { performance } from 'node:perf_hooks';
import { fitModels, scoreCustomers, summarize, churnWarnings, type Transaction } from '../analytics/index';
import { fail, runCli } from './fail';

const TRUE = { r: 0.6, alpha: 4, a: 0.8, b: 2.5, p: 6, q: 3.5, gamma: 15 };
const CALIBRATION_DAYS = 364;
const HOLDOUT_DAYS = 182;

// Small, fast, seedable generator (mulberry32); a bench only needs reproducible, decent-quality uniforms.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967297; // in (0, 1)
  };
}

function gammaVariate(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(u, shape + 1, rate) * Math.pow(u(), 1 / shape);
  // Marsaglia & Tsang (2000).
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const n = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const v = Math.pow(1 + c * n, 3);
    if (v <= 0) continue;
    const x = u();
    if (Math.log(x) < 0.5 * n * n + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

function generate(customers: number): Transaction[] {
  const u = rng(20240601);
  const tx: Transaction[] = [];
  const end = CALIBRATION_DAYS + HOLDOUT_DAYS;
  for (let c = 0; c < customers; c++) {
    const id = `c${c}`;
    const lambda = gammaVariate(u, TRUE.r, TRUE.alpha); // purchases per week while alive
    const g1 = gammaVariate(u, TRUE.a, 1);
    const dropout = g1 / (g1 + gammaVariate(u, TRUE.b, 1));
    const nu = gammaVariate(u, TRUE.q, TRUE.gamma);
    // Continuous time in weeks, recorded as whole days; purchases that land on one day merge into one purchase-day.
    const birth = Math.floor(u() * 91); // first purchase within the first quarter
    let weeks = 0;
    for (let k = 0; k < 400; k++) {
      const day = birth + Math.round(weeks * 7);
      if (day > end) break;
      tx.push({ customerId: id, day, amount: Math.round(gammaVariate(u, TRUE.p, nu) * 100) / 100 });
      // BG/NBD: a customer may drop out after each repeat purchase (not after the first one).
      if (k > 0 && u() < dropout) break;
      weeks += -Math.log(u()) / lambda;
    }
  }
  return tx;
}

function main(): void {
  const argv = process.argv.slice(2);
  let customers = 100_000;
  const i = argv.indexOf('--customers');
  if (i >= 0) {
    customers = Number(argv[i + 1]);
    if (!(Number.isInteger(customers) && customers > 10)) fail(`option --customers: expected a whole number > 10, found "${argv[i + 1]}"`);
  } else if (argv.length > 0) {
    fail(`unknown option "${argv[0]}"; usage: npm run bench:analytics [-- --customers N]`);
  }

  const t0 = performance.now();
  const transactions = generate(customers);
  const t1 = performance.now();
  const summaries = summarize(transactions, { calibrationEnd: CALIBRATION_DAYS });
  const models = fitModels(summaries);
  const t2 = performance.now();
  const scores = scoreCustomers(summaries, models);
  const warnings = churnWarnings(summaries.map((s, k) => ({ summary: s, pAlive: scores[k].pAlive, abc: scores[k].abc })));
  const t3 = performance.now();

  const { bgnbd: b, gammaGamma: g } = models;
  const f = (v: number) => v.toFixed(3);
  process.stdout.write(`generated ${transactions.length} transactions for ${customers} customers in ${((t1 - t0) / 1000).toFixed(2)} s\n`);
  process.stdout.write(`BG/NBD       r=${f(b.r)} alpha=${f(b.alpha)} a=${f(b.a)} b=${f(b.b)}   (true ${TRUE.r}, ${TRUE.alpha}, ${TRUE.a}, ${TRUE.b})\n`);
  process.stdout.write(`Gamma-Gamma  p=${f(g.p)} q=${f(g.q)} gamma=${f(g.gamma)}   (true ${TRUE.p}, ${TRUE.q}, ${TRUE.gamma})\n`);
  process.stdout.write(`scored ${scores.length} customers, ${warnings.length} on the churn watch list\n`);
  const seconds = (ms: number) => Math.round(ms) / 1000;
  process.stdout.write(
    JSON.stringify({ customers, fitSeconds: seconds(t2 - t1), scoreSeconds: seconds(t3 - t2), totalSeconds: seconds(t3 - t1) }) + '\n',
  );
}

runCli(main);
