import type { Customers } from './state';
import { CUSTOMER_FIELDS } from './state';
import { Stage } from './types';
import { DOUBLE_ZERO } from './hot-loop';

// The weekly pass visits the active customers in id order, and each visit reads some thirty separate customer
// arrays: one cache line each, too many interleaved streams for the processor's prefetcher to follow, so nearly
// every first read of an array waits for memory. Reading one value per cache line of a short run of ids first,
// array after array, lets those loads overlap; the pass then finds the run's data in cache. Only the groups of
// ids that hold an active customer are read: ids follow arrival order (population.ts), so the store's customers
// sit in a band and most groups outside it hold only prospects or the churned, whose few arrays the pass reads
// in plain sequence. Only reads: the outcome is the same with or without it.

/** Ids per run: the run's lines of every array (about 280 bytes per id) stay well inside a core's L2 cache. */
export const PREFETCH_RUN = 1024;

interface ByKind {
  f64: Float64Array[];
  i32: Int32Array[];
  u16: Uint16Array[];
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
  'complaintSevere',
  'complaintKind',
  'complaints',
  'churnReason',
  'churnWeek',
  'churnCause',
  'churnStanding',
]);

let lastCustomers: Customers | null = null;
let lastKinds: ByKind = { f64: [], i32: [], u16: [], u8: [] };

/** The customer arrays grouped by element type, so each read loop below sees one kind of array. */
function byKind(c: Customers): ByKind {
  if (c === lastCustomers) return lastKinds;
  const k: ByKind = { f64: [], i32: [], u16: [], u8: [] };
  for (const name of CUSTOMER_FIELDS) {
    if (COLD.has(name)) continue;
    const a = c[name];
    if (a instanceof Float64Array) k.f64.push(a);
    else if (a instanceof Int32Array) k.i32.push(a);
    else if (a instanceof Uint16Array) k.u16.push(a);
    else k.u8.push(a);
  }
  lastCustomers = c;
  lastKinds = k;
  return k;
}

/** Where the values read are left, so an optimising engine cannot drop the reads as unused. */
export const prefetched = { sum: DOUBLE_ZERO };

/** Ids per group: one cache line of a byte array. */
const GROUP = 64;
/** First id of each group of the current run that holds an active customer. */
const groups = new Int32Array(PREFETCH_RUN / GROUP);

/** Brings into cache every customer array's lines for the groups of ids in [from, to) with an active customer. */
export function prefetch(c: Customers, from: number, to: number): void {
  const stage = c.stage;
  let count = 0;
  for (let g = from; g < to; g += GROUP) {
    const end = Math.min(to, g + GROUP);
    for (let i = g; i < end; i++) {
      const st = stage[i];
      if (st !== Stage.Prospect && st !== Stage.Churned) {
        groups[count++] = g;
        break;
      }
    }
  }
  if (count === 0) return;
  const k = byKind(c);
  let sum = 0;
  // 64-byte lines: 8 doubles, 16 int32s, 32 uint16s, 64 bytes; a group's last id covers a line the stride may step over.
  for (const a of k.f64) {
    for (let q = 0; q < count; q++) {
      const g = groups[q];
      const last = Math.min(to, g + GROUP) - 1;
      for (let i = g; i < last; i += 8) sum += a[i];
      sum += a[last];
    }
  }
  for (const a of k.i32) {
    for (let q = 0; q < count; q++) {
      const g = groups[q];
      const last = Math.min(to, g + GROUP) - 1;
      for (let i = g; i < last; i += 16) sum += a[i];
      sum += a[last];
    }
  }
  for (const a of k.u16) {
    for (let q = 0; q < count; q++) {
      const g = groups[q];
      const last = Math.min(to, g + GROUP) - 1;
      for (let i = g; i < last; i += 32) sum += a[i];
      sum += a[last];
    }
  }
  for (const a of k.u8) {
    for (let q = 0; q < count; q++) {
      const g = groups[q];
      sum += a[g] + a[Math.min(to, g + GROUP) - 1];
    }
  }
  prefetched.sum = sum;
}
