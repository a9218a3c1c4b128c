import type { Customers } from './state';
import { CUSTOMER_FIELDS } from './state';

// The weekly pass visits the active customers in id order, roughly one in six ids, and each visit reads some
// thirty separate customer arrays: one cache line each, too many interleaved streams for the processor's
// prefetcher to follow, so nearly every first read of an array waits for memory. Reading one value per cache
// line of a short run of ids first, array after array, lets those loads overlap; the pass then finds the run's
// data in cache. Only reads: the outcome is the same with or without it (a tenth to a fifth faster at 100,000
// customers on the development machine).

/** Ids per run: the run's lines of every array (about 280 bytes per id) stay well inside a core's L2 cache. */
export const PREFETCH_RUN = 1024;

interface ByKind {
  f64: Float64Array[];
  i32: Int32Array[];
  u8: Uint8Array[];
}

/**
 * Read only when something happens (a churn, a complaint) or only for prospects, whose few arrays the pass reads
 * in plain sequence: not worth their share of the memory traffic.
 */
const COLD: ReadonlySet<keyof Customers> = new Set<keyof Customers>([
  'acqChannel',
  'acqThreshold',
  'acqExposure',
  'satBeforeFailure',
  'complaints',
  'churnReason',
  'churnWeek',
]);

let lastCustomers: Customers | null = null;
let lastKinds: ByKind = { f64: [], i32: [], u8: [] };

/** The customer arrays grouped by element type, so each read loop below sees one kind of array. */
function byKind(c: Customers): ByKind {
  if (c === lastCustomers) return lastKinds;
  const k: ByKind = { f64: [], i32: [], u8: [] };
  for (const name of CUSTOMER_FIELDS) {
    if (COLD.has(name)) continue;
    const a = c[name];
    if (a instanceof Float64Array) k.f64.push(a);
    else if (a instanceof Int32Array) k.i32.push(a);
    else k.u8.push(a);
  }
  lastCustomers = c;
  lastKinds = k;
  return k;
}

/** Where the values read are left, so an optimising engine cannot drop the reads as unused. */
export const prefetched = { sum: 0 };

/** Brings the cache lines of ids [from, to) of every customer array into cache. */
export function prefetch(c: Customers, from: number, to: number): void {
  const k = byKind(c);
  const last = to - 1;
  let sum = 0;
  // 64-byte lines: 8 doubles, 16 int32s, 64 bytes; the last id covers a line the stride may step over.
  for (const a of k.f64) {
    for (let i = from; i < to; i += 8) sum += a[i];
    sum += a[last];
  }
  for (const a of k.i32) {
    for (let i = from; i < to; i += 16) sum += a[i];
    sum += a[last];
  }
  for (const a of k.u8) {
    for (let i = from; i < to; i += 64) sum += a[i];
    sum += a[last];
  }
  prefetched.sum = sum;
}
