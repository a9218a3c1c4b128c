import { findBot } from '../bots/strategies';
import type { Scenario } from '../scenario/schema';
import { scaledScenario } from '../tournament/scale';
import { planFile, type PlanFile } from './format';
import { localPool, workerPool, type GamePool, type GameSummary } from './games';
import { areaVariants, figures, indicators, type Indicators, type PlanFigures } from './report';
import { planIssues, repairPlan, type Plan } from './repair';
import { search, type SearchResult } from './search';
import { scenarioSpace, type Space } from './space';

// One red-team run: search on the training seeds; choose among the few highest-scoring plans by adding as many
// check seeds (a plan that wins on three seeds by luck, or sits on the edge of a loss, rarely wins on three more);
// then play the chosen plan, the textbook and the passive plans and the chosen plan with each area reset to the
// textbook's on fresh seeds, and put the report together.

export interface RedteamOptions {
  scenario: Scenario;
  /** Market size to play (scaled down as the tournament does); default the scenario's own. */
  size?: number;
  trainSeeds: number;
  freshSeeds: number;
  /** Evaluations (plans scored on the training seeds) at most. */
  maxEvals: number;
  /** Wall-clock end of the whole run (search and report), ms on performance.now()'s clock. */
  deadline?: number;
  searchSeed: string;
  threads: number;
  /** Random plans tried before the ascent (default 16). */
  randomPlans?: number;
  /** A line of progress (the CLI writes it to stderr). */
  progress?: (line: string) => void;
  /** Seconds between progress lines (default 30). */
  progressEvery?: number;
}

export interface RedteamResult {
  scenario: { id: string; size: number; originalSize: number; seasons: number; levers: string[] };
  seeds: { training: string[]; check: string[]; fresh: string[] };
  search: {
    searchSeed: string;
    evals: number;
    /** Games the search played (evaluations × training seeds), and the report on the fresh seeds. */
    games: number;
    reportGames: number;
    seconds: number;
    gamesPerSecond: number;
    threads: number;
    stoppedBy: SearchResult['stoppedBy'];
    /** Training-seed means: the best plan found, and the reference plans. */
    training: { best: number; textbook: number; passive: number; gain: number };
    /** Training score of the best before the search proper, and after each new best. */
    improvements: SearchResult['improvements'];
    /** The highest-scoring plans on the training and the check seeds; the report is on the chosen one. */
    candidates: { training: number; check: number }[];
    chosen: number;
  };
  fresh: {
    best: PlanFigures;
    textbook: PlanFigures;
    passive: PlanFigures;
    gain: number;
    /** Fresh seeds on which the best plan beats the textbook. */
    wins: number;
  };
  /** Loss in the mean total when one area is reset to the textbook's, largest first. */
  areas: { area: string; total: number; loss: number; sameAsTextbook: boolean }[];
  indicators: Indicators;
  plan: PlanFile;
}

export const trainingSeeds = (n: number) => Array.from({ length: n }, (_, k) => `train-${k + 1}`);
export const checkSeeds = (n: number) => Array.from({ length: n }, (_, k) => `check-${k + 1}`);
export const freshSeeds = (n: number) => Array.from({ length: n }, (_, k) => `fresh-${k + 1}`);

export function referencePlan(scenario: Scenario, bot: 'textbook' | 'passive'): Plan {
  const b = findBot(bot);
  if (!b) throw new Error(`no ${bot} bot`);
  return Array.from({ length: scenario.seasons }, (_, k) => b.decide(scenario, k, []));
}

export async function redteam(opts: RedteamOptions): Promise<RedteamResult> {
  const original = opts.scenario;
  const scenario = opts.size ? scaledScenario(original, opts.size) : original;
  const space: Space = scenarioSpace(scenario);
  const textbook = repairPlan(space, referencePlan(scenario, 'textbook'));
  const passive = repairPlan(space, referencePlan(scenario, 'passive'));
  const train = trainingSeeds(opts.trainSeeds);
  const check = checkSeeds(opts.trainSeeds);
  const fresh = freshSeeds(opts.freshSeeds);
  const pool: GamePool = opts.threads > 1 ? workerPool(scenario, opts.threads) : localPool(scenario);
  const t0 = performance.now();
  let games = 0;
  let gameMs = 0;
  /** Wall time per game, a moving average over the batches (the first is the reference plans, like the report's). */
  let msPerGame = 0;
  let batches = 0;
  const say = opts.progress ?? (() => {});
  try {
    await pool.ready;
    const play = async (plans: Plan[], seeds: string[]): Promise<GameSummary[][]> => {
      const t = performance.now();
      const flat = await pool.play(plans.flatMap((plan) => seeds.map((seed) => ({ plan, seed }))));
      games += flat.length;
      const ms = performance.now() - t;
      gameMs += ms;
      const rate = ms / Math.max(1, flat.length);
      msPerGame = batches === 0 ? rate : 0.8 * msPerGame + 0.2 * rate;
      batches++;
      return plans.map((_, i) => flat.slice(i * seeds.length, (i + 1) * seeds.length));
    };
    const meanTotal = (gs: GameSummary[]) => gs.reduce((a, g) => a + g.total, 0) / gs.length;

    // The report plays (3 reference plans + one per area) × fresh seeds: the search stops in time for it to end by
    // the deadline, but always has at least two thirds of the time (a slow machine runs over rather than not search).
    const reportGames = (3 + scenario.levers.length) * fresh.length + KEEP * check.length;
    const budgetMs = opts.deadline === undefined ? 0 : opts.deadline - t0;
    const reportMs = () => Math.min(2 * msPerGame * reportGames, budgetMs / 3);
    let lastSaid = t0;
    const every = (opts.progressEvery ?? 30) * 1000;
    say(
      `red team: ${scenario.id}, ${scenario.population.size} customers${scenario !== original ? ` (of ${original.population.size})` : ''}, ` +
        `${train.length} training seeds, ${fresh.length} fresh seeds, ${pool.threads} thread${pool.threads > 1 ? 's' : ''}`,
    );
    const result = await search(
      space,
      [
        { name: 'textbook', plan: textbook },
        { name: 'passive', plan: passive },
      ],
      async (plans) => (await play(plans, train)).map(meanTotal),
      {
        seed: opts.searchSeed,
        maxEvals: opts.maxEvals,
        keep: KEEP,
        randomPlans: opts.randomPlans,
        shouldStop: () => opts.deadline !== undefined && performance.now() + reportMs() >= opts.deadline,
        onProgress: (p) => {
          const now = performance.now();
          const textbookTrain = p.starts.find((s) => s.name === 'textbook')?.score;
          if (textbookTrain === undefined || now - lastSaid < every) return;
          lastSaid = now;
          const s = (now - t0) / 1000;
          say(
            `[${s.toFixed(0).padStart(4)} s] ${p.evals} plans, ${games} games (${(games / s).toFixed(1)}/s); ` +
              `best ${p.best.toFixed(2)} on the training seeds, textbook ${textbookTrain.toFixed(2)} (${signed(p.best - textbookTrain)})`,
          );
        },
      },
    );
    const textbookTrain = result.starts.find((s) => s.name === 'textbook')?.score ?? NaN;
    const passiveTrain = result.starts.find((s) => s.name === 'passive')?.score ?? NaN;
    const searchSeconds = (performance.now() - t0) / 1000;
    const searchGames = games;
    say(
      `searched ${result.evals} plans (${searchGames} games) in ${searchSeconds.toFixed(0)} s; ` +
        `best ${result.bestScore.toFixed(2)} on the training seeds (${signed(result.bestScore - textbookTrain)} over textbook); ` +
        `now the check and fresh seeds`,
    );

    // The few best plans on the check seeds as well: the one with the best mean over both is the one reported.
    const candidates = result.top;
    const checked = candidates.length > 1 ? (await play(candidates.map((c) => c.plan), check)).map(meanTotal) : [result.bestScore];
    const both = (k: number) => (candidates[k].score * train.length + checked[k] * check.length) / (train.length + check.length);
    let chosen = 0;
    for (let k = 1; k < candidates.length; k++) if (both(k) > both(chosen)) chosen = k;

    const best = candidates[chosen].plan;
    const issues = planIssues(space, best);
    if (issues.length > 0) throw new Error(`the best plan breaks a rule: season ${issues[0].season + 1} ${issues[0].issue.code}`);
    const variants = areaVariants(space, best, textbook).filter((v) => !v.same);
    const played = await play([best, textbook, passive, ...variants.map((v) => v.plan)], fresh);
    const fig = { best: figures(played[0]), textbook: figures(played[1]), passive: figures(played[2]) };
    const areas = areaVariants(space, best, textbook).map((v) => {
      const k = variants.findIndex((x) => x.area === v.area);
      const total = k < 0 ? fig.best.total : figures(played[3 + k]).total;
      return { area: v.area, total, loss: round2(fig.best.total - total), sameAsTextbook: v.same };
    });
    areas.sort((a, b) => b.loss - a.loss);
    const seconds = (performance.now() - t0) / 1000;
    return {
      scenario: {
        id: scenario.id,
        size: scenario.population.size,
        originalSize: original.population.size,
        seasons: scenario.seasons,
        levers: [...scenario.levers],
      },
      seeds: { training: train, check: candidates.length > 1 ? check : [], fresh },
      search: {
        searchSeed: opts.searchSeed,
        evals: result.evals,
        games: searchGames,
        reportGames: games - searchGames,
        seconds: round2(seconds),
        gamesPerSecond: round2(gameMs > 0 ? games / (gameMs / 1000) : 0),
        threads: pool.threads,
        stoppedBy: result.stoppedBy,
        training: {
          best: round2(candidates[chosen].score),
          textbook: round2(textbookTrain),
          passive: round2(passiveTrain),
          gain: round2(candidates[chosen].score - textbookTrain),
        },
        improvements: result.improvements.map((i) => ({ evals: i.evals, score: round2(i.score) })),
        candidates: candidates.map((c, k) => ({ training: round2(c.score), check: round2(checked[k]) })),
        chosen,
      },
      fresh: {
        ...fig,
        gain: round2(fig.best.total - fig.textbook.total),
        wins: fig.best.perSeed.filter((x, k) => x > fig.textbook.perSeed[k]).length,
      },
      areas,
      indicators: indicators(space, best, fig),
      plan: planFile(best),
    };
  } finally {
    await pool.close();
  }
}

/** Plans kept from the search for the check seeds. */
const KEEP = 5;

const round2 = (x: number) => Math.round(x * 100) / 100;
export const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
