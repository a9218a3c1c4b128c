// Hostile text: key floods, error floods, duplicate keys at the end of a large object and brackets inside text
// cost a bounded, small amount of work, are refused with a located reason, and never refuse an honest file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseRunText } from '../../src/run/check';
import { RunFile } from '../../src/run/runfile';
import { loadText, MAX_DEPTH, MAX_FILE_CHARS, MAX_NODES, scanStructure } from '../../src/scenario/load';
import { messageZh } from '../../src/scenario/messages-zh';
import { loadScenario } from '../../src/scenario/scenario';
import { ROOT } from '../sim/helpers';
import { bracketStory, errorFlood, honestRun, keyFloodJson, keyFloodYaml, lateDuplicateJson } from './generate';

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

/** Keys and list items of a parsed value, as the limit counts them. */
function count(v: unknown): number {
  if (Array.isArray(v)) return v.length + v.reduce((a: number, x) => a + count(x), 0);
  if (v && typeof v === 'object') return Object.keys(v).length + Object.values(v).reduce((a: number, x) => a + count(x), 0);
  return 0;
}

describe('key floods', () => {
  it('a 1.6 MB run file with 150,000 keys in one object is refused before parsing, in milliseconds', () => {
    const text = keyFloodJson(150_000);
    expect(text.length).toBeGreaterThan(1_500_000);
    const r = timed(() => parseRunText(text, 'flood.json'));
    expect(r.value.ok).toBe(false);
    if (r.value.ok) return;
    expect(r.value.message).toMatch(new RegExp(`^flood\\.json:1:\\d+: too many keys and list items: more than ${MAX_NODES} is refused$`));
    expect(r.ms).toBeLessThan(400);
  });

  it('a YAML map just under the limit parses in time linear in its keys (the duplicate-key check included)', () => {
    const small = keyFloodYaml(2_000);
    const large = keyFloodYaml(8_000);
    loadText(small, 'warm.yaml', RunFile);
    const a = timed(() => loadText(small, 'small.yaml', RunFile));
    const b = timed(() => loadText(large, 'large.yaml', RunFile));
    expect(b.value.ok).toBe(false);
    if (b.value.ok) return;
    // Quadratic work would make four times the keys cost sixteen times as much.
    expect(b.ms).toBeLessThan(1500);
    expect(b.ms / Math.max(a.ms, 5)).toBeLessThan(10);
  });

  it('an unknown-field flood names five fields and counts the rest', () => {
    const nested = loadText(`version: 1\ndecisions:\n  k0: 1\n${Array.from({ length: 9 }, (_, k) => `k${k}: 1`).join('\n')}\n`, 'x.yaml', RunFile);
    if (nested.ok) throw new Error('expected a refusal');
    expect(nested.issues[0].message).toMatch(/^unknown field "[^"]+"( \(did you mean "[^"]+"\?\))?(; unknown field "[^"]+"( \(did you mean "[^"]+"\?\))?){4}; 6 more unknown fields$/);
    expect(messageZh(nested.issues[0].message)).toMatch(/；另有 6 个未知字段$/);
  });

  it('a key repeated at the end of 9,000 keys is found, located, in linear time', () => {
    const text = lateDuplicateJson(9_000);
    const r = timed(() => parseRunText(text, 'dup.json'));
    expect(r.value.ok).toBe(false);
    if (r.value.ok) return;
    expect(r.value.message).toBe(`dup.json:1:${text.lastIndexOf('"k0"') + 1}: expected YAML or JSON: Map keys must be unique`);
    expect(r.ms).toBeLessThan(2000);
    // YAML too, in a nested map.
    const yaml = 'a:\n  b: 1\n  c:\n    d: 1\n    d: 2\n';
    const y = loadText(yaml, 'dup.yaml', RunFile);
    if (y.ok) throw new Error('expected a refusal');
    expect(y.issues[0]).toMatchObject({ line: 5, column: 5, message: 'expected YAML or JSON: Map keys must be unique' });
  });
});

describe('error floods', () => {
  it('a 2 MB file of empty seasons is refused at the key limit, quickly and in little memory', () => {
    const text = errorFlood(MAX_FILE_CHARS - 10);
    expect(text.length).toBeGreaterThan(2_000_000);
    const heap0 = process.memoryUsage().heapUsed;
    const r = timed(() => parseRunText(text, 'flood.json'));
    const heap = process.memoryUsage().heapUsed - heap0;
    expect(r.value.ok).toBe(false);
    if (r.value.ok) return;
    expect(r.value.message).toMatch(/too many keys and list items/);
    expect(r.ms).toBeLessThan(400);
    expect(heap).toBeLessThan(100 * 1024 * 1024);
  });

  it('a flood just under the key limit yields at most 20 located errors, fast', () => {
    const run = honestRun().run;
    const levers = Array.from({ length: MAX_NODES - 2_000 }, () => 'nonsense');
    const text = JSON.stringify({ ...run, scenario: { ...run.scenario, data: { ...run.scenario.data, levers } } });
    const r = timed(() => loadText(text, 'flood.json', RunFile));
    expect(r.value.ok).toBe(false);
    if (r.value.ok) return;
    expect(r.value.issues.length).toBeLessThanOrEqual(20);
    expect(r.value.issues[0].line).toBe(1);
    expect(r.ms).toBeLessThan(2000);
  });
});

describe('the pre-parse scan', () => {
  it('counts exactly the keys and list items of the shipped scenarios and of a run file', () => {
    const files = readdirSync(join(ROOT, 'scenarios')).map((f) => readFileSync(join(ROOT, 'scenarios', f), 'utf8'));
    for (const text of [...files, honestRun().text, JSON.stringify(honestRun().run)]) {
      const s = scanStructure(text);
      expect(s.deepAt).toBe(-1);
      expect(s.nodesAt).toBe(-1);
      // Empty lists count one (their "["): the scan may only over-count, by those.
      const exact = count(parseDocument(text).toJS());
      expect(s.nodes).toBeGreaterThanOrEqual(exact);
      expect(s.nodes - exact).toBeLessThanOrEqual(20);
    }
  });

  it('brackets inside strings and block text, and deeply indented block text, are not nesting', () => {
    const text = bracketStory(65);
    const r = loadScenario(text, 'story.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.value.scenario.story.zh).toBe('['.repeat(65));
    expect(r.value.scenario.story.en).toContain(`\n${' '.repeat(298)}and a deeply indented line`);
    const quoted = JSON.stringify({ team: '['.repeat(100), note: "it's [[[" });
    expect(scanStructure(quoted).deepAt).toBe(-1);
    expect(scanStructure(`a: it's [ [ [\nb: '${'{'.repeat(80)}'\nc: "x # ${'['.repeat(80)}"\n# ${'['.repeat(80)}\n`).deepAt).toBe(-1);
  });

  it('real nesting is still refused, located: flow brackets, JSON, block indentation', () => {
    const deep = `a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`;
    const r = loadText(deep, 'deep.yaml', RunFile);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.issues[0]).toMatchObject({ line: 1, column: 4 + MAX_DEPTH, message: `nesting deeper than ${MAX_DEPTH} levels is refused` });
    let json: unknown = 1;
    for (let k = 0; k <= MAX_DEPTH; k++) json = { x: json };
    expect(parseRunText(JSON.stringify(json), 'deep.json')).toMatchObject({ ok: false, message: expect.stringMatching(/nesting deeper than 64/) });
    let yaml = '';
    for (let k = 0; k < 140; k++) yaml += `${'  '.repeat(k)}k${k}:\n`;
    expect(loadText(yaml, 'deep.yaml', RunFile)).toMatchObject({ ok: false, issues: [{ line: 130, message: expect.stringMatching(/nesting deeper/) }] });
  });

  it('a flood hidden behind a quote that YAML reads as text is still counted', () => {
    // "a: text" continued on the next line by '"x': a plain scalar, not a quoted string.
    const lines = ['a: text', '  "x and more', ...Array.from({ length: MAX_NODES + 10 }, (_, k) => `k${k}: 1`), 'z: "'];
    expect(scanStructure(lines.join('\n')).nodesAt).toBeGreaterThan(0);
  });
});
