// Deterministic transcendental functions. JavaScript engines may differ in the last bit of Math.exp/log/pow,
// and a run verified on another browser must reproduce every bit, so the simulation computes them here using
// only + − × ÷ (exact in IEEE-754 on every engine) in a fixed order.

const LN2 = 0.6931471805599453;
const SQRT2 = 1.4142135623730951;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

// The polynomials of fdlibm's e_log.c and e_exp.c (Sun Microsystems, freely distributable): within one ulp of
// the true value, with one division each.
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the high word of a double in u32 (the platform's byte order). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * UNSCALE[b] = 2^(1023 − b): a normal double with biased exponent b times UNSCALE[b] is its mantissa, in [1, 2),
 * exactly (a product with a power of two). Built by exact doubling and halving; 2^−1023 is subnormal but exact.
 */
const UNSCALE = new Float64Array(2047);
for (let b = 1023, v = 1; b >= 1; b--, v *= 2) UNSCALE[b] = v;
for (let b = 1023, v = 1; b <= 2046; b++, v /= 2) UNSCALE[b] = v;

/** Natural logarithm for x > 0 (returns -Infinity for 0, NaN for negatives). */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let e = 0;
  let m = x;
  if (m < 2.2250738585072014e-308) {
    m *= 18014398509481984; // 2^54: bring subnormals into the normal range, exactly
    e = -54;
  }
  // x = m·2^e: the exponent read from the bits (exact), the mantissa by an exact power-of-two product.
  f64[0] = m;
  const biased = (u32[HI] >>> 20) & 0x7ff;
  e += biased - 1023;
  m *= UNSCALE[biased];
  if (m >= SQRT2) {
    m *= 0.5;
    e++;
  }
  // f = m − 1 in [√2/2 − 1, √2 − 1); with s = f/(2 + f), ln m = f − f²/2 + s·(f²/2 + R(s²)).
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const hfsq = 0.5 * f * f;
  return e * LN2_HI - (hfsq - (s * (hfsq + r) + e * LN2_LO) - f);
}

/** e^x, exact-operation implementation; underflows to 0 below −745 and overflows to Infinity above 709.78. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x / LN2);
  // Cody–Waite reduction: LN2 split so k·LN2_HI is exact, keeping r accurate for large |x|.
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  // e^r = 1 + r + r·c/(2 − c), c = r − r²·P(r²) (fdlibm's rational form).
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return scale2(1 - (lo - (r * c) / (2 - c) - hi), k);
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
