// The plan form of a season shows only the course areas open in it, with the season's brief and what opens next;
// in the tutorial's first season a student considers at most 12 inputs. Every lever states its unit, and what a
// lever adds to the plan is what the engine's planned spending says.
import './fake-dom';
import { describe, expect, it } from 'vitest';
import { walk, byTestId, type FakeElement } from './fake-dom';
import { openAreas } from '../../src/scenario/areas';
import { Decisions } from '../../src/scenario/decisions';
import { plannedSpend } from '../../src/sim';
import { initialSession, prefs, session } from '../../src/store/session';
import { shippedScenario, bubbleTea } from '../sim/helpers';
import type { Scenario } from '../../src/scenario/schema';

const g = globalThis as unknown as { document: Record<string, unknown> };
// Choosing a tab moves the focus to it; the fake document has no elements to find.
g.document.getElementById ??= () => null;

const { renderPlan, openTabs, openLevers } = await import('../../src/ui/plan');
const { leverCost, leverUnit } = await import('../../src/ui/lever-costs');
const { LEVERS } = await import('../../src/ui/levers');

const box = () => document.createElement('div') as unknown as HTMLElement & FakeElement;

/**
 * Renders the plan of season `n` (from 1) with `draft`, on each tab in turn (or the tabs named in `only`: the
 * target choosers ask the simulation host for their counts, which a unit test does not start).
 */
function planTabs(sc: Scenario, hash: string, n: number, draft = Decisions.parse({}), only?: string[]): { tab: string; root: FakeElement }[] {
  session.setState({
    ...initialSession(),
    phase: 'plan',
    scenario: sc,
    scenarioHash: hash,
    run: { seasons: Array.from({ length: n - 1 }, () => ({ decisions: Decisions.parse({}) })) } as never,
    draft,
  });
  const out: { tab: string; root: FakeElement }[] = [];
  const first = box();
  renderPlan(first);
  const tabs = walk(first).filter((e) => e.getAttribute('role') === 'tab');
  for (const t of tabs) {
    if (only && !only.includes(t.getAttribute('data-testid')!)) continue;
    t.listeners.click?.forEach((f) => f({}));
    const root = box();
    renderPlan(root);
    out.push({ tab: t.getAttribute('data-testid')!, root });
  }
  return out;
}

/** The inputs a student meets on a rendered tab: every field, box and list in the tab panel. */
function inputsOf(root: FakeElement): FakeElement[] {
  const panel = walk(root).find((e) => e.getAttribute('role') === 'tabpanel')!;
  return walk(panel).filter((e) => e.tagName === 'INPUT' || e.tagName === 'SELECT');
}

describe('the tutorial plan, season by season', () => {
  const { scenario: sc, hash } = shippedScenario('tutorial');

  it('season 1 shows only its open areas: at most 12 inputs in all', () => {
    prefs.setState({ lang: 'en' });
    const tabs = planTabs(sc, hash, 1);
    expect(tabs.map((t) => t.tab)).toEqual(openTabs(openAreas(sc, 1)).map((t) => `tab-${t}`));
    const inputs = tabs.flatMap((t) => inputsOf(t.root));
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.length).toBeLessThanOrEqual(12);
    // Every input shown belongs to an area open this season.
    const open = openAreas(sc, 1);
    for (const i of inputs) expect(open.some((a) => i.getAttribute('data-path')!.startsWith(`${a}.`)), i.getAttribute('data-path')!).toBe(true);
    session.setState(initialSession());
  });

  it('shows the brief of the season and names what opens next, in both languages', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      prefs.setState({ lang });
      const [{ root }] = planTabs(sc, hash, 1);
      const brief = byTestId(root, 'brief')!;
      expect(brief).toBeDefined();
      const b = sc.briefs![0];
      expect(byTestId(brief, 'brief-situation')!.textContent).toBe(lang === 'en' ? b.situation.en : b.situation.zh);
      expect(byTestId(brief, 'brief-goal')!.textContent).toBe(lang === 'en' ? b.goal.en : b.goal.zh);
      expect(byTestId(brief, 'brief-next')!.textContent).toContain(lang === 'en' ? 'Membership tiers' : '会员分级');
    }
    prefs.setState({ lang: 'en' });
    const last = planTabs(sc, hash, sc.seasons, Decisions.parse({}), ['tab-acquisition'])[0].root;
    expect(byTestId(last, 'brief-next')).toBeUndefined();
    expect(byTestId(last, 'brief-new')!.textContent).toContain('Retention');
    session.setState(initialSession());
  });

  it('each later season adds its areas to the form', () => {
    for (let n = 1; n <= sc.seasons; n++) {
      session.setState({ ...initialSession(), phase: 'plan', scenario: sc, scenarioHash: hash, run: { seasons: Array.from({ length: n - 1 }, () => ({})) } as never });
      const root = box();
      renderPlan(root);
      const shown = walk(root).filter((e) => e.getAttribute('role') === 'tab').map((e) => e.getAttribute('data-testid'));
      expect(shown).toEqual(openTabs(openAreas(sc, n)).map((t) => `tab-${t}`));
    }
    session.setState(initialSession());
  });

  it('refuses a draft that changes an area not yet open, naming it and its season', () => {
    prefs.setState({ lang: 'en' });
    const [{ root }] = planTabs(sc, hash, 1, Decisions.parse({ care: { contactsPerMonth: 2 } }));
    expect(byTestId(root, 'plan-issues')!.textContent).toContain('Care opens in season 2');
    expect(byTestId(root, 'play-season')!.getAttribute('disabled')).not.toBeNull();
    session.setState(initialSession());
  });
});

describe('units and costs where a lever is set', () => {
  const { scenario: sc, hash } = bubbleTea();

  it('every number lever has a unit (¥, %, days, people, …)', () => {
    for (const l of LEVERS) {
      if (l.spec.kind === 'number') expect(leverUnit(l.path), l.path).toBeDefined();
    }
  });

  it('one more staff member costs what the engine plans for it: ¥11,700 in the bubble-tea shop', () => {
    prefs.setState({ lang: 'en' });
    const d = Decisions.parse({});
    const per = plannedSpend(sc, Decisions.parse({ staff: { extraStaff: 1 } })).total - plannedSpend(sc, d).total;
    expect(per).toBe(11700);
    expect(leverCost('staff.extraStaff', d, sc)).toBe('Each extra staff member adds ¥11,700 to the plan (¥900 a week × 13 weeks)');
    prefs.setState({ lang: 'zh-CN' });
    expect(leverCost('staff.extraStaff', d, sc)).toContain('¥11,700');
  });

  it('the staff tab shows the cost line beside the field, and the member discount in %', () => {
    prefs.setState({ lang: 'en' });
    const d = Decisions.parse({ tiers: { levels: [{ threshold: 200, discount: 0.05 }] } });
    const tabs = planTabs(sc, hash, 1, d, ['tab-staff', 'tab-tiers', 'tab-information']);
    const staff = tabs.find((t) => t.tab === 'tab-staff')!.root;
    expect(byTestId(staff, 'cost-staff.extraStaff')!.textContent).toContain('¥11,700');
    const tiers = tabs.find((t) => t.tab === 'tab-tiers')!.root;
    const text = tiers.textContent;
    expect(text).toContain('%');
    expect(text).toContain('From profit: 5% off members’ purchases');
    const info = tabs.find((t) => t.tab === 'tab-information')!.root;
    expect(byTestId(info, 'cost-information.birthdayRegistration')!.textContent).toBe('¥60 a week × 13 weeks = ¥780 of the plan');
    session.setState(initialSession());
  });

  it('the lever rows of a tab are the open levers of its areas', () => {
    const open = openAreas(sc, 1);
    expect(openLevers('staff', open).map((l) => l.path)).toEqual(['staff.training', 'staff.extraStaff']);
  });
});
