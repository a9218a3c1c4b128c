// The sales script (course unit 3): every objection's dialogue speaks both languages at every step, each answer's
// feedback and the outcome are the engine's (objectionStepQuality, scriptQuality, conversion), finishing the
// dialogue writes the five answers into the plan's draft at acquisition.objections.<kind>, clearing lets the staff
// improvise again, and the section shows only where the acquisition area is open.
import './fake-dom';
import { describe, expect, it } from 'vitest';
import { byTestId, walk, type FakeElement } from './fake-dom';
import { Decisions } from '../../src/scenario/decisions';
import { conversion, improvisedQuality, OBJECTION_KINDS, OBJECTION_PRESENT_STEP, objectionStepQuality, scriptQuality } from '../../src/sim';
import { initialSession, prefs, session } from '../../src/store/session';
import { bubbleTea, shippedScenario } from '../sim/helpers';

const g = globalThis as unknown as { document: Record<string, unknown> };
g.document.getElementById ??= () => null;
g.document.querySelector ??= () => null;

const { dialogue, verdictOf } = await import('../../src/ui/dialogue');
const { objectionScript, optionText, optionFeedback, OBJECTION_SCRIPTS } = await import('../../src/ui/objection-scripts');
const { objectionBody, objectionsSection, clearObjection, factor } = await import('../../src/ui/objections');
const { renderPlan } = await import('../../src/ui/plan');

const fake = (el: HTMLElement) => el as unknown as FakeElement;
const CJK = /[\u3400-\u9fff]/;
const STEPS = [0, 1, 2, 3, 4];
const OPTIONS = [0, 1, 2, 3];

function startPlan(draft = Decisions.parse({}), loaded = bubbleTea()): void {
  session.setState({ ...initialSession(), phase: 'plan', scenario: loaded.scenario, scenarioHash: loaded.hash, run: null, draft });
}

const radios = (root: FakeElement, step: number) => walk(byTestId(root, `objection-step-${step}`)!).filter((e) => e.tagName === 'INPUT');
const choose = (r: FakeElement) => {
  r.checked = true;
  for (const f of r.listeners.change ?? []) f({});
};
const click = (el: FakeElement) => {
  for (const f of el.listeners.click ?? []) f({});
};

describe('objection scripts', () => {
  it('have every line, answer and feedback in both languages, for every objection and step', () => {
    expect(Object.keys(OBJECTION_SCRIPTS).sort()).toEqual([...OBJECTION_KINDS].sort());
    for (const kind of OBJECTION_KINDS) {
      for (const step of STEPS) {
        const line = OBJECTION_SCRIPTS[kind].lines[step];
        expect(line.zh).toMatch(CJK);
        expect(line.en.trim()).not.toBe('');
        expect(line.en).not.toMatch(CJK);
        for (const o of OPTIONS) {
          for (const text of [optionText(kind, step, o), optionFeedback(kind, step, o)]) {
            expect(text, `${kind} ${step} ${o}`).toBeDefined();
            expect(text.zh, `${kind} ${step} ${o}`).toMatch(CJK);
            expect(text.en.trim(), `${kind} ${step} ${o}`).not.toBe('');
            expect(text.en, `${kind} ${step} ${o}`).not.toMatch(CJK);
          }
        }
      }
    }
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`speak ${lang}, with the engine's quality for every answer`, () => {
      prefs.setState({ lang });
      for (const [k, kind] of OBJECTION_KINDS.entries()) {
        const s = objectionScript({ kind });
        expect(s.steps).toHaveLength(5);
        for (const [step, st] of s.steps.entries()) {
          expect(st.line.trim()).not.toBe('');
          expect(st.title).not.toMatch(/^featured\./);
          expect(st.options.map((o) => o.id)).toEqual(OPTIONS);
          // A step's answers are four different answers.
          expect(new Set(st.options.map((o) => o.text)).size).toBe(4);
          for (const o of st.options) {
            expect(o.quality).toBe(objectionStepQuality(k, step, o.id));
            const said = `${st.line}${o.text}${o.feedback}`;
            if (lang === 'en') expect(said).not.toMatch(CJK);
            else expect(said).toMatch(CJK);
          }
          // The best answer's feedback (and no other's) says it is the course's answer for this step.
          const top = Math.max(...st.options.map((o) => o.quality));
          for (const o of st.options) expect(/（(倾听|分担|澄清|陈述|要求)|\((Listen|Share|Clarify|Present|Ask)\b/.test(o.feedback), `${kind} ${step} ${o.id}`).toBe(o.quality === top);
        }
      }
      // The present step's answers are the objection's own; the prospect opens with their own objection.
      const presents = OBJECTION_KINDS.map((kind) => objectionScript({ kind }).steps[OBJECTION_PRESENT_STEP].options.map((o) => o.text).join('|'));
      expect(new Set(presents).size).toBe(OBJECTION_KINDS.length);
      expect(new Set(OBJECTION_KINDS.map((kind) => objectionScript({ kind }).steps[0].line)).size).toBe(OBJECTION_KINDS.length);
    });
  }

  it('name the group the campaign aims at as the speaker', () => {
    prefs.setState({ lang: 'zh-CN' });
    expect(objectionScript({ kind: 'price', segment: '在校学生' }).speaker).toContain('在校学生');
    prefs.setState({ lang: 'en' });
    expect(objectionScript({ kind: 'time' }).speaker).toBe('Prospect');
  });
});

describe('the objection dialogue', () => {
  for (const kind of OBJECTION_KINDS) {
    it(`shows the engine's verdict for each answer to “${kind}” and writes the script into the plan`, () => {
      prefs.setState({ lang: kind === 'time' ? 'zh-CN' : 'en' });
      const k = OBJECTION_KINDS.indexOf(kind);
      startPlan();
      let closed = 0;
      const root = fake(objectionBody(kind, { dialogue, objectionScript }, () => closed++));
      const save = byTestId(root, 'objection-save')!;
      expect(save.disabled).toBe(true);
      // A mixed script: a different answer at each step, so every verdict is the engine's and not always the best.
      const picks = [1, 2, 0, (k + 1) % 4, 3];
      for (const [step, id] of picks.entries()) {
        expect(byTestId(root, `objection-step-${step + 1}`)).toBeUndefined();
        choose(radios(root, step).find((r) => Number(r.value) === id)!);
        const fb = byTestId(root, `objection-feedback-${step}`)!;
        const best = Math.max(...OPTIONS.map((o) => objectionStepQuality(k, step, o)));
        expect(fb.getAttribute('data-verdict')).toBe(verdictOf(objectionStepQuality(k, step, id), best));
        expect(fb.textContent).toContain(optionFeedback(kind, step, id)[kind === 'time' ? 'zh' : 'en']);
      }
      const q = scriptQuality(k, picks);
      expect(byTestId(root, 'objection-quality')!.getAttribute('data-quality')).toBe(String(Math.round(100 * q)));
      expect(byTestId(root, 'objection-conversion')!.getAttribute('data-conversion')).toBe(String(conversion(q)));
      expect(byTestId(root, 'objection-conversion')!.textContent).toContain(`×${factor(q)}`);
      expect(save.disabled).toBe(false);
      click(save);
      expect(closed).toBe(1);
      expect(session.getState().draft.acquisition.objections[kind]).toEqual(picks);
      // Other objections are left to the staff.
      for (const other of OBJECTION_KINDS) if (other !== kind) expect(session.getState().draft.acquisition.objections[other]).toBeUndefined();
      // An edit like any other: it can be undone.
      expect(session.getState().undo).toHaveLength(1);

      // Reopened, the script's answers are there with their feedback and the outcome.
      const again = fake(objectionBody(kind, { dialogue, objectionScript }, () => undefined));
      for (const step of STEPS) expect(byTestId(again, `objection-feedback-${step}`)).toBeDefined();
      expect(byTestId(again, 'objection-save')!.disabled).toBe(false);

      clearObjection(kind);
      expect(session.getState().draft.acquisition.objections[kind]).toBeUndefined();
    });
  }

  it('keeps the draft unchanged until all five answers are given', () => {
    prefs.setState({ lang: 'en' });
    startPlan();
    const root = fake(objectionBody('later', { dialogue, objectionScript }, () => undefined));
    choose(radios(root, 0)[0]);
    choose(radios(root, 1)[0]);
    click(byTestId(root, 'objection-save')!);
    expect(session.getState().draft.acquisition.objections.later).toBeUndefined();
  });
});

describe('the sales-script section', () => {
  it('says which objections the staff improvise and what each script does, by the engine', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      prefs.setState({ lang });
      const d = Decisions.parse({ acquisition: { objections: { price: [1, 2, 1, 1, 3], useless: [0, 1, 2, 0, 1] } } });
      const { scenario } = bubbleTea();
      const skill = 0.6;
      const root = fake(objectionsSection(d, scenario, skill));
      for (const [k, kind] of OBJECTION_KINDS.entries()) {
        const state = byTestId(root, `objection-state-${kind}`)!;
        const choices = d.acquisition.objections[kind];
        expect(byTestId(root, `objection-open-${kind}`)).toBeDefined();
        if (!choices) {
          expect(state.getAttribute('data-written')).toBe('false');
          expect(state.textContent).toContain('○');
          // What improvising does at the staff's skill, by the engine.
          expect(state.textContent).toContain(`×${factor(improvisedQuality(skill))}`);
          expect(Number(factor(improvisedQuality(skill)))).toBeCloseTo(conversion(0.35 * skill), 2);
          expect(byTestId(root, `objection-clear-${kind}`)).toBeUndefined();
          continue;
        }
        const q = scriptQuality(k, choices);
        expect(state.getAttribute('data-written')).toBe('true');
        expect(state.getAttribute('data-quality')).toBe(String(Math.round(100 * q)));
        expect(state.textContent).toContain('✓');
        expect(state.textContent).toContain(`${Math.round(100 * q)}%`);
        expect(state.textContent).toContain(`×${factor(q)}`);
        expect(state.textContent).toContain(`×${factor(1)}`);
        // The factor is the engine's conversion of the script's quality, never a copied number.
        expect(Number(factor(q))).toBeCloseTo(conversion(q), 2);
        expect(byTestId(root, `objection-clear-${kind}`)).toBeDefined();
      }
      expect(root.textContent).not.toMatch(/objections\./);
    }
  });

  it('clear lets the staff improvise again', () => {
    startPlan(Decisions.parse({ acquisition: { objections: { time: [0, 2, 1, 0, 3] } } }));
    const root = fake(objectionsSection(session.getState().draft, session.getState().scenario!, 0.5));
    click(byTestId(root, 'objection-clear-time')!);
    expect(session.getState().draft.acquisition.objections.time).toBeUndefined();
  });

  it('shows on the acquisition tab where the acquisition area is open, and not where it is not', () => {
    prefs.setState({ lang: 'en' });
    const render = (loaded: ReturnType<typeof bubbleTea>) => {
      session.setState({
        ...initialSession(),
        phase: 'plan',
        scenario: loaded.scenario,
        scenarioHash: loaded.hash,
        run: { seasons: [] } as never,
        draft: Decisions.parse({}),
      });
      const root = document.createElement('div') as unknown as HTMLElement;
      renderPlan(root);
      return fake(root);
    };
    expect(byTestId(render(bubbleTea()), 'objections')).toBeDefined();
    expect(byTestId(render(shippedScenario('tutorial')), 'objections')).toBeDefined();
    // The community supermarket does not offer acquisition: its first tab holds pricing alone.
    const shop = render(shippedScenario('community-supermarket'));
    expect(byTestId(shop, 'tab-acquisition')).toBeDefined();
    expect(byTestId(shop, 'objections')).toBeUndefined();
    session.setState(initialSession());
  });
});
