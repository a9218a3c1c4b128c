// The leaderboard command given a zip of the class's runs: the files inside are ranked like files on disk, bad
// entries are flagged by their name inside the zip, and a zip that would unpack to too much stops the command.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { playToRun } from '../../src/run/replay';
import { fromParsed } from '../../src/scenario/scenario';
import { botSeasons, ROOT, smallBubbleTea } from '../sim/helpers';

function leaderboard(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'leaderboard.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'leaderboard-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { scenario, hash } = fromParsed(smallBubbleTea(300));
const runs = ['textbook', 'passive'].map((bot) => playToRun(scenario, hash, 'zip-cli', `Team ${bot}`, botSeasons(bot, scenario)).run);
writeFileSync(join(dir, 'class.zip'), zipSync({ 'a.json': strToU8(JSON.stringify(runs[0])), 'b.json': strToU8(JSON.stringify(runs[1])) }));
writeFileSync(join(dir, 'mixed.zip'), zipSync({ 'a.json': strToU8(JSON.stringify(runs[0])), 'broken.json': strToU8('{"team": "Half'), 'old.zip': zipSync({}) }));
// 40 entries of 1.9 MB of spaces: a few hundred kB packed, 76 MB unpacked.
const spaces = new Uint8Array(2_000_000).fill(32);
writeFileSync(join(dir, 'bomb.zip'), zipSync(Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`r${k}/x.json`, spaces.subarray(0, 1_900_000 + k)])), { level: 9 }));
writeFileSync(join(dir, 'fake.zip'), 'not a zip');

const started = {
  class: leaderboard([join(dir, 'class.zip')]),
  mixed: leaderboard([join(dir, 'mixed.zip')]),
  bomb: leaderboard([join(dir, 'bomb.zip')]),
  fake: leaderboard([join(dir, 'fake.zip')]),
};

describe('npm run leaderboard with a zip', () => {
  it('ranks the run files inside a zip and exits 0', async () => {
    const r = await started.class;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Verified 2 files in [\d.]+ s; 2 ranked, 0 flagged\./);
    expect(r.stdout).toContain('class.zip/a.json');
  });

  it('flags the bad entries by their name inside the zip and exits 1', async () => {
    const r = await started.mixed;
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/mixed\.zip\/broken\.json.*: malformed: /);
    expect(r.stdout).toMatch(/mixed\.zip\/old\.zip: malformed: a zip inside the zip is not opened/);
    expect(r.stdout).toMatch(/1 ranked, 2 flagged/);
  });

  it('refuses a zip bomb and a file that is not a zip with one line and exit 2', async () => {
    const bomb = await started.bomb;
    expect(bomb.code).toBe(2);
    expect(bomb.stdout).toBe('');
    expect(bomb.stderr).toMatch(/^error: .*bomb\.zip: unpacks to \d+(\.\d)? MB, more than the limit of 64 MB: refused \(a possible zip bomb\)\n$/);
    const fake = await started.fake;
    expect(fake.code).toBe(2);
    expect(fake.stderr).toMatch(/^error: .*fake\.zip: not a readable zip file/);
  });
});
