// detmath: ln/exp/pow from exact IEEE operations only. Accuracy against the engine's Math (which is accurate but
// not bit-identical across engines), special values, and pinned bit patterns: any change to the algorithms —
// and so to every simulated number — shows up here first.
import { describe, expect, it } from 'vitest';
import { clamp, clamp01, exp, ln, pow } from '../../src/sim/detmath';

/** Relative error, with exact agreement (including ±Infinity and equal zeros) counting as 0. */
function rel(got: number, want: number): number {
  if (Object.is(got, want) || got === want) return 0;
  return Math.abs(got - want) / Math.abs(want);
}

/** The 64 bits of a double as 16 hex digits, high word first. */
function bits(x: number): string {
  const f = new Float64Array([x]);
  const v = new DataView(f.buffer);
  return v.getBigUint64(0, true).toString(16).padStart(16, '0');
}

/** A fixed linear-congruential stream, so the sampled inputs are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function worst(n: number, input: () => number[], f: (...a: number[]) => number, g: (...a: number[]) => number) {
  let w = 0;
  let at: number[] = [];
  for (let k = 0; k < n; k++) {
    const a = input();
    const e = rel(f(...a), g(...a));
    if (e > w) {
      w = e;
      at = a;
    }
  }
  return { w, at };
}

describe('ln', () => {
  it('matches Math.log to < 1e-14 relative over the whole positive range, subnormals included', () => {
    const r = lcg(1);
    const { w, at } = worst(
      100_000,
      () => [2 ** Math.floor(r() * 2098 - 1074) * (1 + r())],
      ln,
      Math.log,
    );
    expect(w, `worst at ${at}`).toBeLessThan(1e-14);
  });

  it('is accurate near 1, where cancellation would show', () => {
    const r = lcg(2);
    const { w, at } = worst(20_000, () => [1 + (r() - 0.5) * 2 ** -Math.floor(r() * 50)], ln, Math.log);
    expect(w, `worst at ${at}`).toBeLessThan(1e-14);
    expect(ln(1)).toBe(0);
    expect(ln(1 + 2 ** -52)).toBeCloseTo(2 ** -52, 30);
  });

  it('handles the edges of the double range and the special values', () => {
    for (const x of [Number.MIN_VALUE, 2 ** -1073, 1e-310, 2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE]) {
      expect(rel(ln(x), Math.log(x)), `ln(${x})`).toBeLessThan(1e-14);
    }
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-0)).toBe(-Infinity);
    expect(ln(Infinity)).toBe(Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(-Infinity)).toBeNaN();
    expect(ln(NaN)).toBeNaN();
  });

  it('gives exactly these bits (algorithm pinned)', () => {
    expect(bits(ln(3))).toBe('3ff193ea7aad030a');
    expect(bits(ln(0.1))).toBe('c0026bb1bbb55515');
    expect(bits(ln(1e-310))).toBe('c0864e69394d9508');
    expect(bits(ln(0.5))).toBe(bits(-0.6931471805599453));
    expect(bits(ln(10))).toBe('40026bb1bbb55516');
    expect(bits(ln(2.5))).toBe('3fed5240f0e0e078');
  });
});

describe('exp', () => {
  it('matches Math.exp to < 1e-14 relative for |x| ≤ 90 (everything the simulation feeds it)', () => {
    const r = lcg(3);
    const { w, at } = worst(100_000, () => [(r() * 2 - 1) * 90], exp, Math.exp);
    expect(w, `worst at ${at}`).toBeLessThan(1e-14);
  });

  it('stays within 1e-13 relative over the whole normal range', () => {
    const r = lcg(4);
    const { w, at } = worst(100_000, () => [-708 + r() * (709.7 + 708)], exp, Math.exp);
    expect(w, `worst at ${at}`).toBeLessThan(1e-13);
  });

  // The range reduction splits LN2 in two words (Cody–Waite), so the error does not grow with |x|.
  it('matches Math.exp to < 1e-14 relative over the whole normal range', () => {
    const r = lcg(5);
    const { w, at } = worst(100_000, () => [-708 + r() * (709.7 + 708)], exp, Math.exp);
    expect(w, `worst at ${at}`).toBeLessThan(1e-14);
  });

  it('rounds into the subnormal range like Math.exp (same relative error, plus one subnormal step)', () => {
    const r = lcg(6);
    const bad: string[] = [];
    for (let k = 0; k < 5000; k++) {
      const x = -745 + r() * (745 - 708.4);
      const want = Math.exp(x);
      if (Math.abs(exp(x) - want) > 1e-13 * want + Number.MIN_VALUE) bad.push(`exp(${x}) = ${exp(x)}, Math: ${want}`);
    }
    expect(bad).toEqual([]);
    expect(exp(-745)).toBe(Number.MIN_VALUE);
  });

  it('handles the special values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(1e-300)).toBe(1);
    expect(exp(NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-1000)).toBe(0);
  });

  it('gives exactly these bits (algorithm pinned)', () => {
    expect(bits(exp(1))).toBe('4005bf0a8b14576a');
    expect(bits(exp(-2.5))).toBe('3fb50385c094f425');
    expect(bits(exp(100))).toBe('48f3494a9b171bf5');
  });
});

describe('pow', () => {
  it('matches Math.pow to < 1e-14 relative when |p·ln base| ≤ 10', () => {
    const r = lcg(7);
    const { w, at } = worst(
      100_000,
      () => {
        const b = 2 ** (r() * 60 - 30);
        const p = ((r() * 2 - 1) * 10) / Math.max(1e-9, Math.abs(Math.log(b)));
        return [b, p];
      },
      pow,
      Math.pow,
    );
    expect(w, `worst at ${at}`).toBeLessThan(1e-14);
  });

  it('keeps a relative error below 1e-15·(1 + |p·ln base|) everywhere else', () => {
    const r = lcg(8);
    let w = 0;
    let at = '';
    for (let k = 0; k < 50_000; k++) {
      const b = 2 ** (r() * 200 - 100);
      const p = (r() * 2 - 1) * 10;
      const want = Math.pow(b, p);
      if (!Number.isFinite(want) || want < 2.2250738585072014e-308) continue;
      const ratio = rel(pow(b, p), want) / (1e-15 * (1 + Math.abs(p * Math.log(b))));
      if (ratio > w) [w, at] = [ratio, `pow(${b}, ${p})`];
    }
    expect(w, at).toBeLessThan(1);
  });

  it('is accurate for the gamma sampler’s boost: u^(1/shape) with u in (0,1) and shape in [0.05, 1)', () => {
    const r = lcg(9);
    let w = 0;
    let at = '';
    for (let k = 0; k < 50_000; k++) {
      const u = r() + 1e-12;
      const p = 1 / (0.05 + 0.95 * r());
      const want = Math.pow(u, p);
      if (want < 2.2250738585072014e-308) continue;
      const ratio = rel(pow(u, p), want) / (1e-15 * (1 + Math.abs(p * Math.log(u))));
      if (ratio > w) [w, at] = [ratio, `pow(${u}, ${p})`];
    }
    expect(w, at).toBeLessThan(1);
  });

  it('handles zero and unit exponents', () => {
    expect(pow(0, 2)).toBe(0);
    expect(pow(0, 0)).toBe(1);
    expect(pow(7.5, 0)).toBe(1);
    expect(pow(1, 123.4)).toBe(1);
    expect(rel(pow(7.5, 1), 7.5)).toBeLessThan(1e-15);
    expect(rel(pow(2, 0.5), Math.SQRT2)).toBeLessThan(1e-15);
    expect(pow(-2, 2)).toBeNaN(); // defined for base > 0 only
  });

  it('gives exactly these bits (algorithm pinned)', () => {
    expect(bits(pow(1.5, 2.5))).toBe('40060b9fd68a4555');
    expect(bits(pow(0.3, 7.1))).toBe('3f2969f38095a041');
  });
});

describe('clamp', () => {
  it('clamps to the bounds and passes values inside through', () => {
    expect(clamp(5, 0, 3)).toBe(3);
    expect(clamp(-5, 0, 3)).toBe(0);
    expect(clamp(2.5, 0, 3)).toBe(2.5);
    expect(clamp01(1.2)).toBe(1);
    expect(clamp01(-0.2)).toBe(0);
    expect(clamp01(0.25)).toBe(0.25);
  });
});
