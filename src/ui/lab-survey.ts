import type { SurveyOutcome, SurveyResult } from '../lab/lab-survey';
import { MAX_ERRORS } from '../lab/lab-core';
import { h } from './dom';
import { num, t } from './i18n';
import { errorLine } from './lab-errors';
import { chooseSurveyColumn, chooseSurveyFile, loadSurvey, surveyStore } from './lab-survey-store';

// The Analytics Lab's NPS poll (净推荐值, course unit 7): import a survey CSV with a column of 0–10 answers (the
// class's own poll), choose the column, and read the promoters, passives and detractors, their shares and
// NPS = % promoters − % detractors, worked out so students can check it by hand. Bad cells are one located
// line each. Small files, so it runs on the page at once (lab-survey-store.ts).

/** A class poll of 40 made-up answers, for trying the tool without a file. */
export function examplePoll(): string {
  const answers = [10, 9, 8, 7, 9, 6, 10, 8, 5, 9, 7, 10, 3, 8, 9, 9, 6, 10, 8, 7, 9, 4, 10, 8, 9, 7, 6, 10, 9, 8, 2, 9, 10, 7, 8, 9, 6, 10, 9, 9];
  return ['student,recommend', ...answers.map((a, k) => `S${String(k + 1).padStart(2, '0')},${a}`)].join('\r\n') + '\r\n';
}

const pct = (n: number, total: number) => `${num((100 * n) / Math.max(1, total), 1)}%`;

function resultView(r: SurveyResult, fileName: string): HTMLElement {
  const groups = [
    { key: 'promoters', n: r.promoters, label: t('lab.nps.promoters'), cls: 'promoter' },
    { key: 'passives', n: r.passives, label: t('lab.nps.passives'), cls: 'passive' },
    { key: 'detractors', n: r.detractors, label: t('lab.nps.detractors'), cls: 'detractor' },
  ];
  const sign = r.nps > 0 ? '+' : '';
  return h(
    'div',
    { class: 'lab-nps-result', 'data-testid': 'lab-nps-result' },
    h('h4', { id: 'lab-nps-result-h', tabindex: -1 }, t('lab.nps.result', { file: fileName, column: r.column })),
    h('p', { class: 'stat', 'data-testid': 'lab-nps-value' }, t('lab.nps.value', { nps: `${sign}${num(r.nps, 1)}` })),
    h(
      'table',
      { class: 'abc', 'data-testid': 'lab-nps-groups' },
      h('caption', {}, t('lab.nps.table')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('lab.nps.group')), h('th', { scope: 'col' }, t('lab.nps.people')), h('th', { scope: 'col' }, t('lab.nps.share')))),
      h(
        'tbody',
        {},
        ...groups.map((g) => h('tr', { class: g.cls, 'data-testid': `lab-nps-${g.key}` }, h('th', { scope: 'row' }, g.label), h('td', {}, num(g.n)), h('td', {}, pct(g.n, r.respondents)))),
        h('tr', {}, h('th', { scope: 'row' }, t('lab.nps.total')), h('td', {}, num(r.respondents)), h('td', {}, '100%')),
      ),
    ),
    h('p', { 'data-testid': 'lab-nps-formula' }, t('lab.nps.formula', { promoters: pct(r.promoters, r.respondents), detractors: pct(r.detractors, r.respondents), nps: `${sign}${num(r.nps, 1)}` })),
    r.blanks > 0 ? h('p', { class: 'hint' }, t('lab.nps.blanks', { n: num(r.blanks), rows: num(r.rows) })) : null,
    h(
      'div',
      { class: 'lab-scroll' },
      h(
        'table',
        { class: 'lab-nps-histogram', 'data-testid': 'lab-nps-histogram' },
        h('caption', {}, t('lab.nps.histogram')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'row' }, t('lab.nps.answer')), ...r.histogram.map((_, a) => h('th', { scope: 'col', class: a >= 9 ? 'promoter' : a >= 7 ? 'passive' : 'detractor' }, String(a))))),
        h('tbody', {}, h('tr', {}, h('th', { scope: 'row' }, t('lab.nps.people')), ...r.histogram.map((n) => h('td', {}, num(n))))),
      ),
    ),
  );
}

function errorView(o: Extract<SurveyOutcome, { ok: false }>, fileName: string): HTMLElement {
  const more = o.errorCount - o.errors.length;
  return h(
    'div',
    { class: 'lab-errors', role: 'alert', tabindex: -1, 'data-testid': 'lab-nps-errors' },
    h('p', {}, t('lab.nps.err.heading', { n: num(o.errorCount) })),
    h('ul', {}, ...o.errors.map((e) => h('li', { 'data-testid': 'lab-nps-error' }, errorLine(fileName, e)))),
    more > 0 ? h('p', {}, t('lab.err.more', { n: num(more), max: MAX_ERRORS })) : null,
  );
}

/** The survey card (the Lab page draws it again when the poll's state changes, and gives the focus it asks for). */
export function surveySection(): HTMLElement {
  const survey = surveyStore.getState();
  const columnId = 'lab-nps-column';
  const body: (HTMLElement | null)[] = [];
  if (survey.text) {
    body.push(
      h('p', { class: 'lab-file', 'data-testid': 'lab-nps-file' }, t('lab.nps.file', { name: survey.fileName })),
      h(
        'div',
        { class: 'form' },
        h('label', { for: columnId }, t('lab.nps.column')),
        h(
          'select',
          { id: columnId, 'data-testid': columnId, onchange: (e: Event) => chooseSurveyColumn((e.target as HTMLSelectElement).value) },
          ...(survey.header.length ? survey.header : ['—']).map((name) => h('option', { value: name, selected: name === survey.column }, name || '—')),
        ),
      ),
    );
    const o = survey.outcome;
    if (o) body.push(o.ok ? resultView(o.result, survey.fileName) : errorView(o, survey.fileName));
  }
  return h(
    'section',
    { class: 'card lab-nps', 'aria-labelledby': 'lab-nps-h', 'data-testid': 'lab-nps' },
    h('h3', { id: 'lab-nps-h' }, t('lab.nps')),
    h('p', {}, t('lab.nps.intro')),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', class: 'primary', 'data-testid': 'lab-nps-choose', onclick: () => void chooseSurveyFile() }, t('lab.nps.choose')),
      h('button', { type: 'button', 'data-testid': 'lab-nps-example', onclick: () => loadSurvey(t('lab.nps.exampleName'), examplePoll()) }, t('lab.nps.example')),
    ),
    h('p', { class: 'hint' }, t('lab.nps.format')),
    ...body,
  );
}
