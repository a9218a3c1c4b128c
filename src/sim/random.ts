import seedrandom from 'seedrandom';
import { ln, pow } from './detmath';

// Common random numbers. Every die the simulation rolls is addressed by (stream, customer, week, slot) and
// computed by a counter-based hash keyed by a per-stream key that seedrandom derives from the seed and the
// stream name. Consequences that matter for a class competition and for what-if forks:
// - two teams on one seed meet the same customers with the same dice, whatever either of them decides;
// - a system drawing one more number never shifts any other system's numbers;
// - there is no generator state to save: a snapshot is the customer arrays alone.

export const STREAMS = [
  'traits',
  'acquire',
  'buy',
  'spend',
  'experience',
  'complaint',
  'dropout',
  'competitor',
  'contact',
  'winback',
  'info',
  'survey',
  'life',
  'store',
] as const;
export type StreamName = (typeof STREAMS)[number];
export type StreamKeys = Record<StreamName, number>;

export function streamKeys(seed: string): StreamKeys {
  const keys = {} as StreamKeys;
  for (const name of STREAMS) keys[name] = seedrandom.alea(`${seed}|${name}`).int32() >>> 0;
  return keys;
}

/** 32-bit avalanche finaliser (MurmurHash3 fmix32). */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in (0, 1), never 0 or 1, for the die at (key, id, week, slot). */
export function uniform(key: number, id: number, week: number, slot: number): number {
  let h = fmix(key ^ Math.imul(id + 0x9e3779b9, 0x27d4eb2d));
  h = fmix(h ^ Math.imul(week + 0x165667b1, 0x85ebca77));
  h = fmix(h ^ Math.imul(slot + 0x61c88647, 0xc2b2ae3d));
  return (h + 0.5) / 4294967296;
}

/** A small sequential generator over one die address, for samplers that need several uniforms. */
export class Dice {
  private base = 0;
  private n = 0;
  constructor(key: number, id: number, week: number, slot: number) {
    this.at(key, id, week, slot);
  }
  /** Re-addresses this generator, so hot paths can reuse one object instead of allocating. */
  at(key: number, id: number, week: number, slot: number): this {
    this.base = (uniform(key, id, week, slot) * 4294967296) >>> 0;
    this.n = 0;
    return this;
  }
  next(): number {
    const h = fmix(this.base ^ Math.imul(++this.n, 0x9e3779b1));
    return (h + 0.5) / 4294967296;
  }
}

/**
 * Standard normal by inversion: one uniform through the normal quantile function, computed with Wichura's
 * algorithm AS 241 (Applied Statistics 37(3), 1988: PPND16, about 16 correct digits). Inversion uses exactly one
 * uniform per deviate, never rejects, and needs ln and √ only in the tails (15% of draws), both deterministic here.
 */
export function normal(d: Dice): number {
  return normalQuantile(d.next());
}

// AS 241's coefficients, lowest power first: numerator and denominator of the rational approximations for the
// centre (|p − ½| ≤ 0.425), the shoulders and the far tails.
const CENTRE_NUM = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const CENTRE_DEN = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
];
const SHOULDER_NUM = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const SHOULDER_DEN = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const TAIL_NUM = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const TAIL_DEN = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Polynomial with coefficients `c` (lowest power first) at r, by Horner's rule. */
function poly(c: readonly number[], r: number): number {
  let y = c[7];
  for (let k = 6; k >= 0; k--) y = y * r + c[k];
  return y;
}

/** The standard normal quantile of p in (0, 1). */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (q <= 0.425 && q >= -0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(CENTRE_NUM, r)) / poly(CENTRE_DEN, r);
  }
  const r = Math.sqrt(-ln(q < 0 ? p : 1 - p));
  const x = r <= 5 ? poly(SHOULDER_NUM, r - 1.6) / poly(SHOULDER_DEN, r - 1.6) : poly(TAIL_NUM, r - 5) / poly(TAIL_DEN, r - 5);
  return q < 0 ? -x : x;
}

/** Gamma(shape, rate) by Marsaglia–Tsang, boosted for shape < 1. */
export function gamma(d: Dice, shape: number, rate: number): number {
  // The boost draws Gamma(shape + 1) first and then one more uniform: u^(1/shape) scales it down to Gamma(shape).
  const g = marsagliaTsang(d, shape < 1 ? shape + 1 : shape) / rate;
  return shape < 1 ? g * pow(d.next(), 1 / shape) : g;
}

/** Gamma(shape, 1) for shape ≥ 1 (Marsaglia & Tsang 2000). */
function marsagliaTsang(d: Dice, shape: number): number {
  const dd = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * dd);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(d);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = d.next();
    if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
    if (ln(u) < 0.5 * x * x + dd * (1 - v + ln(v))) return dd * v;
  }
}

export function beta(d: Dice, a: number, b: number): number {
  const x = gamma(d, a, 1);
  const y = gamma(d, b, 1);
  return x / (x + y);
}

/** Beta with the given mean and concentration (a + b). */
export function betaMean(d: Dice, mean: number, concentration: number): number {
  const m = mean < 0.01 ? 0.01 : mean > 0.99 ? 0.99 : mean;
  return beta(d, m * concentration, (1 - m) * concentration);
}
