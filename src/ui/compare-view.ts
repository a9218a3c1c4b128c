import type { ChurnCounts, Comparison, CustomerStory, Incomparable, StoryEvent, StoryKind } from '../run/compare';
import type { Scenario } from '../scenario/schema';
import { stageName } from './badges';
import { chooseCompareFile, compare, compareStore, dropComparison, type Shown, type Side } from './compare-store';
import { h } from './dom';
import { describe } from './files';
import { decisionChanges, leverName, leverValue, type DecisionChange } from './decision-labels';
import { Decisions } from '../scenario/decisions';
import type { CompareFile } from '../workers/compare-core';
import { list as listOf, num, pick, t, weekName } from './i18n';
import { causeLabel } from './causes';
import { reasonText } from './teacher-reasons';
import { stopAll, watch, watchLang, type Page } from './page';
import { signed } from './report';

// Two runs of one scenario and seed side by side (#/compare): season scores, the season the decisions first
// diverged and how, and customer by customer who stayed in one run and left in the other, and why. Both runs
// are re-simulated in a Web Worker (src/run/compare.ts), so the page stays responsive. While the page is shown,
// two runs waiting (one of them handed over from the viewer or the debrief) are compared straight away; leaving
// the page drops a comparison still running.

export const comparePage: Page = {
  mount(root) {
    // The chart module loads while the files are chosen, not in the same task as the first result.
    void import('./charts');
    const draw = () => renderCompare(root);
    const compareWaiting = () => {
      const s = compareStore.getState();
      if (s.files.a && s.files.b && !s.outcome && !s.busy) void compare();
    };
    const stops = [
      watch(
        compareStore,
        (s) => [s.files.a, s.files.b, s.outcome, s.busy],
        ([, , outcome], [, , before]) => {
          draw();
          if (outcome && !before) root.querySelector<HTMLElement>('[data-testid="compare-result"], [data-testid="compare-refused"]')?.focus({ preventScroll: true });
        },
      ),
      watch(compareStore, (s) => [s.files.a, s.files.b], compareWaiting),
      watchLang(draw),
    ];
    draw();
    compareWaiting();
    return () => {
      stopAll(stops)();
      dropComparison();
    };
  },
};

function renderCompare(root: HTMLElement): void {
  const { files, busy, outcome } = compareStore.getState();
  const slot = (side: Side) => {
    const f = files[side];
    const label = side === 'a' ? 'A' : 'B';
    const choose = h('button', { type: 'button', 'data-testid': `compare-choose-${side}`, onclick: () => void chooseCompareFile(side) }, t('compare.choose', { side: label }));
    return h(
      'section',
      { class: 'card' },
      h('h3', {}, t('compare.run', { side: label })),
      h('p', { 'data-testid': `compare-file-${side}` }, f ? f.name : t('compare.none')),
      choose,
    );
  };
  root.replaceChildren(
    h('h2', {}, t('compare.heading')),
    h('p', {}, t('compare.intro')),
    h('div', { class: 'grid' }, slot('a'), slot('b')),
    h('p', { role: 'status', 'aria-live': 'polite', 'data-testid': 'compare-status' }, busy ? t('compare.busy') : ''),
    outcome ? outcomeView(outcome) : '',
  );
}

function outcomeView(o: Shown): HTMLElement {
  if (o.ok) return comparisonView(o.comparison, o.scenario);
  const text =
    o.kind === 'unreadable' ? t('compare.unreadable', { side: o.side.toUpperCase(), reason: describe(o.issues, 1) }) : o.kind === 'failed' ? t('compare.failed', { reason: o.message }) : refusal(o.why);
  return h('p', { class: 'notice', role: 'alert', 'data-testid': 'compare-refused', tabindex: -1 }, `⚠ ${text}`);
}

function refusal(why: Incomparable): string {
  switch (why.code) {
    case 'scenario':
      return t('compare.refuse.scenario', { a: `${why.a.id} ${why.a.hash.slice(0, 8)}`, b: `${why.b.id} ${why.b.hash.slice(0, 8)}` });
    case 'seed':
      return t('compare.refuse.seed', { a: why.a, b: why.b });
    case 'engine':
      return t('compare.refuse.engine', { side: why.side, version: why.version });
    case 'edited':
      return t('compare.refuse.edited', { side: why.side });
  }
}

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : num(x, digits));

function table(caption: string, head: string[], rows: (string | number)[][], testid?: string): HTMLElement {
  return h(
    'table',
    { class: 'board', 'data-testid': testid },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((x) => h('td', {}, String(x)))))),
  );
}

function comparisonView(c: Comparison, scenario: Scenario): HTMLElement {
  const A = `A · ${c.a.team}`;
  const B = `B · ${c.b.team}`;
  const warnings = (['a', 'b'] as const).flatMap((side) => {
    const claims = c[side].claims;
    return claims.match ? [] : [h('p', { class: 'notice', role: 'note' }, `⚠ ${t('compare.claims', { side: side.toUpperCase(), season: claims.season, reason: reasonText(claims.reason) })}`)];
  });
  const box = h(
    'div',
    { 'data-testid': 'compare-result', tabindex: -1 },
    h('p', { class: 'reading' }, t('compare.same', { seed: c.seed, scenario: pick(scenario.title) || c.scenario.id })),
    ...warnings,
    scoresCard(c, A, B),
  );
  // The longer cards follow one task at a time, so laying out a large comparison never holds the page up.
  const rest = [() => divergenceCard(c, scenario, compareStore.getState().files), () => customersCard(c, A, B, scenario), () => storiesCard(c, scenario)];
  const next = () => {
    const card = rest.shift();
    if (!card || !box.isConnected) return;
    box.append(card());
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
  return box;
}

function scoresCard(c: Comparison, A: string, B: string): HTMLElement {
  const played = c.seasons.filter((s) => s.delta !== null);
  const bAhead = played.filter((s) => (s.delta ?? 0) > 0).length;
  const aAhead = played.filter((s) => (s.delta ?? 0) < 0).length;
  const fa = c.a.final?.total ?? null;
  const fb = c.b.final?.total ?? null;
  const reading =
    fa !== null && fb !== null
      ? t('compare.scores.reading', { a: aAhead, b: bAhead, n: played.length, fa: fmt(fa, 2), fb: fmt(fb, 2) })
      : t('compare.scores.readingUnfinished', { a: aAhead, b: bAhead, n: played.length });
  const rows = c.seasons.map((s) => [t('final.seasonLine', { n: s.season }), fmt(s.a?.total), fmt(s.b?.total), s.delta === null ? '—' : signed(s.delta), s.keptByAOnly, s.keptByBOnly]);
  rows.push([t('compare.final'), fmt(fa, 2), fmt(fb, 2), fa !== null && fb !== null ? signed(fb - fa) : '—', c.customers.keptByAOnly, c.customers.keptByBOnly]);
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': `${t('compare.scores')}: ${reading}` });
  const totals = (side: 'a' | 'b') => c.seasons.flatMap((s) => (s[side] ? [s[side]!.total] : []));
  void import('./charts').then((m) => m.trajectoriesChart(chart, [{ team: A, totals: totals('a') }, { team: B, totals: totals('b') }], c.seasons.length));
  return h(
    'section',
    { class: 'card', 'data-testid': 'compare-scores' },
    h('h3', {}, t('compare.scores')),
    h('p', { class: 'reading' }, reading),
    table(t('compare.scores.caption'), [t('compare.season'), A, B, t('compare.delta'), t('compare.keptA'), t('compare.keptB')], rows),
    chart,
  );
}

/** One season's decisions in a run file compared (the worker compared this same text), or null if unreadable. */
function seasonDecisions(file: CompareFile | null, season: number): Decisions | null {
  if (!file) return null;
  try {
    const run = JSON.parse(file.text) as { seasons?: { decisions?: unknown }[] } | null;
    const parsed = Decisions.safeParse(run?.seasons?.[season - 1]?.decisions);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function divergenceCard(c: Comparison, scenario: Scenario, files: Record<Side, CompareFile | null>): HTMLElement {
  const box = h('section', { class: 'card', 'data-testid': 'compare-divergence' }, h('h3', {}, t('compare.divergence')));
  const d = c.divergence;
  if (!d) {
    box.append(h('p', { class: 'reading' }, t('compare.identical')));
    return box;
  }
  // An audience, a tier level and the featured cases are one row each, read from the two files compared.
  const a = seasonDecisions(files.a, d.season);
  const b = seasonDecisions(files.b, d.season);
  const rows: DecisionChange[] =
    a && b ? decisionChanges(a, b, scenario) : d.fields.map((f) => ({ path: f.path, what: leverName(f.path), from: leverValue(f.path, f.a, scenario), to: leverValue(f.path, f.b, scenario) }));
  box.append(
    h('p', { class: 'reading' }, t('compare.diverged', { n: d.season, count: rows.length })),
    table(
      t('compare.diverged.caption', { n: d.season }),
      [t('compare.setting'), 'A', 'B'],
      rows.slice(0, 40).map((r) => [r.what, r.from, r.to]),
    ),
  );
  if (rows.length > 40) box.append(h('p', { class: 'hint' }, t('compare.more', { n: rows.length - 40 })));
  const later = c.decisionDiffs.slice(1);
  if (later.length > 0) box.append(h('p', {}, t('compare.later', { seasons: listOf(later.map((x) => t('compare.laterSeason', { n: x.season, count: x.fields.length }))) })));
  return box;
}

const segmentName = (scenario: Scenario, id: string) => {
  const seg = scenario.segments.find((g) => g.id === id);
  return seg ? pick(seg.name) : id;
};

function customersCard(c: Comparison, A: string, B: string, scenario: Scenario): HTMLElement {
  const cu = c.customers;
  const reasons = Object.keys(cu.churnByReason.a) as (keyof ChurnCounts)[];
  const top = (counts: ChurnCounts) => reasons.reduce((best, r) => (counts[r] > counts[best] ? r : best), reasons[0]);
  const readings = [t('compare.customers.reading', { a: cu.keptByAOnly, b: cu.keptByBOnly })];
  if (cu.keptByAOnly > 0) readings.push(t('compare.customers.why', { side: 'B', reason: t(`churn.${top(cu.differingByReason.leftInB)}`), n: cu.differingByReason.leftInB[top(cu.differingByReason.leftInB)] }));
  if (cu.keptByBOnly > 0) readings.push(t('compare.customers.why', { side: 'A', reason: t(`churn.${top(cu.differingByReason.leftInA)}`), n: cu.differingByReason.leftInA[top(cu.differingByReason.leftInA)] }));
  const list = cu.list.map((d) => [
    `#${d.id}`,
    segmentName(scenario, d.segment),
    d.stayedIn === 'a' ? A : B,
    t('compare.leftLine', { side: d.stayedIn === 'a' ? 'B' : 'A', reason: t(`churn.${d.reason}`), when: weekName(d.churnWeek, scenario.weeksPerSeason, true) }),
    num(d.spendA, 0),
    num(d.spendB, 0),
  ]);
  return h(
    'section',
    { class: 'card', 'data-testid': 'compare-customers' },
    h('h3', {}, t('compare.customers')),
    ...readings.map((r) => h('p', { class: 'reading' }, r)),
    table(
      t('compare.reasons.caption'),
      [t('compare.reason'), t('compare.allA'), t('compare.allB'), t('compare.onlyA'), t('compare.onlyB')],
      reasons.map((r) => [t(`churn.${r}`), cu.churnByReason.a[r], cu.churnByReason.b[r], cu.differingByReason.leftInA[r], cu.differingByReason.leftInB[r]]),
      'compare-reasons',
    ),
    list.length > 0
      ? table(t('compare.list.caption', { n: list.length }), [t('compare.customer'), t('compare.segment'), t('compare.stayedIn'), t('compare.leftIn'), t('compare.spendA'), t('compare.spendB')], list, 'compare-list')
      : h('p', {}, t('compare.noneDiffer')),
  );
}

function eventValue(e: StoryEvent): string {
  if (e.kind === 'stage') return stageName(e.value);
  if (e.kind === 'churn') return t(`churn.${e.value}`);
  if (e.kind === 'complaint') return t(`compare.complaint.${e.value}`);
  if (e.kind === 'satisfaction' || e.kind === 'loyalty') return `${e.value} (${signed(e.delta)})`;
  if (e.kind === 'purchase') return `¥${e.value}`;
  return e.value;
}

/** The engine's number of each kind of event, which names it in the locale files (profile.kind.<n>). */
const KIND_NUMBER = { stage: 0, satisfaction: 1, tier: 2, churn: 3, complaint: 4, loyalty: 5, purchase: 6 } as const satisfies Record<StoryKind, number>;

function eventText(e: StoryEvent, scenario: Scenario): string {
  const what = t(`profile.kind.${KIND_NUMBER[e.kind]}`);
  const cause = e.kind === 'satisfaction' ? causeLabel(e.cause, e.delta) : t(`cause.${e.cause}`);
  return `${t('profile.event', { when: weekName(e.week, scenario.weeksPerSeason), what, cause })}: ${eventValue(e)}`;
}

function storyCard(s: CustomerStory, scenario: Scenario): HTMLElement {
  const left = s.stayedIn === 'a' ? 'B' : 'A';
  const stayed = s.stayedIn.toUpperCase();
  const parts: (HTMLElement | string)[] = [
    h('h4', {}, t('compare.story', { id: s.id, segment: segmentName(scenario, s.segment) })),
    h('p', { class: 'reading' }, t('compare.story.reading', { left, stayed, reason: t(`churn.${s.reason}`), when: weekName(s.churnWeek, scenario.weeksPerSeason, true) })),
  ];
  if (s.firstDifference) {
    const ev = (e: StoryEvent | null) => (e ? eventText(e, scenario) : t('compare.story.nothing'));
    parts.push(h('p', {}, t('compare.story.part', { when: weekName(s.firstDifference.week, scenario.weeksPerSeason, true), a: ev(s.firstDifference.a), b: ev(s.firstDifference.b) })));
  }
  if (s.pushedAway.length > 0) {
    parts.push(
      h('p', {}, t('compare.story.pushed', { side: left })),
      h('ul', {}, ...s.pushedAway.slice(0, 4).map((p) => h('li', {}, t('compare.story.cause', { cause: causeLabel(p.cause, p.satisfaction), sat: signed(p.satisfaction), n: p.events })))),
    );
  }
  parts.push(
    h('p', {}, t('compare.story.history', { side: left })),
    h('ol', { class: 'history' }, ...s.historyLeft.slice(-10).map((e) => h('li', {}, eventText(e, scenario)))),
  );
  return h('section', { class: 'card', 'data-testid': 'compare-story' }, ...parts);
}

function storiesCard(c: Comparison, scenario: Scenario): HTMLElement {
  const stories = c.customers.stories;
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, t('compare.stories')),
    h('p', { class: 'reading' }, stories.length > 0 ? t('compare.stories.reading', { n: stories.length }) : t('compare.noneDiffer')),
    h('div', { class: 'grid' }, ...stories.map((s) => storyCard(s, scenario))),
  );
}
