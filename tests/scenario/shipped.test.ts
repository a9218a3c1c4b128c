// Every scenario shipped in scenarios/ is a complete, bilingual course scenario, and the worked example in
// docs/scenarios.md is a valid file a teacher can copy.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { balanceWarnings } from '../../src/scenario/balance';
import { migrateScenario } from '../../src/scenario/migrate';
import { loadScenario } from '../../src/scenario/scenario';
import { Scenario } from '../../src/scenario/schema';
import { DecisionsFile } from '../../src/scenario/decisions';
import { loadText } from '../../src/scenario/load';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = readdirSync(join(root, 'scenarios'))
  .filter((f) => !f.startsWith('.'))
  .sort();

const MODELINE = '# yaml-language-server: $schema=../docs/scenario.schema.json';

describe('shipped scenarios', () => {
  it('are there: bubble-tea and at least four more', () => {
    expect(files).toContain('bubble-tea.yaml');
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const f of files) {
    describe(f, () => {
      const text = readFileSync(join(root, 'scenarios', f), 'utf8');
      const loaded = loadScenario(text, `scenarios/${f}`);

      it('is YAML with the schema modeline on line 1', () => {
        expect(f).toMatch(/\.yaml$/);
        expect(text.split('\n')[0]).toBe(MODELINE);
      });

      it('loads, with an id matching its file name', () => {
        if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`).join('\n'));
        expect(loaded.value.scenario.id).toBe(f.replace(/\.yaml$/, ''));
        expect(loaded.value.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(migrateScenario(parse(text)).ok).toBe(true);
      });

      it('is bilingual: title, story, goals, segment and event names in Chinese and English', () => {
        if (!loaded.ok) return;
        const sc = loaded.value.scenario;
        const both = (b: { zh: string; en: string }, what: string) => {
          expect(b.zh.trim(), `${what}.zh`).not.toBe('');
          expect(b.en.trim(), `${what}.en`).not.toBe('');
          expect(b.zh, `${what}.zh`).toMatch(/[\u4e00-\u9fff]/);
        };
        both(sc.title, 'title');
        both(sc.story, 'story');
        expect(sc.goals.length).toBeGreaterThan(0);
        sc.goals.forEach((g, k) => both(g, `goals.${k}`));
        sc.segments.forEach((g, k) => both(g.name, `segments.${k}.name`));
        sc.events.forEach((e, k) => e.name && both(e.name, `events.${k}.name`));
      });

      it('lists the course units it serves and has a teacher guide', () => {
        if (!loaded.ok) return;
        const sc = loaded.value.scenario;
        expect(sc.units.length).toBeGreaterThan(0);
        const guide = readFileSync(join(root, 'docs', 'teacher-guides', `${sc.id}.md`), 'utf8');
        for (const u of sc.units) expect(guide).toMatch(new RegExp(`(单元|Unit) ?${u}\\b`));
      });

      it('has no balance warnings and fits a quick class game (2,000–8,000 people)', () => {
        if (!loaded.ok) return;
        const sc = loaded.value.scenario;
        expect(balanceWarnings(sc)).toEqual([]);
        expect(sc.population.size).toBeGreaterThanOrEqual(2000);
        expect(sc.population.size).toBeLessThanOrEqual(8000);
      });
    });
  }
});

/** The fenced block right after `<!-- example: NAME -->` in a Markdown file. */
function example(markdown: string, name: string): string {
  const m = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`(?:yaml|json)\\n([\\s\\S]*?)\`\`\``).exec(markdown);
  if (!m) throw new Error(`no example "${name}"`);
  return m[1];
}

describe('documentation examples', () => {
  it('the worked example in docs/scenarios.md is a valid scenario without warnings', () => {
    const text = example(readFileSync(join(root, 'docs', 'scenarios.md'), 'utf8'), 'minimal');
    const r = loadScenario(text, 'docs/scenarios.md');
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`).join('\n'));
    expect(balanceWarnings(r.value.scenario)).toEqual([]);
    expect(Scenario.safeParse(parse(text)).success).toBe(true);
  });

  it('the example in docs/decisions.md is a valid decisions file', () => {
    const text = example(readFileSync(join(root, 'docs', 'decisions.md'), 'utf8'), 'decisions');
    const r = loadText(text, 'docs/decisions.md', DecisionsFile);
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`).join('\n'));
    expect(r.value.seasons.length).toBeGreaterThan(0);
  });
});
