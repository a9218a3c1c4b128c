import { Decisions } from '../scenario/decisions';
import { leaves, type Leaf } from './leaves';
import type { RunFile } from './runfile';

// Possible copies in a class: decision logs that are identical, or nearly so. Pointed out for the teacher to
// look at, never flagged automatically: two teams can reach the same sensible plan on their own.
//
// Similarity of two decision logs: season by season, take every leaf (dotted path to a scalar, e.g.
// "care.contactsPerMonth", "tiers.levels.1.discount") that either team moved away from its default; the
// similarity is the share of those leaves on which both teams chose the same value, over all seasons (a season
// only one of them played counts all its set leaves as different). Leaves both teams left at the default say
// nothing about copying and are not counted, so two teams that each changed little do not look alike.
// Near-identical: similarity ≥ 0.95 over at least 10 set leaves. Whatever the decisions say, two runs that verify
// with the same state hash in every season (same scenario and seed) reached the same outcome: a change that had
// no effect cannot be told from no change, so such runs are pointed out as copies too.

export const NEAR_COPY_THRESHOLD = 0.95;
export const NEAR_COPY_MIN_LEAVES = 10;

export interface CopyCandidate {
  name: string;
  team: string;
  scenarioHash: string;
  decisionsHash: string;
  /** The seed and verified state hash of every season, for runs that verify: equal outcomes are copies. */
  outcome?: string;
  run: Pick<RunFile, 'seasons' | 'parent'>;
}

export interface CopyPair {
  a: string;
  b: string;
  teamA: string;
  teamB: string;
  /** 1 for identical decision logs. */
  similarity: number;
  identical: boolean;
  /** Identical verified state hashes in every season: the same outcome, whatever the decisions say. */
  sameOutcome: boolean;
  /** Leaves either team set (the denominator of the similarity). */
  setLeaves: number;
  /** Remarks: the same team name, a declared fork, or nothing decided at all. */
  notes: string[];
}

let neutral: Map<string, Leaf> | undefined;
function defaults(): Map<string, Leaf> {
  neutral ??= leaves(Decisions.parse({}));
  return neutral;
}

/** Similarity of two decision logs and the number of leaves it is measured over (see the header). */
export function similarity(a: readonly { decisions: unknown }[], b: readonly { decisions: unknown }[]): { similarity: number; setLeaves: number } {
  return similarityOfLeaves(a.map((s) => leaves(s.decisions)), b.map((s) => leaves(s.decisions)));
}

function similarityOfLeaves(a: readonly Map<string, Leaf>[], b: readonly Map<string, Leaf>[]): { similarity: number; setLeaves: number } {
  const def = defaults();
  let set = 0;
  let equal = 0;
  const none = new Map<string, Leaf>();
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const hasA = k < a.length;
    const hasB = k < b.length;
    const la = hasA ? a[k] : none;
    const lb = hasB ? b[k] : none;
    const count = (p: string, x: Leaf | undefined, y: Leaf | undefined) => {
      const d = def.get(p);
      if (!(hasA && x !== d) && !(hasB && y !== d)) return;
      set++;
      if (hasA && hasB && x === y) equal++;
    };
    for (const [p, x] of la) count(p, x, lb.get(p));
    for (const [p, y] of lb) if (!la.has(p)) count(p, undefined, y);
  }
  return { similarity: set === 0 ? 1 : equal / set, setLeaves: set };
}

/** Pairs of runs of the same scenario whose decision logs are identical or near-identical, most similar first. */
export function findCopies(runs: readonly CopyCandidate[]): CopyPair[] {
  const pairs: CopyPair[] = [];
  const flat = runs.map((r) => r.run.seasons.map((s) => leaves(s.decisions)));
  for (let i = 0; i < runs.length; i++) {
    for (let j = i + 1; j < runs.length; j++) {
      const a = runs[i];
      const b = runs[j];
      if (a.scenarioHash !== b.scenarioHash) continue;
      const identical = a.decisionsHash === b.decisionsHash;
      const sameOutcome = a.outcome !== undefined && a.outcome === b.outcome;
      const s = similarityOfLeaves(flat[i], flat[j]);
      if (!identical && !sameOutcome && !(s.similarity >= NEAR_COPY_THRESHOLD && s.setLeaves >= NEAR_COPY_MIN_LEAVES)) continue;
      const notes: string[] = [];
      if (a.team === b.team) notes.push('same team name');
      if (a.run.parent?.team === b.team) notes.push(`${a.name} is a declared fork of a run by ${b.team}`);
      if (b.run.parent?.team === a.team) notes.push(`${b.name} is a declared fork of a run by ${a.team}`);
      if (s.setLeaves === 0) notes.push('neither team changed any default');
      if (sameOutcome && !identical) notes.push('identical verified outcomes: every season ends in the same state, so the decisions that differ had no effect');
      pairs.push({ a: a.name, b: b.name, teamA: a.team, teamB: b.team, similarity: identical ? 1 : round4(s.similarity), identical, sameOutcome, setLeaves: s.setLeaves, notes });
    }
  }
  const rank = (p: CopyPair) => (p.identical || p.sameOutcome ? 2 : p.similarity);
  return pairs.sort((p, q) => rank(q) - rank(p) || q.similarity - p.similarity || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;
