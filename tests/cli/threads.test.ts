// The weekly pass spread over two threads gives the outcome of one thread: same hashes, same scores, same log.
// Runs the benchmark as `npm run bench` does (bundled: a worker thread loads plain JavaScript), on a market
// small enough for a test but large enough for several blocks (customer-pass.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../src/sim/customer-pass';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Inside the project, so the bundle's imports of zod and yaml resolve from node_modules.
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'threads-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeAll(() => {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--ssr', 'src/cli/bench.ts', '--outDir', out, '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120000,
  });
  if (r.status !== 0) throw new Error(`bundling the benchmark failed: ${r.stderr}`);
}, 130000);

function bench(threads: number, bot = 'textbook'): string {
  const customers = 3 * BLOCK_SIZE + 123;
  const r = spawnSync(process.execPath, [join(out, 'bench.js'), `--customers=${customers}`, `--threads=${threads}`, `--bot=${bot}`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120000,
  });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines.at(-2)).toContain(`${threads} thread(s)`);
  return lines.at(-2)!.replace(/\d thread\(s\), /, '');
}

describe('weekly pass on threads', () => {
  it('two threads reach the state one thread reaches', () => {
    const one = bench(1);
    expect(one).toMatch(/final score [\d.]+, \d+ events logged, last hash [0-9a-f]{8}/);
    expect(bench(2)).toBe(one);
  }, 240000);

  it('with targeted care, whose reach list is set at season start on the first thread', () => {
    const one = bench(1, 'targeted-care');
    expect(one).not.toBe(bench(1));
    expect(bench(2, 'targeted-care')).toBe(one);
  }, 360000);
});
