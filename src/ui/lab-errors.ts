import type { LabError } from '../lab/lab-core';
import { t } from './i18n';

// The Analytics Lab's problems as the page says them: one located line each, in the page's language.

/** The Lab's options, as its core names them in a 'bad-option' error: the locale keys lab.opt.<name>. */
const OPTIONS = ['calibration-end', 'horizon-weeks', 'margin', 'discount-annual', 'clv-months'] as const;

/**
 * One located line per problem: "file:line: column "date": expected …, found …". `typed` gives an option's text
 * as the person typed it (a percentage, say), to quote instead of the value used.
 */
export function errorLine(file: string, e: LabError, typed: Record<string, string> = {}): string {
  let where = file;
  if (e.line !== undefined) where += `:${e.line}`;
  if (typeof e.column === 'number') where += ` ${t('lab.err.char', { n: e.column })}`;
  if (e.code === 'bad-option') {
    const found = typeof e.column === 'string' && e.column in typed ? typed[e.column] : (e.found ?? '');
    const option = OPTIONS.find((o) => o === e.column);
    return `${t('lab.err.option', { option: option ? t(`lab.opt.${option}`) : String(e.column) })}: ${t('lab.err.bad-option', { found })}`;
  }
  const col = typeof e.column === 'string' ? `: ${t('lab.err.column', { column: e.column })}` : '';
  const params = { found: e.found ?? '', expected: e.expected ?? '', detail: e.message };
  return `${where}${col}: ${t(`lab.err.${e.code}`, params)}`;
}
