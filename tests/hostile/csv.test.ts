// Formula injection: every CSV the project writes (gradebook, customer database, till records, Analytics Lab
// export) goes through writeCsv's one guard, so no cell a spreadsheet opens can run as a formula.
import { describe, expect, it } from 'vitest';
import { parseCsv, spreadsheetText, writeCsv } from '../../src/analytics/csv';
import { gradebookCsv } from '../../src/run/gradebook';
import { rankRuns } from '../../src/run/leaderboard';
import { Decisions } from '../../src/scenario/decisions';
import { Scenario } from '../../src/scenario/schema';
import { newGame } from '../../src/sim/game';
import { customersCsv, transactionsCsv } from '../../src/host/database-export';
import { smallBubbleTea, playStep } from '../sim/helpers';

const FORMULAS = ['=HYPERLINK("http://x","click")', '@SUM(1)', '+1+2', '-1+2', '\t=5', '\r=5', ' =1+1', '＝1+1', '=cmd|\' /C calc\'!A0'];

/** Cells a spreadsheet would take for a formula: a formula character first (after blanks), and not a plain number. */
function dangerous(csv: string): string[] {
  return parseCsv(csv).rows.flatMap((r) => r.fields).filter((f) => /^\s*[=+\-@＝＋－＠]/.test(f) && !/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(f));
}

describe('one guard for every CSV', () => {
  it('writeCsv writes formula text with a leading apostrophe and leaves numbers alone', () => {
    const csv = writeCsv([['customer_id', 'amount'], ...FORMULAS.map((id, k) => [id, -k - 0.5]), ['-12.5', '3e5'], ['C001', 'ok']]);
    expect(dangerous(csv)).toEqual([]);
    const fields = parseCsv(csv).rows.slice(1).map((r) => r.fields);
    expect(fields.slice(0, FORMULAS.length).map((f) => f[0])).toEqual(FORMULAS.map((s) => `'${s}`));
    expect(fields[1][1]).toBe('-1.5');
    expect(fields.at(-2)).toEqual(['-12.5', '3e5']);
    expect(fields.at(-1)).toEqual(['C001', 'ok']);
    expect(spreadsheetText("'=already")).toBe("'=already");
  });

  it('the customer database: segment names from the scenario and phone numbers starting with "+"', () => {
    const base = smallBubbleTea(600);
    const scenario = Scenario.parse({ ...structuredClone(base), segments: base.segments.map((g, k) => ({ ...g, name: { zh: FORMULAS[k % FORMULAS.length], en: '@x' } })) });
    const s = newGame(scenario, 'formula');
    playStep(s, Decisions.parse({}));
    s.store.dataQuality = 0; // the messiest file: every phone style, "+86 …" included
    const csv = customersCsv(s);
    expect(csv).toMatch(/'\+86 /);
    expect(dangerous(csv)).toEqual([]);
    expect(dangerous(transactionsCsv(s))).toEqual([]);
  });

  it('the gradebook: team and file names', () => {
    const board = rankRuns(FORMULAS.map((name) => ({ name, text: JSON.stringify({ team: name }) })));
    const csv = gradebookCsv(board);
    expect(dangerous(csv)).toEqual([]);
    expect(parseCsv(csv).rows.length).toBe(FORMULAS.length + 1);
  });
});
