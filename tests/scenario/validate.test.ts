// The validate command as a teacher uses it (tsx on src/cli/validate.ts), plus the pieces it is built from:
// format versions (migrate.ts), balance warnings (balance.ts) and the Chinese messages (messages-zh.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { balanceWarnings } from '../../src/scenario/balance';
import { loadText } from '../../src/scenario/load';
import { messageZh } from '../../src/scenario/messages-zh';
import { migrateScenario } from '../../src/scenario/migrate';
import { loadScenario } from '../../src/scenario/scenario';
import { Scenario, type ScenarioInput } from '../../src/scenario/schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The tsx binary directly (what `npx tsx` resolves to), so npm's own notices cannot mix into the output.
function validate(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  const r = spawnSync(tsx, [join(root, 'src', 'cli', 'validate.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const shipped = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function minimal(): ScenarioInput {
  return {
    version: 1,
    id: 'test-shop',
    title: { zh: '测试小店', en: 'Test shop' },
    seasons: 2,
    weeksPerSeason: 8,
    budgetPerSeason: 8000,
    population: { size: 1000, initialCustomers: 0.2 },
    segments: [
      {
        id: 'locals',
        name: { zh: '居民', en: 'Locals' },
        share: 1,
        purchase: { r: 1, alpha: 4 },
        dropout: { a: 1, b: 9 },
        spend: { p: 5, q: 5, gamma: 16 },
      },
    ],
  };
}

const BROKEN = `version: 1
id: Broken_Shop
title: { zh: 坏店, en: Broken }
seasons: 2.5
weeksPerSeason: 60
budgetPerSeason: 10000
population:
  size: 1000
  initalCustomers: 0.1
segments:
  - id: a
    name: { zh: 甲 }
    share: 1
    purchase: { r: 1, alpha: "x" }
    dropout: { a: 1, b: 3 }
    spend: { p: 5, q: 1, gamma: 10 }
    acquisitionChannel: tv
`;

describe('npm run validate', () => {
  it('accepts every shipped scenario with one "OK id hash" line each, hashes as the game computes them', () => {
    const files = shipped.map((f) => join('scenarios', f));
    const r = validate(files);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ok = r.stdout.split('\n').filter((l) => l.startsWith('OK '));
    expect(ok).toHaveLength(shipped.length);
    for (const f of files) {
      const loaded = loadScenario(readFileSync(join(root, f), 'utf8'), f);
      if (!loaded.ok) throw new Error(f);
      expect(ok).toContain(`OK ${loaded.value.scenario.id} ${loaded.value.hash}`);
    }
    for (const l of ok) expect(l).toMatch(/^OK [a-z0-9-]+ [0-9a-f]{64}$/);
  });

  it('takes a directory or an unexpanded glob and checks each file in it', () => {
    const d = validate(['scenarios']);
    expect(d.code).toBe(0);
    expect(d.stdout.split('\n').filter((l) => l.startsWith('OK '))).toHaveLength(shipped.length);
    const g = validate(['scenarios/*']);
    expect(g.code).toBe(0);
    expect(g.stdout.split('\n').filter((l) => l.startsWith('OK '))).toHaveLength(shipped.length);
  });

  it('reports every problem of an invalid file as file:line:column path: expected …, found …, and exits 2', () => {
    const file = write('broken.yaml', BROKEN);
    const r = validate([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).not.toMatch(/^OK /m);
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(7);
    for (const l of lines) expect(l).toMatch(new RegExp(`^${file.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:\\d+:\\d+ [\\w.]+: `));
    expect(r.stderr).toContain(`${file}:4:10 seasons: expected a whole number, found 2.5`);
    expect(r.stderr).toContain(`${file}:5:17 weeksPerSeason: expected a number ≤ 52, found 60`);
    expect(r.stderr).toMatch(/segments\.0\.acquisitionChannel: expected one of "social", .*found "tv"/);
    // A missing field points at the object that should hold it.
    expect(r.stderr).toMatch(/:12:\d+ segments\.0\.name\.en: expected string, found nothing/);
    // A typo in a field name gets a "did you mean".
    expect(r.stderr).toMatch(/population: unknown field "initalCustomers" \(did you mean "initialCustomers"\?\)/);
  });

  it('speaks Chinese with --lang zh', () => {
    const r = validate(['--lang', 'zh', write('broken-zh.yaml', BROKEN)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('seasons: 应为整数，实际为 2.5');
    expect(r.stderr).toContain('weeksPerSeason: 应为不大于 52 的数，实际为 60');
    expect(r.stderr).toContain('未知字段 "initalCustomers"（是不是想写 "initialCustomers"？）');
    expect(r.stderr).toContain('segments.0.name.en: 应为文本，实际为 缺少此项');
    expect(r.stderr).not.toMatch(/expected/);
    const w = validate(['--lang', 'zh', write('late-event.yaml', stringify({ ...minimal(), events: [{ week: 99, kind: 'holiday' }] }))]);
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/^警告: .*late-event\.yaml events\.0\.week: 事件 holiday 在第 99 周开始/m);
  });

  it('refuses files for another format version and says how to go on', () => {
    const v3 = write('v3.yaml', 'version: 3\nid: future\n');
    const r = validate([v3]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${v3}:1:10 version: this file is for format version 3; this game reads version 2: `);
    const none = validate([write('none.yaml', 'id: old\ntitle: { zh: 旧, en: Old }\n')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/:1:1 version: expected a format version \("version: 2" .*found nothing/);
  });

  it('prints balance warnings for a valid file and still exits 0', () => {
    const sc = { ...minimal(), events: [{ week: 40, kind: 'holiday' as const }], scoring: { satisfaction: 0, loyalty: 0, churn: 0, profit: 0, residual: 0 } };
    const file = write('smells.yaml', stringify(sc));
    const r = validate([file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK test-shop [0-9a-f]{64}$/m);
    expect(r.stdout).toContain(`warning: ${file} events.0.week: the holiday event starts in week 40, after the last week of the game (16`);
    expect(r.stdout).toContain(`warning: ${file} scoring: all scoring weights are 0`);
  });

  it('exits 2 when any file is missing, unreadable or invalid, but still checks the others', () => {
    const r = validate(['scenarios/bubble-tea.yaml', join(dir, 'nope.yaml'), write('empty.yaml', '')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^OK bubble-tea /m);
    expect(r.stderr).toContain('nope.yaml: cannot read');
    expect(r.stderr).toContain('empty.yaml: expected YAML or JSON content, found an empty file');
    const none = validate([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: expected one or more scenario files/);
  });
});

describe('migrateScenario', () => {
  it('passes the current version through unchanged', () => {
    const raw = { version: 2, id: 'x' };
    expect(migrateScenario(raw)).toEqual({ ok: true, value: raw });
  });
  it('reads a version-1 file as it is, version included: version 2 only added optional fields, so its hash stays', () => {
    const raw = { version: 1, id: 'x' };
    expect(migrateScenario(raw)).toEqual({ ok: true, value: { version: 1, id: 'x' } });
  });
  it('refuses a newer version with how to upgrade', () => {
    const r = migrateScenario({ version: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^this file is for format version 3; this game reads version 2: .*newer version/);
  });
  it('refuses a missing or malformed version', () => {
    for (const v of [{}, { version: '1' }, { version: 0 }, { version: 1.5 }, { version: null }]) {
      const r = migrateScenario(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/^expected a format version/);
    }
  });
  it('leaves non-objects to the schema check', () => {
    for (const v of [null, 3, 'text', [1, 2]]) expect(migrateScenario(v).ok).toBe(true);
  });
});

describe('balance warnings', () => {
  const parse = (x: unknown) => Scenario.parse(x);
  it('finds nothing wrong with a plain small shop', () => {
    expect(balanceWarnings(parse(minimal()))).toEqual([]);
  });
  it('flags a budget too small for any paid lever', () => {
    const w = balanceWarnings(parse({ ...minimal(), budgetPerSeason: 100 }));
    expect(w.map((x) => x.path)).toContain('budgetPerSeason');
  });
  it('flags a market with fewer than ten customers at the start', () => {
    const w = balanceWarnings(parse({ ...minimal(), population: { size: 40, initialCustomers: 0.1 } }));
    expect(w.map((x) => x.path)).toContain('population.initialCustomers');
  });
  it('flags a segment nobody can ever meet, and one that cannot be reached on its channel', () => {
    const sc = minimal();
    const seg = sc.segments[0];
    sc.segments = [seg, { ...seg, id: 'rare', share: 0.001 }];
    expect(balanceWarnings(parse(sc)).map((x) => x.path)).toContain('segments.1.share');
    const far = { ...minimal(), population: { size: 1000, initialCustomers: 0, walkInRate: 0 }, budgetPerSeason: 0, levers: ['care' as const] };
    expect(balanceWarnings(parse(far)).some((x) => x.path === 'segments.0' && /never/.test(x.en))).toBe(true);
    const dear = { ...minimal(), costs: { acquisition: { social: 5000 } } };
    expect(balanceWarnings(parse(dear)).map((x) => x.path)).toContain('costs.acquisition.social');
  });
  it('flags scoring weights that are all zero and events after the end', () => {
    const sc = { ...minimal(), events: [{ week: 17, kind: 'downturn' as const }], scoring: { satisfaction: 0, loyalty: 0, churn: 0, profit: 0, residual: 0 } };
    const paths = balanceWarnings(parse(sc)).map((x) => x.path);
    expect(paths).toEqual(expect.arrayContaining(['events.0.week', 'scoring']));
  });
  it('gives every warning in both languages', () => {
    const sc = { ...minimal(), budgetPerSeason: 1, population: { size: 20 }, events: [{ week: 500, kind: 'competitor-entry' as const, weeks: 3, strength: 0 }] };
    const ws = balanceWarnings(parse(sc));
    expect(ws.length).toBeGreaterThanOrEqual(4);
    for (const w of ws) {
      expect(w.en.length).toBeGreaterThan(10);
      expect(w.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('Chinese messages', () => {
  // Every kind of message issues.ts and load.ts produce, taken from real loads, must come out in Chinese.
  const cases: [string, string][] = [
    ['not a number', 'version: 1\nid: x\nseasons: "four"\n'],
    ['whole number', 'seasons: 2.5\n'],
    ['too small', 'seasons: 0\n'],
    ['too big', 'seasons: 99\n'],
    ['exclusive bound', 'segments: [{ share: 0 }]\n'],
    ['enum', 'levers: [magic]\n'],
    ['unknown fields', 'seasonz: 1\nbudgetPerSeasons: 1\n'],
    ['unknown field without a suggestion', 'zzzzzzzzzzzzzz: 1\n'],
    ['regex', 'id: "Not Valid"\n'],
    ['literal', 'version: 7\n'],
    ['too many items', `units: [${Array.from({ length: 11 }, () => 1).join(', ')}]\n`],
    ['too few items', 'segments: []\n'],
    ['too long', `title: { zh: "${'长'.repeat(4001)}", en: x }\n`],
    ['list', '- 1\n'],
    ['null', 'population: null\n'],
    ['empty', '   \n'],
    ['syntax', 'a: [\n'],
    ['binary', 'a\u0000b'],
  ];
  for (const [what, text] of cases) {
    it(`translates ${what}`, () => {
      const r = loadText(text, 'f.yaml', Scenario);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      for (const issue of r.issues) {
        const zh = messageZh(issue.message);
        expect(zh, issue.message).toMatch(/[\u4e00-\u9fff]/);
        expect(zh, issue.message).not.toMatch(/^expected|unknown field|, found /);
      }
    });
  }
  it('translates the format-version messages', () => {
    for (const raw of [{}, { version: 9 }, { version: 'one' }]) {
      const r = migrateScenario(raw);
      if (r.ok) throw new Error('expected a refusal');
      expect(messageZh(r.message)).toMatch(/^(缺少格式版本号|这个文件是第 9 版格式|格式版本号应为整数)/);
    }
  });
  it('keeps a message it does not know in English rather than losing it', () => {
    expect(messageZh('something new happened')).toBe('something new happened');
  });
});
