import { ENGINE_VERSION, type Score } from '../sim';
import { checkParsed, parseRunText, PopulationCache, simulationPlan, type CheckedEntry, type RunEntry } from './check';
import { findCopies, type CopyPair } from './copies';
import { engineCompatible } from './runfile';

// The class leaderboard. Every submitted file is re-simulated from its decisions; a file is ranked only if it
// reads as a run file, verifies, is not a repeat of an earlier file, belongs to the class's scenario and seed,
// and is finished. Everything else is listed with the reason. Pure: the CLI reads files and may check them on
// worker threads (checkEntry), then calls rankChecked; the browser can do the same in a Web Worker.

export interface LeaderboardOptions {
  /** The class's scenario: its SHA-256 (or at least the first 8 hex digits of it). Inferred if absent. */
  scenarioHash?: string;
  /** The class's seed. Inferred if absent. */
  seed?: string;
  /**
   * SHA-256 of the scenarios shipped with the game. A vote tie between pairs is decided in favour of the one
   * pair that plays a shipped scenario; any other tie is left undecided (a file never wins by coming first).
   */
  knownScenarios?: readonly string[] | (() => readonly string[]);
}

export type RowStatus = 'ranked' | 'malformed' | 'engine' | 'tampered' | 'duplicate' | 'undecided' | 'other-scenario' | 'other-seed' | 'unfinished';

/** Order and wording of the flags, for reports. */
export const FLAG_TEXT: Record<Exclude<RowStatus, 'ranked'>, string> = {
  malformed: 'not a readable run file',
  engine: 'made by an incompatible engine version',
  tampered: 'does not verify (claims differ from the re-simulation)',
  duplicate: 'same content as an earlier file',
  undecided: "the class's scenario and seed are undecided (a tie): state them",
  'other-scenario': "not the class's scenario",
  'other-seed': "not the class's seed",
  unfinished: 'not finished (fewer seasons than the scenario)',
};

export interface BoardRow {
  name: string;
  /** Team as written in the file (null when the file cannot be read at all). */
  team: string | null;
  status: RowStatus;
  /** Why the file is not ranked; null for ranked files. */
  reason: string | null;
  /** The season a verification failure is in, when it is in one. */
  season: number | null;
  /** 1-based; shared by runs equal on every ranking key; null if not ranked. */
  rank: number | null;
  /** Verified final score (null unless the run verifies and is finished). */
  final: Score | null;
  /** Verified total of each season played (empty unless the run verifies). */
  seasonTotals: number[];
  /** Files whose decision logs are identical or near-identical to this one's. */
  possibleCopyOf: string[];
  scenarioId: string | null;
  scenarioHash: string | null;
  seed: string | null;
}

export interface Leaderboard {
  /**
   * The scenario and seed files are ranked on, how they were chosen, and the scenario's season count; when the
   * vote is tied and nothing decides it, `undecided` says between what, and no file is ranked.
   */
  expected: { scenarioHash: string | null; scenarioId: string | null; seed: string | null; seasons: number; rule: string; undecided: string | null };
  /** Ranked rows in rank order, then flagged rows in input order. */
  rows: BoardRow[];
  ranked: BoardRow[];
  flagged: BoardRow[];
  copies: CopyPair[];
  /** Total score per season of every ranked run, in rank order: the data of a trajectory chart. */
  trajectories: { name: string; team: string; totals: number[] }[];
  counts: Record<RowStatus, number>;
}

export const TIE_BREAK_RULE =
  'higher final total; then higher final residual value; then higher mean satisfaction; then the better worst season total; ' +
  'runs equal on all four share the rank and are listed by team name, then file name';

/** Checks every file (re-simulating it) and ranks the class. Entries are judged in the order given. */
export function rankRuns(entries: readonly RunEntry[], options: LeaderboardOptions = {}, cache: PopulationCache = new PopulationCache()): Leaderboard {
  return rankChecked(checkClass(entries, options, cache), options);
}

/**
 * Checks a class's files: all parsed first, then re-simulated as simulationPlan decides from the cheap facts
 * (a file asking for far more work than the class's files is not simulated). `onEach` follows the progress.
 */
export function checkClass(entries: readonly RunEntry[], options: LeaderboardOptions, cache: PopulationCache, onEach?: (done: number, name: string) => void): CheckedEntry[] {
  const parsed = entries.map((e) => parseRunText(e.text, e.name));
  const plan = simulationPlan(parsed.map((p) => (p.ok ? p.run : null)), options);
  return entries.map((e, k) => {
    const c = checkParsed(e, parsed[k], cache, plan[k]);
    onEach?.(k + 1, e.name);
    return c;
  });
}

type Parsed = Extract<CheckedEntry, { ok: true }>;

/** Ranks files already checked by checkEntry (in any thread), in the order given. */
export function rankChecked(checked: readonly CheckedEntry[], options: LeaderboardOptions = {}): Leaderboard {
  // Repeats: a file with the same content (layout aside) as an earlier one is listed once.
  const firstWith = new Map<string, string>();
  const duplicateOf = new Map<number, string>();
  checked.forEach((c, k) => {
    if (!c.ok) return;
    const first = firstWith.get(c.contentHash);
    if (first !== undefined) duplicateOf.set(k, first);
    else firstWith.set(c.contentHash, c.name);
  });

  const expected = chooseExpected(checked, duplicateOf, options);

  const rows: BoardRow[] = checked.map((c, k): BoardRow => {
    if (!c.ok) return { ...blank(c.name, c.team ?? null), status: 'malformed', reason: c.message };
    const run = c.run;
    const row: BoardRow = {
      ...blank(c.name, run.team),
      scenarioId: run.scenario.id,
      scenarioHash: run.scenario.hash,
      seed: run.seed,
    };
    const v = c.verdict;
    if (!engineCompatible(run.engineVersion)) return { ...row, status: 'engine', reason: `engine version ${run.engineVersion}; this engine is ${ENGINE_VERSION}, which verifies ${ENGINE_VERSION.split('.')[0]}.x only` };
    if (c.simulated === false) {
      // Never simulated (it asks for far more work than the class's files), so never ranked and never a voter.
      if (expected.undecided !== null) return { ...row, status: 'undecided', reason: `${expected.undecided}; ${v.valid ? '' : v.reason}` };
      if (expected.scenarioHash !== null && run.scenario.hash !== expected.scenarioHash) return { ...row, status: 'other-scenario', reason: `scenario ${run.scenario.id} ${run.scenario.hash.slice(0, 12)}, the class plays ${expected.scenarioId} ${expected.scenarioHash.slice(0, 12)}; ${v.valid ? '' : v.reason}` };
      if (expected.seed !== null && run.seed !== expected.seed) return { ...row, status: 'other-seed', reason: `seed "${run.seed}", the class plays "${expected.seed}"; ${v.valid ? '' : v.reason}` };
    }
    if (!v.valid) return { ...row, status: 'tampered', season: v.season, reason: v.season ? `season ${v.season}: ${v.reason}` : v.reason };
    row.seasonTotals = run.seasons.map((s) => s.score.total);
    row.final = v.final;
    const dup = duplicateOf.get(k);
    if (dup !== undefined) return { ...row, status: 'duplicate', reason: `same content as ${dup}` };
    if (expected.undecided !== null) return { ...row, status: 'undecided', reason: expected.undecided };
    if (expected.scenarioHash !== null && run.scenario.hash !== expected.scenarioHash) {
      return { ...row, status: 'other-scenario', reason: `scenario ${run.scenario.id} ${run.scenario.hash.slice(0, 12)}, the class plays ${expected.scenarioId} ${expected.scenarioHash.slice(0, 12)}` };
    }
    if (expected.seed !== null && run.seed !== expected.seed) return { ...row, status: 'other-seed', reason: `seed "${run.seed}", the class plays "${expected.seed}"` };
    if (v.final === null) return { ...row, status: 'unfinished', reason: `${v.seasons} of ${c.scenarioSeasons} seasons played; a run is ranked only when finished` };
    return { ...row, status: 'ranked' };
  });

  // Possible copies among runs that are not plain repeats of an earlier file.
  // Runs that verify carry their verified per-season state hashes: equal outcomes are copies whatever the
  // decisions say (changes without effect do not hide a copy).
  const candidates = checked.flatMap((c, k) =>
    c.ok && !duplicateOf.has(k)
      ? [
          {
            name: c.name,
            team: c.run.team,
            scenarioHash: c.run.scenario.hash,
            decisionsHash: c.decisionsHash,
            outcome: c.verdict.valid && c.run.seasons.length > 0 ? `${c.run.seed}\u0000${c.run.seasons.map((s) => s.hash).join(',')}` : undefined,
            run: c.run,
          },
        ]
      : [],
  );
  const copies = findCopies(candidates);
  const byName = new Map(rows.map((r) => [r.name, r]));
  for (const p of copies) {
    byName.get(p.a)?.possibleCopyOf.push(p.b);
    byName.get(p.b)?.possibleCopyOf.push(p.a);
  }

  const ranked = rows.filter((r) => r.status === 'ranked').sort(compareRows);
  ranked.forEach((r, k) => {
    r.rank = k > 0 && sameKeys(ranked[k - 1], r) ? (ranked[k - 1].rank as number) : k + 1;
  });
  const flagged = rows.filter((r) => r.status !== 'ranked');
  const counts = Object.fromEntries((['ranked', ...Object.keys(FLAG_TEXT)] as RowStatus[]).map((s) => [s, 0])) as Record<RowStatus, number>;
  for (const r of rows) counts[r.status]++;
  return {
    expected,
    rows: [...ranked, ...flagged],
    ranked,
    flagged,
    copies,
    trajectories: ranked.map((r) => ({ name: r.name, team: r.team as string, totals: r.seasonTotals })),
    counts,
  };
}

function blank(name: string, team: string | null): BoardRow {
  return { name, team, status: 'ranked', reason: null, season: null, rank: null, final: null, seasonTotals: [], possibleCopyOf: [], scenarioId: null, scenarioHash: null, seed: null };
}


/**
 * The class's scenario and seed: as given, or else the pair shared by the most files that verify (repeats not
 * counted). When only one of the two is given, the other is inferred the same way among the files that match
 * it. A tie is never decided by file order, which a forger could arrange: it goes to the one tied pair that
 * plays a shipped scenario, or else stays undecided, and then no file is ranked until the teacher states the
 * scenario and seed.
 */
function chooseExpected(checked: readonly CheckedEntry[], duplicateOf: Map<number, string>, options: LeaderboardOptions): Leaderboard['expected'] {
  const wantHash = options.scenarioHash?.trim().toLowerCase();
  const voters = checked.filter((c, k): c is Parsed => c.ok && c.verdict.valid && !duplicateOf.has(k));
  const all = checked.filter((c): c is Parsed => c.ok);
  const matchHash = (c: Parsed) => wantHash === undefined || c.run.scenario.hash.startsWith(wantHash);
  const matchSeed = (c: Parsed) => options.seed === undefined || c.run.seed === options.seed;
  const counts = new Map<string, { n: number; first: number; c: Parsed }>();
  voters.forEach((c, k) => {
    if (!matchHash(c) || !matchSeed(c)) return;
    const key = `${c.run.scenario.hash}\u0000${c.run.seed}`;
    const e = counts.get(key);
    if (e) e.n++;
    else counts.set(key, { n: 1, first: k, c });
  });
  const most = Math.max(0, ...[...counts.values()].map((e) => e.n));
  const tied = [...counts.values()].filter((e) => e.n === most).sort((a, b) => a.first - b.first);
  let best = tied.length === 1 ? tied[0] : undefined;
  let undecided: string | null = null;
  if (tied.length > 1) {
    const known = typeof options.knownScenarios === 'function' ? options.knownScenarios() : (options.knownScenarios ?? []);
    const shipped = tied.filter((e) => known.includes(e.c.run.scenario.hash));
    if (shipped.length === 1) best = shipped[0];
    else {
      const pairs = tied.map((e) => `${e.c.run.scenario.id} ${e.c.run.scenario.hash.slice(0, 12)} seed "${e.c.run.seed}"`);
      const ask = wantHash === undefined && options.seed === undefined ? 'the scenario and seed' : wantHash === undefined ? 'the scenario' : 'the seed';
      undecided = `the class's scenario and seed are undecided: ${most} verified file${most === 1 ? '' : 's'} each for ${pairs.join(' and ')}; state ${ask} of the class`;
    }
  }
  // A given hash prefix is resolved against every readable file, so a class whose files all fail still names it.
  const hashSource = best?.c ?? (wantHash === undefined ? undefined : all.find(matchHash));
  const scenarioHash = hashSource?.run.scenario.hash ?? wantHash ?? null;
  const scenarioId = hashSource?.run.scenario.id ?? null;
  const seed = options.seed ?? best?.c.run.seed ?? null;
  const seasons = hashSource?.scenarioSeasons ?? 0;
  const tie = 'a tie goes to the one pair that plays a shipped scenario, or else is left to the teacher';
  const rule =
    wantHash !== undefined && options.seed !== undefined
      ? 'scenario and seed as given'
      : wantHash !== undefined
        ? `scenario as given; seed: the one most verified files of that scenario share (${tie})`
        : options.seed !== undefined
          ? `seed as given; scenario: the one most verified files with that seed share (${tie})`
          : `the scenario and seed most verified files share (${tie})`;
  return { scenarioHash, scenarioId, seed, seasons, rule, undecided };
}

function compareRows(a: BoardRow, b: BoardRow): number {
  const fa = a.final as Score;
  const fb = b.final as Score;
  return (
    fb.total - fa.total ||
    fb.residual - fa.residual ||
    fb.satisfaction - fa.satisfaction ||
    worst(b) - worst(a) ||
    codepoints(a.team ?? '', b.team ?? '') ||
    codepoints(a.name, b.name)
  );
}

function sameKeys(a: BoardRow, b: BoardRow): boolean {
  const fa = a.final as Score;
  const fb = b.final as Score;
  return fa.total === fb.total && fa.residual === fb.residual && fa.satisfaction === fb.satisfaction && worst(a) === worst(b);
}

/** The lowest season total, the steadiness tie-break. */
export function worst(r: BoardRow): number {
  return r.seasonTotals.length === 0 ? 0 : Math.min(...r.seasonTotals);
}

const codepoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
