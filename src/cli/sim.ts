import { DecisionsFile, type Decisions } from '../scenario/decisions';
import { BOTS, findBot } from '../bots/strategies';
import { playToRun } from '../run/replay';
import { fail, runCli } from './fail';
import { args, DEFAULT_SCENARIO, readScenario, readWith, writeText } from './io';

// npm run sim -- [--scenario FILE] --seed S [--decisions FILE | --bot NAME] [--team NAME] [--out RUNFILE]

runCli(() => {
  const { values } = args({
    scenario: { type: 'string' },
    seed: { type: 'string' },
    decisions: { type: 'string' },
    bot: { type: 'string' },
    team: { type: 'string' },
    out: { type: 'string' },
    'list-bots': { type: 'boolean' },
  });
  if (values['list-bots']) {
    for (const b of BOTS) console.log(b.name);
    return 0;
  }
  if (values.seed === undefined) fail('--seed: expected a seed (any non-empty text), found nothing');
  const seed = values.seed;
  if (seed.trim() === '') fail('--seed: expected a non-empty seed, found an empty one');
  if (values.decisions && values.bot) fail('--decisions and --bot: expected one of them, found both');
  const file = values.scenario ?? DEFAULT_SCENARIO;
  const { scenario, hash } = readScenario(file);

  let seasons: Decisions[];
  if (values.decisions) {
    seasons = readWith(values.decisions, DecisionsFile).seasons;
    if (seasons.length > scenario.seasons) {
      fail(`${values.decisions} seasons: expected at most ${scenario.seasons} seasons for ${scenario.id}, found ${seasons.length}`);
    }
  } else {
    const name = values.bot ?? 'passive';
    const bot = findBot(name);
    if (!bot) fail(`--bot: unknown bot "${name}" (known: ${BOTS.map((b) => b.name).join(', ')})`);
    seasons = [];
    for (let k = 0; k < scenario.seasons; k++) seasons.push(bot.decide(scenario, k, []));
  }
  let played;
  try {
    played = playToRun(scenario, hash, seed, values.team ?? values.bot ?? 'team', seasons);
  } catch (err) {
    return fail(`${values.decisions ?? 'decisions'}: ${(err as Error).message}`);
  }
  const { run, replayed } = played;
  if (values.out) writeText(values.out, JSON.stringify(run, null, 1) + '\n');
  const out = {
    scenario: { id: scenario.id, hash },
    seed,
    seasons: replayed.reports.map((r) => ({
      season: r.season,
      hash: r.hash,
      score: { total: r.score.total, satisfaction: r.score.satisfaction, loyalty: r.score.loyalty, churn: r.score.churn },
      customers: { byStage: r.customers.byStage },
      // Customers lost this season by the report's churn reason ids (the reasons the report's chart shows), and the
      // course's kinds of churn (real, apparent, malicious, and how many the records show lapsed).
      churn: { byReason: r.customers.churnByReason, kinds: r.customers.churnKinds },
    })),
    final: { score: replayed.final },
  };
  console.log(JSON.stringify(out, null, 2));
  return 0;
});
