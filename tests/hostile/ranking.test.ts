// Ranking fairness: a copy whose decisions differ only where they have no effect is still pointed out (same
// verified state hash every season), and a vote tie is never decided in favour of a file by its position, so
// one forged run (an edited scenario under the same id) cannot push out an honest team.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rankRuns } from '../../src/run/leaderboard';
import { playToRun } from '../../src/run/replay';
import { fromParsed } from '../../src/scenario/scenario';
import { Scenario } from '../../src/scenario/schema';
import { bubbleTea, botSeasons, ROOT, smallBubbleTea } from '../sim/helpers';

const { scenario, hash } = fromParsed(smallBubbleTea(300));

describe('copies with the same verified outcome', () => {
  it('decisions changed only where they have no effect: pointed out as a copy with identical outcomes', () => {
    const seasons = botSeasons('passive', scenario);
    const original = playToRun(scenario, hash, 'copy', 'Team A', seasons).run;
    // No contacts, no win-back budget, no assistant: the channel, the win-back order and the escalation rule do nothing.
    const edited = seasons.map((d) => ({
      ...d,
      care: { ...d.care, channel: 'phone' as const },
      retention: { ...d.retention, winBackTarget: 'value' as const },
      complaints: { ...d.complaints, escalateTopTier: false },
    }));
    const copy = playToRun(scenario, hash, 'copy', 'Team B', edited).run;
    expect(copy.seasons.map((s) => s.hash)).toEqual(original.seasons.map((s) => s.hash));
    const board = rankRuns([
      { name: 'a.json', text: JSON.stringify(original) },
      { name: 'b.json', text: JSON.stringify(copy) },
    ]);
    expect(board.ranked).toHaveLength(2);
    expect(board.copies).toEqual([expect.objectContaining({ a: 'a.json', b: 'b.json', identical: false, sameOutcome: true })]);
    expect(board.copies[0].notes.join(' ')).toMatch(/identical verified outcomes/);
    expect(board.rows.find((r) => r.name === 'b.json')?.possibleCopyOf).toEqual(['a.json']);
  });

  it('outcomes are compared only for runs that verify', () => {
    const a = playToRun(scenario, hash, 'copy', 'Team A', botSeasons('textbook', scenario)).run;
    const forged = structuredClone(a);
    forged.team = 'Team F';
    forged.seasons[0].decisions.pricing.discount = 0.3;
    const board = rankRuns([
      { name: 'a.json', text: JSON.stringify(a) },
      { name: 'f.json', text: JSON.stringify(forged) },
    ]);
    expect(board.rows.find((r) => r.name === 'f.json')?.status).toBe('tampered');
    expect(board.copies.filter((p) => p.sameOutcome)).toEqual([]);
  });
});

describe('the scenario vote', () => {
  const honest = playToRun(scenario, hash, 'class', 'Honest', botSeasons('textbook', scenario)).run;
  // The forger edits the embedded scenario (a far cheaper acquisition), keeps its id, and plays it for real.
  const easier = fromParsed(Scenario.parse({ ...structuredClone(scenario), costs: { ...scenario.costs, acquisition: { social: 1, flyers: 1, search: 1, referral: 1 } } }));
  const forged = playToRun(easier.scenario, easier.hash, 'class', 'Forger', botSeasons('textbook', easier.scenario)).run;
  const files = { honest: { name: 'honest.json', text: JSON.stringify(honest) }, forged: { name: 'forged.json', text: JSON.stringify(forged) } };

  it('a tie between one forged and one honest run ranks neither, whichever comes first, and says what to state', () => {
    for (const order of [[files.forged, files.honest], [files.honest, files.forged]]) {
      const board = rankRuns(order);
      expect(board.ranked).toEqual([]);
      expect(board.rows.map((r) => r.status)).toEqual(['undecided', 'undecided']);
      expect(board.expected.undecided).toMatch(/1 verified file each for bubble-tea \w{12} seed "class" and bubble-tea \w{12} seed "class"; state the scenario and seed of the class/);
      expect(board.expected.scenarioHash).toBeNull();
    }
  });

  it('a tie goes to the one pair that plays a shipped scenario; the teacher can also state it', () => {
    for (const order of [[files.forged, files.honest], [files.honest, files.forged]]) {
      const board = rankRuns(order, { knownScenarios: [hash] });
      expect(board.ranked.map((r) => r.name)).toEqual(['honest.json']);
      expect(board.rows.find((r) => r.name === 'forged.json')?.status).toBe('other-scenario');
      const stated = rankRuns(order, { scenarioHash: hash.slice(0, 8) });
      expect(stated.ranked.map((r) => r.name)).toEqual(['honest.json']);
    }
  });

  it('a clear majority still decides on its own', () => {
    const second = playToRun(scenario, hash, 'class', 'Honest 2', botSeasons('passive', scenario)).run;
    const board = rankRuns([files.forged, files.honest, { name: 'second.json', text: JSON.stringify(second) }]);
    expect(board.ranked.map((r) => r.name).sort()).toEqual(['honest.json', 'second.json']);
    expect(board.expected.undecided).toBeNull();
  });
});

describe('npm run leaderboard: a forged copy of a shipped scenario', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vote-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const shipped = bubbleTea();
  const honest = playToRun(shipped.scenario, shipped.hash, 'class', 'Honest', botSeasons('passive', shipped.scenario)).run;
  const small = fromParsed(Scenario.parse({ ...structuredClone(shipped.scenario), population: { ...shipped.scenario.population, size: 300 } }));
  const forged = playToRun(small.scenario, small.hash, 'class', 'Forger', botSeasons('textbook', small.scenario)).run;
  writeFileSync(join(dir, 'a-forged.json'), JSON.stringify(forged));
  writeFileSync(join(dir, 'b-honest.json'), JSON.stringify(honest));

  it('ranks the honest team on the shipped scenario, not the earlier forged file', async () => {
    const r = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'leaderboard.ts'), dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (err, stdout) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout }),
      );
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^Scenario bubble-tea ${shipped.hash.slice(0, 12)}`));
    expect(r.stdout).toMatch(/1\s+Honest .*b-honest\.json/);
    expect(r.stdout).toMatch(/a-forged\.json \[Forger\]: other-scenario/);
  });
});
