import { canonicalJson, contentHash } from '../scenario/canonical';
import type { Scenario } from '../scenario/schema';
import { fold, customerProfile, type CauseId, type CustomerProfile, finalScore, type Score, type SimState, CHURN_IDS, Stage, STAGE_IDS, type ChurnId, type StageId, isActive } from '../sim';
import { claimDiffers } from './replay';
import { diffLeaves, type LeafDiff } from './leaves';
import { planIssueText } from './messages';
import { engineCompatible, type RunFile } from './runfile';

// Two runs of one scenario and seed, side by side: the same customers met the same dice, so every difference is
// the decisions'. Season scores, the first season the decisions diverged and which fields, and customer by
// customer who stayed in one run and left in the other, with the churn reason and the cause history that led
// there. Pure: both runs are re-simulated from their decisions; claimed figures are only checked.

export interface CompareOptions {
  /** Customers told in full (profile and cause history), the biggest spenders first. Default 5. */
  top?: number;
  /** Customers listed in one line each, the biggest spenders first. Default 50. */
  list?: number;
}

export interface SideSummary {
  team: string;
  seasons: number;
  /** Re-simulated final score; null while the run is unfinished. */
  final: Score | null;
  /** Whether every claimed hash and score matched the re-simulation; otherwise the first difference. */
  claims: { match: true } | { match: false; season: number; reason: string };
}

export interface SeasonSide {
  season: number;
  a: Score | null;
  b: Score | null;
  /** b.total − a.total, when both played the season. */
  delta: number | null;
  /** Customers active at the season's end in A and churned in B, and the other way round. */
  keptByAOnly: number;
  keptByBOnly: number;
}

export interface CustomerDifference {
  id: number;
  segment: string;
  /** The run in which the customer is still a customer at the end. */
  stayedIn: 'a' | 'b';
  /** Why they left in the other run, and in which week (counted from 0 over the game). */
  reason: ChurnId;
  churnWeek: number;
  spendA: number;
  spendB: number;
  purchasesA: number;
  purchasesB: number;
}

/** Kinds of a customer's history, in the engine's order (its event kinds 0–6). */
export const STORY_KINDS = ['stage', 'satisfaction', 'tier', 'churn', 'complaint', 'loyalty', 'purchase'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];
export const COMPLAINT_OUTCOMES = ['filed', 'recovered', 'unresolved'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/**
 * One event of a customer's history. `value` is the new stage, the churn reason or the complaint's outcome as
 * an id; for satisfaction and loyalty the value after the change (0–100); otherwise the raw value as text.
 */
export type StoryEvent = {
  week: number;
  cause: CauseId;
  /** Change in points (0–100 scale) for satisfaction and loyalty; otherwise the raw step. */
  delta: number;
} & (
  | { kind: 'stage'; value: StageId }
  | { kind: 'churn'; value: ChurnId }
  | { kind: 'complaint'; value: ComplaintOutcome }
  | { kind: Exclude<StoryKind, 'stage' | 'churn' | 'complaint'>; value: string }
);

export interface CustomerStory extends CustomerDifference {
  /** Where the two histories part: the first event that is not the same in both, null if none differ. */
  firstDifference: { week: number; a: StoryEvent | null; b: StoryEvent | null } | null;
  /** What pushed satisfaction down in the run where they left: causes by summed (negative) change, largest first. */
  pushedAway: { cause: CauseId; satisfaction: number; events: number }[];
  /** The leaving run's history after the first difference: its last 30 events at most, ending with the churn. */
  historyLeft: StoryEvent[];
  /** The staying run's history after the first difference: its last 30 events at most. */
  historyStayed: StoryEvent[];
}

export type ChurnCounts = Record<Exclude<ChurnId, 'none'>, number>;

export interface Comparison {
  ok: true;
  scenario: { id: string; hash: string };
  seed: string;
  a: SideSummary;
  b: SideSummary;
  seasons: SeasonSide[];
  /** The first season (1-based) whose decisions differ, and the fields that differ; null if the logs agree. */
  divergence: { season: number; fields: LeafDiff[] } | null;
  /** Every season with different decisions. */
  decisionDiffs: { season: number; fields: LeafDiff[] }[];
  /** At the end of both runs. */
  customers: {
    keptByAOnly: number;
    keptByBOnly: number;
    /** Everyone who had left by the end, by reason. */
    churnByReason: { a: ChurnCounts; b: ChurnCounts };
    /** Those who left in one run and stayed in the other, by the reason they left. */
    differingByReason: { leftInA: ChurnCounts; leftInB: ChurnCounts };
    /** The differing customers, biggest spenders first (up to `list`). */
    list: CustomerDifference[];
    /** The biggest spenders among them, told in full (up to `top`). */
    stories: CustomerStory[];
  };
}

/** Why two runs cannot be compared, as data, so each interface can word it in its own language. */
export type Incomparable =
  | { code: 'scenario'; a: { id: string; hash: string }; b: { id: string; hash: string } }
  | { code: 'seed'; a: string; b: string }
  | { code: 'engine'; side: 'A' | 'B'; version: string }
  | { code: 'edited'; side: 'A' | 'B' };

export type CompareResult = Comparison | { ok: false; reason: string; why: Incomparable };

interface Played {
  state: SimState;
  scores: Score[];
  /** Stage of every customer at each season's end. */
  stages: Uint8Array[];
  claims: SideSummary['claims'];
}

/** Re-simulates a run, stopping at the first season whose plan the rules refuse; claims are checked like verifyRun's. */
function play(run: RunFile): Played {
  const scenario = run.scenario.data;
  const stages: Uint8Array[] = [];
  let claims: SideSummary['claims'] = { match: true };
  const played = fold(
    scenario,
    run.seed,
    run.seasons.slice(0, scenario.seasons).map((s) => s.decisions),
    {
      onSeason: (report, state, k) => {
        stages.push(state.c.stage.slice());
        const differs = claims.match ? claimDiffers(report, run.seasons[k], k + 1) : null;
        if (differs && !differs.valid) claims = { match: false, season: k + 1, reason: differs.reason };
      },
    },
  );
  if (played.refused && claims.match) claims = { match: false, season: played.refused.season, reason: `decisions not allowed: ${planIssueText(played.refused.issues[0])}` };
  return { state: played.state, scores: played.reports.map((r) => r.score), stages, claims };
}

/** Why two runs cannot be compared, or null if they can. */
export function whyIncomparable(a: RunFile, b: RunFile): Incomparable | null {
  if (a.scenario.hash !== b.scenario.hash) return { code: 'scenario', a: { id: a.scenario.id, hash: a.scenario.hash }, b: { id: b.scenario.id, hash: b.scenario.hash } };
  if (a.seed !== b.seed) return { code: 'seed', a: a.seed, b: b.seed };
  for (const [side, r] of [['A', a], ['B', b]] as const) {
    if (!engineCompatible(r.engineVersion)) return { code: 'engine', side, version: r.engineVersion };
    if (contentHash(r.scenario.data) !== r.scenario.hash) return { code: 'edited', side };
  }
  return null;
}

/** whyIncomparable in English, or null if the runs can be compared. */
export function incomparable(a: RunFile, b: RunFile): string | null {
  const why = whyIncomparable(a, b);
  return why && incomparableText(why);
}

export function incomparableText(why: Incomparable): string {
  switch (why.code) {
    case 'scenario':
      return `different scenarios (${why.a.id} ${why.a.hash.slice(0, 12)} and ${why.b.id} ${why.b.hash.slice(0, 12)}): only runs of one scenario and seed can be compared`;
    case 'seed':
      return `different seeds ("${why.a}" and "${why.b}"): only runs of one scenario and seed meet the same customers`;
    case 'engine':
      return `run ${why.side}: engine version ${why.version} is incompatible with this engine`;
    case 'edited':
      return `run ${why.side}: embedded scenario does not match its hash (edited after the run)`;
  }
}

const emptyCounts = (): ChurnCounts => Object.fromEntries(CHURN_IDS.slice(1).map((id) => [id, 0])) as ChurnCounts;

export function compareRuns(a: RunFile, b: RunFile, options: CompareOptions = {}): CompareResult {
  const why = whyIncomparable(a, b);
  if (why) return { ok: false, reason: incomparableText(why), why };
  const top = options.top ?? 5;
  const listLimit = options.list ?? 50;
  const scenario: Scenario = a.scenario.data;
  const pa = play(a);
  const pb = play(b);

  const decisionDiffs: { season: number; fields: LeafDiff[] }[] = [];
  for (let k = 0; k < Math.max(a.seasons.length, b.seasons.length); k++) {
    const da = a.seasons[k]?.decisions;
    const db = b.seasons[k]?.decisions;
    if (da && db && canonicalJson(da) === canonicalJson(db)) continue;
    decisionDiffs.push({ season: k + 1, fields: diffLeaves(da ?? {}, db ?? {}) });
  }

  const seasons: SeasonSide[] = [];
  for (let k = 0; k < Math.max(pa.scores.length, pb.scores.length); k++) {
    const sa = pa.scores[k] ?? null;
    const sb = pb.scores[k] ?? null;
    const kept = pa.stages[k] && pb.stages[k] ? keptCounts(pa.stages[k], pb.stages[k]) : { a: 0, b: 0 };
    seasons.push({ season: k + 1, a: sa, b: sb, delta: sa && sb ? round2(sb.total - sa.total) : null, keptByAOnly: kept.a, keptByBOnly: kept.b });
  }

  const ca = pa.state.c;
  const cb = pb.state.c;
  const churnByReason = { a: emptyCounts(), b: emptyCounts() };
  const differingByReason = { leftInA: emptyCounts(), leftInB: emptyCounts() };
  const differing: CustomerDifference[] = [];
  for (let i = 0; i < pa.state.n; i++) {
    const sa = ca.stage[i];
    const sb = cb.stage[i];
    if (sa === Stage.Churned) churnByReason.a[reasonId(ca.churnReason[i])]++;
    if (sb === Stage.Churned) churnByReason.b[reasonId(cb.churnReason[i])]++;
    const leftInB = isActive(sa) && sb === Stage.Churned;
    const leftInA = isActive(sb) && sa === Stage.Churned;
    if (!leftInA && !leftInB) continue;
    const left = leftInA ? ca : cb;
    const reason = reasonId(left.churnReason[i]);
    differingByReason[leftInA ? 'leftInA' : 'leftInB'][reason]++;
    differing.push({
      id: i,
      segment: scenario.segments[ca.segment[i]].id,
      stayedIn: leftInA ? 'b' : 'a',
      reason,
      churnWeek: left.churnWeek[i],
      spendA: round2(ca.spendTotal[i]),
      spendB: round2(cb.spendTotal[i]),
      purchasesA: ca.purchases[i],
      purchasesB: cb.purchases[i],
    });
  }
  // Biggest spenders first (in the run where they spent more), then by id: deterministic.
  differing.sort((x, y) => Math.max(y.spendA, y.spendB) - Math.max(x.spendA, x.spendB) || x.id - y.id);
  const stories = differing.slice(0, top).map((d) => story(d, pa.state, pb.state));

  const divergence = decisionDiffs.length > 0 ? decisionDiffs[0] : null;
  return {
    ok: true,
    scenario: { id: a.scenario.id, hash: a.scenario.hash },
    seed: a.seed,
    a: side(a, pa, scenario),
    b: side(b, pb, scenario),
    seasons,
    divergence,
    decisionDiffs,
    customers: {
      keptByAOnly: differing.filter((d) => d.stayedIn === 'a').length,
      keptByBOnly: differing.filter((d) => d.stayedIn === 'b').length,
      churnByReason,
      differingByReason,
      list: differing.slice(0, listLimit),
      stories,
    },
  };
}

function side(run: RunFile, p: Played, scenario: Scenario): SideSummary {
  return {
    team: run.team,
    seasons: p.scores.length,
    final: p.scores.length === scenario.seasons ? finalScore(p.scores, scenario.scoring) : null,
    claims: p.claims,
  };
}

function keptCounts(a: Uint8Array, b: Uint8Array): { a: number; b: number } {
  let ka = 0;
  let kb = 0;
  for (let i = 0; i < a.length; i++) {
    if (isActive(a[i]) && b[i] === Stage.Churned) ka++;
    else if (isActive(b[i]) && a[i] === Stage.Churned) kb++;
  }
  return { a: ka, b: kb };
}

function reasonId(r: number): Exclude<ChurnId, 'none'> {
  const id = CHURN_IDS[r] ?? 'natural';
  return id === 'none' ? 'natural' : id;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const STORY_EVENTS = 30;
function storyEvent(e: CustomerProfile['history'][number]): StoryEvent {
  const { week, cause } = e;
  const kind = STORY_KINDS[e.kind];
  if (kind === 'stage') return { week, kind, cause, value: STAGE_IDS[e.value], delta: e.delta };
  if (kind === 'churn') return { week, kind, cause, value: CHURN_IDS[e.value], delta: e.delta };
  if (kind === 'complaint') return { week, kind, cause, value: COMPLAINT_OUTCOMES[e.value], delta: e.delta };
  if (kind === 'satisfaction' || kind === 'loyalty') return { week, kind, cause, value: String(round2(100 * e.value)), delta: round2(100 * e.delta) };
  return { week, kind, cause, value: String(e.value), delta: e.delta };
}

const sameEvent = (x: StoryEvent, y: StoryEvent) => x.week === y.week && x.kind === y.kind && x.cause === y.cause && x.value === y.value;

function story(d: CustomerDifference, sa: SimState, sb: SimState): CustomerStory {
  const ha = (customerProfile(sa, d.id) as CustomerProfile).history.map(storyEvent);
  const hb = (customerProfile(sb, d.id) as CustomerProfile).history.map(storyEvent);
  let k = 0;
  while (k < ha.length && k < hb.length && sameEvent(ha[k], hb[k])) k++;
  const firstDifference = k < ha.length || k < hb.length ? { week: Math.min(ha[k]?.week ?? Infinity, hb[k]?.week ?? Infinity), a: ha[k] ?? null, b: hb[k] ?? null } : null;
  const left = d.stayedIn === 'a' ? hb : ha;
  const stayed = d.stayedIn === 'a' ? ha : hb;
  const pushed = new Map<CauseId, { satisfaction: number; events: number }>();
  for (const e of left) {
    if (e.kind !== 'satisfaction' || e.delta >= 0) continue;
    const p = pushed.get(e.cause) ?? { satisfaction: 0, events: 0 };
    p.satisfaction += e.delta;
    p.events++;
    pushed.set(e.cause, p);
  }
  const pushedAway = [...pushed.entries()]
    .map(([cause, p]) => ({ cause, satisfaction: round2(p.satisfaction), events: p.events }))
    .sort((x, y) => x.satisfaction - y.satisfaction || (x.cause < y.cause ? -1 : 1));
  return {
    ...d,
    firstDifference,
    pushedAway,
    historyLeft: left.slice(Math.max(k, left.length - STORY_EVENTS)),
    historyStayed: stayed.slice(Math.max(k, stayed.length - STORY_EVENTS)),
  };
}

/** The comparison as plain text for a terminal or a printout. */
export function formatComparison(c: CompareResult, names: { a: string; b: string } = { a: 'A', b: 'B' }): string {
  if (!c.ok) return `cannot compare: ${c.reason}\n`;
  const out: string[] = [];
  const A = `${names.a} (${c.a.team})`;
  const B = `${names.b} (${c.b.team})`;
  out.push(`Scenario ${c.scenario.id} ${c.scenario.hash.slice(0, 12)}, seed "${c.seed}"`);
  out.push(`A = ${A}, B = ${B}`);
  for (const [label, s] of [['A', c.a], ['B', c.b]] as const) {
    if (!s.claims.match) out.push(`warning: run ${label} does not verify (season ${s.claims.season}: ${s.claims.reason}); figures below are re-simulated`);
  }
  out.push('');
  out.push('Season scores (re-simulated)');
  out.push(`${'season'.padEnd(8)}${'A total'.padStart(9)}${'B total'.padStart(9)}${'B − A'.padStart(8)}   kept by A only / B only`);
  for (const s of c.seasons) {
    const f = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(2));
    out.push(`${String(s.season).padEnd(8)}${f(s.a?.total).padStart(9)}${f(s.b?.total).padStart(9)}${f(s.delta).padStart(8)}   ${s.keptByAOnly} / ${s.keptByBOnly}`);
  }
  const fa = c.a.final;
  const fb = c.b.final;
  if (fa || fb) {
    const parts = ['total', 'satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;
    out.push(`final   ${parts.map((p) => `${p} ${fa ? fa[p].toFixed(2) : '—'} / ${fb ? fb[p].toFixed(2) : '—'}`).join(', ')}`);
  }
  out.push('');
  if (!c.divergence) out.push('Decisions: identical in every season both runs played.');
  else {
    out.push(`Decisions first diverge in season ${c.divergence.season}:`);
    for (const f of c.divergence.fields.slice(0, 40)) out.push(`  ${f.path}: ${show(f.a)} → ${show(f.b)}`);
    if (c.divergence.fields.length > 40) out.push(`  … and ${c.divergence.fields.length - 40} more`);
    const later = c.decisionDiffs.slice(1).map((d) => `season ${d.season} (${d.fields.length} field${d.fields.length === 1 ? '' : 's'})`);
    if (later.length > 0) out.push(`Also different: ${later.join(', ')}`);
  }
  out.push('');
  const cu = c.customers;
  out.push(`Customers at the end: ${cu.keptByAOnly} stayed in A but left in B; ${cu.keptByBOnly} stayed in B but left in A.`);
  const reasons = Object.keys(cu.churnByReason.a) as (keyof ChurnCounts)[];
  out.push(`${'churn reason'.padEnd(14)}${'all A'.padStart(7)}${'all B'.padStart(7)}${'left only in A'.padStart(16)}${'left only in B'.padStart(16)}`);
  for (const r of reasons) {
    out.push(
      `${r.padEnd(14)}${String(cu.churnByReason.a[r]).padStart(7)}${String(cu.churnByReason.b[r]).padStart(7)}${String(cu.differingByReason.leftInA[r]).padStart(16)}${String(cu.differingByReason.leftInB[r]).padStart(16)}`,
    );
  }
  if (cu.list.length > 0) {
    out.push('');
    out.push('Biggest spenders who differ (spend A / B):');
    for (const d of cu.list.slice(0, 20)) {
      out.push(`  #${d.id} ${d.segment}: stayed in ${d.stayedIn.toUpperCase()}, left in ${d.stayedIn === 'a' ? 'B' : 'A'} (${d.reason}, week ${d.churnWeek}); spend ${d.spendA} / ${d.spendB}`);
    }
  }
  for (const s of cu.stories) {
    out.push('');
    const leftIn = s.stayedIn === 'a' ? 'B' : 'A';
    out.push(`Customer #${s.id} (${s.segment}): left in ${leftIn} in week ${s.churnWeek} (${s.reason}), stayed in ${s.stayedIn.toUpperCase()}`);
    if (s.firstDifference) {
      const ev = (e: StoryEvent | null) => (e ? `${e.kind} ${e.value} (${e.cause})` : 'nothing');
      out.push(`  histories part in week ${s.firstDifference.week}: A ${ev(s.firstDifference.a)}; B ${ev(s.firstDifference.b)}`);
    }
    if (s.pushedAway.length > 0) out.push(`  pushed away in ${leftIn} by: ${s.pushedAway.slice(0, 4).map((p) => `${p.cause} ${p.satisfaction} (${p.events}×)`).join(', ')}`);
    const tail = s.historyLeft.slice(-8).map((e) => `w${e.week} ${e.kind} ${e.value}${e.delta && e.kind !== 'stage' ? ` (${signed(e.delta)})` : ''} ${e.cause}`);
    if (tail.length > 0) out.push(`  last events in ${leftIn}: ${tail.join('; ')}`);
  }
  return out.join('\n') + '\n';
}

const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
const signed = (x: number) => (x > 0 ? `+${x}` : String(x));
