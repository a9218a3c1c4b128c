// Deterministic transcendental functions. JavaScript engines may differ in the last bit of Math.exp/log/pow,
// and a run verified on another browser must reproduce every bit, so the simulation computes them here using
// only + − × ÷ (exact in IEEE-754 on every engine) in a fixed order.

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** Natural logarithm for x > 0 (returns -Infinity for 0, NaN for negatives). */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high word of a double in u32 (the platform's byte order). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 18014398509481984; // 2^54: bring subnormals into the normal range, exactly
    e = -54;
  }
  // Split x = m·2^e by reading and rewriting the exponent bits: exact, so identical on every engine.
  f64[0] = m;
  e += ((u32[HI] >>> 20) & 0x7ff) - 1023;
  u32[HI] = (u32[HI] & 0x800fffff) | 0x3ff00000;
  m = f64[0];
  if (m >= SQRT2) {
    m *= 0.5;
    e++;
  }
  // ln m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.1716: the series converges to double precision by s^23.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let k = 3; k <= 23; k += 2) {
    term *= s2;
    sum += term / k;
  }
  return 2 * sum + e * LN2;
}

/** e^x, exact-operation implementation; underflows to 0 below −745 and overflows to Infinity above 709.78. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x / LN2);
  // Cody–Waite reduction: LN2 split so k·LN2_HI is exact, keeping r accurate for large |x|.
  const r = x - k * LN2_HI - k * LN2_LO;
  // Taylor series on |r| ≤ 0.347 reaches double precision by the 18th term.
  let term = 1;
  let sum = 1;
  for (let i = 1; i <= 18; i++) {
    term = (term * r) / i;
    sum += term;
  }
  return scale2(sum, k);
}

/** x · 2^k by repeated exact doubling/halving. */
function scale2(x: number, k: number): number {
  let v = x;
  let n = k;
  while (n > 0) {
    const step = n > 60 ? 60 : n;
    v *= 2 ** step;
    n -= step;
  }
  while (n < 0) {
    const step = n < -60 ? 60 : -n;
    v /= 2 ** step;
    n += step;
  }
  return v;
}

/** base^p for base > 0. */
export function pow(base: number, p: number): number {
  if (base === 0) return p === 0 ? 1 : 0;
  return exp(p * ln(base));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
