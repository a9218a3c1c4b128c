// Terminal escape sequences in run files (team names, decision values, zip entry names) never reach the
// teacher's terminal from verify, compare or leaderboard: they are shown as "?".
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { playToRun } from '../../src/run/replay';
import { terminalJson, terminalLine, terminalText } from '../../src/run/terminal';
import { fromParsed } from '../../src/scenario/scenario';
import { botSeasons, ROOT, smallBubbleTea } from '../sim/helpers';

function cli(tool: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', `${tool}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ESC = '\u001b]0;owned\u0007\u001b[2J\u009b1m\u202e';

const dir = mkdtempSync(join(tmpdir(), 'terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { scenario, hash } = fromParsed(smallBubbleTea(200));
const a = playToRun(scenario, hash, 'esc', `Team${ESC}A`, botSeasons('textbook', scenario)).run;
const b = playToRun(scenario, hash, 'esc', `Team${ESC}B`, botSeasons('passive', scenario)).run;
const bad = structuredClone(a);
bad.seasons[0].decisions.acquisition.target = ESC;
writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
writeFileSync(join(dir, 'b.json'), JSON.stringify(b));
writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
writeFileSync(join(dir, 'class.zip'), zipSync({ [`x${ESC}.json`]: strToU8('{}'), 'a.json': strToU8(JSON.stringify(a)) }));

const started = {
  verify: cli('verify', [join(dir, 'bad.json')]),
  compare: cli('compare', [join(dir, 'a.json'), join(dir, 'b.json')]),
  compareJson: cli('compare', [join(dir, 'a.json'), join(dir, 'b.json'), '--json']),
  leaderboard: cli('leaderboard', [join(dir, 'class.zip'), join(dir, 'b.json')]),
  leaderboardJson: cli('leaderboard', [join(dir, 'class.zip'), '--json']),
};

describe('terminal escape sequences from run files', () => {
  it('the filters show every control and reordering character as "?" and keep JSON valid', () => {
    expect(terminalText(`a${ESC}\nb\tc`)).toBe('a?]0;owned??[2J?1m?\nb\tc');
    expect(terminalLine('a\nb\r')).toBe('a b?');
    const json = terminalJson(JSON.stringify({ t: ESC }));
    expect(UNSAFE.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual({ t: ESC });
  });

  it('verify: the quoted decision value is shown, defused', async () => {
    const r = await started.verify;
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('?]0;owned??[2J?1m?');
    expect(UNSAFE.test(r.stdout)).toBe(false);
  });

  it('compare: team names defused in the text and in the JSON', async () => {
    const r = await started.compare;
    expect(r.stdout).toContain('Team?]0;owned??[2J?1m?A');
    expect(UNSAFE.test(r.stdout)).toBe(false);
    const j = await started.compareJson;
    expect(UNSAFE.test(j.stdout)).toBe(false);
    expect(JSON.parse(j.stdout).a.team).toBe(`Team${ESC}A`);
  });

  it('leaderboard: zip entry names and team names defused, text and JSON', async () => {
    const r = await started.leaderboard;
    expect(r.stdout).toContain('class.zip/x?]0;owned??[2J?1m?.json');
    expect(UNSAFE.test(r.stdout + r.stderr)).toBe(false);
    const j = await started.leaderboardJson;
    expect(UNSAFE.test(j.stdout)).toBe(false);
  });
});
