import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { balanceWarnings } from '../scenario/balance';
import { formatIssue, issueMessage, type LoadIssue } from '../scenario/issues';
import { loadText } from '../scenario/load';
import { messageZh } from '../scenario/messages-zh';
import { migrateScenario } from '../scenario/migrate';
import { fromParsed, loadScenario, type LoadedScenario } from '../scenario/scenario';
import { Scenario } from '../scenario/schema';
import { fail, runCli } from './fail';
import { args } from './io';

// npm run validate -- [--lang zh] FILE|DIR|GLOB...
// Checks scenario files as the game will read them. A valid file prints "OK <id> <sha256>" and any balance
// warnings; an invalid one prints each problem as "file:line:column field.path: expected …, found …".
// Exit code 0 when every file is valid, 2 when any is invalid or cannot be read.

export type Lang = 'en' | 'zh';

export type Checked =
  | { ok: true; file: string; loaded: LoadedScenario; warnings: { path: string; en: string; zh: string }[] }
  | { ok: false; file: string; issues: LoadIssue[] };

const SCENARIO_EXT = /\.(ya?ml|json)$/i;

/** Reads, migrates and checks one scenario text. Never throws. */
export function checkScenarioText(text: string, file: string): Checked {
  // 1. Text → data: size, binary content, YAML syntax and alias bombs, all located.
  const raw = loadText(text, file, z.unknown());
  if (!raw.ok) return { ok: false, file, issues: raw.issues };
  // 2. Format version: refuse files for another version before their fields confuse the schema.
  const migrated = migrateScenario(raw.value);
  if (!migrated.ok) {
    const pos = locate(text, ['version']);
    return { ok: false, file, issues: [{ file, line: pos?.line ?? 1, column: pos?.col ?? 1, path: 'version', message: migrated.message }] };
  }
  // 3. Schema, with located errors. An upgraded file no longer matches its text, so its errors carry paths only.
  let loaded: LoadedScenario;
  if (migrated.value === raw.value) {
    const r = loadScenario(text, file);
    if (!r.ok) return { ok: false, file, issues: placeMissing(text, r.issues) };
    loaded = r.value;
  } else {
    const parsed = Scenario.safeParse(migrated.value);
    if (!parsed.success) {
      return {
        ok: false,
        file,
        issues: parsed.error.issues.slice(0, 20).map((issue) => ({
          file,
          path: issue.path.map(String).join('.'),
          message: `${issueMessage(issue, migrated.value, [])} (after upgrading the file to the current format)`,
        })),
      };
    }
    loaded = fromParsed(parsed.data);
  }
  return { ok: true, file, loaded, warnings: balanceWarnings(loaded.scenario) };
}

function locate(text: string, path: (string | number)[]): { line: number; col: number } | undefined {
  try {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
    const node = doc.getIn(path, true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]);
  } catch {
    // fall through: no location
  }
  return undefined;
}

/** A missing field has no place in the file: point at the object that should hold it (or the first line). */
function placeMissing(text: string, issues: LoadIssue[]): LoadIssue[] {
  return issues.map((issue) => {
    if (issue.line) return issue;
    const path = issue.path === '' ? [] : issue.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    for (let n = path.length - 1; n >= 1; n--) {
      const pos = locate(text, path.slice(0, n));
      if (pos) return { ...issue, line: pos.line, column: pos.col };
    }
    return { ...issue, line: 1, column: 1 };
  });
}

/** Expands the command-line arguments: files as given, directories to their scenario files, simple globs. */
export function expandArgs(items: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const item of items) {
    let st;
    try {
      st = statSync(item);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found = walk(item);
      if (found.length === 0) missing.push(item);
      files.push(...found);
    } else if (st) {
      files.push(item);
    } else if (/[*?]/.test(item)) {
      const found = glob(item);
      if (found.length === 0) missing.push(item);
      files.push(...found);
    } else {
      missing.push(item);
    }
  }
  return { files, missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(...walk(p));
    else if (SCENARIO_EXT.test(name)) out.push(p);
  }
  return out;
}

/** A glob in the last path segment only (`scenarios/*`, `scenarios/*.yaml`), for shells that do not expand it. */
function glob(pattern: string): string[] {
  const dir = dirname(pattern);
  if (/[*?]/.test(dir)) return [];
  const re = new RegExp(
    '^' +
      basename(pattern)
        .split('')
        .map((ch) => (ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('') +
      '$',
  );
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of names) {
    if (!re.test(name) || name.startsWith('.')) continue;
    const p = join(dir, name);
    try {
      if (statSync(p).isDirectory()) out.push(...walk(p));
      else out.push(p);
    } catch {
      // vanished between listing and stat
    }
  }
  return out;
}

function readFile(file: string): { text: string } | { error: string } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'no such file' : (code ?? 'error') };
  }
}

/** One problem, one line: control characters (a line break inside a quoted field name) are shown escaped. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (ch) => JSON.stringify(ch).slice(1, -1));
}

const T = {
  en: {
    usage: 'expected one or more scenario files or directories, e.g. npm run validate -- scenarios/',
    lang: (v: string) => `--lang: expected "en" or "zh", found "${v}"`,
    missing: (f: string) => `${f}: cannot read: no such file, directory or matching files`,
    unreadable: (f: string, why: string) => `${f}: cannot read the file (${why})`,
    warning: 'warning',
    sameId: (id: string, other: string) => `the id "${id}" is also used by ${other}; the game tells scenarios apart by id`,
    summary: (ok: number, bad: number, warn: number) =>
      `${ok} valid, ${bad} invalid, ${warn} warning${warn === 1 ? '' : 's'}`,
    redteam: (f: string) => `next: look for loopholes in the scoring before a class does: npm run redteam -- --scenario ${f} --minutes 10`,
  },
  zh: {
    usage: '请给出一个或多个场景文件或目录，例如 npm run validate -- scenarios/',
    lang: (v: string) => `--lang：应为 "en" 或 "zh"，实际为 "${v}"`,
    missing: (f: string) => `${f}：无法读取：没有这个文件、目录或匹配的文件`,
    unreadable: (f: string, why: string) => `${f}：无法读取文件（${why === 'no such file' ? '文件不存在' : why}）`,
    warning: '警告',
    sameId: (id: string, other: string) => `id "${id}" 也被 ${other} 使用；游戏按 id 区分场景`,
    summary: (ok: number, bad: number, warn: number) => `${ok} 个有效，${bad} 个无效，${warn} 条警告`,
    redteam: (f: string) => `下一步：上课前先找出评分的漏洞：npm run redteam -- --scenario ${f} --minutes 10`,
  },
} as const;

function main(): number {
  const { values, positionals } = args({ lang: { type: 'string' }, quiet: { type: 'boolean' } }, true);
  const langArg = values.lang ?? 'en';
  if (langArg !== 'en' && langArg !== 'zh') fail(T.en.lang(langArg));
  const lang: Lang = langArg;
  const t = T[lang];
  if (positionals.length === 0) fail(t.usage);

  const { files, missing } = expandArgs(positionals);
  let bad = 0;
  let good = 0;
  let warnings = 0;
  for (const m of missing) {
    process.stderr.write(`${t.missing(m)}\n`);
    bad++;
  }
  const seen = new Map<string, string>();
  for (const file of files) {
    const read = readFile(file);
    if ('error' in read) {
      process.stderr.write(`${t.unreadable(file, read.error)}\n`);
      bad++;
      continue;
    }
    const r = checkScenarioText(read.text, file);
    if (!r.ok) {
      bad++;
      for (const issue of r.issues) {
        process.stderr.write(`${oneLine(formatIssue(lang === 'zh' ? { ...issue, message: messageZh(issue.message) } : issue))}\n`);
      }
      continue;
    }
    good++;
    const { scenario, hash } = r.loaded;
    console.log(`OK ${scenario.id} ${hash}`);
    const ws = [...r.warnings];
    const other = seen.get(scenario.id);
    if (other !== undefined) ws.push({ path: 'id', en: T.en.sameId(scenario.id, other), zh: T.zh.sameId(scenario.id, other) });
    else seen.set(scenario.id, file);
    if (values.quiet) continue;
    for (const w of ws) {
      warnings++;
      console.log(`${t.warning}: ${file}${w.path ? ` ${w.path}` : ''}: ${w[lang]}`);
    }
  }
  if (files.length + missing.length > 1) console.log(t.summary(good, bad, warnings));
  if (bad === 0 && good > 0 && !values.quiet) console.log(t.redteam(good > 1 ? 'FILE' : /\s/.test(files[0]) ? JSON.stringify(files[0]) : files[0]));
  return bad > 0 ? 2 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runCli(main);
