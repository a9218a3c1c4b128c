import type { SimState } from './state';
import { CUSTOMER_FIELDS, STORE_KEYS } from './state';

// 32-bit wrapping hash over the full state in a fixed order: every customer array (floats by their bits),
// the store figures, the clock and the event log length. Integer arithmetic only (Math.imul, >>> 0), so it is
// the same on every engine.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

// FNV-1a over 32-bit words: each step is a bijection of the running hash for a given word, so changing any
// single word of the state always changes the result.
function mix(h: number, word: number): number {
  return Math.imul(h ^ word, 0x01000193);
}

function mixNumber(h: number, x: number): number {
  f64[0] = x;
  return mix(mix(h, u32[0]), u32[1]);
}

export function hashState(s: SimState): string {
  let h = 0x811c9dc5;
  h = mix(h, s.week);
  h = mix(h, s.season);
  for (const field of CUSTOMER_FIELDS) {
    const a = s.c[field];
    // Floats by their bits; Int32 values by their bits too (x ^ int32 and x ^ its uint32 view are equal).
    // Bytes widened to words, so one monomorphic loop hashes everything.
    if (a instanceof Uint8Array || a instanceof Uint16Array) h = mixWords(h, Uint32Array.from(a));
    else h = mixWords(h, new Uint32Array(a.buffer, a.byteOffset, a.byteLength >>> 2));
  }
  for (const k of STORE_KEYS) h = mixNumber(h, s.store[k]);
  h = mix(h, s.log.length);
  for (const i of s.featured) h = mix(h, i);
  return (h >>> 0).toString(16).padStart(8, '0');
}

// One loop over one array type: a loop over a union of typed arrays reads elements through a slow generic path.
// Each array is hashed in four interleaved FNV-1a lanes (independent chains run in parallel on the processor),
// folded into the running hash lane by lane; a change to any single element changes its lane, and each fold is
// a bijection of the running hash, so it still always changes the result.
function mixWords(h: number, w: Uint32Array): number {
  let a = h;
  let b = h ^ 0x9e3779b9;
  let c = h ^ 0x85ebca6b;
  let d = h ^ 0xc2b2ae35;
  const n = w.length;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    a = Math.imul(a ^ w[k], 0x01000193);
    b = Math.imul(b ^ w[k + 1], 0x01000193);
    c = Math.imul(c ^ w[k + 2], 0x01000193);
    d = Math.imul(d ^ w[k + 3], 0x01000193);
  }
  for (; k < n; k++) a = Math.imul(a ^ w[k], 0x01000193);
  return mix(mix(mix(mix(h, a), b), c), d);
}
