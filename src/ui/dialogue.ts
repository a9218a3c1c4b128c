import { h } from './dom';
import { t } from './i18n';
import './dialogue.css';

// A teaching dialogue: the other side speaks a line at each step, the student picks one of the step's answers and
// is told at once what that answer does, then the next step opens. The script is data (who speaks, each step's
// line, its answers with their feedback and quality), so a complaint case and a sales objection run on the same
// engine. Answers are shown in an order shuffled per script and step, the same on every reload (seeded by the
// script's key, never Math.random), so the best answer is not always first and a reload does not reshuffle.
//
// Keyboard: each step is a radio group. The arrow keys move between its answers without choosing one (reading
// the answers must not answer), Space or Enter chooses; the choice's feedback is announced through a live region
// and focus moves to the next step's first answer, or to the outcome after the last step. Quality is said in
// words and a symbol, never by colour alone.

export interface DialogueOption {
  /** The answer's id, what the choice records (the engine's index of the answer). */
  id: number;
  text: string;
  /** What the answer does, shown once it is chosen. */
  feedback: string;
  /** How good the answer is, −1 to 1; the step's highest is its best answer. */
  quality: number;
}

export interface DialogueStep {
  title: string;
  /** What the other side says at this step. */
  line: string;
  options: readonly DialogueOption[];
}

export interface DialogueScript {
  /** Seeds the order of the answers and names the inputs: the same key gives the same order. */
  key: string;
  /** Who speaks the lines, as shown before each one. */
  speaker: string;
  steps: readonly DialogueStep[];
}

export interface DialogueOptions {
  /** Answers already given (option ids by step), shown with their feedback. */
  initial?: readonly number[];
  /** Called with the answers so far after every choice. */
  onChange?: (choices: number[]) => void;
  /** The outcome shown once every step is answered. */
  outcome?: (choices: readonly number[]) => { element: HTMLElement; summary: string };
  /** Prefix of the test ids: `<prefix>-step-<k>`, `<prefix>-feedback-<k>`, `<prefix>-outcome`. */
  testId?: string;
}

export interface DialogueView {
  element: HTMLElement;
  choices(): number[];
  /** Focuses the first unanswered step's first answer, or the outcome when every step is answered. */
  focus(): void;
}

export type Verdict = 'best' | 'good' | 'weak' | 'harmful';

/** How an answer of this quality reads, against the best answer of its step. */
export function verdictOf(quality: number, best: number): Verdict {
  if (quality >= best) return 'best';
  if (quality >= 0.5) return 'good';
  if (quality >= 0) return 'weak';
  return 'harmful';
}

const VERDICT_MARK: Record<Verdict, string> = { best: '✓', good: '◐', weak: '△', harmful: '✗' };

/** The verdict as a symbol and words, for the page and for the live region alike. */
export function verdictLabel(v: Verdict): string {
  return `${VERDICT_MARK[v]} ${t(`dialogue.verdict.${v}`)}`;
}

/** 32-bit FNV-1a of a string: the seed of a step's order. */
function fnv1a(s: string): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193) >>> 0;
  }
  return x;
}

/** The order in which a step's n answers are shown: a permutation of 0…n−1 fixed by the key and the step. */
export function optionOrder(key: string, step: number, n: number): number[] {
  let state = fnv1a(`${key}#${step}`) || 1;
  // xorshift32: enough to shuffle four answers evenly, and the same in every browser.
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Mean quality of the answers given, a missing answer counting 0 (a script whose outcome has no model of its own). */
export function meanQuality(script: DialogueScript, choices: readonly number[]): number {
  let q = 0;
  script.steps.forEach((s, k) => (q += s.options.find((o) => o.id === choices[k])?.quality ?? 0));
  return q / script.steps.length;
}

/** Mounts the dialogue; answers are kept until the caller reads them. */
export function dialogue(script: DialogueScript, opts: DialogueOptions = {}): DialogueView {
  const prefix = opts.testId ?? 'dialogue';
  const steps = script.steps;
  const choices: number[] = [];
  for (const [k, c] of (opts.initial ?? []).entries()) {
    if (k >= steps.length || !steps[k].options.some((o) => o.id === c)) break;
    choices.push(c);
  }
  const root = h('div', { class: 'dialogue' });
  // The live region exists before anything is said into it, so screen readers announce every change.
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-testid': `${prefix}-live` });
  const flow = h('div', { class: 'dialogue-flow' });
  root.append(live, flow);
  let outcomeEl: HTMLElement | null = null;
  const safeKey = script.key.replace(/[^\w-]/g, '_');

  const answerOf = (k: number) => steps[k].options.find((o) => o.id === choices[k]);

  const firstRadio = (k: number) => flow.querySelector<HTMLInputElement>(`input[name="${safeKey}-step-${k}"]`);

  const focus = () => {
    if (choices.length >= steps.length && outcomeEl) outcomeEl.focus();
    else firstRadio(choices.length)?.focus();
  };

  const choose = (k: number, id: number) => {
    if (choices[k] === id && choices.length === k + 1) return;
    choices[k] = id;
    choices.length = k + 1;
    render();
    opts.onChange?.([...choices]);
    const a = answerOf(k)!;
    const best = Math.max(...steps[k].options.map((o) => o.quality));
    const said = [`${steps[k].title}: ${verdictLabel(verdictOf(a.quality, best))}. ${a.feedback}`];
    if (k + 1 < steps.length) said.push(`${t('dialogue.says', { speaker: script.speaker })}“${steps[k + 1].line}”`);
    else if (outcomeEl) said.push(outcomeSummary);
    live.textContent = said.join(' ');
    if (k + 1 < steps.length) firstRadio(k + 1)?.focus();
    else outcomeEl?.focus();
  };

  let outcomeSummary = '';
  const render = () => {
    flow.replaceChildren();
    outcomeEl = null;
    for (let k = 0; k < steps.length && k <= choices.length; k++) flow.append(stepView(k));
    if (choices.length >= steps.length && opts.outcome) {
      const o = opts.outcome([...choices]);
      outcomeSummary = o.summary;
      outcomeEl = h('section', { class: 'dialogue-outcome', tabindex: -1, 'data-testid': `${prefix}-outcome`, 'aria-label': t('dialogue.outcome') }, o.element);
      flow.append(outcomeEl);
    }
  };

  const stepView = (k: number): HTMLElement => {
    const step = steps[k];
    const lineId = `${safeKey}-line-${k}`;
    const group = h(
      'fieldset',
      { class: `dialogue-step${choices[k] === undefined ? ' current' : ''}`, 'data-testid': `${prefix}-step-${k}`, 'aria-describedby': lineId },
      h('legend', {}, `${k + 1}. ${step.title}`),
      h('p', { class: 'dialogue-line', id: lineId }, h('span', { class: 'dialogue-speaker' }, t('dialogue.says', { speaker: script.speaker })), `“${step.line}”`),
    );
    const order = optionOrder(script.key, k, step.options.length);
    const radios: HTMLInputElement[] = [];
    const list = h('div', { class: 'dialogue-options' });
    for (const pos of order) {
      const option = step.options[pos];
      const id = `${safeKey}-${k}-${option.id}`;
      const radio = h('input', { type: 'radio', name: `${safeKey}-step-${k}`, id, value: option.id });
      radio.checked = choices[k] === option.id;
      radio.addEventListener('change', () => {
        if (radio.checked) choose(k, option.id);
      });
      radio.addEventListener('keydown', (e: KeyboardEvent) => {
        const at = radios.indexOf(radio);
        const move = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
        if (move !== 0) {
          // Arrows only move: the answer is chosen with Space or Enter, so reading the answers never answers.
          e.preventDefault();
          radios[(at + move + radios.length) % radios.length].focus();
        } else if (e.key === 'Enter') {
          e.preventDefault();
          radio.checked = true;
          choose(k, option.id);
        }
      });
      radios.push(radio);
      list.append(h('div', { class: 'dialogue-option' }, radio, h('label', { for: id }, option.text)));
    }
    group.append(list);
    const answer = answerOf(k);
    if (answer) {
      const best = Math.max(...step.options.map((o) => o.quality));
      const v = verdictOf(answer.quality, best);
      group.append(
        h(
          'p',
          { class: `dialogue-feedback ${v}`, 'data-testid': `${prefix}-feedback-${k}`, 'data-verdict': v },
          h('strong', {}, verdictLabel(v)),
          ' ',
          answer.feedback,
        ),
      );
    }
    return group;
  };

  render();
  return { element: root, choices: () => [...choices], focus };
}
