// The game's own transactions export writes dates as people type them (2025-09-02, 2025/9/2, 20250902,
// 2025年9月2日). The Lab reads only the first and third unless asked; then it offers to read the others too, and
// the repaired file gives the same analysis as the tidy one. Money is labelled in the file's currency.
import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/analytics/dates';
import { formatDate } from '../../src/host/database-export';
import { runLab } from '../../src/lab/lab-core';

const opts = { columns: { id: 'customer_id', date: 'date', amount: 'amount' }, horizonWeeks: 39, margin: 0.3, discountAnnual: 0.1 };

/** 40 customers buying over a year; `style` chooses each row's date form as the game's export does. */
function file(style: (row: number) => number): string {
  const rows = ['customer_id,date,amount'];
  let k = 0;
  for (let c = 0; c < 40; c++) {
    for (let p = 0; p < 1 + (c % 5); p++) {
      const day = daysFromCivil(2025, 1, 6) + c * 3 + p * 41;
      rows.push(`C${c},${formatDate(day, style(k))},${10 + ((c * 7 + p) % 13)}`);
      k++;
    }
  }
  return rows.join('\n') + '\n';
}

describe('repairing the dates of a messy export', () => {
  const tidy = runLab(file(() => 0), opts);
  const messy = file((k) => k % 4);

  it('refuses the other forms by default, saying the repair would read them', () => {
    const out = runLab(messy, opts);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.every((e) => e.code === 'bad-date' && e.repairable === true)).toBe(true);
    expect(out.errors.some((e) => /^2025\/1\/\d+$/.test(e.found ?? ''))).toBe(true);
    expect(out.errors.some((e) => /年/.test(e.found ?? ''))).toBe(true);
  });

  it('reads them when asked, with the same results as the tidy file and a count of what it read', () => {
    const out = runLab(messy, { ...opts, repairDates: true });
    expect(out.ok && tidy.ok).toBe(true);
    if (!out.ok || !tidy.ok) return;
    expect(out.result.repairedDates).toBe(Math.floor(out.result.rows / 2));
    expect(tidy.result.repairedDates).toBe(0);
    expect(out.result.customers).toEqual(tidy.result.customers);
    expect(out.result.firstDate).toBe(tidy.result.firstDate);
  });

  it('still refuses what is no date at all, and does not offer a repair for it', () => {
    const out = runLab('customer_id,date,amount\nC1,2025/2/30,10\nC2,yesterday,5\n', { ...opts, repairDates: false });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.filter((e) => e.repairable)).toEqual([]);
  });

  it('labels money in the currency chosen, yuan by default', () => {
    const dollars = runLab(file(() => 0), { ...opts, currency: '$' });
    expect(dollars.ok && dollars.result.options.currency).toBe('$');
    expect(tidy.ok && tidy.result.options.currency).toBe('¥');
  });
});
