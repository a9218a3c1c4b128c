// The simulation must be pure and identical on every engine: no clocks, no ambient randomness, no browser or
// game-engine globals, and no engine-provided transcendentals (their last bit differs between engines; detmath
// computes them with exact operations only). It must also compile against plain ES2022 with no ambient types.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const SIM = join(ROOT, 'src', 'sim');

const FORBIDDEN: { name: string; re: RegExp }[] = [
  { name: 'Math.random', re: /\bMath\s*\.\s*random\b/ },
  { name: 'Date', re: /\bDate\b/ },
  { name: 'performance', re: /\bperformance\b/ },
  { name: 'window', re: /\bwindow\b/ },
  { name: 'document', re: /\bdocument\b/ },
  { name: 'phaser', re: /phaser/i },
  { name: 'Math.exp', re: /\bMath\s*\.\s*(exp|expm1)\b/ },
  { name: 'Math.log', re: /\bMath\s*\.\s*(log|log1p|log2|log10)\b/ },
  { name: 'Math.pow', re: /\bMath\s*\.\s*pow\b/ },
  // Other engine-dependent transcendentals, for the same reason.
  { name: 'Math.sin/cos/tan/atan/…', re: /\bMath\s*\.\s*(sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b/ },
];

/** Removes comments, keeping line numbers, so prose like "the date" in a comment does not trip the fence. */
function stripComments(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (_m, pre: string) => pre);
}

/**
 * Every .ts file of src/sim, and every file outside it that the simulation imports for its values (transitively;
 * `import type` is erased and does not run): the scoring it shares with src/analytics must obey the same fence.
 */
function simFiles(): string[] {
  const seen = new Set<string>(readdirSync(SIM).filter((n) => n.endsWith('.ts')).map((n) => join(SIM, n)));
  const queue = [...seen];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const src = stripComments(readFileSync(file, 'utf8'));
    for (const m of src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm)) {
      const target = join(dirname(file), `${m[1]}.ts`);
      if (target.startsWith(join(ROOT, 'src', 'scenario'))) continue; // zod schemas: parsed before the season, no maths
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen].sort();
}

function fenceViolations(): string[] {
  const out: string[] = [];
  for (const file of simFiles()) {
    const lines = stripComments(readFileSync(file, 'utf8')).split('\n');
    lines.forEach((line, k) => {
      for (const f of FORBIDDEN) if (f.re.test(line)) out.push(`${relative(ROOT, file)}:${k + 1}: ${f.name}: ${line.trim()}`);
    });
  }
  return out;
}

describe('src/sim fence', () => {
  it('finds the .ts files it is meant to scan', () => {
    const files = readdirSync(SIM).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('game.ts');
    expect(files).toContain('detmath.ts');
    expect(files.length).toBeGreaterThan(10);
    // The shared segmentation: the simulation scores the store's database with the analytics' own functions.
    const shared = simFiles().map((f) => relative(ROOT, f).replace(/\\/g, '/'));
    expect(shared).toEqual(expect.arrayContaining(['src/analytics/rfm.ts', 'src/analytics/abc.ts', 'src/analytics/warning.ts']));
  });

  it('the patterns catch what they should (and comments do not count)', () => {
    const probe = (line: string) => FORBIDDEN.filter((f) => f.re.test(stripComments(line))).map((f) => f.name);
    expect(probe('const x = Math.random();')).toEqual(['Math.random']);
    expect(probe('const t = Date.now();')).toEqual(['Date']);
    expect(probe('const y = Math.exp(2) + Math.log(3) + Math.pow(2, 3);')).toEqual(['Math.exp', 'Math.log', 'Math.pow']);
    expect(probe('import Phaser from "phaser";')).toEqual(['phaser']);
    expect(probe('window.document.title')).toEqual(['window', 'document']);
    expect(probe('const a = 1; // Math.random is banned')).toEqual([]);
    expect(probe('/* Date */ const b = 2;')).toEqual([]);
    expect(probe('const s = Math.sqrt(2); const m = Math.max(1, 2);')).toEqual([]);
  });

  it('no file in src/sim uses clocks, ambient randomness, DOM/Phaser or engine transcendentals', () => {
    const found = fenceViolations();
    expect(found, `forbidden uses:\n${found.join('\n')}`).toEqual([]);
  });

  it('src/sim/tsconfig.json allows only ES2022 and no ambient types', () => {
    const cfg = JSON.parse(readFileSync(join(SIM, 'tsconfig.json'), 'utf8'));
    expect(cfg.compilerOptions.lib).toEqual(['ES2022']);
    expect(cfg.compilerOptions.types).toEqual([]);
  });

  it('src/sim type-checks on its own under that configuration', () => {
    let output = '';
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', join(SIM, 'tsconfig.json')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        stdio: 'pipe',
      });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message;
    }
    expect(output).toBe('');
  }, 130_000);
});
