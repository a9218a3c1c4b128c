// The leaderboard command as a teacher runs it: exit 0 when every file is ranked, 1 when some file is flagged
// (each named with its reason), 2 when an argument cannot be read; the gradebook CSV and Markdown report are
// written; worker threads give the same result as one thread.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { playToRun } from '../../src/run/replay';
import { fromParsed } from '../../src/scenario/scenario';
import { botSeasons, ROOT, smallBubbleTea } from '../sim/helpers';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Node with tsx's loader directly, not npx: no npm notices on stderr, one process fewer.
function leaderboard(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'leaderboard.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'leaderboard-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const honestDir = join(dir, 'honest');
const mixedDir = join(dir, 'mixed');
mkdirSync(honestDir);
mkdirSync(mixedDir);

const { scenario, hash } = fromParsed(smallBubbleTea(300));
const runs = ['textbook', 'passive', 'spam'].map((bot) => playToRun(scenario, hash, 'cli-seed', `Team ${bot}`, botSeasons(bot, scenario)).run);
runs.forEach((r, k) => {
  writeFileSync(join(honestDir, `team-${k}.json`), JSON.stringify(r, null, 1));
  writeFileSync(join(mixedDir, `team-${k}.json`), JSON.stringify(r));
});
const tampered = structuredClone(runs[0]);
tampered.team = 'Team, "Sneaky"';
tampered.seasons[1].score.total += 5;
writeFileSync(join(mixedDir, 'sneaky.json'), JSON.stringify(tampered));
writeFileSync(join(mixedDir, 'broken.json'), '{"format": "customer-seasons-run",');
writeFileSync(join(mixedDir, 'notes.txt'), 'not a run file, and not *.json: ignored');

const jobs = {
  honest: () => leaderboard([honestDir, '--csv', join(dir, 'honest.csv'), '--md', join(dir, 'honest.md')]),
  mixed: () => leaderboard([mixedDir, '--csv', join(dir, 'mixed.csv')]),
  threads: () => leaderboard([mixedDir, '--threads', '2', '--csv', join(dir, 'threads.csv')]),
  missing: () => leaderboard([honestDir, join(dir, 'no-such-dir')]),
  badOption: () => leaderboard([honestDir, '--threads', 'many']),
  empty: () => leaderboard([join(dir, 'honest.csv').replace('honest.csv', 'empty-dir')]),
};
mkdirSync(join(dir, 'empty-dir'));
// Start every process at once; each test awaits its own.
const started: Record<keyof typeof jobs, Promise<Result>> = Object.fromEntries(Object.entries(jobs).map(([k, f]) => [k, f()])) as never;

describe('npm run leaderboard', () => {
  it('ranks a directory of honest runs and exits 0, writing the gradebook and the report', async () => {
    const r = await started.honest;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const order = [...runs].sort((a, b) => b.final!.score.total - a.final!.score.total);
    const lines = r.stdout.split('\n').filter((l) => /^\s+\d+\s{2}Team/.test(l));
    expect(lines.map((l) => l.match(/Team \S+/)?.[0])).toEqual(order.map((x) => x.team));
    expect(r.stdout).toMatch(/Verified 3 files in [\d.]+ s; 3 ranked, 0 flagged\./);
    const csv = readFileSync(join(dir, 'honest.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFrank,team,file,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(readFileSync(join(dir, 'honest.md'), 'utf8')).toContain('## Ranking / 排名');
  });

  it('exits 1 when a file is flagged, naming each with its reason; the CSV quotes the odd team name', async () => {
    const r = await started.mixed;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Flagged (2, not ranked):');
    expect(r.stdout).toMatch(/broken\.json: malformed: .*broken\.json:\d+:\d+: expected YAML or JSON/);
    expect(r.stdout).toMatch(/sneaky\.json \[Team, "Sneaky"\]: tampered: season 2: total score [\d.]+ differs from the claimed [\d.]+/);
    expect(r.stdout).toMatch(/Possible copies[\s\S]*identical decisions/);
    expect(r.stdout).not.toContain('notes.txt');
    const csv = readFileSync(join(dir, 'mixed.csv'), 'utf8');
    expect(csv).toContain('"Team, ""Sneaky"""');
    expect(csv).toMatch(/,tampered,season 2: total score/);
  });

  it('gives the same ranking and gradebook on two threads', async () => {
    const [one, two] = await Promise.all([started.mixed, started.threads]);
    expect(two.code).toBe(1);
    expect(two.stderr).toBe('');
    const strip = (s: string) => s.replace(/Verified .*\n/, '');
    expect(strip(two.stdout)).toBe(strip(one.stdout));
    expect(readFileSync(join(dir, 'threads.csv'), 'utf8')).toBe(readFileSync(join(dir, 'mixed.csv'), 'utf8'));
  });

  it('exits 2 with one line on stderr for a missing directory, a bad option or nothing to rank', async () => {
    const missing = await started.missing;
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^error: .*no-such-dir: cannot read \(no such file or directory\)\n$/);
    const bad = await started.badOption;
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --threads: expected a whole number from 1 to 64, found "many"\n');
    const empty = await started.empty;
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^error: .*empty-dir: expected run files \(\*\.json\), found none\n$/);
  });
});
