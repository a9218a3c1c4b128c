import { netPromoterScore, parseCsv } from '../analytics/index';
import { MAX_ERRORS, type LabError } from './lab-core';

// The Analytics Lab's NPS poll (净推荐值): a survey CSV with one column of 0–10 answers to "how likely are you to
// recommend us?" — the class's own poll, say — gives the promoters (9–10), passives (7–8) and detractors (0–6)
// and NPS = % promoters − % detractors. Blank cells are people who did not answer and are left out; any other
// cell that is not a whole number from 0 to 10 is an error located by its line and column.

export interface SurveyResult {
  column: string;
  /** Data rows in the file (the header not counted). */
  rows: number;
  /** Rows whose cell in the column was blank. */
  blanks: number;
  respondents: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, −100…100. */
  nps: number;
  /** How many answered 0, 1, …, 10. */
  histogram: number[];
}

export type SurveyOutcome = { ok: true; result: SurveyResult } | { ok: false; errors: LabError[]; errorCount: number };

/** Header names that suggest the 0–10 question, compared after lower-casing and removing spaces, _ and -. */
const HINTS = ['nps', 'recommend', 'likelihood', 'likely', 'score', 'rating', 'answer', '推荐', '净推荐', '推荐意愿', '推荐度', '评分', '打分', '分数', '得分', '回答'];

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_\-()（）]/g, '');

/** An answer as people type it: "9", " 9 ", "9分" or "9 分"; null when it is not a whole number 0–10. */
export function readAnswer(cell: string): number | null {
  const m = /^\s*(\d{1,2})(?:\.0+)?\s*(?:分)?\s*$/.exec(cell);
  if (!m) return null;
  const v = Number(m[1]);
  return v <= 10 ? v : null;
}

/**
 * The column most likely to hold the 0–10 answers: a name that suggests it, else the first column whose first
 * answered cells are all whole numbers 0–10, else the first column. Empty string when there is no header.
 */
export function detectSurveyColumn(header: readonly string[], firstRows: readonly (readonly string[])[] = []): string {
  const names = header.map((x) => x.trim());
  for (const hint of HINTS) {
    const k = names.findIndex((n) => norm(n).includes(hint));
    if (k >= 0) return names[k];
  }
  const k = names.findIndex((_, i) => {
    const cells = firstRows.map((r) => r[i] ?? '').filter((c) => c.trim() !== '');
    return cells.length > 0 && cells.every((c) => readAnswer(c) !== null);
  });
  return names[k >= 0 ? k : 0] ?? '';
}

/** The header and the first data rows of a survey file, for choosing the column. */
export function surveyPreview(text: string): { header: string[]; rows: string[][] } {
  const parsed = parseCsv(text.length > 1 << 16 ? text.slice(0, 1 << 16) : text);
  const [first, ...rest] = parsed.rows;
  return { header: first ? first.fields.map((x) => x.trim()) : [], rows: rest.slice(0, 20).map((r) => r.fields) };
}

/** Reads every row; all bad cells are counted and the first MAX_ERRORS kept, each with its line and column. */
export function runSurvey(text: string, column: string): SurveyOutcome {
  const parsed = parseCsv(text);
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    return { ok: false, errors: [{ code: 'syntax', line: e.line, column: e.column, message: e.message }], errorCount: 1 };
  }
  const [head, ...rows] = parsed.rows;
  if (!head) return { ok: false, errors: [{ code: 'empty-file', line: 1, column: 1, message: 'expected a header row, found an empty file' }], errorCount: 1 };
  const header = head.fields.map((x) => x.trim());
  const idx = header.indexOf(column.trim());
  if (idx < 0) {
    const found = header.map((x) => `"${x}"`).join(', ');
    return {
      ok: false,
      errors: [{ code: 'missing-columns', line: head.line, column: 1, expected: `"${column}"`, found, message: `expected column "${column}" in the header, found ${found}` }],
      errorCount: 1,
    };
  }
  const errors: LabError[] = [];
  let errorCount = 0;
  const answers: number[] = [];
  let blanks = 0;
  let counted = 0;
  // Blank lines never reach here (the CSV reader drops them); a row with an empty cell is someone who skipped it.
  for (const row of rows) {
    counted++;
    const cell = row.fields[idx] ?? '';
    if (cell.trim() === '') {
      blanks++;
      continue;
    }
    const v = readAnswer(cell);
    if (v === null) {
      errorCount++;
      if (errors.length < MAX_ERRORS) errors.push({ code: 'bad-answer', line: row.line, column: header[idx], found: cell, message: `expected a whole number from 0 to 10, found "${cell}"` });
      continue;
    }
    answers.push(v);
  }
  if (errorCount > 0) return { ok: false, errors, errorCount };
  if (answers.length === 0) {
    return { ok: false, errors: [{ code: 'no-answers', column: header[idx], message: `expected answers 0–10 in column "${header[idx]}", found none` }], errorCount: 1 };
  }
  const n = netPromoterScore(answers);
  const histogram = new Array<number>(11).fill(0);
  for (const a of answers) histogram[a]++;
  return {
    ok: true,
    result: {
      column: header[idx],
      rows: counted,
      blanks,
      respondents: n.respondents,
      promoters: n.promoters,
      passives: n.passives,
      detractors: n.detractors,
      nps: n.nps,
      histogram,
    },
  };
}
