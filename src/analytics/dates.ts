// Calendar dates as integer day numbers (days since 1970-01-01, proleptic Gregorian).
// Computed arithmetically so that no time zone or daylight-saving rule can shift a date.

/** Day number of a civil date (Hinnant's days_from_civil). month 1..12, day 1..31. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses YYYY-MM-DD or YYYYMMDD (surrounding spaces allowed) into a day number; null when not a real date. */
export function parseDay(text: string): number | null {
  const m = /^\s*(\d{4})-?(\d{2})-?(\d{2})\s*$/.exec(text);
  if (!m) return null;
  // Mixed forms such as 1997-0101 are rejected: either both dashes or none.
  const dashes = (text.match(/-/g) ?? []).length;
  if (dashes !== 0 && dashes !== 2) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return null;
  const maxDay = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
  if (day < 1 || day > maxDay) return null;
  return daysFromCivil(year, month, day);
}

/**
 * The other ways people write a date, as a messy export holds them: year, month and day with slashes or dots and
 * one- or two-digit month and day (2025/9/2, 2025.09.02), or in Chinese (2025年9月2日). Read only when asked to
 * repair a file's dates (`parseDay` stays strict), so a file is never read in a form its owner did not accept.
 * Null when the text is in none of these forms or is not a real date.
 */
export function parseDayLoose(text: string): number | null {
  const strict = parseDay(text);
  if (strict !== null) return strict;
  const m = /^\s*(\d{4})(?:([/.-])(\d{1,2})\2(\d{1,2})|\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)\s*$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[3] ?? m[5]);
  const day = Number(m[4] ?? m[6]);
  if (month < 1 || month > 12) return null;
  const maxDay = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
  if (day < 1 || day > maxDay) return null;
  return daysFromCivil(year, month, day);
}

/** Formats a day number as YYYY-MM-DD. */
export function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
