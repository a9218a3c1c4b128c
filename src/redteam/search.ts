import {
  candidateValues,
  coordinates,
  coordKey,
  makeRng,
  mutateSeason,
  randomPlan,
  Steps,
  withValue,
  type Coord,
  type Rng,
} from './moves';
import { planIssues, repairPlan, type Plan } from './repair';
import { fromUnit, getAt, toUnit, type NumberNode, type Space } from './space';

// The black-box search: the reference plans first, then random plans around them, then coordinate ascent over
// every field of the space (each number stepped across its range, switches flipped, choices cycled, tier levels
// added, removed and edited, audiences toggled), a coordinate either for the whole game or for one season. When a
// full pass finds nothing, the best plan is kicked (a few fields set at random) and the ascent goes on from there.
// The objective is a black box (the mean final score on the training seeds); the search only ever sees plans
// that pass checkPlan. Everything random comes from the search seed and every decision waits for a whole batch
// of evaluations, so a search given the same seed and the same number of evaluations ends the same way however
// many threads play the games.

/** Mean training score of each plan, in order. */
export type Objective = (plans: Plan[]) => Promise<number[]>;

export interface SearchOptions {
  /** Seed of the search's own randomness (not the games'). */
  seed: string;
  /** Evaluations (plans scored) at most; Infinity for none. */
  maxEvals: number;
  /** How many of the highest-scoring plans to hand back (default 5). */
  keep?: number;
  /** Random plans tried after the reference plans (default 16). */
  randomPlans?: number;
  /** Checked before each batch: true ends the search (wall time). */
  shouldStop?: () => boolean;
  onProgress?: (p: SearchProgress) => void;
}

export interface SearchProgress {
  phase: 'start' | 'random' | 'ascent' | 'kick';
  evals: number;
  best: number;
  /** The reference plans' training scores, once they are known. */
  starts: readonly { name: string; score: number }[];
}

export interface SearchResult {
  best: Plan;
  bestScore: number;
  /** The reference plans as scored on the training seeds. */
  starts: { name: string; score: number }[];
  /** Best score before the search proper (the reference plans). */
  startScore: number;
  evals: number;
  /** Each new best: after how many evaluations, and its score. */
  improvements: { evals: number; score: number }[];
  /** The highest-scoring plans evaluated, best first (the best among them is `best`). */
  top: { plan: Plan; score: number }[];
  stoppedBy: 'evals' | 'time' | 'stalled';
}

/** Gain a move must bring to be taken (points of the total): less is the noise of a changed plan on a few seeds. */
const MIN_GAIN = 0.02;
const BATCH = 4;

export async function search(
  space: Space,
  starts: readonly { name: string; plan: Plan }[],
  objective: Objective,
  opts: SearchOptions,
): Promise<SearchResult> {
  const rng = makeRng(`redteam|${opts.seed}`);
  const seasons = starts[0].plan.length;
  const cache = new Map<string, number>();
  const improvements: SearchResult['improvements'] = [];
  const top: SearchResult['top'] = [];
  const keep = opts.keep ?? 5;
  let evals = 0;
  let stoppedBy: SearchResult['stoppedBy'] | null = null;
  let best: Plan = repairPlan(space, starts[0].plan);
  let bestScore = -Infinity;
  let phase: SearchProgress['phase'] = 'start';
  let startList: { name: string; score: number }[] = [];

  /** Scores plans (repaired first); plans scored before come from the cache and cost nothing. */
  async function evaluate(plans: Plan[]): Promise<{ plan: Plan; score: number }[]> {
    const fixed = plans.map((p) => repairPlan(space, p));
    const keys = fixed.map((p) => JSON.stringify(p));
    const todo: number[] = [];
    const queued = new Set<string>();
    fixed.forEach((p, i) => {
      if (cache.has(keys[i]) || queued.has(keys[i])) return;
      if (planIssues(space, p).length > 0) {
        cache.set(keys[i], -Infinity);
        return;
      }
      queued.add(keys[i]);
      todo.push(i);
    });
    if (todo.length > 0 && stoppedBy === null && opts.shouldStop?.()) stoppedBy = 'time';
    if (todo.length > 0 && stoppedBy === null) {
      const run = todo.slice(0, Math.max(0, opts.maxEvals - evals));
      if (run.length < todo.length) stoppedBy = 'evals';
      if (run.length > 0) {
        const scores = await objective(run.map((i) => fixed[i]));
        run.forEach((i, j) => {
          cache.set(keys[i], scores[j]);
          evals++;
          // The highest-scoring plans so far (a tie keeps the plan found first).
          const at = top.findIndex((t) => scores[j] > t.score);
          if (at >= 0 || top.length < keep) top.splice(at >= 0 ? at : top.length, 0, { plan: fixed[i], score: scores[j] });
          if (top.length > keep) top.pop();
          if (scores[j] > bestScore) {
            bestScore = scores[j];
            best = fixed[i];
            improvements.push({ evals, score: scores[j] });
          }
        });
        opts.onProgress?.({ phase, evals, best: bestScore, starts: startList });
      }
    }
    if (evals >= opts.maxEvals && stoppedBy === null) stoppedBy = 'evals';
    return fixed.map((plan, i) => ({ plan, score: cache.get(keys[i]) ?? -Infinity }));
  }

  // 1. The reference plans.
  const scored = await evaluate(starts.map((s) => s.plan));
  startList = starts.map((s, i) => ({ name: s.name, score: scored[i].score }));
  const startScore = bestScore;

  // 2. Random plans around them, each field changed with a probability drawn per plan.
  phase = 'random';
  const randomCount = opts.randomPlans ?? 16;
  for (let i = 0; i < randomCount && stoppedBy === null; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, randomCount - i) }, (_, j) =>
      randomPlan(space, starts[(i + j) % starts.length].plan, pickRate(rng), rng),
    );
    await evaluate(batch);
  }

  // 3. Coordinate ascent from the best so far, kicked when a whole pass finds nothing.
  phase = 'ascent';
  let current = best;
  let currentScore = bestScore;

  /** A number that gained keeps going the same way, twice as far each time, while it gains. */
  async function lineSearch(c: Coord, node: NumberNode, from: number, to: number, scope: number | 'all', ref: number) {
    let prev = toUnit(node, from);
    let u = toUnit(node, to);
    for (let k = 0; k < 4 && stoppedBy === null; k++) {
      const v = fromUnit(node, u + 2 * (u - prev));
      if (v === fromUnit(node, u)) return;
      const [r] = await evaluate([withValue(current, c, v, scope, ref)]);
      if (!(r.score > currentScore + MIN_GAIN)) return;
      current = r.plan;
      currentScore = r.score;
      prev = u;
      u = toUnit(node, v);
    }
  }
  const steps = new Steps();
  let idle = 0;
  while (stoppedBy === null) {
    const ref = Math.floor(rng() * seasons);
    const pass = shuffle(coordinates(space.season, current[ref]), rng).map((c) => ({
      c,
      scope: seasons === 1 || rng() < 0.7 ? ('all' as const) : Math.floor(rng() * seasons),
    }));
    let improved = false;
    const before = evals;
    for (const { c, scope } of pass) {
      if (stoppedBy !== null) break;
      const at = scope === 'all' ? ref : scope;
      if (!applies(c, current[at])) continue;
      const key = coordKey(c, scope);
      const values = candidateValues(c, current[at], steps.get(key), rng);
      if (values.length === 0) continue;
      const results = await evaluate(values.map((v) => withValue(current, c, v, scope, ref)));
      let top = -1;
      results.forEach((r, k) => {
        if (r.score > currentScore + MIN_GAIN && (top < 0 || r.score > results[top].score)) top = k;
      });
      if (top >= 0) {
        const was = getAt(current[at], c.path);
        current = results[top].plan;
        currentScore = results[top].score;
        improved = true;
        if (c.op === 'value' && c.node.kind === 'number') await lineSearch(c, c.node, was as number, values[top] as number, scope, ref);
      }
      if (c.op === 'value' && c.node.kind === 'number') steps.update(key, top >= 0);
    }
    if (stoppedBy !== null) break;
    if (evals === before && ++idle > 50) {
      stoppedBy = 'stalled';
      break;
    }
    if (evals > before) idle = 0;
    if (!improved) {
      // A kick: from the best plan found, a few fields at random, and the ascent goes on from there.
      phase = 'kick';
      const kicked = await evaluate([kick(space, best, rng)]);
      current = kicked[0].plan;
      currentScore = kicked[0].score;
      phase = 'ascent';
    }
  }
  return { best, bestScore, starts: startList, startScore, evals, improvements, top, stoppedBy: stoppedBy ?? 'evals' };
}

const pickRate = (rng: Rng) => [0.1, 0.25, 0.5][Math.floor(rng() * 3)];

function shuffle<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** Whether a coordinate exists in a season (a level or an audience it names may be absent there). */
function applies(c: Coord, d: unknown): boolean {
  if (c.op !== 'value') return true;
  const parent = getAt(d, c.path.slice(0, -1));
  return parent !== undefined && parent !== null && typeof parent === 'object';
}

/** The plan with a few fields set at random, in every season or in one. */
function kick(space: Space, plan: Plan, rng: Rng): Plan {
  const rate = 3 / Math.max(3, countUnits(space));
  if (rng() < 0.5) {
    const season = mutateSeason(space, plan[Math.floor(rng() * plan.length)], rate, rng);
    return plan.map(() => structuredClone(season));
  }
  const k = Math.floor(rng() * plan.length);
  return plan.map((d, j) => (j === k ? mutateSeason(space, d, rate * 2, rng) : d));
}

function countUnits(space: Space): number {
  let n = 0;
  for (const node of Object.values(space.season.fields)) n += node.kind === 'object' ? Object.keys(node.fields).length : 1;
  return n;
}
