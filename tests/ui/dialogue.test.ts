// The teaching dialogue: answers shown in an order fixed by the case and the step (the same after a reload, not
// always the best first), one step at a time with feedback after each answer and the outcome after the last;
// arrows only move between answers; and the complaint scripts, in both languages, for every kind of complaint,
// with the engine's own qualities, so what the student reads is what the season does.
import './fake-dom';
import { describe, expect, it } from 'vitest';
import { byTestId, walk, type FakeElement } from './fake-dom';
import { COMPLAINT_KINDS } from '../../src/sim';
import { answerQuality, PRESENT_STEP, stepQuality } from '../../src/sim/featured';
import { prefs } from '../../src/store/session';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';

const { dialogue, meanQuality, optionOrder, verdictOf } = await import('../../src/ui/dialogue');
const { complaintScript, COMPLAINT_SCRIPTS, REGULAR_PURCHASES } = await import('../../src/ui/complaint-scripts');

const fake = (el: HTMLElement) => el as unknown as FakeElement;
const who = (kind: (typeof COMPLAINT_KINDS)[number], purchases = 8, id = 17) => ({ id, kind, segment: 'Students', purchases, spendTotal: 20 * purchases });
const CJK = /[\u3400-\u9fff]/;

describe('the order of the answers', () => {
  it('is a permutation fixed by the key and the step', () => {
    for (let step = 0; step < 5; step++) {
      const order = optionOrder('complaint-17', step, 4);
      expect([...order].sort()).toEqual([0, 1, 2, 3]);
      expect(optionOrder('complaint-17', step, 4)).toEqual(order);
    }
  });

  it('differs between cases and steps, and puts each answer first sometimes', () => {
    const firsts = new Set<number>();
    const orders = new Set<string>();
    for (let id = 0; id < 200; id++) {
      for (let step = 0; step < 5; step++) {
        const o = optionOrder(`complaint-${id}`, step, 4);
        firsts.add(o[0]);
        orders.add(o.join(''));
      }
    }
    expect(firsts.size).toBe(4);
    expect(orders.size).toBe(24);
  });
});

describe('verdicts', () => {
  it('name the best answer, helpful, weak and harmful ones', () => {
    expect(verdictOf(1, 1)).toBe('best');
    expect(verdictOf(0.6, 1)).toBe('good');
    expect(verdictOf(0.2, 1)).toBe('weak');
    expect(verdictOf(-0.2, 1)).toBe('harmful');
  });
});

describe('complaint scripts', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`speak ${lang} for every kind, with the engine's qualities`, () => {
      prefs.setState({ lang });
      for (const kind of COMPLAINT_KINDS) {
        const k = COMPLAINT_KINDS.indexOf(kind);
        const s = complaintScript(who(kind));
        expect(s.steps).toHaveLength(5);
        for (const [step, st] of s.steps.entries()) {
          expect(st.line.trim()).not.toBe('');
          expect(st.line).not.toMatch(/[{}]/);
          expect(st.options.map((o) => o.id)).toEqual([0, 1, 2, 3]);
          for (const o of st.options) {
            expect(o.text.trim()).not.toBe('');
            expect(o.feedback.trim()).not.toBe('');
            expect(o.quality).toBe(stepQuality(step, o.id, k));
            if (lang === 'en') expect(`${st.line}${o.text}${o.feedback}`).not.toMatch(CJK);
            else expect(`${st.line}${o.text}${o.feedback}`).toMatch(CJK);
          }
          // At the present step the best remedy's feedback names it as the best for this kind; no other does.
          if (step === PRESENT_STEP) {
            const top = Math.max(...st.options.map((o) => o.quality));
            for (const o of st.options) expect(/最好的补救|The best remedy/.test(o.feedback), `${kind} ${o.id}`).toBe(o.quality === top);
          }
        }
        for (let n = 0; n < 4 ** 5; n += 37) {
          const c = [0, 1, 2, 3, 4].map((j) => Math.floor(n / 4 ** j) % 4);
          expect(meanQuality(s, c)).toBeCloseTo(answerQuality(c, k), 12);
        }
      }
    });
  }

  it('let the customer speak by the kind and as a regular or a newcomer', () => {
    prefs.setState({ lang: 'zh-CN' });
    const openings = COMPLAINT_KINDS.map((k) => complaintScript(who(k)).steps[0].line);
    expect(new Set(openings).size).toBe(COMPLAINT_KINDS.length);
    const presents = COMPLAINT_KINDS.map((k) => complaintScript(who(k)).steps[PRESENT_STEP].options.map((o) => o.text).join('|'));
    expect(new Set(presents).size).toBe(COMPLAINT_KINDS.length);
    // Blaming the customer is worded by what they complain about.
    const blames = COMPLAINT_KINDS.map((k) => complaintScript(who(k)).steps[0].options[2].text);
    expect(new Set(blames).size).toBe(COMPLAINT_KINDS.length);
    expect(blames[0]).toBe(zhCN['featured.0.2']);
    expect(complaintScript(who('product', 8)).steps[0].line).toContain('8 次');
    expect(complaintScript(who('product', REGULAR_PURCHASES - 1)).steps[0].line).toContain('第一次');
    expect(complaintScript(who('billing', 1)).steps[0].line).toContain('¥20');
    expect(complaintScript(who('product')).speaker).toBe('客户（Students）');
    prefs.setState({ lang: 'en' });
    expect(complaintScript(who('waiting', 8)).steps[0].line).toContain('8 times');
    expect(Object.keys(COMPLAINT_SCRIPTS).sort()).toEqual([...COMPLAINT_KINDS].sort());
  });
});

describe('the dialogue', () => {
  const radios = (root: FakeElement, step: number) =>
    walk(byTestId(root, `featured-step-${step}`)!).filter((e) => e.tagName === 'INPUT');
  const choose = (r: FakeElement) => {
    r.checked = true;
    for (const f of r.listeners.change ?? []) f({});
  };

  it('opens one step at a time, says what each answer does, and shows the outcome after the last', () => {
    prefs.setState({ lang: 'en' });
    const script = complaintScript(who('attitude'));
    let changes: number[][] = [];
    const view = dialogue(script, {
      testId: 'featured',
      onChange: (c) => changes.push(c),
      outcome: (c) => ({ element: document.createElement('div'), summary: `quality ${answerQuality(c, 1)}` }),
    });
    const root = fake(view.element);
    expect(byTestId(root, 'featured-step-0')).toBeDefined();
    expect(byTestId(root, 'featured-step-1')).toBeUndefined();
    // Shown in the case's own order.
    expect(radios(root, 0).map((r) => Number(r.value))).toEqual(optionOrder(script.key, 0, 4));
    expect(root.textContent).toContain(script.steps[0].line);

    // The best answer at each step (the attitude remedy at the present step).
    const bestIds = script.steps.map((s) => s.options.reduce((a, b) => (b.quality > a.quality ? b : a)).id);
    for (let k = 0; k < 5; k++) {
      const r = radios(root, k).find((x) => Number(x.value) === bestIds[k])!;
      choose(r);
      const fb = byTestId(root, `featured-feedback-${k}`)!;
      expect(fb.getAttribute('data-verdict')).toBe('best');
      expect(fb.textContent).toContain('✓');
      expect(fb.textContent).toContain(en['dialogue.verdict.best']);
      const live = byTestId(root, 'featured-live')!.textContent;
      expect(live).toContain(script.steps[k].options.find((o) => o.id === bestIds[k])!.feedback);
      if (k < 4) {
        expect(byTestId(root, `featured-step-${k + 1}`)).toBeDefined();
        expect(live).toContain(script.steps[k + 1].line);
        expect(byTestId(root, 'featured-outcome')).toBeUndefined();
      }
    }
    expect(bestIds[PRESENT_STEP]).toBe(2);
    expect(changes.at(-1)).toEqual(bestIds);
    expect(byTestId(root, 'featured-outcome')).toBeDefined();
    expect(byTestId(root, 'featured-live')!.textContent).toContain('quality 1');

    // Changing an earlier answer takes the conversation another way: the later answers go.
    changes = [];
    const worst = script.steps[1].options.reduce((a, b) => (b.quality < a.quality ? b : a));
    choose(radios(root, 1).find((x) => Number(x.value) === worst.id)!);
    expect(changes).toEqual([[bestIds[0], worst.id]]);
    expect(byTestId(root, 'featured-feedback-1')!.getAttribute('data-verdict')).toBe('harmful');
    expect(byTestId(root, 'featured-feedback-1')!.textContent).toContain('✗');
    expect(byTestId(root, 'featured-step-3')).toBeUndefined();
    expect(byTestId(root, 'featured-outcome')).toBeUndefined();
  });

  it('moves with the arrows without answering, and answers with Enter', () => {
    prefs.setState({ lang: 'zh-CN' });
    const view = dialogue(complaintScript(who('waiting')), { testId: 'featured' });
    const root = fake(view.element);
    const first = radios(root, 0)[0];
    let prevented = false;
    for (const f of first.listeners.keydown ?? []) f({ key: 'ArrowDown', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(view.choices()).toEqual([]);
    for (const f of first.listeners.keydown ?? []) f({ key: 'Enter', preventDefault: () => undefined });
    expect(view.choices()).toEqual([Number(first.value)]);
    expect(byTestId(root, 'featured-feedback-0')!.textContent).toContain(zhCN[`dialogue.verdict.${byTestId(root, 'featured-feedback-0')!.getAttribute('data-verdict') as 'best'}`]);
  });

  it('shows answers given before with their feedback', () => {
    prefs.setState({ lang: 'en' });
    const view = dialogue(complaintScript(who('price')), { testId: 'featured', initial: [1, 0, 2, 3, 0], outcome: () => ({ element: document.createElement('div'), summary: '' }) });
    const root = fake(view.element);
    expect(view.choices()).toEqual([1, 0, 2, 3, 0]);
    for (let k = 0; k < 5; k++) expect(byTestId(root, `featured-feedback-${k}`)!.getAttribute('data-verdict')).toBe('best');
    expect(byTestId(root, 'featured-outcome')).toBeDefined();
  });
});
