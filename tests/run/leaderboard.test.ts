// The class leaderboard: ranking order and its tie-breaks, every kind of flag with its reason, possible copies,
// the gradebook CSV (BOM, quoting, spreadsheet-safe text) and the printable report; and the fast checking path
// (JSON parse, cached population) agreeing with the reference loader and verifier.
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/sim/game';
import { parseCsv } from '../../src/analytics/csv';
import { checkEntry, hasDuplicateKeys, parseRunText, PopulationCache, verifyRunCached, type CheckedEntry, type RunEntry } from '../../src/run/check';
import { copyStart } from '../../src/sim';
import { findCopies, similarity } from '../../src/run/copies';
import { forkRun } from '../../src/run/fork';
import { formatLeaderboard, gradebookCsv, gradebookMarkdown, spreadsheetText } from '../../src/run/gradebook';
import { rankChecked, rankRuns } from '../../src/run/leaderboard';
import { decisionsHash, playToRun, verifyRun } from '../../src/run/replay';
import { RunFile } from '../../src/run/runfile';
import { loadText } from '../../src/scenario/load';
import { fromParsed } from '../../src/scenario/scenario';
import { newGame } from '../../src/sim/game';
import type { Score } from '../../src/sim/scoring';
import { stringify } from 'yaml';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

/** An engine version this build cannot verify: the next major. */
const FUTURE = `${Number(ENGINE_VERSION.split('.')[0]) + 1}.0.0`;

const SEED = 'class-seed';
const { scenario, hash } = fromParsed(smallBubbleTea(300));
const play = (team: string, bot: string, seed = SEED) => playToRun(scenario, hash, seed, team, botSeasons(bot, scenario)).run;
const file = (run: unknown, pretty = true): string => JSON.stringify(run, null, pretty ? 1 : undefined);

const textbook = play('Team Textbook', 'textbook');
const passive = play('Team Passive', 'passive');
const tiers = play('Team Tiers', 'member-tiers');
const spam = play('Team Spam', 'spam');
const honest: RunEntry[] = [
  { name: 'spam.json', text: file(spam) },
  { name: 'passive.json', text: file(passive) },
  { name: 'textbook.json', text: file(textbook) },
  { name: 'tiers.json', text: file(tiers) },
];
const totals = [spam, passive, textbook, tiers].map((r) => r.final!.score.total);

describe('ranking', () => {
  const board = rankRuns(honest);

  it('ranks every honest finished run by final total, highest first', () => {
    expect(board.flagged).toEqual([]);
    expect(board.ranked.map((r) => r.final!.total)).toEqual([...totals].sort((a, b) => b - a));
    expect(board.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(board.ranked.every((r) => r.status === 'ranked' && r.reason === null)).toBe(true);
    const top = board.ranked[0];
    expect(top.seasonTotals).toHaveLength(4);
    expect(board.expected).toMatchObject({ scenarioHash: hash, scenarioId: scenario.id, seed: SEED, seasons: 4 });
    expect(board.counts.ranked).toBe(4);
  });

  it('gives trajectory data: each ranked team’s total per season, in rank order', () => {
    expect(board.trajectories.map((t) => t.team)).toEqual(board.ranked.map((r) => r.team));
    const t = board.trajectories.find((x) => x.team === 'Team Spam');
    expect(t?.totals).toEqual(spam.seasons.map((s) => s.score.total));
  });

  it('does not depend on the order the files come in, except for which repeat counts', () => {
    const reversed = rankRuns([...honest].reverse());
    expect(reversed.ranked.map((r) => r.name)).toEqual(board.ranked.map((r) => r.name));
  });
});

describe('tie-breaks', () => {
  // Checked entries with made-up verified scores, to pin every tie-break.
  const base = checkEntry({ name: 'x', text: file(textbook) }, new PopulationCache()) as Extract<CheckedEntry, { ok: true }>;
  const score = (total: number, residual: number, satisfaction: number): Score => ({ total, residual, satisfaction, loyalty: 40, churn: 50, profit: 50 });
  const entry = (name: string, team: string, final: Score, seasonTotals = [50, 50, 50, 50]): CheckedEntry => {
    const run = structuredClone(base.run);
    run.team = team;
    run.seasons.forEach((s, k) => (s.score.total = seasonTotals[k]));
    // Each its own decisions (no repeats, no copies): the survey sample differs.
    run.seasons[0].decisions.survey.sample = name.length * 7 + team.length;
    return { ...base, name, run, verdict: { valid: true, seasons: 4, final }, contentHash: `${name}-${team}`, decisionsHash: `${name}-${team}` };
  };

  it('higher total, then residual, then satisfaction, then the better worst season, then team name', () => {
    const board = rankChecked([
      entry('e.json', 'Echo', score(60, 70, 60)),
      entry('a.json', 'Alpha', score(61, 10, 10)),
      entry('c.json', 'Charlie', score(60, 71, 50)),
      entry('d.json', 'Delta', score(60, 70, 61)),
      entry('f.json', 'Foxtrot', score(60, 70, 60), [50, 50, 49, 50]),
      entry('b.json', 'Bravo', score(60, 70, 60)),
    ]);
    expect(board.ranked.map((r) => r.team)).toEqual(['Alpha', 'Charlie', 'Delta', 'Bravo', 'Echo', 'Foxtrot']);
    // Bravo and Echo are equal on every ranking key: they share the rank, listed by team name.
    expect(board.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 4, 6]);
  });
});

describe('flags', () => {
  const tampered = structuredClone(tiers);
  tampered.seasons[2].score.satisfaction += 3;
  tampered.team = 'Team Tampered';
  const unfinished = forkRun(textbook, 2, 'Team Unfinished');
  const otherSeed = play('Team Other Seed', 'passive', 'another-seed');
  const small = fromParsed(smallBubbleTea(200));
  const otherScenario = playToRun(small.scenario, small.hash, SEED, 'Team Other Scenario', botSeasons('passive', small.scenario)).run;
  const engine = { ...structuredClone(passive), engineVersion: FUTURE, team: 'Team Future' };
  const entries: RunEntry[] = [
    ...honest,
    { name: 'broken.json', text: '{"format": "customer-seasons-run", "team": "Team Broken", ' },
    { name: 'badfield.json', text: file({ ...structuredClone(passive), team: 'Team Bad Field', colour: 'red' }) },
    { name: 'empty.json', text: '' },
    { name: 'tampered.json', text: file(tampered) },
    { name: 'engine.json', text: file(engine) },
    { name: 'repeat.json', text: file(textbook, false) },
    { name: 'other-seed.json', text: file(otherSeed) },
    { name: 'other-scenario.json', text: file(otherScenario) },
    { name: 'unfinished.json', text: file(unfinished) },
  ];
  const board = rankRuns(entries);
  const row = (name: string) => board.rows.find((r) => r.name === name)!;

  it('ranks only the honest, finished runs of the class scenario and seed', () => {
    expect(board.ranked.map((r) => r.name).sort()).toEqual(honest.map((e) => e.name).sort());
    expect(board.rows).toHaveLength(entries.length);
    expect(board.flagged.map((r) => r.name)).toEqual(entries.slice(4).map((e) => e.name));
    for (const r of board.flagged) {
      expect(r.rank).toBeNull();
      expect(r.reason).toEqual(expect.any(String));
      expect(r.reason!.length).toBeGreaterThan(5);
    }
  });

  it('names the located problem of files that are not run files', () => {
    expect(row('broken.json')).toMatchObject({ status: 'malformed', team: null });
    expect(row('broken.json').reason).toMatch(/^broken\.json(:\d+:\d+)?: expected YAML or JSON/);
    expect(row('badfield.json')).toMatchObject({ status: 'malformed', team: 'Team Bad Field', reason: expect.stringContaining('unknown field "colour"') });
    expect(row('badfield.json').reason).toMatch(/^badfield\.json:\d+:\d+/);
    expect(row('empty.json')).toMatchObject({ status: 'malformed', reason: expect.stringContaining('empty file') });
  });

  it('names the season and the claim of a run that does not verify', () => {
    expect(row('tampered.json')).toMatchObject({ status: 'tampered', season: 3, team: 'Team Tampered' });
    expect(row('tampered.json').reason).toMatch(/^season 3: satisfaction score [\d.]+ differs from the claimed [\d.]+$/);
  });

  it('flags an incompatible engine, a repeated file, another seed or scenario, an unfinished run', () => {
    expect(row('engine.json')).toMatchObject({ status: 'engine', reason: expect.stringContaining(`engine version ${FUTURE}`) });
    expect(row('repeat.json')).toMatchObject({ status: 'duplicate', reason: 'same content as textbook.json' });
    expect(row('other-seed.json')).toMatchObject({ status: 'other-seed', reason: `seed "another-seed", the class plays "${SEED}"` });
    expect(row('other-scenario.json')).toMatchObject({ status: 'other-scenario', reason: expect.stringContaining('the class plays bubble-tea') });
    expect(row('unfinished.json')).toMatchObject({ status: 'unfinished', reason: '2 of 4 seasons played; a run is ranked only when finished' });
    expect(row('unfinished.json').seasonTotals).toEqual(textbook.seasons.slice(0, 2).map((s) => s.score.total));
  });

  it('takes the class seed and scenario from the options when given, and says how it chose', () => {
    expect(board.expected.rule).toMatch(/most verified files share/);
    const bySeed = rankRuns(entries, { seed: 'another-seed' });
    expect(bySeed.ranked.map((r) => r.name)).toEqual(['other-seed.json']);
    expect(bySeed.rows.find((r) => r.name === 'textbook.json')).toMatchObject({ status: 'other-seed' });
    expect(bySeed.expected.rule).toMatch(/^seed as given; scenario: the one most verified files with that seed share \(a tie goes to the one pair that plays a shipped scenario/);
    const byHash = rankRuns(entries, { scenarioHash: small.hash.slice(0, 12) });
    expect(byHash.ranked.map((r) => r.name)).toEqual(['other-scenario.json']);
    expect(byHash.expected.scenarioHash).toBe(small.hash);
    const nothing = rankRuns(entries.slice(0, 2), { scenarioHash: 'deadbeef' });
    expect(nothing.ranked).toEqual([]);
    expect(nothing.flagged.every((r) => r.status === 'other-scenario')).toBe(true);
  });

  it('infers the pair most verified files share; tampered files do not vote', () => {
    const lies = Array.from({ length: 5 }, (_, k) => ({ name: `lie-${k}.json`, text: file({ ...structuredClone(tampered), team: `liar ${k}` }) }));
    const b = rankRuns([{ name: 'one.json', text: file(textbook) }, { name: 'two.json', text: file(otherSeed) }, { name: 'three.json', text: file(passive) }, ...lies]);
    expect(b.expected.seed).toBe(SEED);
    expect(b.ranked.map((r) => r.name).sort()).toEqual(['one.json', 'three.json']);
  });

  it('writes the gradebook: BOM, CRLF, one row per file, flagged rows with their reason', () => {
    const csv = gradebookCsv(board);
    expect(csv.startsWith('\uFEFFrank,team,file,final total,satisfaction,loyalty,churn,profit,residual,season 1 total,season 2 total,season 3 total,season 4 total,status,reason,possible copy of\r\n')).toBe(true);
    const { rows, errors } = parseCsv(csv);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(entries.length + 1);
    const header = rows[0].fields;
    const byFile = new Map(rows.slice(1).map((r) => [r.fields[header.indexOf('file')], r.fields]));
    for (const r of board.flagged) {
      const f = byFile.get(r.name)!;
      expect(f[header.indexOf('status')]).toBe(r.status);
      expect(f[header.indexOf('reason')]).toBe(r.reason);
      expect(f[header.indexOf('rank')]).toBe('');
    }
    const first = byFile.get(board.ranked[0].name)!;
    expect(Number(first[header.indexOf('final total')])).toBe(board.ranked[0].final!.total);
    expect(first[header.indexOf('rank')]).toBe('1');
  });

  it('prints the flags and the ranking as text and Markdown', () => {
    const text = formatLeaderboard(board);
    expect(text).toContain('Flagged (9, not ranked):');
    expect(text).toMatch(/tampered\.json \[Team Tampered\]: tampered: season 3: satisfaction score/);
    const mdText = gradebookMarkdown(board);
    expect(mdText).toContain('## Flagged files / 被标记的文件');
    expect(mdText).toContain('| 1 | ');
  });
});

describe('CSV and Markdown quoting', () => {
  const odd = [
    { name: 'comma.json', text: file({ ...structuredClone(textbook), team: 'Smith, "The" Team' }) },
    { name: 'formula.json', text: file({ ...structuredClone(passive), team: '=HYPERLINK("http://x","y")' }) },
    { name: 'pipe.json', text: file({ ...structuredClone(tiers), team: 'a|b 队\nnext' }) },
  ];
  const board = rankRuns(odd);

  it('quotes commas, quotes and line breaks, and keeps formulas as text', () => {
    const csv = gradebookCsv(board);
    expect(csv).toContain('"Smith, ""The"" Team"');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain('"a|b 队\nnext"');
    const { rows } = parseCsv(csv);
    expect(rows.slice(1).map((r) => r.fields[1]).sort()).toEqual(['Smith, "The" Team', `'=HYPERLINK("http://x","y")`, 'a|b 队\nnext'].sort());
    expect(spreadsheetText('-1+2')).toBe("'-1+2");
    expect(spreadsheetText('Team 1')).toBe('Team 1');
  });

  it('escapes table pipes and line breaks in Markdown and control characters in text', () => {
    const mdText = gradebookMarkdown(board);
    expect(mdText).toContain('a\\|b 队 next');
    expect(formatLeaderboard(board)).not.toMatch(/队\nnext/);
  });
});

describe('possible copies', () => {
  const copied = { ...structuredClone(textbook), team: 'Team Copycat' };
  const tweaked = structuredClone(textbook);
  tweaked.team = 'Team Tweak';
  tweaked.seasons[3].decisions.survey.sample = 90;
  const tweakedRun = playToRun(scenario, hash, SEED, 'Team Tweak', tweaked.seasons.map((s) => s.decisions)).run;
  const board = rankRuns([...honest, { name: 'copycat.json', text: file(copied) }, { name: 'tweak.json', text: file(tweakedRun) }]);

  it('points out identical and near-identical decision logs without flagging them', () => {
    const pairs = board.copies.map((p) => [p.a, p.b, p.identical]);
    expect(pairs).toContainEqual(['textbook.json', 'copycat.json', true]);
    expect(pairs).toContainEqual(['textbook.json', 'tweak.json', false]);
    expect(pairs).toContainEqual(['copycat.json', 'tweak.json', false]);
    expect(board.rows.find((r) => r.name === 'copycat.json')).toMatchObject({ status: 'ranked', possibleCopyOf: ['textbook.json', 'tweak.json'] });
    expect(board.flagged).toEqual([]);
    const near = board.copies.find((p) => p.b === 'tweak.json' && p.a === 'textbook.json')!;
    expect(near.similarity).toBeGreaterThanOrEqual(0.95);
    expect(near.similarity).toBeLessThan(1);
    const csv = gradebookCsv(board);
    expect(csv).toMatch(/copycat\.json,[^\r]*,textbook\.json; tweak\.json\r\n/);
  });

  it('does not call different strategies or teams that each left things at their defaults copies', () => {
    const pairs = board.copies.map((p) => `${p.a}~${p.b}`);
    expect(pairs).not.toContain('spam.json~passive.json');
    expect(pairs.some((p) => p.includes('passive.json'))).toBe(false);
    // Only the leaves someone set count: one changed field out of two is 50 %, however many defaults agree.
    const one = [{ decisions: { ...passive.seasons[0].decisions, survey: { sample: 10 }, staff: { training: 5, extraStaff: 0 } } }];
    const two = [{ decisions: { ...passive.seasons[0].decisions, survey: { sample: 10 }, staff: { training: 6, extraStaff: 0 } } }];
    expect(similarity(one, two)).toEqual({ similarity: 0.5, setLeaves: 2 });
    expect(similarity(passive.seasons, passive.seasons)).toEqual({ similarity: 1, setLeaves: 0 });
  });

  it('notes a declared fork and two all-default logs', () => {
    const fork = forkRun(textbook, 4, 'Team Fork');
    const lazy = { ...structuredClone(passive), team: 'Team Lazy' };
    const cands = [textbook, fork, passive, lazy].map((r, k) => ({ name: `f${k}`, team: r.team, scenarioHash: r.scenario.hash, decisionsHash: decisionsHash(r), run: r }));
    const pairs = findCopies(cands);
    expect(pairs.find((p) => p.b === 'f1')?.notes).toEqual(['f1 is a declared fork of a run by Team Textbook']);
    expect(pairs.find((p) => p.a === 'f2' && p.b === 'f3')?.notes).toEqual(['neither team changed any default']);
  });
});

describe('the fast checking path agrees with the reference', () => {
  it('parses JSON exactly as loadText does, falling back to it for messages and for YAML', () => {
    const text = file(textbook);
    const fast = parseRunText(text, 'a.json');
    const slow = loadText(text, 'a.json', RunFile);
    expect(fast).toEqual({ ok: true, run: slow.ok ? slow.value : null });
    const yaml = stringify(JSON.parse(text));
    expect(parseRunText(yaml, 'a.yaml')).toEqual(fast);
    const dup = text.replace('"team": "Team Textbook",', '"team": "Team Textbook", "team": "Someone Else",');
    expect(hasDuplicateKeys(dup)).toBe(true);
    expect(hasDuplicateKeys(text)).toBe(false);
    expect(hasDuplicateKeys('{"a": {"b": 1}, "b": [{"a": 1}, {"a": 2}], "c": "\\"a\\": 1"}')).toBe(false);
    expect(hasDuplicateKeys('{"a": 1, "\\u0061": 2}')).toBe(true);
    const r = parseRunText(dup, 'dup.json');
    expect(r.ok).toBe(false);
    expect(loadText(dup, 'dup.json', RunFile).ok).toBe(false);
  });

  it('starts from a copy of the population that equals a new one, and verifies as verifyRun does', () => {
    const fresh = newGame(scenario, SEED);
    const copy = copyStart(newGame(scenario, SEED));
    expect(copy).toEqual(fresh);
    const cache = new PopulationCache(1);
    for (const run of [textbook, passive, tiers, spam, forkRun(spam, 2)]) expect(verifyRunCached(run, cache)).toEqual(verifyRun(run));
    const lie = structuredClone(spam);
    lie.seasons[1].hash = '00000000';
    expect(verifyRunCached(lie, cache)).toEqual(verifyRun(lie));
  });
});
