import { stringify } from 'yaml';
import { Decisions, type DecisionsInput } from '../scenario/decisions';
import type { Plan } from './repair';
import type { RedteamResult } from './run';
import { schemaTree, type Node } from './space';

// The red-team report as text, and the best plan as a decisions file ({seasons: [...]}) with every field left
// at its default left out, so the file shows what the plan changes.

export interface PlanFile {
  seasons: DecisionsInput[];
}

const TREE = schemaTree(Decisions);

function compact(node: Node, v: unknown): unknown {
  if (v === undefined) return undefined;
  switch (node.kind) {
    case 'number':
    case 'boolean':
    case 'choice':
      return node.dflt !== undefined && v === node.dflt ? undefined : v;
    case 'text':
      if (node.list !== undefined) return Array.isArray(v) && v.length === 0 ? undefined : v;
      return node.dflt !== undefined && v === node.dflt ? undefined : v;
    case 'set':
    case 'excluded':
      return Array.isArray(v) && v.length === 0 ? undefined : v;
    case 'list':
      return (v as unknown[]).length === 0 ? undefined : (v as unknown[]).map((x) => compact(node.item, x) ?? {});
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(node.fields)) {
        const c = compact(f, (v as Record<string, unknown>)[k]);
        if (c !== undefined) o[k] = c;
      }
      return Object.keys(o).length === 0 && !node.optional ? undefined : o;
    }
  }
}

export function compactSeason(d: Decisions): DecisionsInput {
  return (compact({ ...(TREE as Extract<Node, { kind: 'object' }>), optional: true }, d) ?? {}) as DecisionsInput;
}

export function planFile(plan: Plan): PlanFile {
  return { seasons: plan.map(compactSeason) };
}

/** YAML for .yaml/.yml, JSON otherwise. */
export function planFileText(file: string, plan: PlanFile, header: string): string {
  if (/\.ya?ml$/i.test(file)) return `# ${header}\n${stringify(plan)}`;
  return `${JSON.stringify(plan, null, 1)}\n`;
}

/** "tierBenefits" → "tier benefits". */
const words = (key: string) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
const money = (x: number) => `${x < 0 ? '−' : ''}¥${Math.abs(Math.round(x)).toLocaleString('en-US')}`;
const sign = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
const seasonList = (s: readonly number[], all: number) =>
  s.length === all ? 'every season' : s.length === 1 ? `season ${s[0]}` : `seasons ${s.join(', ')}`;

export function formatText(r: RedteamResult): string {
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const sc = r.scenario;
  const n = sc.seasons;
  const market = sc.size < sc.originalSize ? `${sc.size} of ${sc.originalSize} customers` : `${sc.size} customers`;
  line(`Red team: ${sc.id} (${market}, ${n} seasons; levers: ${sc.levers.join(', ')})`);
  line(
    `Searched ${r.search.evals} plans on ${r.seeds.training.length} training seeds (${r.search.games} games), then played ${r.search.reportGames} on the check and fresh seeds: ` +
      `${r.search.seconds.toFixed(0)} s, ${r.search.gamesPerSecond.toFixed(1)} games/s on ${r.search.threads} thread${r.search.threads > 1 ? 's' : ''}. ` +
      `Same result: --evals ${r.search.evals} --search-seed ${r.search.searchSeed}`,
  );
  const cands = r.search.candidates;
  if (cands.length > 1) {
    const c = cands[r.search.chosen];
    line(
      `Reported plan: of the ${cands.length} best on the training seeds, the best over them and ${r.seeds.check.length} check seeds ` +
        `(training ${c.training.toFixed(2)}, check ${c.check.toFixed(2)}; the others ${cands
          .filter((_, k) => k !== r.search.chosen)
          .map((x) => `${x.training.toFixed(2)}/${x.check.toFixed(2)}`)
          .join(', ')})`,
    );
  }
  line();
  const f = r.fresh;
  line(`Final scores on ${r.seeds.fresh.length} fresh seeds (${r.seeds.fresh.join(', ')}; not used by the search), mean`);
  const cols = ['total', 'satisf.', 'loyalty', 'churn', 'profit', 'residual'];
  line(`  ${''.padEnd(12)}${cols.map((c) => c.padStart(9)).join('')}`);
  for (const [name, fig] of [
    ['best found', f.best],
    ['textbook', f.textbook],
    ['passive', f.passive],
  ] as const) {
    const p = fig.parts;
    const xs = [fig.total, p.satisfaction, p.loyalty, p.churn, p.profit, p.residual];
    line(`  ${name.padEnd(12)}${xs.map((x) => x.toFixed(2).padStart(9)).join('')}`);
  }
  line(
    `Gain over textbook: ${sign(f.gain)} points on the fresh seeds (ahead on ${f.wins} of ${r.seeds.fresh.length}); ` +
      `${sign(r.search.training.gain)} on the training seeds`,
  );
  line(`  per seed: best ${f.best.perSeed.map((x) => x.toFixed(2)).join(' ')}; textbook ${f.textbook.perSeed.map((x) => x.toFixed(2)).join(' ')}`);
  line();
  line('Where the gain comes from: the best plan with one area reset to the textbook\'s in every season');
  for (const a of r.areas) {
    line(`  ${a.area.padEnd(12)} ${a.total.toFixed(2).padStart(7)}  ${a.sameAsTextbook ? '(already the textbook\'s)' : `(${sign(-a.loss)})`}`);
  }
  line();
  const ind = r.indicators;
  line('Loophole indicators');
  const cp = ind.cumulativeProfit;
  line(
    `  Profit summed over the game: best ${money(cp.best)}${cp.negative ? ' — A LOSS' : ''} (below zero on ${cp.bestLossSeeds} of ${cp.seeds} seeds); ` +
      `textbook ${money(cp.textbook)}; passive ${money(cp.passive)}`,
  );
  const notes = (title: string, xs: typeof ind.extremes) => {
    if (xs.length === 0) return line(`  ${title}: none`);
    line(`  ${title}:`);
    for (const x of xs) line(`    ${x.path} = ${JSON.stringify(x.value)}: ${x.note} (${seasonList(x.seasons, n)})`);
  };
  notes('Fields at the end of their range', ind.extremes);
  notes('Budget sunk into one line', ind.budgetHeavy);
  notes('Token amounts', ind.tokenAmounts);
  if (ind.points.length === 0) line('  Points: every reward is within reach of an average customer (or no points)');
  for (const p of ind.points) {
    line(`  Points (season ${p.season}): a reward needs ${money(p.spendForReward)} of spending; an average customer spends ${money(p.averageGameSpend)} in the whole game`);
  }
  const b = ind.benefits;
  line(
    `  Benefits given (${b.lines.map(words).join(', ')}) cost ${money(b.best)}, ${b.bestShare.toFixed(0)}% of gross margin ` +
      `(textbook ${money(b.textbook)}, ${b.textbookShare.toFixed(0)}%)`,
  );
  line(`  Over the game, mean of the seeds    ${'best'.padStart(12)} ${'% rev.'.padStart(7)} ${'textbook'.padStart(12)} ${'% rev.'.padStart(7)}`);
  line(`    ${'revenue'.padEnd(32)}${money(f.best.revenue).padStart(12)} ${''.padStart(7)} ${money(f.textbook.revenue).padStart(12)}`);
  line(`    ${'gross margin'.padEnd(32)}${money(f.best.grossMargin).padStart(12)} ${''.padStart(7)} ${money(f.textbook.grossMargin).padStart(12)}`);
  for (const c of ind.costs) {
    if (c.best === 0 && c.textbook === 0) continue;
    line(
      `    ${words(c.line).padEnd(32)}${money(c.best).padStart(12)} ${`${c.bestShare.toFixed(1)}%`.padStart(7)} ${money(c.textbook).padStart(12)} ${`${c.textbookShare.toFixed(1)}%`.padStart(7)}`,
    );
  }
  line();
  line('Best plan found (a decisions file; --out FILE writes it):');
  let k = 0;
  while (k < r.plan.seasons.length) {
    let j = k;
    const text = JSON.stringify(r.plan.seasons[k]);
    while (j + 1 < r.plan.seasons.length && JSON.stringify(r.plan.seasons[j + 1]) === text) j++;
    line(`  ${j > k ? `seasons ${k + 1}–${j + 1}` : `season ${k + 1}`}:`);
    const body = stringify(r.plan.seasons[k]).trimEnd();
    for (const l of (body === '{}' ? '{} (changes nothing)' : body).split('\n')) line(`    ${l}`);
    k = j + 1;
  }
  return out.join('\n');
}
