// Special functions for the buy-till-you-die models, in plain double precision.
// Everything here is deterministic: fixed coefficients, fixed stopping rules, no randomness.

// Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients): about 15 significant digits for x >= 0.5.
const LANCZOS_G = 7;
const LANCZOS_C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LN_SQRT_2PI = 0.91893853320467274178;
const LN_PI = 1.1447298858494002;

/** ln|Γ(x)|. Poles (x = 0, −1, −2, …) give +Infinity. */
export function lnGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return LN_PI - Math.log(Math.abs(sinPi(x))) - lnGamma(1 - x);
  }
  if (x > 1e7) {
    // Stirling with two correction terms; the Lanczos sum loses nothing here but Stirling is exact enough and cheaper.
    const inv = 1 / x;
    return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + inv / 12 - (inv * inv * inv) / 360;
  }
  const z = x - 1;
  let sum = LANCZOS_C[0];
  for (let i = 1; i < LANCZOS_C.length; i++) sum += LANCZOS_C[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Γ(x) with its sign, for moderate arguments. */
export function gamma(x: number): number {
  if (x <= 0 && Number.isInteger(x)) return NaN;
  const sign = x > 0 || Math.floor(-x) % 2 === 1 ? 1 : -1;
  return sign * Math.exp(lnGamma(x));
}

/** sin(πx) with the argument reduced first, so integers give exactly 0. */
function sinPi(x: number): number {
  const r = x - 2 * Math.floor(x / 2); // r in [0, 2)
  if (r === 0 || r === 1) return 0;
  return Math.sin(Math.PI * r);
}

/** ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** ln Γ(r+x) − ln Γ(r) for integer x ≥ 0 by the rising factorial: exact for small x, no cancellation. */
export function lnRising(r: number, x: number): number {
  if (x > 64) return lnGamma(r + x) - lnGamma(r);
  let s = 0;
  for (let k = 0; k < x; k++) s += Math.log(r + k);
  return s;
}

/** log(e^u + e^v) without overflow; −Infinity is the identity. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

const EPS = 1e-16;
const MAX_TERMS = 2_000_000;

/**
 * Gaussian hypergeometric function 2F1(a, b; c; z) for real z < 1.
 * - z < 0: Pfaff transform to z/(z−1) in (0, 1).
 * - 0 ≤ z < 1: power series, either directly or after Euler's transform
 *   2F1(a,b;c;z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z), whichever has the faster-decaying terms
 *   (terms behave like n^(a+b−c−1) z^n, resp. n^(c−a−b−1) z^n).
 * The series stops when the remaining tail, bounded by the current term ratio, is below 1e-16 of the sum.
 * Throws RangeError for z ≥ 1, c a non-positive integer, or a series that would need more than 2e6 terms.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new RangeError(`hyp2f1: z must be < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c must not be a non-positive integer, got ${c}`);
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1−z)^(−a) 2F1(a, c−b; c; z/(z−1)); recursing lets the z ≥ 0 branch pick its series.
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  }
  if (a + b - c > 0) return Math.pow(1 - z, c - a - b) * hyp2f1Series(c - a, c - b, c, z);
  return hyp2f1Series(a, b, c, z);
}

function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  return sumSeries(a, b, c, z, 0, 1);
}

/**
 * (2F1(a, b; c; z) − 1) / b = Σ_{n≥1} (a)_n (b+1)_{n−1} / ((c)_n n!) z^n, for 0 ≤ z < 1.
 * Dividing b out term by term keeps the result exact as b → 0, where the difference would cancel.
 */
export function hyp2f1DeltaOverB(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1DeltaOverB: z must be in [0, 1), got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1DeltaOverB: c must not be a non-positive integer, got ${c}`);
  if (z === 0 || a === 0) return 0;
  return sumSeries(a, b, c, z, 1, (a * z) / c);
}

// Σ_{n≥n0} term_n with term_{n+1} = term_n · (a+n)(b+n)z / ((c+n)(n+1)), starting from term_{n0} = first.
function sumSeries(a: number, b: number, c: number, z: number, n0: number, first: number): number {
  const settled = Math.max(0, -a, -b, -c);
  let term = first;
  let sum = first;
  for (let n = n0; n < n0 + MAX_TERMS; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (term === 0) return sum; // a or b was a non-positive integer: the series is a polynomial
    const m = n + 1;
    if (m > settled) {
      // From here on (a+m)/(m+1), (b+m)/(c+m) (and the other pairing) are positive and monotone in m, each
      // tending to 1, so every later ratio is at most |z| · max(1, first factor) · max(1, second factor).
      const p1 = Math.max(1, (a + m) / (m + 1)) * Math.max(1, (b + m) / (c + m));
      const p2 = Math.max(1, (b + m) / (m + 1)) * Math.max(1, (a + m) / (c + m));
      const rho = Math.abs(z) * Math.min(p1, p2);
      if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= EPS * Math.abs(sum)) return sum;
    }
  }
  throw new RangeError(`hyp2f1: series did not converge (a=${a}, b=${b}, c=${c}, z=${z})`);
}
