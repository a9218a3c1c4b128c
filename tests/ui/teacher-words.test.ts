// The teacher's page in the teacher's language: a flagged file's reason (worded in English by the ranking, for the
// command line) said in Chinese on the Chinese page, scenario files' problems located and translated, and a
// gradebook whose columns carry the table's own names in the page's language.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/analytics/csv';
import { gradebookCsv } from '../../src/run/gradebook';
import type { BoardRow, Leaderboard } from '../../src/run/leaderboard';
import { prefs } from '../../src/store/session';
import { gradebookLabels } from '../../src/ui/teacher';
import { reasonText } from '../../src/ui/teacher-reasons';
import { en } from '../../src/ui/locales/en';
import { zhCN } from '../../src/ui/locales/zh-CN';

const REASONS = [
  'season 3: satisfaction score 41.2 differs from the claimed 46.2',
  'season 2: state hash 1a2b3c4d differs from the claimed 00000000',
  'seed "other", the class plays "class-1"',
  'scenario gym-churn 0123456789ab, the class plays bubble-tea ba9876543210',
  '2 of 4 seasons played; a run is ranked only when finished',
  'same content as a.run.json',
  'engine version 4.0.0; this engine is 5.1.0, which verifies 5.x only',
  "the class's scenario and seed are undecided (a tie): state them",
  'bad.json:4:10 seasons: expected a whole number, found 2.5',
];

describe('flag reasons', () => {
  it('stay as they are on the English page', () => {
    prefs.setState({ lang: 'en' });
    for (const r of REASONS) expect(reasonText(r)).toBe(r);
  });

  it('are said in Chinese on the Chinese page, with their figures and places kept', () => {
    prefs.setState({ lang: 'zh-CN' });
    for (const r of REASONS) {
      const zh = reasonText(r);
      expect(zh, r).not.toBe(r);
      expect(zh, r).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, r).not.toMatch(/\b(differs|the class plays|seasons played|same content|undecided|expected)\b/);
    }
    expect(reasonText(REASONS[0])).toContain(zhCN['report.part.satisfaction']);
    expect(reasonText(REASONS[0])).toContain('41.2');
    expect(reasonText(REASONS[8])).toContain('bad.json:4:10');
  });
});

describe('the gradebook', () => {
  const row = (over: Partial<BoardRow>): BoardRow => ({
    name: 'x.json', team: 'T', status: 'ranked', reason: null, season: null, rank: 1, final: { total: 50, satisfaction: 60, loyalty: 40, churn: 30, profit: 20, residual: 55 },
    seasonTotals: [48, 52], possibleCopyOf: [], scenarioId: 'bubble-tea', scenarioHash: 'h', seed: 's', ...over,
  });
  const flagged = row({ name: 'y.json', status: 'other-seed', reason: 'seed "x", the class plays "s"', rank: null, final: null, seasonTotals: [] });
  const board = {
    expected: { scenarioHash: 'h', scenarioId: 'bubble-tea', seed: 's', seasons: 2, rule: '', undecided: null },
    rows: [row({}), flagged], ranked: [row({})], flagged: [flagged], copies: [], trajectories: [], counts: {},
  } as unknown as Leaderboard;

  for (const [lang, words] of [['en', en], ['zh-CN', zhCN]] as const) {
    it(`names its columns as the table does in ${lang}`, () => {
      prefs.setState({ lang });
      const { rows } = parseCsv(gradebookCsv(board, gradebookLabels()));
      const head = rows[0].fields;
      expect(head).toContain(words['teacher.rank']);
      expect(head).toContain(words['report.total']);
      expect(head).toContain(words['report.part.churn']);
      expect(head).toContain(words['report.part.residual']);
      expect(head).toContain(words['final.seasonLine'].replace('{n}', '2'));
      expect(head).not.toContain('churn');
      const y = rows.find((r) => r.fields.includes('y.json'))!.fields;
      expect(y).toContain(words['teacher.status.other-seed']);
      if (lang === 'zh-CN') expect(y.join(' ')).not.toContain('the class plays');
    });
  }

  it('keeps plain identifiers for the command line', () => {
    expect(gradebookCsv(board).startsWith('\uFEFFrank,team,file,final total,satisfaction,loyalty,churn,profit,residual,season 1 total')).toBe(true);
  });
});

describe('one term per concept in Chinese', () => {
  it('says 情景 and 客户 throughout', () => {
    const all = Object.values(zhCN).join('\n');
    expect(all).not.toContain('场景');
    expect(all).not.toContain('顾客');
  });
});
