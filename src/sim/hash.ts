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
    if (a instanceof Uint8Array) h = mixBytes(h, a);
    else h = mixWords(h, new Uint32Array(a.buffer, a.byteOffset, a.byteLength >>> 2));
  }
  for (const k of STORE_KEYS) h = mixNumber(h, s.store[k]);
  h = mix(h, s.log.length);
  for (const i of s.featured) h = mix(h, i);
  return (h >>> 0).toString(16).padStart(8, '0');
}

// One loop per array type: a loop over a union of typed arrays reads elements through a slow generic path.
function mixWords(h: number, words: Uint32Array): number {
  for (let k = 0; k < words.length; k++) h = Math.imul(h ^ words[k], 0x01000193);
  return h;
}

function mixBytes(h: number, bytes: Uint8Array): number {
  for (let k = 0; k < bytes.length; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
  return h;
}
