// Loading scenarios (and other YAML/JSON inputs): the bundled file loads; every kind of bad input becomes a
// located, one-line issue rather than an exception; hostile input is refused quickly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/scenario/canonical';
import { DecisionsFile } from '../../src/scenario/decisions';
import { formatIssue } from '../../src/scenario/issues';
import { formatIssues, loadText, MAX_FILE_CHARS } from '../../src/scenario/load';
import { loadScenario } from '../../src/scenario/scenario';
import { BUNDLED_FILE } from '../sim/helpers';

const text = readFileSync(BUNDLED_FILE, 'utf8');
const FILE = 'shop.yaml';

/** The first issue of a load that must fail, formatted as the command line prints it. */
function firstIssue(src: string): string {
  const r = loadScenario(src, FILE);
  if (r.ok) throw new Error('expected the load to fail');
  return formatIssue(r.issues[0]);
}

/** 1-based line of the first line of `src` that starts with `prefix`. */
const lineOf = (src: string, prefix: string) => src.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

describe('the bundled scenario', () => {
  it('loads, frozen, with the documented shape', () => {
    const r = loadScenario(text, BUNDLED_FILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { scenario, hash } = r.value;
    expect(scenario.id).toBe('bubble-tea');
    expect(scenario.seasons).toBe(4);
    expect(scenario.weeksPerSeason).toBe(13);
    expect(scenario.population.size).toBe(4000);
    expect(scenario.segments.map((g) => g.id)).toEqual(['students', 'staff', 'bargain-hunters']);
    expect(scenario.events).toHaveLength(5);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.isFrozen(scenario)).toBe(true);
    expect(Object.isFrozen(scenario.segments[0].purchase)).toBe(true);
    // Defaults are filled in.
    expect(scenario.levers).toHaveLength(10);
    expect(scenario.costs.contact.phone).toBe(3);
  });

  it('has the same hash whatever the formatting: comments, key order, JSON instead of YAML', () => {
    const a = loadScenario(text, 'a.yaml');
    const b = loadScenario(text.replace(/^#.*$/gm, '# another comment'), 'b.yaml');
    if (!a.ok || !b.ok) throw new Error('load failed');
    const reversed = Object.fromEntries(Object.entries(JSON.parse(canonicalJson(a.value.scenario))).reverse());
    const c = loadScenario(JSON.stringify(reversed, null, 3), 'c.json');
    if (!c.ok) throw new Error('load failed');
    expect(b.value.hash).toBe(a.value.hash);
    expect(c.value.hash).toBe(a.value.hash);
    const d = loadScenario(text.replace('budgetPerSeason: 9000', 'budgetPerSeason: 9001'), 'd.yaml');
    if (!d.ok) throw new Error('load failed');
    expect(d.value.hash).not.toBe(a.value.hash);
  });
});

describe('bad scenario files', () => {
  it('empty or blank file', () => {
    expect(firstIssue('')).toBe(`${FILE}: expected YAML or JSON content, found an empty file`);
    expect(firstIssue(' \n\t\n')).toBe(`${FILE}: expected YAML or JSON content, found an empty file`);
  });

  it('binary garbage', () => {
    expect(firstIssue('version: 1\n\u0000\u0001\u00ff')).toBe(`${FILE}: expected a text file (YAML or JSON), found binary data`);
    expect(firstIssue(String.fromCharCode(...Array.from({ length: 256 }, (_, k) => k)))).toMatch(/found binary data$/);
  });

  it('broken YAML, located at line:column', () => {
    expect(firstIssue('version: 1\nid: [bubble\nseasons: 4\n')).toMatch(/^shop\.yaml:3:1: expected YAML or JSON: .+$/);
    expect(firstIssue('version: 1\nseasons: 4\nseasons: 5\n')).toBe(`${FILE}:3:1: expected YAML or JSON: Map keys must be unique`);
    expect(firstIssue('{"version": 1,')).toMatch(/^shop\.yaml:\d+:\d+: expected YAML or JSON: /);
  });

  it('not an object at the top', () => {
    expect(firstIssue('- 1\n- 2\n')).toBe(`${FILE}:1:1: expected object, found a list of 2`);
    expect(firstIssue('42')).toBe(`${FILE}:1:1: expected object, found 42`);
  });

  it('wrong type: located, with the field path and "expected number"', () => {
    const src = text.replace('seasons: 4', 'seasons: four');
    expect(firstIssue(src)).toBe(`${FILE}:${lineOf(src, 'seasons:')}:10 seasons: expected number, found "four"`);
    const quoted = text.replace('seasons: 4', 'seasons: "4"');
    expect(firstIssue(quoted)).toBe(`${FILE}:${lineOf(quoted, 'seasons:')}:10 seasons: expected number, found "4"`);
    const nested = text.replace('r: 2.0, alpha: 6.0', 'r: lots, alpha: 6.0');
    expect(firstIssue(nested)).toMatch(/^shop\.yaml:\d+:\d+ segments\.0\.purchase\.r: expected number, found "lots"$/);
  });

  it('the one-line shape: file:line:column path: expected …, found …', () => {
    const shape = /^shop\.yaml:\d+:\d+ [\w.]+: expected [^\n]+, found [^\n]+$/;
    for (const src of [
      text.replace('seasons: 4', 'seasons: four'),
      text.replace('size: 4000', 'size: 4000.5'),
      text.replace('margin: 0.6', 'margin: 2'),
      text.replace('acquisitionChannel: social', 'acquisitionChannel: tv'),
      text.replace('kind: holiday', 'kind: festival'),
    ]) {
      expect(firstIssue(src)).toMatch(shape);
    }
    expect(firstIssue(text.replace('acquisitionChannel: social', 'acquisitionChannel: tv'))).toMatch(
      /segments\.0\.acquisitionChannel: expected one of "social", "flyers", "search", "referral", found "tv"$/,
    );
  });

  it('unknown field, with "did you mean"', () => {
    const top = text.replace('budgetPerSeason: 9000', 'budgetPerSeason: 9000\nbudgetPerSeasn: 3');
    expect(firstIssue(top)).toMatch(/^shop\.yaml:\d+:\d+: unknown field "budgetPerSeasn" \(did you mean "budgetPerSeason"\?\)$/);
    const nested = text.replace('share: 0.6', 'share: 0.6\n    shares: 0.6');
    const r = loadScenario(nested, FILE);
    if (r.ok) throw new Error('expected failure');
    expect(formatIssues(r.issues)).toMatch(/segments\.0: unknown field "shares" \(did you mean "share"\?\)/);
    // Nothing close: no suggestion.
    expect(firstIssue(text.replace('seasons: 4', 'seasons: 4\nzzzzzzzzzz: 1'))).toMatch(/unknown field "zzzzzzzzzz"$/);
  });

  it('a YAML alias bomb is refused quickly', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const k of 'bcdefghijklmnop') {
      bomb += `${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = k;
    }
    const t0 = performance.now();
    const issue = firstIssue(bomb);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(issue).toMatch(/^shop\.yaml: refused: /);
  });

  it('a few honest aliases are fine', () => {
    const src = text.replace('name: { zh: 在校学生, en: Students }', 'name: &n { zh: 在校学生, en: Students }').replace(
      'name: { zh: 教职工, en: Faculty and staff }',
      'name: *n',
    );
    const r = loadScenario(src, FILE);
    expect(r.ok).toBe(true);
  });

  it('a file over 2 MB is refused before parsing', () => {
    const huge = text + '\n#' + 'x'.repeat(MAX_FILE_CHARS);
    const t0 = performance.now();
    expect(firstIssue(huge)).toMatch(/^shop\.yaml: file too large: \d+ characters, the limit is 2097152$/);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(MAX_FILE_CHARS).toBe(2 * 1024 * 1024);
  });

  it('absurd numbers are refused with the limit', () => {
    const src = text.replace('seasons: 4', 'seasons: 1000000');
    expect(firstIssue(src)).toBe(`${FILE}:${lineOf(src, 'seasons:')}:10 seasons: expected a number ≤ 20, found 1000000`);
    expect(firstIssue(text.replace('size: 4000', 'size: 1e9'))).toMatch(/population\.size: expected a number ≤ 200000, found 1000000000$/);
    expect(firstIssue(text.replace('budgetPerSeason: 9000', 'budgetPerSeason: .inf'))).toMatch(/budgetPerSeason: expected number, found Infinity$/);
    expect(firstIssue(text.replace('budgetPerSeason: 9000', 'budgetPerSeason: .nan'))).toMatch(/budgetPerSeason: expected number, found NaN$/);
  });

  it('a negative budget is refused', () => {
    const src = text.replace('budgetPerSeason: 9000', 'budgetPerSeason: -5');
    expect(firstIssue(src)).toBe(`${FILE}:${lineOf(src, 'budgetPerSeason:')}:18 budgetPerSeason: expected a number ≥ 0, found -5`);
  });

  it('a missing required field names its path', () => {
    expect(firstIssue(text.replace(/^seasons: 4\n/m, ''))).toBe(`${FILE}:3:1 seasons: expected number, found nothing`);
  });

  it('reports at most 20 issues', () => {
    const r = loadScenario('version: 2\n' + Array.from({ length: 40 }, (_, k) => `f${k}: 1`).join('\n'), FILE);
    if (r.ok) throw new Error('expected failure');
    expect(r.issues.length).toBeGreaterThan(1);
    expect(r.issues.length).toBeLessThanOrEqual(20);
  });
});

describe('loadText with other schemas', () => {
  it('reads a decisions file in JSON and locates a violation', () => {
    const ok = loadText('{ "seasons": [ {}, { "pricing": { "discount": 0.1 } } ] }', 'd.json', DecisionsFile);
    expect(ok.ok && ok.value.seasons[1].pricing.discount).toBe(0.1);
    const bad = loadText('{\n  "seasons": [\n    { "pricing": { "discount": 0.9 } }\n  ]\n}', 'd.json', DecisionsFile);
    if (bad.ok) throw new Error('expected failure');
    expect(formatIssue(bad.issues[0])).toBe('d.json:3:32 seasons.0.pricing.discount: expected a number ≤ 0.5, found 0.9');
  });

  it('never throws, whatever the text', () => {
    for (const src of ['\ufeff', '%YAML 9.9\n---\na: 1', '---\n---\n', '!!binary AAAA', 'a: !!js/function "x"', ']]]', '"\\u']) {
      expect(() => loadText(src, 'x', DecisionsFile)).not.toThrow();
      expect(loadText(src, 'x', DecisionsFile).ok).toBe(false);
    }
  });
});
