import type { CauseId } from '../sim';
import { list, signed, t } from './i18n';

// Causes of changes in words. A visit moves satisfaction toward what that visit was worth, so a good visit can
// still lower the satisfaction of someone already happier than it warrants, and a poor one raise it for
// someone even unhappier: the cause then says which way the mood settled, so "Exceeded expectations" never
// stands beside a fall without a word of why.

/** The experience causes and the way they move satisfaction when the mood has not yet caught up with the visits. */
const EXPERIENCE: Partial<Record<CauseId, 1 | 0 | -1>> = {
  'exceeded-expectation': 1,
  'met-expectation': 0,
  'quality-shortfall': -1,
  waiting: -1,
  'supply-incident': -1,
  disrespect: -1,
  'over-promise': -1,
};

/** A cause in words, for a change of satisfaction by `delta` (any scale; only its sign counts). */
export function causeLabel(cause: CauseId, delta = 0): string {
  const name = t(`cause.${cause}`);
  const way = EXPERIENCE[cause];
  if (way === undefined || delta === 0) return name;
  if (delta < 0 && way >= 0) return t('cause.settle.down', { cause: name });
  if (delta > 0 && way < 0) return t('cause.settle.up', { cause: name });
  return name;
}

/**
 * One driver of a season or a game: the satisfaction and loyalty it moved, each only when it moved them, and how
 * many satisfaction changes it made when counted (loyalty changes are not counted, so no "0×" beside them).
 */
export function driverLine(cause: CauseId, satisfaction: number, loyalty: number, count?: number): string {
  const parts: string[] = [];
  const satMoved = signed(satisfaction) !== signed(0);
  if (satMoved) {
    parts.push(count && count > 0 ? t('driver.satCount', { sat: signed(satisfaction), count }) : t('driver.sat', { sat: signed(satisfaction) }));
  }
  if (signed(loyalty) !== signed(0)) parts.push(t('driver.loy', { loy: signed(loyalty) }));
  if (parts.length === 0) parts.push(t('driver.none'));
  return t('driver.line', { cause: causeLabel(cause, satMoved ? satisfaction : 0), effects: list(parts) });
}
