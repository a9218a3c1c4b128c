// The sim command as a user runs it (tsx on src/cli/sim.ts): the documented JSON on stdout, --list-bots, --out
// writing a run file the verify command accepts, decisions files, and bad input as exactly one line on stderr
// with exit code 2. Spawns are slow (~1 s), so they all start together and the tests read their results.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRun } from '../../src/run/replay';
import { RunFile } from '../../src/run/runfile';
import { CHURN_IDS, STAGE_IDS } from '../../src/sim/types';
import { bubbleTea, botSeasons, ROOT, playGame } from '../sim/helpers';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Node with tsx's loader: what `npx tsx` runs, without npm's notices on stderr and without the extra parent
// process the tsx binary starts (which roughly halves the cost of each spawn).
const NODE_ARGS = ['--import', 'tsx'];

function run(cli: 'sim' | 'verify', args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...NODE_ARGS, join(ROOT, 'src', 'cli', `${cli}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const files = {
  out: join(dir, 'run.json'),
  decisions: write('plan.json', JSON.stringify({ seasons: [{ care: { contactsPerMonth: 2 } }, { acquisition: { budget: 3000 } }] })),
  missing: join(dir, 'no-such-plan.json'),
  broken: write('broken.json', '{"seasons": ['),
  invalid: write('invalid.json', '{\n  "seasons": [\n    { "pricing": { "discount": 0.9 } }\n  ]\n}\n'),
};

const jobs = {
  textbook: () => run('sim', ['--seed', 'cli-seed', '--bot', 'textbook', '--out', files.out]),
  listBots: () => run('sim', ['--list-bots']),
  decisions: () => run('sim', ['--seed', 'plan-seed', '--decisions', files.decisions, '--team', 'Team 7']),
  missing: () => run('sim', ['--seed', 'x', '--decisions', files.missing]),
  broken: () => run('sim', ['--seed', 'x', '--decisions', files.broken]),
  invalid: () => run('sim', ['--seed', 'x', '--decisions', files.invalid]),
  emptySeed: () => run('sim', ['--seed=', '--bot', 'passive']),
  unknownBot: () => run('sim', ['--seed', 'x', '--bot', 'nobody']),
};
type Job = keyof typeof jobs;
const results = {} as Record<Job, Result>;
let verifyOut: Result;

beforeAll(async () => {
  const names = Object.keys(jobs) as Job[];
  const done = await Promise.all(names.map((n) => jobs[n]()));
  names.forEach((n, k) => (results[n] = done[k]));
  verifyOut = await run('verify', [files.out]);
}, 120_000);

/** Bad input: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectOneLineError(r: Result): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:|\.ts:\d+:\d+\)/);
  expect(lines[0]).toMatch(/^error: /);
  return lines[0];
}

describe('sim command output', () => {
  it('prints exactly the documented JSON shape', () => {
    const r = results.textbook;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['scenario', 'seed', 'seasons', 'final']);
    expect(Object.keys(out.scenario)).toEqual(['id', 'hash']);
    expect(out.scenario).toEqual({ id: 'bubble-tea', hash: bubbleTea().hash });
    expect(out.seed).toBe('cli-seed');
    expect(out.seasons).toHaveLength(4);
    out.seasons.forEach((s: Record<string, any>, k: number) => {
      expect(Object.keys(s)).toEqual(['season', 'hash', 'score', 'customers', 'churn']);
      expect(s.season).toBe(k + 1);
      expect(s.hash).toMatch(/^[0-9a-f]{8}$/);
      expect(Object.keys(s.score)).toEqual(['total', 'satisfaction', 'loyalty', 'churn']);
      expect(Object.keys(s.customers)).toEqual(['byStage']);
      expect(Object.keys(s.customers.byStage)).toEqual([...STAGE_IDS]);
      expect(Object.values(s.customers.byStage as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(4000);
      // Churn this season by the report's reason ids, every id present, counts whole and ≥ 0.
      expect(Object.keys(s.churn)).toEqual(['byReason', 'kinds']);
      expect(Object.keys(s.churn.byReason)).toEqual(CHURN_IDS.filter((id) => id !== 'none'));
      for (const n of Object.values(s.churn.byReason as Record<string, number>)) expect(Number.isInteger(n) && n >= 0).toBe(true);
      // The course's kinds: real churn is the season's leavers; malicious ones are among them.
      expect(Object.keys(s.churn.kinds)).toEqual(['real', 'apparent', 'malicious', 'lapsed']);
      const leavers = Object.values(s.churn.byReason as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(s.churn.kinds.real).toBe(leavers);
      expect(s.churn.kinds.malicious).toBeLessThanOrEqual(s.churn.kinds.real);
      expect(s.churn.kinds.apparent).toBeLessThanOrEqual(s.churn.kinds.lapsed);
    });
    expect(Object.keys(out.final)).toEqual(['score']);
    expect(Object.keys(out.final.score)).toEqual(['total', 'satisfaction', 'loyalty', 'churn', 'profit', 'residual']);
  });

  it('reports what the library computes for the same seed and bot', () => {
    const out = JSON.parse(results.textbook.stdout);
    const { scenario } = bubbleTea();
    const g = playGame(scenario, 'cli-seed', botSeasons('textbook', scenario));
    expect(out.seasons.map((s: { hash: string }) => s.hash)).toEqual(g.reports.map((r) => r.hash));
    expect(out.seasons.map((s: { score: { total: number } }) => s.score.total)).toEqual(g.reports.map((r) => r.score.total));
    expect(out.final.score).toEqual(g.final);
    expect(out.seasons.map((s: { churn: { byReason: unknown } }) => s.churn.byReason)).toEqual(g.reports.map((r) => r.customers.churnByReason));
    // Not vacuous: the textbook store loses some customers over four seasons.
    const lost = out.seasons.reduce((a: number, s: { churn: { byReason: Record<string, number> } }) => a + Object.values(s.churn.byReason).reduce((x, y) => x + y, 0), 0);
    expect(lost).toBeGreaterThan(0);
  });

  it('--list-bots prints the bot names one per line, passive among them', () => {
    const r = results.listBots;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const names = r.stdout.trimEnd().split('\n');
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names).toContain('passive');
    expect(names).toContain('textbook');
    for (const n of names) expect(n).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('--out writes a run file that verifies, in-process and with the verify command', () => {
    const runFile = RunFile.parse(JSON.parse(readFileSync(files.out, 'utf8')));
    const out = JSON.parse(results.textbook.stdout);
    expect(runFile.team).toBe('textbook');
    expect(runFile.seasons.map((s) => s.hash)).toEqual(out.seasons.map((s: { hash: string }) => s.hash));
    expect(verifyRun(runFile)).toMatchObject({ valid: true, seasons: 4 });
    expect(verifyOut.code).toBe(0);
    expect(verifyOut.stdout).toBe(`${files.out}: valid, 4 seasons, final score ${out.final.score.total}\n`);
  });
});

describe('decisions files', () => {
  it('{ "seasons": [...] } plays those seasons', () => {
    const r = results.decisions;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.seasons.map((s: { season: number }) => s.season)).toEqual([1, 2]);
  });

  it('a schema violation names the file, the line and the field path', () => {
    expect(expectOneLineError(results.invalid)).toBe(
      `error: ${files.invalid}:3:32 seasons.0.pricing.discount: expected a number ≤ 0.5, found 0.9`,
    );
  });

});

describe('bad input: one line on stderr, exit 2', () => {
  it('missing decisions file', () => {
    expect(expectOneLineError(results.missing)).toBe(`error: ${files.missing}: cannot read the file (no such file)`);
  });

  it('broken JSON', () => {
    expect(expectOneLineError(results.broken)).toMatch(new RegExp(`^error: ${files.broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: expected YAML or JSON: `));
  });

  it('empty seed', () => {
    expect(expectOneLineError(results.emptySeed)).toBe('error: --seed: expected a non-empty seed, found an empty one');
  });

  it('unknown bot, listing the known ones', () => {
    const line = expectOneLineError(results.unknownBot);
    expect(line).toMatch(/^error: --bot: unknown bot "nobody" \(known: passive, textbook, .+\)$/);
  });
});
