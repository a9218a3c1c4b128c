// The season report keeps hidden truth out of the page while the game is on, shows what the team's survey measured
// (or what not surveying means), reveals everything at the debrief, and draws negative scores as negative.
import './fake-dom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { byTestId, visible, walk, type FakeElement } from './fake-dom';
import { customerProfile } from '../../src/sim/profile';
import type { SeasonReport } from '../../src/sim/report';
import type { Score } from '../../src/sim/scoring';
import { prefs, session } from '../../src/store/session';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';
import { decisions, smallBubbleTea, playGame } from '../sim/helpers';

// Charts draw through mountChart; here it records the options each chart would draw.
const drawn: { option: Record<string, unknown> }[] = [];
vi.mock('../../src/ui/chart-mount', () => ({
  FONT: 'sans-serif',
  mountChart: (_el: unknown, option: Record<string, unknown>) => drawn.push({ option }),
}));

const { reportView, scoreBlock, surveysCard, scoreText } = await import('../../src/ui/report');
const { profileCard } = await import('../../src/ui/profile');
const { format } = await import('../../src/ui/i18n');
const { leverHelp, LEVERS } = await import('../../src/ui/levers');

const sc = smallBubbleTea(600);
let surveyed: SeasonReport[];
let blind: SeasonReport[];
let state: ReturnType<typeof playGame>['state'];

beforeAll(async () => {
  // The report loads its charts on demand; loaded once here, they draw within a tick of each render.
  await import('../../src/ui/charts');
  const withSurvey = playGame(sc, 'report-view', [decisions({ survey: { sample: 80 } }), decisions({ survey: { sample: 80, followUp: true } })]);
  surveyed = withSurvey.reports;
  state = withSurvey.state;
  blind = playGame(sc, 'report-view', [decisions(), decisions()]).reports;
});

const flush = () => new Promise((r) => setTimeout(r, 0));

/**
 * A copy of a report whose hidden figures are set to numbers no real report shows, each named; the profit part
 * and the survey keep their values (they are visible during play).
 */
function poisoned(r: SeasonReport): { report: SeasonReport; hidden: Record<string, number> } {
  const x = structuredClone(r);
  const hidden: Record<string, number> = {};
  const set = <T extends object>(obj: T, key: keyof T, v: number, name: string) => {
    (obj as Record<string, unknown>)[key as string] = v;
    hidden[name] = v;
  };
  set(x.score, 'total', 611.11, 'score.total');
  set(x.score, 'satisfaction', 622.22, 'score.satisfaction');
  set(x.score, 'loyalty', 633.33, 'score.loyalty');
  set(x.score, 'churn', 644.44, 'score.churn');
  set(x.score, 'residual', 655.55, 'score.residual');
  const tr = x.satisfaction.truth;
  set(tr, 'mean', 711.17, 'truth.mean');
  set(tr, 'nps', -733.37, 'truth.nps');
  set(tr, 'promoters', 7411, 'truth.promoters');
  set(tr, 'passives', 7422, 'truth.passives');
  set(tr, 'detractors', 7433, 'truth.detractors');
  set(tr, 'perceivedQuality', 788.88, 'truth.perceivedQuality');
  tr.byTier.forEach((_, k) => set(tr.byTier, k as keyof number[], 766.61 + k, `truth.byTier.${k}`));
  x.customers.bySegment.forEach((g, k) => set(g, 'satisfaction', 811.11 + k, `truth.bySegment.${k}`));
  set(x.loyalty, 'trueLoyal', 8811, 'loyalty.trueLoyal');
  set(x.loyalty, 'inertia', 8822, 'loyalty.inertia');
  set(x.loyalty, 'none', 8833, 'loyalty.none');
  set(x.loyalty, 'meanAttitudinal', 844.44, 'loyalty.meanAttitudinal');
  expect(x.drivers.length).toBeGreaterThan(0);
  set(x.drivers[0], 'satisfaction', 911.91, 'drivers.0.satisfaction');
  set(x.drivers[0], 'loyalty', 922.92, 'drivers.0.loyalty');
  set(x.complaints, 'silentFailures', 9611, 'complaints.silentFailures');
  set(x.care, 'fatigued', 9622, 'care.fatigued');
  // Who of the lapsed had not really left (假性流失), and the letters that went to them.
  set(x.customers.churnKinds, 'apparent', 9655, 'churnKinds.apparent');
  x.retention.winBackAttempts = Math.max(1, x.retention.winBackAttempts);
  set(x.retention, 'apparent', 9666, 'retention.apparent');
  return { report: x, hidden };
}

/** Every way the page could print a number: whole, one or two decimals, in either language, with either minus. */
function renderings(v: number): string[] {
  const out = new Set<string>();
  for (const lang of ['zh-CN', 'en']) {
    for (const digits of [0, 1, 2]) {
      const s = new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(Math.abs(v));
      out.add(s);
      out.add(s.replace(/,/g, ''));
    }
  }
  return [...out];
}

function leaks(text: string, hidden: Record<string, number>): string[] {
  return Object.entries(hidden).flatMap(([name, v]) => renderings(v).filter((s) => text.includes(s)).map((s) => `${name} as "${s}"`));
}

function view(r: SeasonReport, history: SeasonReport[], reveal: boolean): FakeElement {
  return reportView(r, history, reveal, sc) as unknown as FakeElement;
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`season report in ${lang}`, () => {
    const L = lang === 'en' ? en : zhCN;

    it('shows no hidden figure during play, with a survey: only what the survey measured', async () => {
      prefs.setState({ lang });
      const { report, hidden } = poisoned(surveyed[1]);
      // The real report does not happen to print the sentinels.
      expect(leaks(visible(view(surveyed[1], surveyed, false)), hidden)).toEqual([]);
      drawn.length = 0;
      const root = view(report, [surveyed[0], report], false);
      const text = visible(root);
      expect(leaks(text, hidden)).toEqual([]);
      // The survey: NPS with the three counts, its error, the index, by segment.
      const m = report.satisfaction.measured!;
      expect(m).not.toBeNull();
      const line = byTestId(root, 'survey-line')!.textContent;
      for (const n of [m.promoters, m.passives, m.detractors, m.sample]) expect(line).toContain(String(n));
      expect(line).toContain(new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(m.npsMargin));
      expect(byTestId(root, 'survey-segments')!.children.length).toBe(m.bySegment.length);
      expect(text).toContain(L['report.score.later']);
      expect(text).toContain(L['report.drivers.hidden']);
      // The profit part comes from the books and stays.
      expect(byTestId(root, 'score-block')!.textContent).toContain(scoreText(report.score.profit, 2));
      // The trend chart draws the profit part and the survey's index only, never a hidden part.
      await flush();
      await flush();
      const trend = drawn.find((d) => JSON.stringify(d.option).includes(L['report.series.surveyIndex']));
      expect(trend).toBeDefined();
      const series = trend!.option.series as { name: string; data: (number | null)[] }[];
      expect(series.map((s) => s.name)).toEqual([L['report.part.profit'], L['report.series.surveyIndex']]);
      expect(series[1].data).toEqual([surveyed[0].satisfaction.measured!.satisfaction, m.satisfaction]);
      expect(leaks(JSON.stringify(drawn.map((d) => d.option)), hidden)).toEqual([]);
    });

    it('says what not surveying means and what a survey would cost', () => {
      prefs.setState({ lang });
      const { report, hidden } = poisoned(blind[1]);
      expect(report.satisfaction.measured).toBeNull();
      const root = view(report, [blind[0], report], false);
      expect(leaks(visible(root), hidden)).toEqual([]);
      const line = byTestId(root, 'survey-line')!.textContent;
      const per = sc.costs.surveyResponse;
      expect(line).toBe(format(L['report.notMeasured'], lang, { n: 100, cost: 100 * per, per }));
    });

    it('reveals every figure at the debrief, the survey beside the truth', () => {
      prefs.setState({ lang });
      for (const base of [surveyed[1], blind[1]]) {
        const { report, hidden } = poisoned(base);
        const text = visible(view(report, [report], true));
        const missing = Object.entries(hidden).filter(([, v]) => !renderings(v).some((s) => text.includes(s)));
        expect(missing.map(([k]) => k)).toEqual([]);
      }
      const root = view(surveyed[1], surveyed, true);
      const table = byTestId(root, 'measured-vs-true')!;
      const tr = surveyed[1].satisfaction.truth;
      expect(table.textContent).toContain(new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(tr.mean));
      expect(table.textContent).toContain(new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(surveyed[1].satisfaction.measured!.satisfaction));
    });

    it('lists each season, surveyed or not, beside the truth in the debrief', () => {
      prefs.setState({ lang });
      const mixed = [surveyed[0], blind[1]];
      const card = surveysCard(mixed) as unknown as FakeElement;
      const rows = walk(card).filter((e) => e.tagName === 'TR');
      expect(rows.length).toBe(3);
      expect(rows[2].textContent).toContain(L['final.surveys.notSurveyed']);
      expect(visible(surveysCard(blind) as unknown as FakeElement)).toContain(L['final.surveys.none']);
    });
  });
}

describe('negative scores', () => {
  const lost: Score = { total: -12.3, satisfaction: 48, loyalty: 30, churn: 61, profit: -12.3, residual: 45 };

  it('print a minus sign and draw left of zero', () => {
    prefs.setState({ lang: 'en' });
    expect(scoreText(-12.3)).toBe('−12.3');
    expect(scoreText(-0.01)).toBe('0');
    const block = scoreBlock(lost, true) as unknown as FakeElement;
    expect(block.textContent).toContain('Score: −12.3');
    const row = walk(block).find((e) => e.getAttribute('data-value') === '-12.3')!;
    const spans = walk(row).filter((e) => (e.getAttribute('style') ?? '').includes('position:absolute'));
    const left = (e: FakeElement) => Number(/left:([-\d.]+)%/.exec(e.getAttribute('style')!)![1]);
    const width = (e: FakeElement) => Number(/width:([-\d.]+)%/.exec(e.getAttribute('style')!)![1]);
    const [fill, axis] = spans;
    // The fill ends at the zero line and starts left of it; nothing is clamped at zero.
    expect(width(fill)).toBeGreaterThan(0);
    expect(left(fill) + width(fill)).toBeCloseTo(left(axis), 6);
    expect(row.textContent).toContain('−12.3');
    // During play the profit part alone, negative too.
    const play = scoreBlock(lost, false) as unknown as FakeElement;
    expect(play.textContent).toContain('−12.3');
    expect(play.textContent).not.toContain('48');
  });

  it('stretch the trend chart below zero', async () => {
    prefs.setState({ lang: 'en' });
    drawn.length = 0;
    const r = structuredClone(surveyed[0]);
    r.score = lost;
    view(r, [r], true);
    await flush();
    await flush();
    const trend = drawn.find((d) => JSON.stringify(d.option).includes(en['report.total']))!;
    const axis = trend.option.yAxis as { min: number; max: number; interval: number };
    expect(axis).toMatchObject({ min: -20, max: 100, interval: 20 });
    const { scoreAxis } = await import('../../src/ui/charts');
    expect(scoreAxis([5, 70, null])).toMatchObject({ min: 0, max: 100 });
    expect(scoreAxis([-24.8, 60]).min).toBe(-40);
    expect(scoreAxis([-250, 60]).min).toBeLessThanOrEqual(-250);
  });
});

describe('customer files', () => {
  it('hold no feelings during play and show them at the debrief', () => {
    prefs.setState({ lang: 'en' });
    session.setState({ scenario: sc });
    let id = -1;
    for (let i = 0; i < state.n && id < 0; i++) {
      const p = customerProfile(state, i);
      if (p && p.history.some((e) => e.kind === 1) && p.history.some((e) => e.kind !== 1 && e.kind !== 5)) id = i;
    }
    expect(id).toBeGreaterThanOrEqual(0);
    const p = customerProfile(state, id)!;
    const during = visible(profileCard(p, false, sc) as unknown as FakeElement);
    const kind = (k: 1 | 5) => ` · ${en[`profile.kind.${k}`]} · `;
    expect(during).not.toContain(kind(1));
    expect(during).not.toContain(kind(5));
    expect(during).not.toContain(en['profile.mood'].replace(' {mood}', ''));
    expect(during).toContain(en['profile.feelingsHidden']);
    const after = visible(profileCard(p, true, sc) as unknown as FakeElement);
    expect(after).toContain(kind(1));
    expect(after).toContain(en['profile.mood'].replace(' {mood}', ''));
  });
});

describe('the survey levers', () => {
  it('say what the planned survey and the call-backs cost', () => {
    prefs.setState({ lang: 'en' });
    const sample = LEVERS.find((l) => l.path === 'survey.sample')!;
    const followUp = LEVERS.find((l) => l.path === 'survey.followUp')!;
    expect(followUp.spec.kind).toBe('toggle');
    const d = decisions({ survey: { sample: 120 } });
    const per = sc.costs.surveyResponse;
    expect(leverHelp(sample, d, sc)).toContain(`¥${new Intl.NumberFormat('en').format(120 * per)}`);
    const m = surveyed[0].satisfaction.measured!;
    const help = leverHelp(followUp, d, sc, surveyed[0]);
    expect(help).toContain(`¥${sc.costs.contact.phone}`);
    expect(help).toContain(`${m.detractors} detractors`);
    expect(leverHelp(followUp, d, sc, blind[0])).toContain(en['lever.survey.followUp.noSurvey']);
  });
});

describe('the debrief', () => {
  it('shows a negative total as it is and says why it is capped', async () => {
    const { renderFinal } = await import('../../src/ui/final');
    const { setHost } = await import('../../src/store/host-instance');
    const { playToRun } = await import('../../src/run/replay');
    const small = smallBubbleTea(400, { seasons: 2 });
    const { run, replayed } = playToRun(small, 'test', 'debrief', 'Team', [decisions({ survey: { sample: 60 } }), decisions()]);
    const host = {
      clvCheck: async () => ({ points: [] }),
      stories: async () => [],
      baseline: async () => replayed.reports.map((r) => ({ ...r.score, total: 11.11 })),
    } as unknown as Parameters<typeof setHost>[0];
    setHost(host);
    for (const lang of ['zh-CN', 'en'] as const) {
      prefs.setState({ lang });
      const L = lang === 'en' ? en : zhCN;
      const lost: Score = { total: -23.45, satisfaction: 52, loyalty: 40, churn: 70, profit: -23.45, residual: 48 };
      session.setState({ phase: 'final', scenario: small, run: { ...run, final: { score: lost } }, reports: replayed.reports });
      const root = document.createElement('div');
      renderFinal(root);
      const el = root as unknown as FakeElement;
      expect(byTestId(el, 'final-score')!.textContent).toContain('−23.5');
      expect(byTestId(el, 'final-capped')!.textContent).toBe(L['final.capped'].replace('{profit}', '−23.5'));
      // Every season with a survey beside the truth, and the season viewer with everything revealed.
      expect(byTestId(el, 'surveys-vs-truth')).toBeDefined();
      expect(byTestId(el, 'season-report')!.getAttribute('data-reveal')).toBe('true');
      // The season viewer opens with why the score moved: every part, after the game, and doing nothing's score.
      const why = byTestId(el, 'why-score')!;
      expect(why.textContent).toContain(L['report.part.satisfaction']);
      await flush();
      expect(byTestId(el, 'why-baseline')!.textContent).toContain('11.1');
      // A game that kept its money has no such line.
      session.setState({ run });
      renderFinal(root);
      expect(byTestId(el, 'final-capped')).toBeUndefined();
    }
    await flush();
  });
});
