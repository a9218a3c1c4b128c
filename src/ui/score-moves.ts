import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { SCORE_PARTS, type Score } from '../sim';
import { diffLeaves, type LeafDiff } from '../run/leaves';

// Why the score moved, as data: each score part's change against last season and its share of the total's change
// (a season's total is the parts' weighted mean, so the shares add up to the change), the decisions changed since
// last season, and what doing nothing scored on the same seed. No verdict: the student reads the causes.

export type ScorePart = (typeof SCORE_PARTS)[number];

export interface PartMove {
  part: ScorePart;
  before: number;
  after: number;
  /** This part's share of the change of the total: its weight over all weights × its own change. */
  effect: number;
}

export interface ScoreMoves {
  before: number;
  after: number;
  parts: PartMove[];
  /** Doing nothing's score this season on the same seed, when known. */
  baseline: Score | null;
  /** The levers changed since last season (dotted decision paths with the old and new values). */
  changed: LeafDiff[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** `prev` is last season's score (null in the first season: the change is then counted from zero). */
export function scoreMoves(
  prev: { score: Score; decisions: Decisions } | null,
  now: { score: Score; decisions: Decisions },
  weights: Scenario['scoring'],
  baseline: Score | null,
): ScoreMoves {
  let wsum = 0;
  for (const p of SCORE_PARTS) wsum += weights[p];
  const parts = SCORE_PARTS.map((part): PartMove => {
    const before = prev ? prev.score[part] : 0;
    const after = now.score[part];
    return { part, before, after, effect: wsum > 0 ? round2((weights[part] / wsum) * (after - before)) : 0 };
  });
  // The featured cases are answered anew each season: not a lever that changed.
  const strip = (d: Decisions) => ({ ...d, featured: [] });
  return {
    before: prev ? prev.score.total : 0,
    after: now.score.total,
    parts,
    baseline,
    changed: prev ? diffLeaves(strip(prev.decisions), strip(now.decisions)) : [],
  };
}
