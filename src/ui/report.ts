import type { Scenario } from '../scenario/schema';
import { type SeasonReport, type Score, CHURN_IDS, COMPLAINT_KINDS, COST_KEYS, LOYALTY_KINDS } from '../sim';
import { session } from '../store/session';
import { newsCard } from './news';
import { h } from './dom';
import { churnCard } from './churn-card';
import { list, num, pick, signed, t } from './i18n';
import { causeLabel, driverLine } from './causes';
import { stageName } from './badges';
import { tierName } from './profile';

// The season report: each section answers one of the course's questions, with a one-sentence plain reading.
//
// During the game (`reveal` false) the report shows only what the store could know: its books (revenue, costs,
// profit), what it recorded (visits, complaints, contacts, members) and what it paid to measure (the survey).
// Everything computed from the customers' hidden feelings — true satisfaction and NPS, attitudinal loyalty, what
// moved them, and the score parts built on them — waits for the debrief, where the report shows it beside what the
// survey had said (`reveal` true: the final debrief, and the replay of a finished game).

const PARTS = ['satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;
/** Score parts the books give during play; the others are computed from hidden truth. */
const VISIBLE_PARTS: readonly (typeof PARTS)[number][] = ['profit'];
const NEGATIVE = '#D55E00';
/** A survey size to quote when the team did not survey: enough for an NPS within about ±15 points. */
const SUGGESTED_SAMPLE = 100;

/** A score or signed figure as text, with a real minus sign for values below zero (−12.3), never clamped. */
export function scoreText(x: number, digits = 1): string {
  const s = num(Math.abs(x), digits);
  return x < 0 && /[1-9]/.test(s) ? `−${s}` : s;
}

export { signed };

/**
 * One horizontal bar on the scale [min, max] (min ≤ 0): a value below zero is drawn left of the zero line, in
 * another colour, and its text keeps the minus sign. `min` defaults to 0 for figures that cannot be negative.
 */
export function bar(label: string, value: number, max: number, color = '#0072B2', suffix = '', min = 0): HTMLElement {
  const lo = Math.min(0, min, value);
  const hi = Math.max(max, value, lo + 1);
  const at = (x: number) => (100 * (x - lo)) / (hi - lo);
  const zero = at(0);
  const end = at(value);
  const fill = h('span', {
    style: `position:absolute;top:0;bottom:0;left:${Math.min(zero, end)}%;width:${Math.abs(end - zero)}%;background:${value < 0 ? NEGATIVE : color}`,
  });
  const axis = lo < 0 ? h('span', { style: `position:absolute;top:0;bottom:0;left:${zero}%;width:2px;background:#1b2a41` }) : null;
  return h(
    'div',
    { class: 'bar-row', 'data-value': value },
    h('span', { class: 'bar-label' }, label),
    h('span', { class: 'bar', role: 'presentation', style: 'position:relative' }, fill, axis),
    // A common minimum width keeps the bars of one card the same length whatever their figures.
    h('span', { class: 'bar-value', style: 'min-width:3.6rem' }, `${scoreText(value, 2)}${suffix}`),
  );
}

/** The lowest tick at or below every value and zero, so negative scores get room on the bars' common scale. */
function floorOf(values: number[]): number {
  return Math.min(0, Math.floor(Math.min(...values) / 10) * 10);
}

/**
 * The score card. During play only the parts the books give (profit) are shown; the others, and so the total,
 * are named with "revealed at the debrief". `reveal` shows every part and the total, negative ones left of zero.
 */
export function scoreBlock(score: Score, reveal: boolean): HTMLElement {
  if (!reveal) {
    const lo = floorOf(VISIBLE_PARTS.map((p) => score[p]));
    return h(
      'section',
      { class: 'card', 'aria-labelledby': 'score-h', 'data-testid': 'score-block' },
      h('h3', { id: 'score-h' }, t('report.score')),
      ...PARTS.map((p) =>
        VISIBLE_PARTS.includes(p)
          ? bar(t(`report.part.${p}`), score[p], 100, '#009E73', '', lo)
          : h(
              'div',
              { class: 'bar-row' },
              h('span', { class: 'bar-label' }, t(`report.part.${p}`)),
              h(
                'span',
                { class: 'bar hint', style: 'height:auto;text-align:center;font-size:0.75rem;background:repeating-linear-gradient(135deg,#eef1f4 0 6px,#e3e8ee 6px 12px)' },
                t('report.score.later'),
              ),
              h('span', { class: 'bar-value', style: 'min-width:3.6rem', 'aria-label': t('report.score.later') }, '?'),
            ),
      ),
      h('p', { class: 'hint' }, t('report.score.hidden')),
    );
  }
  const lo = floorOf([...PARTS.map((p) => score[p]), score.total]);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'score-h', 'data-testid': 'score-block' },
    h('h3', { id: 'score-h' }, `${t('report.score')}: ${scoreText(score.total)}`),
    ...PARTS.map((p) => bar(t(`report.part.${p}`), score[p], 100, '#009E73', '', lo)),
  );
}

function segmentName(sc: Scenario | null, id: string): string {
  const seg = sc?.segments.find((g) => g.id === id);
  return seg ? pick(seg.name) : id;
}

/** The survey's one-line reading, or what not surveying means (during play: what a survey would cost). */
function surveyReading(r: SeasonReport, sc: Scenario | null, reveal: boolean): string {
  const m = r.satisfaction.measured;
  if (!m && reveal) return t('report.compare.noSurvey');
  if (m) return t('report.reading.survey', { nps: scoreText(m.nps), npsMargin: num(m.npsMargin, 1), index: num(m.satisfaction, 1), margin: num(m.satisfactionMargin, 1) });
  const per = sc?.costs.surveyResponse ?? 0;
  return t('report.notMeasured', { n: SUGGESTED_SAMPLE, cost: SUGGESTED_SAMPLE * per, per });
}

/** The season's churn reasons with their counts, most first (ties in the engine's order of reasons). */
function churnReasons(r: SeasonReport) {
  return CHURN_IDS.filter((k) => k !== 'none')
    .map((k) => [k, r.customers.churnByReason[k]] as const)
    .sort((a, b) => b[1] - a[1]);
}

function readings(r: SeasonReport, reveal: boolean, sc: Scenario | null): string[] {
  const out = [t('report.reading.stages', { active: r.customers.active, stability: r.customers.byStage.stability })];
  const reasons = churnReasons(r);
  if (r.customers.churned > 0 && reasons[0]) {
    out.push(t('report.reading.churn', { churned: r.customers.churned, reason: t(`churn.${reasons[0][0]}`), count: reasons[0][1] }));
  } else out.push(t('report.reading.noChurn'));
  if (r.complaints.filed > 0) {
    out.push(t('report.reading.complaints', { filed: r.complaints.filed, recovered: r.complaints.recovered, days: r.complaints.avgDays }));
  }
  out.push(surveyReading(r, sc, reveal));
  if (reveal) {
    const top = r.drivers.find((d) => d.satisfaction !== 0);
    if (top) out.push(t('report.reading.driver', { cause: causeLabel(top.cause, top.satisfaction) }));
  }
  return out;
}

/** The last survey before this report's season, for "which group is falling". */
function previousSurvey(r: SeasonReport, history: readonly SeasonReport[]): SeasonReport['satisfaction']['measured'] {
  for (let k = history.length - 1; k >= 0; k--) {
    const x = history[k];
    if (x.season < r.season && x.satisfaction.measured) return x.satisfaction.measured;
  }
  return null;
}

/** What the survey found: NPS with its three counts (to recompute it), the index with its error, and by segment. */
function surveyFigures(r: SeasonReport, history: readonly SeasonReport[], sc: Scenario | null, reveal: boolean): (HTMLElement | string)[] {
  const m = r.satisfaction.measured;
  if (!m) return [h('p', { 'data-testid': 'survey-line' }, surveyReading(r, sc, reveal))];
  const prev = previousSurvey(r, history);
  const segments = m.bySegment.map((g) => {
    const before = prev?.bySegment.find((x) => x.segment === g.segment);
    const name = segmentName(sc, g.segment);
    if (g.answers === 0) return h('li', {}, t('report.survey.segmentNone', { segment: name }));
    const delta = before && before.answers > 0 ? t('report.survey.segmentDelta', { delta: signed(g.satisfaction - before.satisfaction) }) : '';
    return h('li', {}, t('report.survey.segment', { segment: name, index: num(g.satisfaction, 1), answers: g.answers }), delta);
  });
  return [
    h(
      'p',
      { 'data-testid': 'survey-line' },
      t('report.survey.nps', { nps: scoreText(m.nps), margin: num(m.npsMargin, 1), promoters: m.promoters, passives: m.passives, detractors: m.detractors, sample: m.sample }),
    ),
    h('p', { class: 'hint' }, t('report.survey.formula', { promoters: m.promoters, detractors: m.detractors, sample: m.sample, nps: scoreText(m.nps) })),
    h('p', {}, t('report.survey.index', { index: num(m.satisfaction, 1), margin: num(m.satisfactionMargin, 1) })),
    h('p', { class: 'hint' }, t('report.survey.margin')),
    h('h4', {}, t('report.survey.bySegment')),
    h('ul', { 'data-testid': 'survey-segments' }, ...segments),
    // After the last season there is no season left to call them back in.
    !reveal && m.detractors > 0 && !(sc && r.season >= sc.seasons) ? h('p', { class: 'hint', 'data-testid': 'survey-follow-up-hint' }, t('report.survey.followUpHint', { n: m.detractors })) : '',
  ];
}

/** The debrief's side by side: each survey figure, its 95% error, the truth, and whether the truth fell inside. */
function measuredVersusTrue(r: SeasonReport, sc: Scenario | null): HTMLElement | string {
  const m = r.satisfaction.measured;
  const truth = r.satisfaction.truth;
  if (!m) return '';
  const within = (measured: number, margin: number, trueValue: number) => (Math.abs(measured - trueValue) <= margin ? t('report.compare.yes') : t('report.compare.no'));
  const nowrap = 'white-space:nowrap';
  const row = (cells: string[]) => h('tr', {}, h('th', { scope: 'row' }, cells[0]), ...cells.slice(1).map((x) => h('td', { style: nowrap }, x)));
  const segments = m.bySegment.filter((g) => g.answers > 0);
  return h(
    'div',
    { 'data-testid': 'measured-vs-true' },
    h(
      'table',
      { class: 'board' },
      h('caption', {}, t('report.compare.caption')),
      h('thead', {}, h('tr', {}, ...[t('report.compare.measure'), t('report.compare.measured'), t('report.compare.true'), t('report.compare.within')].map((x) => h('th', { scope: 'col' }, x)))),
      h(
        'tbody',
        {},
        row([t('report.compare.nps'), `${scoreText(m.nps)} ± ${num(m.npsMargin, 1)}`, scoreText(truth.nps), within(m.nps, m.npsMargin, truth.nps)]),
        row([t('report.compare.index'), `${num(m.satisfaction, 1)} ± ${num(m.satisfactionMargin, 1)}`, num(truth.mean, 1), within(m.satisfaction, m.satisfactionMargin, truth.mean)]),
        segments.length > 0 ? h('tr', {}, h('th', { colspan: 4, scope: 'rowgroup' }, t('report.compare.bySegment'))) : '',
        ...segments.map((g) => {
          const tr = r.customers.bySegment.find((x) => x.segment === g.segment);
          return row([t('report.compare.segment', { segment: segmentName(sc, g.segment), answers: g.answers }), num(g.satisfaction, 1), tr ? num(tr.satisfaction, 1) : '—', '—']);
        }),
      ),
    ),
    h('p', { class: 'hint' }, t('report.compare.note')),
  );
}

function satisfactionCard(r: SeasonReport, history: readonly SeasonReport[], reveal: boolean, sc: Scenario | null): HTMLElement {
  const truth = r.satisfaction.truth;
  const c = r.complaints;
  const box = h('section', { class: 'card', 'data-testid': 'satisfaction-card' }, h('h3', {}, t('report.satisfaction')), ...surveyFigures(r, history, sc, reveal));
  if (reveal) {
    box.append(
      h('h4', {}, t('report.truth.heading')),
      h(
        'p',
        { 'data-testid': 'truth-line' },
        t('report.truth.line', { mean: num(truth.mean, 1), nps: scoreText(truth.nps), promoters: truth.promoters, passives: truth.passives, detractors: truth.detractors, quality: num(truth.perceivedQuality, 1) }),
      ),
      h('p', {}, t('report.truth.byTier', { list: list(truth.byTier.map((x, k) => `${tierName(k)} ${num(x, 1)}`)) })),
      h('p', {}, t('report.truth.bySegment', { list: list(r.customers.bySegment.map((g) => `${segmentName(sc, g.segment)} ${num(g.satisfaction, 1)}`)) })),
      measuredVersusTrue(r, sc),
    );
  }
  box.append(h('h3', {}, t('report.loyalty')));
  if (reveal) {
    box.append(
      h('p', {}, t('report.loyalty.true', { n: r.loyalty.trueLoyal }), ' · ', t('report.loyalty.inertia', { n: r.loyalty.inertia }), ' · ', t('report.loyalty.none', { n: r.loyalty.none })),
      h('p', {}, t('report.loyalty.attitudinal', { mean: num(r.loyalty.meanAttitudinal, 1), repeat: num(r.loyalty.repeatRate, 1) })),
      h(
        'p',
        { 'data-testid': 'loyalty-kinds' },
        t('report.loyalty.kinds', { list: list(LOYALTY_KINDS.map((k) => t(`report.loyalty.kind.${k}`, { n: r.loyalty.kinds[k] }))) }),
      ),
      h('p', { class: 'hint' }, t('report.loyalty.kinds.help')),
    );
  } else {
    box.append(h('p', {}, t('report.loyalty.behaviour', { repeat: num(r.loyalty.repeatRate, 1) })), h('p', { class: 'hint' }, t('report.loyalty.hidden')));
  }
  box.append(
    h('p', {}, t('report.tiers', { up: r.tiers.promotions, down: r.tiers.demotions, rewards: r.tiers.rewards })),
    h('p', {}, reveal ? t('report.care', r.care) : t('report.care.play', { contacts: r.care.contacts, optOuts: r.care.optOuts })),
    h('h3', {}, t('report.complaints')),
    h(
      'p',
      {},
      reveal
        ? t('report.complaints.line', { filed: c.filed, recovered: c.recovered, unresolved: c.unresolved, days: c.avgDays, silent: c.silentFailures })
        : t('report.complaints.play', { filed: c.filed, recovered: c.recovered, unresolved: c.unresolved, days: c.avgDays }),
    ),
    complaintKinds(c.byKind),
    // The average is measured, the plan's days are a target: say why the two differ.
    c.filed > 0 ? h('p', { class: 'hint', 'data-testid': 'complaint-days-note' }, t('report.complaints.daysNote')) : '',
    c.followUps > 0 ? h('p', {}, t('report.complaints.followUps', { n: c.followUps })) : '',
    reveal ? '' : h('p', { class: 'hint' }, t('report.complaints.silentHidden')),
  );
  return box;
}

/** What the complaints were about, and how many of each were put right: the kind says which remedy works. */
function complaintKinds(byKind: SeasonReport['complaints']['byKind']): HTMLElement | string {
  const kinds = COMPLAINT_KINDS.filter((k) => byKind[k].filed > 0);
  if (kinds.length === 0) return '';
  return h(
    'div',
    { 'data-testid': 'complaint-kinds' },
    h('p', {}, t('report.complaints.kinds', { list: list(kinds.map((k) => t(`report.complaints.kind.${k}`, byKind[k]))) })),
    h('p', { class: 'hint' }, t('report.complaints.kinds.help')),
  );
}

/**
 * The store's own standing, with the change since the last season: its reputation (the reviews and talk it can
 * read), how readily customers trust it with their data (what the consent answers at its till show), its staff's
 * skill and morale, and how many customers of each segment still buy (its own records, which name each customer's
 * segment). None of these is a customer's private feeling, so they show during play; satisfaction by segment is
 * the survey's, and the truth waits for the debrief.
 */
function storeCard(r: SeasonReport, history: readonly SeasonReport[], sc: Scenario | null): HTMLElement {
  const prev = history.filter((x) => x.season < r.season).pop() ?? null;
  const since = (now: number, before: number | undefined, digits: number, unit = '') =>
    `${num(now, digits)}${unit}${before === undefined ? '' : t('report.store.since', { delta: signed(now - before, digits) })}`;
  const st = r.store;
  const segments = r.customers.bySegment.map((g) => {
    const before = prev?.customers.bySegment.find((x) => x.segment === g.segment)?.active;
    return `${segmentName(sc, g.segment)} ${since(g.active, before, 0)}`;
  });
  return h(
    'section',
    { class: 'card', 'data-testid': 'store-card' },
    h('h3', {}, t('report.store')),
    h(
      'p',
      { 'data-testid': 'store-line' },
      t('report.store.line', {
        reputation: since(st.reputation, prev?.store.reputation, 0, '/100'),
        trust: since(st.trust, prev?.store.trust, 0, '/100'),
        skill: since(st.staffSkill, prev?.store.staffSkill, 0, '/100'),
        staffSat: since(st.staffSat, prev?.store.staffSat, 0, '/100'),
      }),
    ),
    h('p', { class: 'hint' }, t('report.store.help')),
    h('p', { 'data-testid': 'segments-active' }, t('report.segments.active', { list: list(segments) })),
    h('p', { class: 'hint' }, t('report.segments.help')),
  );
}

type Charts = typeof import('./charts');

/** A report card whose chart is drawn once the chart module has loaded; the reading sentence comes first. */
export function chartCard(title: string, reading: string, draw: (m: Charts, el: HTMLElement) => void, testid?: string): HTMLElement {
  const el = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}: ${reading}` });
  void import('./charts').then((m) => draw(m, el));
  return h('section', { class: 'card', 'data-testid': testid }, h('h3', {}, title), h('p', { class: 'reading' }, reading), el);
}

function trendReading(r: SeasonReport, history: readonly SeasonReport[], reveal: boolean): string {
  const prev = history.filter((x) => x.season < r.season).pop() ?? null;
  if (reveal) {
    return prev === null
      ? t('report.reading.trendFirst', { total: scoreText(r.score.total) })
      : t('report.reading.trend', { total: scoreText(r.score.total), delta: signed(r.score.total - prev.score.total) });
  }
  return prev === null
    ? t('report.reading.profitTrendFirst', { profit: scoreText(r.score.profit) })
    : t('report.reading.profitTrend', { profit: scoreText(r.score.profit), delta: signed(r.score.profit - prev.score.profit) });
}

/**
 * One season's report. `reveal` false (the game in progress) keeps every figure computed from hidden truth out of
 * the page; true (the debrief, a finished game's replay) shows it all, with the survey beside the truth.
 * `sc` names segments and prices the survey; the current game's scenario by default.
 */
export function reportView(
  r: SeasonReport,
  history: readonly SeasonReport[] = [r],
  reveal = false,
  sc: Scenario | null = session.getState().scenario,
  /** What the report opens with (why the score moved), when the caller has it. */
  lead: HTMLElement | string = '',
): HTMLElement {
  const top = [...r.customers.flows].filter((f) => f.from !== 'prospect').sort((a, b) => b.count - a.count)[0];
  const costs = COST_KEYS.filter((k) => r.economics.costs[k] > 0).sort((a, b) => r.economics.costs[b] - r.economics.costs[a]);
  const members = r.customers.byTier.slice(1).reduce((a, b) => a + b, 0);
  const reasons = churnReasons(r);
  const shown = history.filter((x) => x.season <= r.season);
  const drivers = reveal
    ? h(
        'section',
        { class: 'card', 'data-testid': 'drivers' },
        h('h3', {}, t('report.drivers')),
        h(
          'ul',
          {},
          ...r.drivers.slice(0, 8).map((d) =>
            h('li', {}, driverLine(d.cause, d.satisfaction, d.loyalty, d.count)),
          ),
        ),
      )
    : h('section', { class: 'card', 'data-testid': 'drivers' }, h('h3', {}, t('report.drivers')), h('p', {}, t('report.drivers.hidden')));
  return h(
    'div',
    { class: 'report', 'data-testid': 'season-report', 'data-reveal': String(reveal) },
    lead,
    h('ul', { class: 'readings' }, ...readings(r, reveal, sc).map((x) => h('li', {}, x))),
    h(
      'div',
      { class: 'grid' },
      scoreBlock(r.score, reveal),
      chartCard(t('report.trend'), trendReading(r, shown, reveal), (c, el) => c.trendChart(el, shown, reveal)),
      chartCard(t('report.stages'), t('report.reading.stages', { active: r.customers.active, stability: r.customers.byStage.stability }), (c, el) => c.stagesChart(el, r), 'report-stages'),
      chartCard(
        t('report.flows'),
        top ? t('report.reading.flow', { from: stageName(top.from), to: stageName(top.to), count: top.count }) : t('report.reading.noFlow'),
        (c, el) => c.flowsChart(el, r),
      ),
      chartCard(
        t('report.churn'),
        r.customers.churned > 0 ? t('report.reading.churn', { churned: r.customers.churned, reason: t(`churn.${reasons[0][0]}`), count: reasons[0][1] }) : t('report.reading.noChurn'),
        (c, el) => c.churnChart(el, r),
      ),
      churnCard(r, reveal),
      chartCard(t('report.pyramid'), t('report.reading.pyramid', { members, ordinary: r.customers.byTier[0] ?? 0 }), (c, el) => c.pyramidChart(el, r, tierName)),
      storeCard(r, shown, sc),
      chartCard(
        t('report.economics'),
        t('report.reading.costs', { revenue: r.economics.revenue, profit: r.economics.profit, name: costs[0] ? t(`cost.${costs[0]}`) : '—', v: costs[0] ? r.economics.costs[costs[0]] : 0 }),
        (c, el) => c.costsChart(el, r),
      ),
      newsCard(r),
      satisfactionCard(r, shown, reveal, sc),
      drivers,
      h('p', {}, t('report.acquired', { n: r.customers.acquired, ...r.customers.acquiredBy })),
    ),
  );
}

/**
 * The debrief's "measured versus true", season by season: what each survey said (± its 95% error) beside the
 * truth, and the seasons the store flew blind.
 */
export function surveysCard(reports: readonly SeasonReport[]): HTMLElement {
  const surveyed = reports.filter((r) => r.satisfaction.measured);
  const box = h('section', { class: 'card', 'data-testid': 'surveys-vs-truth' }, h('h3', {}, t('final.surveys')));
  if (surveyed.length === 0) {
    box.append(h('p', { class: 'reading' }, t('final.surveys.none')));
  } else {
    let within = 0;
    for (const r of surveyed) {
      const m = r.satisfaction.measured!;
      if (Math.abs(m.nps - r.satisfaction.truth.nps) <= m.npsMargin) within++;
      if (Math.abs(m.satisfaction - r.satisfaction.truth.mean) <= m.satisfactionMargin) within++;
    }
    box.append(h('p', { class: 'reading' }, t('final.surveys.reading', { n: surveyed.length, seasons: reports.length, within, total: 2 * surveyed.length })));
  }
  const head = [t('final.surveys.season'), t('final.surveys.sample'), t('final.surveys.npsMeasured'), t('final.surveys.npsTrue'), t('final.surveys.satMeasured'), t('final.surveys.satTrue')];
  const rows = reports.map((r) => {
    const m = r.satisfaction.measured;
    const tr = r.satisfaction.truth;
    const none = t('final.surveys.notSurveyed');
    return [
      t('final.seasonLine', { n: r.season }),
      m ? num(m.sample) : none,
      m ? `${scoreText(m.nps)} ± ${num(m.npsMargin, 1)}` : '—',
      scoreText(tr.nps),
      m ? `${num(m.satisfaction, 1)} ± ${num(m.satisfactionMargin, 1)}` : '—',
      num(tr.mean, 1),
    ];
  });
  box.append(
    h(
      'table',
      { class: 'board' },
      h('caption', {}, t('final.surveys.caption')),
      h('thead', {}, h('tr', {}, ...head.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((x) => h('td', {}, x))))),
    ),
    h('p', { class: 'hint' }, t('report.compare.note')),
  );
  return box;
}
