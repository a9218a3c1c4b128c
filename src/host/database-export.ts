import { writeCsv } from '../analytics/csv';
import { civilFromDays, daysFromCivil, formatDay } from '../analytics/dates';
import { type SimState, Flag, EventKind, Stage } from '../sim';
import { storeClvById } from './store-analytics';

// The store's customer database (客户档案) and its till records, exported as CSV (UTF-8 with BOM for Excel and
// WPS) for the course's spreadsheet exercises. Real databases are messy, and how messy depends on how much the
// team invested in information management: duplicates, blanks and inconsistent phone and date formats appear in
// proportion to (1 − data quality), so the data-cleaning exercise is played on the team's own data.
// Names and phone numbers are made up from the customer id (cosmetic, outside the simulation's dice).

/** The game's first week starts on this day (a Monday at the start of an autumn term). */
const FIRST_DAY = daysFromCivil(2025, 9, 1);
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '晨', '欣怡', '子轩', '雨桐', '浩然'];

/** Cosmetic, deterministic pseudo-random number in [0, 1) for a customer and a purpose. */
function noise(id: number, purpose: number): number {
  let h = Math.imul(id + 0x9e3779b9, 0x85ebca6b) ^ Math.imul(purpose + 0x27d4eb2d, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4294967296;
}

export function dayOfWeek(week: number): number {
  return FIRST_DAY + 7 * week;
}

/** A date in one of the formats people actually type, chosen by `style`: 0 ISO, 1 slashes, 2 compact, 3 Chinese. */
export function formatDate(days: number, style: number): string {
  const { year, month, day } = civilFromDays(days);
  if (style === 1) return `${year}/${month}/${day}`;
  if (style === 2) return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  if (style === 3) return `${year}年${month}月${day}日`;
  return formatDay(days);
}

function phone(id: number, style: number): string {
  const digits = `1${3 + Math.floor(noise(id, 1) * 7)}${String(Math.floor(noise(id, 2) * 1e9)).padStart(9, '0')}`;
  if (style === 1) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  if (style === 2) return `+86 ${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
  return digits;
}

/** Share of records with a fault, from the store's data quality (0–1). */
export function faultRate(dataQuality: number): number {
  return 0.4 * (1 - Math.max(0, Math.min(1, dataQuality)));
}

export function customersCsv(s: SimState): string {
  const c = s.c;
  const q = faultRate(s.store.dataQuality);
  // The last two columns are the store's own figures, not typed in by anyone, so they are never messy: the profit
  // contribution so far (margin less serving, benefits, care and complaint costs) and the model's CLV estimate.
  const header = ['customer_id', 'name', 'phone', 'birthday', 'segment', 'level', 'first_purchase', 'last_purchase', 'purchases', 'total_spend', 'points', 'consent', 'opted_out', 'contribution', 'clv'];
  const clv = storeClvById(s);
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < s.n; i++) {
    if (c.stage[i] === Stage.Prospect || c.purchases[i] === 0) continue;
    const f = c.flags[i];
    const name = SURNAMES[Math.floor(noise(i, 3) * SURNAMES.length)] + GIVEN[Math.floor(noise(i, 4) * GIVEN.length)];
    const dateStyle = noise(i, 5) < q ? 1 + Math.floor(noise(i, 6) * 3) : 0;
    const birthday = f & Flag.BirthdayKnown ? formatDate(daysFromCivil(1990 + Math.floor(noise(i, 7) * 17), 1, 1) + 7 * c.birthWeek[i], dateStyle) : '';
    const row: (string | number)[] = [
      `C${String(i).padStart(5, '0')}`,
      noise(i, 8) < q * 0.4 ? '' : name,
      noise(i, 9) < q * 0.5 ? '' : phone(i, noise(i, 10) < q ? 1 + Math.floor(noise(i, 11) * 2) : 0),
      birthday,
      s.scenario.segments[c.segment[i]].name.zh,
      c.tier[i],
      formatDate(dayOfWeek(Math.max(0, c.firstWeek[i])), dateStyle),
      formatDate(dayOfWeek(Math.max(0, c.lastWeek[i])), dateStyle),
      c.purchases[i],
      Math.round(c.spendTotal[i] * 100) / 100,
      Math.round(c.points[i]),
      f & Flag.Consented ? 'yes' : 'no',
      f & Flag.OptedOut ? 'yes' : 'no',
      Math.round(c.contribution[i] * 100) / 100,
      clv.has(i) ? Math.round((clv.get(i) as number) * 100) / 100 : '',
    ];
    rows.push(row);
    // A duplicate: the same person registered twice, typed a little differently.
    if (noise(i, 12) < q * 0.3) rows.push([row[0], `${name} `, phone(i, 2), birthday, ...row.slice(4)]);
  }
  return writeCsv(rows);
}

/** Every purchase the till recorded during the game: customer, date, amount paid. */
export function transactionsCsv(s: SimState): string {
  const q = faultRate(s.store.dataQuality);
  const rows: (string | number)[][] = [['customer_id', 'date', 'amount']];
  const log = s.log;
  for (let k = 0; k < log.length; k++) {
    if (log.kind[k] !== EventKind.Purchase) continue;
    const i = log.customer[k];
    const style = noise(k, 13) < q * 0.5 ? 1 + Math.floor(noise(k, 14) * 3) : 0;
    rows.push([`C${String(i).padStart(5, '0')}`, formatDate(dayOfWeek(log.week[k]) + Math.floor(noise(k, 15) * 7), style), Math.round(log.value[k] * 100) / 100]);
  }
  return writeCsv(rows);
}
