import { contentHash } from '../scenario/canonical';
import { formatIssue } from '../scenario/issues';
import { formatIssues, loadText, precheck } from '../scenario/load';
import { cloneLog } from '../sim/events';
import { newGame, step } from '../sim/game';
import { CUSTOMER_FIELDS, emptyState, type SimState } from '../sim/state';
import { decisionsHash, verifyRun, type Verdict } from './replay';
import { RunFile } from './runfile';

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

/**
 * A copy of a starting state built like a new one (emptyState's object shapes, then the arrays copied in),
 * rather than with cloneState's spread copies: the engine's hot loops run about three times faster on the
 * shapes they were compiled for. The starting state has no tally worth keeping (step resets it).
 */
export function copyStart(base: SimState): SimState {
  const s = emptyState(base.scenario, base.seed);
  for (const k of CUSTOMER_FIELDS) (s.c[k] as Float64Array).set(base.c[k] as Float64Array);
  Object.assign(s.store, base.store);
  s.week = base.week;
  s.season = base.season;
  s.log = cloneLog(base.log);
  s.featured = base.featured.slice();
  s.tally.stageAtStart.set(base.tally.stageAtStart);
  return s;
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
    };

export function checkEntry(entry: RunEntry, cache: PopulationCache): CheckedEntry {
  const parsed = parseRunText(entry.text, entry.name);
  if (!parsed.ok) return { name: entry.name, ok: false, message: parsed.message, ...teamOf(entry.text) };
  const run = parsed.run;
  let verdict: Verdict;
  try {
    verdict = verifyRunCached(run, cache);
  } catch (err) {
    // The schema bounds every number the simulation reads, so this should not happen; if it does, the file
    // is refused with the reason rather than crashing the whole class.
    verdict = { valid: false, season: null, reason: `the simulation failed on these decisions: ${(err as Error).message}` };
  }
  return {
    name: entry.name,
    ok: true,
    run,
    verdict,
    contentHash: contentHash(run),
    decisionsHash: decisionsHash(run),
    scenarioSeasons: run.scenario.data.seasons,
  };
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
