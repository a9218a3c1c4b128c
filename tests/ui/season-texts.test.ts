// Texts that must fit the moment: the complaint banner counts only cases still waiting, the last season's report
// speaks of no next season, a complaint's measured days are explained beside the plan's target, starting a new
// game asks in its own words, and the title's two run-file buttons say what each does.
import './fake-dom';
import { describe, expect, it } from 'vitest';
import { byTestId, type FakeElement } from './fake-dom';
import { Decisions } from '../../src/scenario/decisions';
import { initialSession, prefs, session } from '../../src/store/session';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';
import { bubbleTea, decisions, playGame, smallBubbleTea } from '../sim/helpers';

const { renderPlan } = await import('../../src/ui/plan');
const { reportView } = await import('../../src/ui/report');

const box = () => document.createElement('div') as unknown as HTMLElement & FakeElement;

describe('the complaint banner', () => {
  const { scenario, hash } = bubbleTea();
  const plan = (answered: number[]) => {
    session.setState({
      ...initialSession(),
      phase: 'plan',
      scenario,
      scenarioHash: hash,
      run: { seasons: [] } as never,
      featured: [3, 5],
      draft: Decisions.parse({ featured: answered.map((customer) => ({ customer, choices: [1, 0, 0, 1, 0] })) }),
    });
    const root = box();
    renderPlan(root);
    return byTestId(root, 'complaint-cases-waiting')!.textContent;
  };

  it('counts the cases still waiting, and says when all are answered', () => {
    prefs.setState({ lang: 'en' });
    expect(plan([])).toContain('2 customers are waiting');
    expect(plan([3])).toContain('1 customer is waiting');
    const done = plan([3, 5]);
    expect(done).not.toContain('❗');
    expect(done).not.toContain('waiting');
    prefs.setState({ lang: 'zh-CN' });
    expect(plan([3, 5])).toContain('都已答复');
    session.setState(initialSession());
  });
});

describe('the last season', () => {
  const sc = smallBubbleTea(300);
  const g = playGame(sc, 'last-season', Array.from({ length: sc.seasons }, () => decisions({ survey: { sample: 60 } })));

  it('offers no call-back "next season" after the last one, but does before it', () => {
    prefs.setState({ lang: 'en' });
    const last = reportView(g.reports[sc.seasons - 1], g.reports, false, sc) as unknown as FakeElement;
    const first = reportView(g.reports[0], g.reports, false, sc) as unknown as FakeElement;
    expect(byTestId(last, 'survey-follow-up-hint')).toBeUndefined();
    if (g.reports[0].satisfaction.measured!.detractors > 0) expect(byTestId(first, 'survey-follow-up-hint')).toBeDefined();
    expect(last.textContent.toLowerCase()).not.toContain('next season');
  });

  it('has a last-season wording for the targeting note, in both languages', () => {
    expect(en['analytics.targetsLast'].toLowerCase()).not.toContain('next season');
    expect(zhCN['analytics.targetsLast']).not.toContain('下季');
  });

  it('explains why the measured days of complaints differ from the target', () => {
    prefs.setState({ lang: 'en' });
    const r = g.reports.find((x) => x.complaints.filed > 0)!;
    const view = reportView(r, g.reports, false, sc) as unknown as FakeElement;
    expect(byTestId(view, 'complaint-days-note')!.textContent).toBe(en['report.complaints.daysNote']);
  });
});

describe('words of the title and the header', () => {
  it('asks about a new game in its own words, not the import warning', () => {
    for (const words of [en, zhCN]) {
      expect(words['notice.newGameConfirm']).not.toBe(words['notice.importConfirm']);
    }
    expect(en['notice.newGameConfirm']).toMatch(/new game/i);
  });

  it('names the two run-file buttons of the title apart', () => {
    const shared = (a: string, b: string) => a.split(/\W+/).filter((w) => w.length > 3 && b.includes(w));
    expect(shared(en['title.openRun'], en['title.study']).length).toBeLessThanOrEqual(1);
    expect(zhCN['title.openRun']).not.toContain('回放');
    expect(zhCN['title.study']).toContain('回放');
  });
});
