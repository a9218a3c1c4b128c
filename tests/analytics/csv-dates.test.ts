import { describe, expect, it } from 'vitest';
import { formatCsvError, parseCsv, readCsvRecords, writeCsv } from '../../src/analytics/csv';
import { civilFromDays, daysFromCivil, formatDay, parseDay, parseDayLoose } from '../../src/analytics/dates';
import { summarize } from '../../src/analytics/summary';

describe('CSV reader', () => {
  it('handles BOM, CRLF, quotes, escaped quotes and line breaks inside quotes', () => {
    const text = '\uFEFFid,name,note\r\n1,"Li, Wei","said ""hi"""\r\n2,王芳,"two\r\nlines"\r\n\r\n3,x,\n';
    const { rows, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 1, fields: ['id', 'name', 'note'] },
      { line: 2, fields: ['1', 'Li, Wei', 'said "hi"'] },
      { line: 3, fields: ['2', '王芳', 'two\r\nlines'] },
      { line: 6, fields: ['3', 'x', ''] },
    ]);
  });

  it('accepts a last line without a line break and lone CR line ends', () => {
    expect(parseCsv('a,b\rc,d').rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
    ]);
  });

  it('reports an unterminated quote at its opening position', () => {
    const { errors } = parseCsv('a,b\n1,"open\n2,3\n');
    expect(errors).toEqual([{ line: 2, column: 3, message: 'quoted field is never closed' }]);
  });

  it('reports text after a closing quote', () => {
    const { errors } = parseCsv('a,b\n"x"y,2\n');
    expect(errors).toEqual([{ line: 2, column: 4, message: 'expected "," or end of line after a closing quote, found "y"' }]);
  });

  it('reads records by header and reports missing columns and ragged rows', () => {
    const ok = readCsvRecords(' customer_id ,date,amount\nc1,1997-01-01,3.5\n', ['customer_id', 'amount']);
    expect(ok.errors).toEqual([]);
    expect(ok.records).toEqual([{ line: 2, values: { customer_id: 'c1', date: '1997-01-01', amount: '3.5' } }]);
    const missing = readCsvRecords('id,date\n', ['customer_id', 'amount']);
    expect(missing.errors[0].message).toBe('expected columns "customer_id", "amount" in the header, found "id", "date"');
    const ragged = readCsvRecords('a,b\n1\n1,2\n');
    expect(ragged.errors).toEqual([{ line: 2, column: 1, message: 'expected 2 fields, found 1' }]);
    expect(ragged.records).toHaveLength(1);
  });

  it('formats errors as file:line with the column', () => {
    expect(formatCsvError('t.csv', { line: 4, column: 'amount', message: 'expected a number, found "abc"' })).toBe(
      't.csv:4: column "amount": expected a number, found "abc"',
    );
    expect(formatCsvError('t.csv', { line: 2, column: 3, message: 'quoted field is never closed' })).toBe('t.csv:2 column 3: quoted field is never closed');
  });
});

describe('CSV writer', () => {
  it('writes a BOM and CRLF and round-trips through the reader', () => {
    const rows = [
      ['id', 'name', 'value'],
      ['1', 'Li, Wei', '3.5'],
      ['2', 'say "hi"', ''],
      ['3', 'two\nlines', ' padded '],
    ];
    const text = writeCsv(rows);
    expect(text.startsWith('\uFEFFid,name,value\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text).rows.map((r) => r.fields)).toEqual(rows);
    expect(writeCsv([[1.5, null, 'x']])).toBe('\uFEFF1.5,,x\r\n');
  });
});

describe('dates', () => {
  it('parses both formats into day numbers independent of the time zone', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('19970101')).toBe(Date.UTC(1997, 0, 1) / 86400000);
    expect(parseDay(' 1997-09-30 ')).toBe(Date.UTC(1997, 8, 30) / 86400000);
    expect(parseDay('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / 86400000);
    expect(parseDay('1969-12-31')).toBe(-1);
  });

  it('rejects impossible or malformed dates', () => {
    for (const bad of ['1997-02-29', '1900-02-29', '1997-13-01', '1997-04-31', '1997-0101', '97-01-01', '1997/01/01', '', 'abc']) {
      expect(parseDay(bad), bad).toBeNull();
    }
  });

  it('civilFromDays inverts daysFromCivil over four centuries', () => {
    for (let d = daysFromCivil(1899, 12, 25); d < daysFromCivil(2301, 1, 5); d += 13) {
      const { year, month, day } = civilFromDays(d);
      expect(daysFromCivil(year, month, day)).toBe(d);
    }
    expect(formatDay(parseDay('20240229')!)).toBe('2024-02-29');
  });
});

describe('summary', () => {
  const tx = [
    { customerId: 'b', day: 10, amount: 5 },
    { customerId: 'a', day: 0, amount: 20 },
    { customerId: 'a', day: 7, amount: 4 },
    { customerId: 'a', day: 7, amount: 6 },
    { customerId: 'a', day: 21, amount: 30 },
    { customerId: 'a', day: 40, amount: 99 },
    { customerId: 'c', day: 40, amount: 1 },
  ];

  it('merges same-day rows, counts repeat purchase-days and measures weeks', () => {
    const [b, a] = summarize(tx, { calibrationEnd: 35 });
    expect(a).toEqual({
      id: 'a',
      frequency: 2,
      recency: 3,
      T: 5,
      monetary: 20,
      totalSpend: 60,
      purchaseDays: 3,
      firstDay: 0,
      lastDay: 21,
      days: [0, 7, 21],
    });
    expect(b).toMatchObject({ id: 'b', frequency: 0, recency: 0, monetary: 0, totalSpend: 5 });
    expect(b.T).toBeCloseTo(25 / 7, 15);
  });

  it('leaves out customers who first bought after the calibration end and defaults the end to the last day', () => {
    expect(summarize(tx, { calibrationEnd: 35 }).map((s) => s.id)).toEqual(['b', 'a']);
    const all = summarize(tx);
    expect(all.map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(all[1].T).toBeCloseTo(40 / 7, 15);
    expect(all[2].T).toBe(0);
  });
});

describe('dates in a messy export’s forms', () => {
  it('reads slashes, dots and Chinese year-month-day when asked, and nothing that is not a date', () => {
    const day = daysFromCivil(2025, 9, 2);
    for (const text of ['2025-09-02', '20250902', '2025/9/2', '2025/09/02', '2025.9.2', '2025-9-2', '2025年9月2日', ' 2025年09月02日 ']) {
      expect(parseDayLoose(text), text).toBe(day);
    }
    for (const text of ['2025/9-2', '2025/2/30', '2025/13/1', '9/2/2025', '2025年9月', '', 'soon']) expect(parseDayLoose(text), text).toBeNull();
    // The strict reader is unchanged.
    expect(parseDay('2025/9/2')).toBeNull();
  });
});
