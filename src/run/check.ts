import { contentHash } from '../scenario/canonical';
import { formatIssue } from '../scenario/issues';
import { formatIssues, loadText, precheck } from '../scenario/load';
import { copyStart, newGame, type SimState } from '../sim';
import { decisionsHash, verifyRun, type Verdict } from './replay';
import { engineCompatible, RunFile } from './runfile';

// Checking many run files of one class: parse each (quickly when it is plain JSON), then verify it exactly as
// verifyRun does, but starting every run of a scenario and seed from one population built once and copied.
// Pure (no fs, no workers): usable in Node, a Web Worker, or the browser's main thread.

export type ParsedRun = { ok: true; run: RunFile } | { ok: false; message: string };

/**
 * Reads a run file. Plain JSON goes through JSON.parse and the schema directly (about 1 ms for a class file);
 * anything else — YAML, a syntax error, a schema error, duplicate keys — goes through loadText, which accepts
 * exactly the same files and locates the problem (line, column, field) for the message.
 */
export function parseRunText(text: string, file: string): ParsedRun {
  // Size, binary content, nesting and the number of keys first: one linear scan, before any parser runs.
  const pre = precheck(text, file);
  if (pre) return { ok: false, message: formatIssue(pre) };
  let data: unknown;
  let json = true;
  try {
    data = JSON.parse(text);
  } catch {
    json = false;
  }
  if (json && !hasDuplicateKeys(text)) {
    const r = RunFile.safeParse(data);
    if (r.success) return { ok: true, run: r.data };
  }
  const r = loadText(text, file, RunFile);
  if (r.ok) return { ok: true, run: r.value };
  return { ok: false, message: formatIssues(r.issues.slice(0, 1)) };
}

/** Whether valid JSON text repeats a key inside one object (loadText refuses that; JSON.parse keeps the last). */
export function hasDuplicateKeys(json: string): boolean {
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  const n = json.length;
  while (i < n) {
    const ch = json.charCodeAt(i);
    if (ch === 0x22) {
      // A string: find its end, then see whether a colon follows (then it is a key).
      let j = i + 1;
      while (j < n) {
        const cj = json.charCodeAt(j);
        if (cj === 0x5c) j += 2;
        else if (cj === 0x22) break;
        else j++;
      }
      let k = j + 1;
      while (k < n && (json.charCodeAt(k) === 0x20 || json.charCodeAt(k) === 0x0a || json.charCodeAt(k) === 0x0d || json.charCodeAt(k) === 0x09)) k++;
      if (json.charCodeAt(k) === 0x3a) {
        const keys = stack[stack.length - 1];
        if (keys) {
          // Compare decoded keys: "a" and "\u0061" are the same key.
          const raw = json.slice(i, j + 1);
          const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
          if (keys.has(key)) return true;
          keys.add(key);
        }
      }
      i = j + 1;
    } else {
      if (ch === 0x7b) stack.push(new Set());
      else if (ch === 0x5b) stack.push(null);
      else if (ch === 0x7d || ch === 0x5d) stack.pop();
      i++;
    }
  }
  return false;
}

/**
 * Starting populations by scenario hash and seed. The population depends on nothing else, so every run of a
 * class (same scenario, same seed) can start from a copy of one. Keep one cache per thread.
 */
export class PopulationCache {
  private readonly bases = new Map<string, SimState>();
  constructor(private readonly limit = 4) {}

  /** A fresh starting state; `hash` must already be checked to be the hash of `scenario`. */
  start(scenario: RunFile['scenario']['data'], hash: string, seed: string): SimState {
    const key = `${hash}\u0000${seed}`;
    let base = this.bases.get(key);
    if (!base) {
      if (this.bases.size >= this.limit) this.bases.delete(this.bases.keys().next().value as string);
      base = newGame(scenario, seed);
      this.bases.set(key, base);
    }
    return copyStart(base);
  }
}

/** verifyRun with a population cache: the same checks and verdicts, the starting population copied, not rebuilt. */
export function verifyRunCached(run: RunFile, cache: PopulationCache): Verdict {
  return verifyRun(run, (scenario, hash, seed) => cache.start(scenario, hash, seed));
}

/** One submitted file as the leaderboard receives it. */
export interface RunEntry {
  name: string;
  text: string;
}

/** What checking one file found: plain data, so a worker can post it back. */
export type CheckedEntry =
  | { name: string; ok: false; message: string; /** The team named in the file, if it can be made out. */ team?: string }
  | {
      name: string;
      ok: true;
      run: RunFile;
      verdict: Verdict;
      /** SHA-256 of the canonical run: equal for the same content however the file is laid out. */
      contentHash: string;
      decisionsHash: string;
      /** Seasons the scenario has. */
      scenarioSeasons: number;
      /** False when the file was not re-simulated (see simulationPlan); its verdict then says why. */
      simulated?: false;
    };

export function checkEntry(entry: RunEntry, cache: PopulationCache): CheckedEntry {
  return checkParsed(entry, parseRunText(entry.text, entry.name), cache);
}

/** checkEntry for a file already parsed; `skip` (from simulationPlan) leaves it unsimulated, with the reason. */
export function checkParsed(entry: RunEntry, parsed: ParsedRun, cache: PopulationCache, skip: string | null = null): CheckedEntry {
  if (!parsed.ok) return { name: entry.name, ok: false, message: parsed.message, ...teamOf(entry.text) };
  const run = parsed.run;
  let verdict: Verdict;
  if (skip !== null) verdict = { valid: false, season: null, reason: skip };
  else {
    try {
      verdict = verifyRunCached(run, cache);
    } catch (err) {
      // The schema bounds every number the simulation reads, so this should not happen; if it does, the file
      // is refused with the reason rather than crashing the whole class.
      verdict = { valid: false, season: null, reason: `the simulation failed on these decisions: ${(err as Error).message}` };
    }
  }
  return {
    name: entry.name,
    ok: true,
    run,
    verdict,
    contentHash: contentHash(run),
    decisionsHash: decisionsHash(run),
    scenarioSeasons: run.scenario.data.seasons,
    ...(skip !== null ? { simulated: false as const } : {}),
  };
}

/** Customer-weeks re-simulating a run may take: its market drawn once, then every week it claims. */
export function workOf(run: RunFile): number {
  const sc = run.scenario.data;
  return sc.population.size * (1 + sc.weeksPerSeason * Math.min(run.seasons.length, sc.seasons));
}

/** Work every file may ask for whatever the class plays (about a tenth of a second). */
export const WORK_SLACK = 250_000;

/**
 * Which files to re-simulate, decided from cheap facts before anything is simulated. Files are grouped by the
 * scenario and seed they claim (only files whose embedded scenario matches its hash, of a compatible engine,
 * counted once per content); the class's pair is the one given, or the one most files claim (a tie: the least
 * work). A pair is re-simulated when its largest file asks for at most twice the work of a class file, plus
 * WORK_SLACK: a wrong-seed or wrong-scenario team is still checked, but a made-up scenario asking for a
 * 200,000-customer, 1,040-week market costs nothing. Files the cheap facts already refuse are "simulated"
 * (verifyRun refuses them before drawing a market). For each file: null to simulate it, or why not.
 */
export function simulationPlan(runs: readonly (RunFile | null)[], options: { scenarioHash?: string; seed?: string } = {}): (string | null)[] {
  const want = options.scenarioHash?.trim().toLowerCase();
  const pairs = new Map<string, { hash: string; seed: string; contents: Set<string>; work: number }>();
  const keyOf = runs.map((run) => {
    if (!run || !engineCompatible(run.engineVersion) || run.seasons.length > run.scenario.data.seasons) return null;
    if (contentHash(run.scenario.data) !== run.scenario.hash) return null;
    const key = `${run.scenario.hash}\u0000${run.seed}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { hash: run.scenario.hash, seed: run.seed, contents: new Set(), work: 0 }));
    p.contents.add(contentHash(run));
    p.work = Math.max(p.work, workOf(run));
    return key;
  });
  const all = [...pairs.values()];
  const matching = all.filter((p) => (want === undefined || p.hash.startsWith(want)) && (options.seed === undefined || p.seed === options.seed));
  const candidates = matching.length > 0 ? matching : all;
  const most = Math.max(0, ...candidates.map((p) => p.contents.size));
  const reference = Math.min(Infinity, ...candidates.filter((p) => p.contents.size === most).map((p) => p.work));
  const limit = 2 * reference + WORK_SLACK;
  const fmt = (n: number) => (n >= 1e6 ? `${Math.round(n / 1e5) / 10} million` : String(Math.round(n)));
  return keyOf.map((key) => {
    const p = key === null ? undefined : pairs.get(key);
    if (!p || p.work <= limit) return null;
    return `not re-simulated: its scenario asks for ${fmt(p.work)} customer-weeks, more than twice the ${fmt(reference)} of the class's files`;
  });
}

/** The team of an unreadable file when it is at least JSON with a team string, to help find whose file it is. */
function teamOf(text: string): { team?: string } {
  try {
    const data = JSON.parse(text) as { team?: unknown };
    return data && typeof data === 'object' && typeof data.team === 'string' ? { team: data.team.slice(0, 80) } : {};
  } catch {
    return {};
  }
}
