// npm run redteam as a teacher runs it (tsx on src/cli/redteam.ts): bad input is one line and exit code 2; a
// small search (a scaled-down market, a few evaluations) on two game threads reports as JSON, writes a decisions
// file that checkPlan accepts, and gives the same result on one thread with the same search seed.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DecisionsFile } from '../../src/scenario/decisions';
import { checkPlan } from '../../src/sim/economics';
import { scaledScenario } from '../../src/tournament/scale';
import { bubbleTea, BUNDLED_FILE, ROOT } from '../sim/helpers';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cli: 'redteam' | 'validate' = 'redteam'): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src', 'cli', `${cli}.ts`), ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'redteam-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const SMALL = ['--size', '200', '--seeds', '2', '--fresh', '2', '--evals', '10', '--search-seed', 'cli'];
let missing: Promise<Result>;
let broken: Promise<Result>;
let noBudget: Promise<Result>;
let twoThreads: Promise<Result>;
let oneThread: Promise<Result>;
let validated: Promise<Result>;
const out = join(dir, 'best.yaml');

beforeAll(() => {
  missing = run(['--scenario', join(dir, 'nope.yaml'), '--evals', '5']);
  broken = run(['--scenario', write('broken.yaml', 'version: 1\nid: broken\nseasons: 2.5\n'), '--evals', '5']);
  noBudget = run(['--scenario', BUNDLED_FILE]);
  twoThreads = run(['--scenario', BUNDLED_FILE, ...SMALL, '--threads', '2', '--json', '--out', out]);
  oneThread = run(['--scenario', BUNDLED_FILE, ...SMALL, '--threads', '1', '--json']);
  validated = run([BUNDLED_FILE], 'validate');
});

const oneLine = (r: Result) => r.stderr.trim().split('\n');

describe('npm run redteam', { timeout: 150_000 }, () => {
  it('refuses a missing or invalid scenario file with one line naming the file, and exit code 2', async () => {
    const m = await missing;
    expect(m.code).toBe(2);
    expect(oneLine(m)).toHaveLength(1);
    expect(m.stderr).toMatch(/^error: .*nope\.yaml: cannot read the file \(no such file\)$/m);
    const b = await broken;
    expect(b.code).toBe(2);
    expect(oneLine(b)).toHaveLength(1);
    expect(b.stderr).toMatch(/^error: .*broken\.yaml:\d+:\d+ /);
    expect(b.stdout).toBe('');
  });

  it('asks for a time or an evaluation budget', async () => {
    const r = await noBudget;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --minutes: expected how long to search/);
  });

  it('prints one JSON object and writes the best plan as a decisions file that passes checkPlan', async () => {
    const r = await twoThreads;
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.search).toMatchObject({ evals: 10, games: 20, threads: 2, searchSeed: 'cli' });
    expect(report.fresh.best.perSeed).toHaveLength(2);
    expect(Object.keys(report.fresh.textbook.parts).sort()).toEqual(['churn', 'loyalty', 'profit', 'residual', 'satisfaction']);
    expect(report.indicators.cumulativeProfit).toHaveProperty('negative');
    const file = DecisionsFile.parse(parse(readFileSync(out, 'utf8')));
    expect(file).toEqual(DecisionsFile.parse(report.plan));
    const small = scaledScenario(bubbleTea().scenario, 200);
    for (const d of file.seasons) expect(checkPlan(small, d)).toEqual([]);
  });

  it('gives the same result on one thread as on two with the same search seed and evaluations', async () => {
    const [a, b] = await Promise.all([twoThreads, oneThread]);
    expect(b.code).toBe(0);
    const strip = (r: Result) => {
      const x = JSON.parse(r.stdout);
      return { ...x, search: { ...x.search, seconds: 0, gamesPerSecond: 0, threads: 0 } };
    };
    expect(strip(b)).toEqual(strip(a));
  });

  it('is what npm run validate suggests after a successful check', async () => {
    const r = await validated;
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`npm run redteam -- --scenario ${BUNDLED_FILE} --minutes 10`);
  });
});
