import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../src/analytics/csv';
import { Decisions } from '../../src/scenario/decisions';
import { loadScenario } from '../../src/scenario/scenario';
import { newGame } from '../../src/sim/game';
import { playStep } from '../sim/helpers';
import { EventKind } from '../../src/sim/types';
import { customersCsv, formatDate, transactionsCsv } from '../../src/host/database-export';
import { daysFromCivil } from '../../src/analytics/dates';

const loaded = loadScenario(readFileSync('scenarios/bubble-tea.yaml', 'utf8'), 'bubble-tea.yaml');
if (!loaded.ok) throw new Error('bundled scenario');
const scenario = { ...loaded.value.scenario, population: { ...loaded.value.scenario.population, size: 1500 } };
const s = newGame(scenario, 'export');
playStep(s, Decisions.parse({}));
playStep(s, Decisions.parse({}));

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoPhone = /^1\d{10}$/;

function faults(dataQuality: number): { rows: number; faults: number } {
  s.store.dataQuality = dataQuality;
  const { records } = readCsvRecords(customersCsv(s).slice(1));
  const ids = new Set<string>();
  let bad = 0;
  for (const r of records) {
    const f = r.values;
    const dup = ids.has(f.customer_id);
    ids.add(f.customer_id);
    if (dup || f.name === '' || !isoPhone.test(f.phone) || !isoDate.test(f.first_purchase)) bad++;
  }
  return { rows: records.length, faults: bad };
}

describe('store database export', () => {
  it('is UTF-8 with a BOM and a header Excel and WPS read', () => {
    const csv = customersCsv(s);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('customer_id,name,phone,birthday,segment,level,first_purchase,last_purchase,purchases,total_spend,points,consent,opted_out,contribution,clv');
  });

  it("carries each customer's profit contribution and the store model's CLV, clean whatever the data quality", () => {
    const { records } = readCsvRecords(customersCsv(s).slice(1), ['customer_id', 'contribution', 'clv']);
    const byId = new Map(records.map((r) => [Number(r.values.customer_id.slice(1)), r.values]));
    expect(byId.size).toBeGreaterThan(50);
    let negative = 0;
    for (const [i, v] of byId) {
      expect(Number(v.contribution)).toBeCloseTo(s.c.contribution[i], 1);
      if (Number(v.contribution) < 0) negative++;
    }
    // Some customers cost more than they bring (unit 3: a big customer is not necessarily a good one).
    expect(negative).toBeGreaterThan(0);
    const clvs = [...byId.values()].filter((v) => v.clv !== '').map((v) => Number(v.clv));
    expect(clvs.length).toBeGreaterThan(0.5 * byId.size);
    expect(clvs.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
  });

  it('holds more duplicates, blanks and odd formats when the team invested little in information', () => {
    const poor = faults(0.1);
    const good = faults(0.95);
    expect(poor.faults / poor.rows).toBeGreaterThan(0.15);
    expect(good.faults / good.rows).toBeLessThan(0.1);
    expect(poor.faults / poor.rows).toBeGreaterThan(3 * (good.faults / good.rows));
  });

  it('lists every purchase the till recorded, and reads back cleanly when data quality is perfect', () => {
    s.store.dataQuality = 1;
    const { records, errors } = readCsvRecords(transactionsCsv(s).slice(1), ['customer_id', 'date', 'amount']);
    expect(errors).toEqual([]);
    let purchases = 0;
    for (let k = 0; k < s.log.length; k++) if (s.log.kind[k] === EventKind.Purchase) purchases++;
    expect(records.length).toBe(purchases);
    expect(records.every((r) => isoDate.test(r.values.date) && Number(r.values.amount) > 0)).toBe(true);
  });

  it('writes dates the ways people type them', () => {
    const d = daysFromCivil(2025, 9, 1);
    expect([0, 1, 2, 3].map((k) => formatDate(d, k))).toEqual(['2025-09-01', '2025/9/1', '20250901', '2025年9月1日']);
  });
});
