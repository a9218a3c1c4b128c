import { writeCsv } from '../analytics/csv';
import { FLAG_TEXT, TIE_BREAK_RULE, type BoardRow, type Leaderboard } from './leaderboard';
import { terminalLine } from './terminal';

// The leaderboard as a teacher takes it away: a gradebook CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting, opens in
// Excel and WPS), a printable Markdown report, and a plain-text table for the terminal. Pure.

const PARTS = ['satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;

// Text from a submitted file (team names, file names, reasons) can start with "=", "+", "-" or "@", which a
// spreadsheet would run as a formula: writeCsv writes such text with a leading apostrophe (shown as text).
export { spreadsheetText } from '../analytics/csv';

function seasonCount(board: Leaderboard): number {
  return Math.max(board.expected.seasons, ...board.rows.map((r) => r.seasonTotals.length));
}

/**
 * The gradebook's words: its column headers, a file's status and reason. The command line's are fixed English
 * identifiers (for scripts); the teacher page passes the names its own table uses, in the page's language.
 */
export interface GradebookLabels {
  rank: string;
  team: string;
  file: string;
  total: string;
  parts: Record<(typeof PARTS)[number], string>;
  season: (n: number) => string;
  status: string;
  reason: string;
  copyOf: string;
  statusText: (status: BoardRow['status']) => string;
  reasonText: (reason: string) => string;
  /** Joins the files a row may be a copy of. */
  list: (files: readonly string[]) => string;
}

const PLAIN: GradebookLabels = {
  rank: 'rank',
  team: 'team',
  file: 'file',
  total: 'final total',
  parts: { satisfaction: 'satisfaction', loyalty: 'loyalty', churn: 'churn', profit: 'profit', residual: 'residual' },
  season: (n) => `season ${n} total`,
  status: 'status',
  reason: 'reason',
  copyOf: 'possible copy of',
  statusText: (s) => s,
  reasonText: (r) => r,
  list: (files) => files.join('; '),
};

/** One row per file: ranked files in rank order, then flagged files with their status and reason. */
export function gradebookCsv(board: Leaderboard, labels: GradebookLabels = PLAIN): string {
  const n = seasonCount(board);
  const header = [
    labels.rank,
    labels.team,
    labels.file,
    labels.total,
    ...PARTS.map((p) => labels.parts[p]),
    ...Array.from({ length: n }, (_, k) => labels.season(k + 1)),
    labels.status,
    labels.reason,
    labels.copyOf,
  ];
  const rows = board.rows.map((r) => [
    r.rank,
    r.team ?? '',
    r.name,
    r.final?.total,
    ...PARTS.map((p) => r.final?.[p]),
    ...Array.from({ length: n }, (_, k) => r.seasonTotals[k]),
    labels.statusText(r.status),
    r.reason === null ? '' : labels.reasonText(r.reason),
    labels.list(r.possibleCopyOf),
  ]);
  return writeCsv([header, ...rows]);
}

const md = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`<>[\]])/g, '\\$1');
const num = (x: number | undefined | null) => (x === undefined || x === null ? '' : x.toFixed(2));

/** A printable report: the rule, the ranking with season totals, flagged files, possible copies. */
export function gradebookMarkdown(board: Leaderboard, title = 'Class leaderboard / 班级排行榜'): string {
  const n = seasonCount(board);
  const e = board.expected;
  const out: string[] = [`# ${md(title)}`, ''];
  out.push(`- Scenario / 情景: ${e.scenarioId ? md(e.scenarioId) : '—'} \`${e.scenarioHash ?? '—'}\``);
  out.push(`- Seed / 种子: ${e.seed === null ? '—' : `\`${e.seed.replace(/`/g, "'")}\``} (${md(e.rule)})`);
  out.push(`- Files / 文件: ${board.rows.length}; ranked / 上榜 ${board.ranked.length}; flagged / 标记 ${board.flagged.length}`);
  out.push(`- Order / 排序: ${md(TIE_BREAK_RULE)}`);
  out.push('');
  out.push('## Ranking / 排名', '');
  const seasonHeads = Array.from({ length: n }, (_, k) => `S${k + 1}`);
  out.push(`| # | Team / 团队 | Total / 总分 | ${PARTS.join(' | ')} | ${seasonHeads.join(' | ')} | File / 文件 | Possible copy of / 疑似抄袭 |`);
  out.push(`|${'---|'.repeat(3 + PARTS.length + n + 2)}`);
  for (const r of board.ranked) {
    const f = r.final;
    out.push(
      `| ${r.rank} | ${md(r.team ?? '')} | ${num(f?.total)} | ${PARTS.map((p) => num(f?.[p])).join(' | ')} | ${seasonHeads.map((_, k) => num(r.seasonTotals[k])).join(' | ')} | ${md(r.name)} | ${md(r.possibleCopyOf.join(', '))} |`,
    );
  }
  if (board.ranked.length === 0) out.push('', '_No file could be ranked. / 没有可排名的文件。_');
  if (board.flagged.length > 0) {
    out.push('', '## Flagged files / 被标记的文件', '');
    out.push('| File / 文件 | Team / 团队 | Flag / 标记 | Reason / 原因 |', '|---|---|---|---|');
    for (const r of board.flagged) out.push(`| ${md(r.name)} | ${md(r.team ?? '')} | ${r.status}: ${md(flagText(r))} | ${md(r.reason ?? '')} |`);
  }
  if (board.copies.length > 0) {
    out.push('', '## Possible copies / 疑似雷同', '');
    out.push('Pointed out for a look, not flagged: similar plans can be reached independently. / 仅供核查，不自动处理。', '');
    out.push('| File A | Team A | File B | Team B | Similarity / 相似度 | Notes / 备注 |', '|---|---|---|---|---|---|');
    for (const p of board.copies) {
      out.push(`| ${md(p.a)} | ${md(p.teamA)} | ${md(p.b)} | ${md(p.teamB)} | ${p.identical ? 'identical / 完全相同' : p.sameOutcome ? 'identical outcomes / 结果完全相同' : `${(100 * p.similarity).toFixed(1)}%`} | ${md(p.notes.join('; '))} |`);
    }
  }
  return out.join('\n') + '\n';
}

const flagText = (r: BoardRow) => (r.status === 'ranked' ? '' : FLAG_TEXT[r.status]);

/** Display width in a terminal: CJK and other wide characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)) ? 2 : 1;
  }
  return w;
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;
/** Control and reordering characters from a file never reach the terminal. */
const plain = (s: string) => terminalLine(s);

/** The ranking and the flagged files as aligned plain text. */
export function formatLeaderboard(board: Leaderboard): string {
  const e = board.expected;
  const out: string[] = [];
  out.push(`Scenario ${e.scenarioId ?? '—'} ${e.scenarioHash ? e.scenarioHash.slice(0, 12) : '—'}, seed ${e.seed === null ? '—' : `"${plain(e.seed)}"`} (${e.rule})`);
  out.push('');
  if (board.ranked.length === 0) out.push('No file could be ranked.');
  else {
    const n = seasonCount(board);
    const teamW = Math.min(30, Math.max(4, ...board.ranked.map((r) => displayWidth(plain(r.team ?? '')))));
    const head = `${padStart('#', 4)}  ${padEnd('team', teamW)} ${padStart('total', 7)}${PARTS.map((p) => padStart(p.slice(0, 6), 7)).join('')} ${Array.from({ length: n }, (_, k) => padStart(`S${k + 1}`, 6)).join('')}  file`;
    out.push(head);
    for (const r of board.ranked) {
      const f = r.final;
      const team = clip(plain(r.team ?? ''), teamW);
      const copy = r.possibleCopyOf.length > 0 ? `  (possible copy of ${r.possibleCopyOf.map(plain).join(', ')})` : '';
      out.push(
        `${padStart(String(r.rank), 4)}  ${padEnd(team, teamW)} ${padStart(num(f?.total), 7)}${PARTS.map((p) => padStart(num(f?.[p]), 7)).join('')} ${Array.from({ length: n }, (_, k) => padStart(num(r.seasonTotals[k]), 6)).join('')}  ${plain(r.name)}${copy}`,
      );
    }
    out.push('');
    out.push(`Order: ${TIE_BREAK_RULE}.`);
  }
  if (board.flagged.length > 0) {
    out.push('');
    out.push(`Flagged (${board.flagged.length}, not ranked):`);
    for (const r of board.flagged) out.push(`  ${plain(r.name)}${r.team ? ` [${plain(r.team)}]` : ''}: ${r.status}: ${plain(r.reason ?? '')}`);
  }
  if (board.copies.length > 0) {
    out.push('');
    out.push('Possible copies (for a look; not flagged):');
    for (const p of board.copies) {
      const how = p.identical ? 'identical decisions' : p.sameOutcome ? 'identical verified outcomes' : `${(100 * p.similarity).toFixed(1)}% of ${p.setLeaves} set decisions equal`;
      out.push(`  ${plain(p.a)} [${plain(p.teamA)}] ~ ${plain(p.b)} [${plain(p.teamB)}]: ${how}${p.notes.length > 0 ? ` (${plain(p.notes.join('; '))})` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

function clip(s: string, w: number): string {
  if (displayWidth(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return out + '…';
}
