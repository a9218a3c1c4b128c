import { cutoffProblem, type RfmCuts } from '../analytics/rfm';
import type { LabResult } from '../lab/lab-core';
import { h } from './dom';
import { num, t } from './i18n';

// The Analytics Lab's RFM scoring rule: the quintile cut-offs the data gives, or the class's own. One row per
// letter (R: at most so many days since the last purchase; F: at least so many purchase-days; M: at least so
// much spend), one box per score 2–5; a blank box means nobody reaches that score. Apply re-scores at once
// (no model is fitted again); a wrong box is named in one line and gets the focus. R is typed in whole days, as
// the dates in the file are; the analytics keep it in weeks (days / 7).

export type Dim = 'r' | 'f' | 'm';
export const DIMS: readonly Dim[] = ['r', 'f', 'm'];

/** The boxes as typed, four per letter, for scores 2, 3, 4 and 5. */
export type CutDraft = Record<Dim, string[]>;

export interface CutEditor {
  draft: CutDraft;
  /** The one-line problem and the id of the box it is about. */
  error: { text: string; field: string } | null;
  onInput: (dim: Dim, k: number, value: string) => void;
  onApply: () => void;
  onQuintiles: () => void;
}

/** Up to 6 significant digits, no grouping, so a box shows a number that reads back as the same cut-off. */
function plain(v: number): string {
  return String(Number(v.toPrecision(6)));
}

/** R cut-offs in days for the page (the analytics count weeks). */
const toDays = (weeks: number) => weeks * 7;

export function draftFrom(cuts: RfmCuts): CutDraft {
  const text = (c: number | null) => (c === null ? '' : plain(c));
  return { r: cuts.r.map((c) => text(c === null ? null : toDays(c))), f: cuts.f.map(text), m: cuts.m.map(text) };
}

export const cutInputId = (dim: Dim, k: number) => `lab-cut-${dim}-${k + 2}`;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The cut-offs in the boxes, or the first wrong box as one line in the page's language and its id. */
export function readDraft(draft: CutDraft): { ok: true; cuts: RfmCuts } | { ok: false; error: string; field: string } {
  const cuts = {} as Record<Dim, (number | null)[]>;
  for (const dim of DIMS) {
    const higher = dim !== 'r';
    const values: (number | null)[] = [];
    for (let k = 0; k < 4; k++) {
      const text = draft[dim][k].trim();
      const where = { letter: dim.toUpperCase(), score: k + 2 };
      if (text !== '' && !NUMBER.test(text.replace(/,/g, ''))) {
        return { ok: false, error: t('lab.cuts.err.number', { ...where, found: text }), field: cutInputId(dim, k) };
      }
      values.push(text === '' ? null : Number(text.replace(/,/g, '')));
    }
    const bad = cutoffProblem(values, higher);
    if (bad >= 0) {
      const where = { letter: dim.toUpperCase(), score: bad + 2 };
      const prev = values.slice(0, bad).filter((v): v is number => v !== null);
      const error =
        values[bad] !== null && prev.length < bad
          ? t('lab.cuts.err.afterBlank', where)
          : t(higher ? 'lab.cuts.err.up' : 'lab.cuts.err.down', { ...where, prev: plain(prev[prev.length - 1] ?? 0), found: plain(values[bad] ?? 0) });
      return { ok: false, error, field: cutInputId(dim, bad) };
    }
    cuts[dim] = dim === 'r' ? values.map((v) => (v === null ? null : v / 7)) : values;
  }
  return { ok: true, cuts };
}

/** The editor, a card of its own under the results' cards. */
export function cutEditor(editor: CutEditor, currency = '¥'): HTMLElement {
  const rule = { r: t('lab.cuts.rule.r'), f: t('lab.cuts.rule.f'), m: t('lab.cuts.rule.m', { cur: currency }) };
  const sign = { r: '≤', f: '≥', m: '≥' };
  const rows = DIMS.map((dim) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, rule[dim]),
      ...[0, 1, 2, 3].map((k) => {
        const id = cutInputId(dim, k);
        return h(
          'td',
          {},
          h('span', { 'aria-hidden': 'true' }, `${sign[dim]} `),
          h('input', {
            id,
            'data-testid': id,
            type: 'text',
            inputmode: 'decimal',
            size: 7,
            autocomplete: 'off',
            placeholder: '—',
            value: editor.draft[dim][k],
            'aria-label': t(`lab.cuts.box.${dim}`, { score: k + 2 }),
            'aria-invalid': editor.error?.field === id ? 'true' : undefined,
            'aria-describedby': editor.error?.field === id ? 'lab-cuts-error' : undefined,
            oninput: (e: Event) => editor.onInput(dim, k, (e.target as HTMLInputElement).value),
          }),
        );
      }),
    ),
  );
  const form = h(
    'form',
    {
      class: 'card lab-cuts',
      'data-testid': 'lab-cuts',
      'aria-labelledby': 'lab-cuts-h',
      onsubmit: (e: Event) => {
        e.preventDefault();
        editor.onApply();
      },
    },
    h('h3', { id: 'lab-cuts-h' }, t('lab.cuts')),
    h('p', { class: 'hint' }, t('lab.cuts.hint')),
    h(
      'div',
      { class: 'lab-scroll' },
      h(
        'table',
        { class: 'lab-cuts-table' },
        h('caption', { class: 'visually-hidden' }, t('lab.cuts')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('lab.cuts.letter')), ...[2, 3, 4, 5].map((sc) => h('th', { scope: 'col' }, t('lab.cuts.score', { score: sc }))))),
        h('tbody', {}, ...rows),
      ),
    ),
    editor.error ? h('p', { class: 'lab-cuts-error', id: 'lab-cuts-error', role: 'alert', 'data-testid': 'lab-cuts-error' }, editor.error.text) : null,
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'lab-cuts-apply' }, t('lab.cuts.apply')),
      h('button', { type: 'button', 'data-testid': 'lab-cuts-quintiles', onclick: () => editor.onQuintiles() }, t('lab.cuts.quintiles')),
    ),
  );
  return form;
}

/** One line saying which rule the scores on screen follow. */
export function cutStatus(r: LabResult): HTMLElement {
  const c = r.rfmCuts;
  const fmt = (xs: readonly (number | null)[]) => xs.map((x) => (x === null ? '—' : num(x, 2))).join(' / ');
  return h(
    'p',
    { class: 'reading', tabindex: -1, 'aria-live': 'polite', 'data-testid': 'lab-cuts-status' },
    c ? t('lab.cuts.status.own', { cur: r.options.currency, r: fmt(c.r.map((x) => (x === null ? null : toDays(x)))), f: fmt(c.f), m: fmt(c.m) }) : t('lab.cuts.status.quintiles'),
  );
}
