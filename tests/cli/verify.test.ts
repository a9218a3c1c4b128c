// The verify command as a teacher runs it (tsx on src/cli/verify.ts): exit 0 for honest runs, 1 naming the
// season for tampered ones, 2 for input it cannot read — always one line per file and never a stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playToRun } from '../../src/run/replay';
import { fromParsed } from '../../src/scenario/scenario';
import { botSeasons, ROOT, smallBubbleTea } from '../sim/helpers';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Node with tsx's loader: what `npx tsx` runs, without npm's notices on stderr and without the extra parent
// process the tsx binary starts (which roughly halves the cost of each spawn).
const NODE_ARGS = ['--import', 'tsx'];

function verify(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...NODE_ARGS, join(ROOT, 'src', 'cli', 'verify.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'verify-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

// A small market keeps the re-simulation in the child process quick; verify trusts only the embedded scenario.
const { scenario, hash } = fromParsed(smallBubbleTea(400));
const honest = playToRun(scenario, hash, 'verify-seed', 'team-v', botSeasons('textbook', scenario)).run;
const tampered = structuredClone(honest);
tampered.seasons[2].decisions.pricing.discount = 0.2;
const partial = structuredClone(honest);
partial.seasons = partial.seasons.slice(0, 2);
delete partial.final;
const badSchema = structuredClone(honest) as unknown as { seasons: { hash: string }[] };
badSchema.seasons[1].hash = 'not-a-hash';

const files = {
  honest: write('honest.json', JSON.stringify(honest, null, 1)),
  tampered: write('tampered.json', JSON.stringify(tampered)),
  partial: write('partial.json', JSON.stringify(partial)),
  missing: join(dir, 'missing.json'),
  broken: write('broken.json', '{"format": "customer-seasons-run", '),
  badSchema: write('bad-schema.json', JSON.stringify(badSchema, null, 2)),
};

const jobs = {
  honest: () => verify([files.honest]),
  both: () => verify([files.honest, files.partial, files.tampered]),
  missing: () => verify([files.missing]),
  broken: () => verify([files.broken]),
  badSchema: () => verify([files.badSchema]),
  none: () => verify([]),
};
type Job = keyof typeof jobs;
const results = {} as Record<Job, Result>;

beforeAll(async () => {
  const names = Object.keys(jobs) as Job[];
  const done = await Promise.all(names.map((n) => jobs[n]()));
  names.forEach((n, k) => (results[n] = done[k]));
}, 120_000);

const noStack = (r: Result) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at |Error:|\.ts:\d+:\d+\)/);

describe('verify command', () => {
  it('accepts an honest run: exit 0, one line with the final score', () => {
    const r = results.honest;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${files.honest}: valid, 4 seasons, final score ${honest.final!.score.total}\n`);
  });

  it('checks several files, one line each; a tampered one exits 1, naming the season and the reason', () => {
    const r = results.both;
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    noStack(r);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`${files.honest}: valid, 4 seasons, final score ${honest.final!.score.total}`);
    expect(lines[1]).toBe(`${files.partial}: valid, 2 seasons (unfinished)`);
    expect(lines[2]).toMatch(
      new RegExp(`^${esc(files.tampered)}: invalid at season 3: state hash [0-9a-f]{8} differs from the claimed ${honest.seasons[2].hash}$`),
    );
  });
});

describe('unreadable input: exit 2, one line naming the file, no stack trace', () => {
  // verify reports each file on stdout (it checks many at once); only its own usage errors go to stderr.
  const oneLine = (r: Result) => {
    expect(r.code).toBe(2);
    noStack(r);
    const all = `${r.stdout}${r.stderr}`.trimEnd().split('\n');
    expect(all).toHaveLength(1);
    return all[0];
  };

  it('missing file', () => {
    expect(oneLine(results.missing)).toBe(`${files.missing}: unreadable: ${files.missing}: cannot read the file (no such file)`);
  });

  it('broken JSON, located', () => {
    expect(oneLine(results.broken)).toMatch(new RegExp(`^${esc(files.broken)}: unreadable: ${esc(files.broken)}:\\d+:\\d+: expected YAML or JSON: `));
  });

  it('a run file that breaks the schema names the field path', () => {
    expect(oneLine(results.badSchema)).toMatch(
      new RegExp(`^${esc(files.badSchema)}: unreadable: ${esc(files.badSchema)}:\\d+:\\d+ seasons\\.1\\.hash: expected an 8-digit hex state hash, found "not-a-hash"$`),
    );
  });

  it('no file given: usage error on stderr', () => {
    const r = results.none;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: expected one or more run files, found none\n');
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
