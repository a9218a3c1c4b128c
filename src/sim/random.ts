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

/** Standard normal by the polar method (only √ and ln, both deterministic here). */
export function normal(d: Dice): number {
  for (;;) {
    const u = 2 * d.next() - 1;
    const v = 2 * d.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * ln(s)) / s);
  }
}

/** Gamma(shape, rate) by Marsaglia–Tsang, boosted for shape < 1. */
export function gamma(d: Dice, shape: number, rate: number): number {
  if (shape < 1) return gamma(d, shape + 1, rate) * pow(d.next(), 1 / shape);
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
    if (u < 1 - 0.0331 * x * x * x * x) return (dd * v) / rate;
    if (ln(u) < 0.5 * x * x + dd * (1 - v + ln(v))) return (dd * v) / rate;
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
