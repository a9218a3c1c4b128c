// Course areas opened season by season (`opens`, format version 2): what each season offers, how the scenario
// format checks the field, and the decisions validator that refuses a season changing an area not yet open, in
// one line naming the field and the season.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOpen, openAreas, opening, opensIn } from '../../src/scenario/areas';
import { canonicalJson } from '../../src/scenario/canonical';
import { closedAreaChange, closedAreaProblem, Decisions, DecisionsFile } from '../../src/scenario/decisions';
import { loadText } from '../../src/scenario/load';
import { loadScenario } from '../../src/scenario/scenario';
import { LEVER_AREAS, Scenario, type ScenarioInput } from '../../src/scenario/schema';
import { balanceWarnings } from '../../src/scenario/balance';
import { ROOT, shippedScenario, tinyInput } from '../sim/helpers';

const staged = (patch: Partial<ScenarioInput> = {}): Scenario =>
  Scenario.parse({ ...tinyInput(), version: 2, seasons: 3, opens: { care: 2, complaints: 3 }, ...patch });

const issuesOf = (input: unknown) => {
  const r = Scenario.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('which areas a season opens', () => {
  it('a scenario without opens opens every area of levers from season 1', () => {
    const sc = Scenario.parse({ ...tinyInput(), levers: ['care', 'survey'] });
    expect(openAreas(sc, 1)).toEqual(['care', 'survey']);
    expect(opensIn(sc, 'care')).toBe(1);
    expect(opensIn(sc, 'tiers')).toBeNull();
    expect(opening(sc, 2)).toEqual([]);
  });

  it('opens holds areas back until their season; an area not named opens in season 1', () => {
    const sc = staged();
    expect(openAreas(sc, 1)).toEqual(LEVER_AREAS.filter((a) => a !== 'care' && a !== 'complaints'));
    expect(openAreas(sc, 2)).toContain('care');
    expect(openAreas(sc, 2)).not.toContain('complaints');
    expect(openAreas(sc, 3)).toEqual([...LEVER_AREAS]);
    expect(opening(sc, 2)).toEqual(['care']);
    expect(opening(sc, 3)).toEqual(['complaints']);
    expect(isOpen(sc, 'care', 1)).toBe(false);
    expect(isOpen(sc, 'care', 2)).toBe(true);
  });
});

describe('the scenario format, version 2', () => {
  it('a version-1 file without the new fields reads as before: nothing is added to it, so its hash is kept', () => {
    const sc = Scenario.parse(tinyInput());
    expect(sc.version).toBe(1);
    expect('opens' in sc).toBe(false);
    expect('briefs' in sc).toBe(false);
    expect(canonicalJson(sc)).not.toMatch(/"opens"|"briefs"/);
  });

  it('opens and briefs need version 2', () => {
    expect(issuesOf({ ...tinyInput(), version: 1, opens: { care: 2 } })).toEqual(['version: expected 2 or later in a file that uses opens (format version 1 has no opens)']);
    expect(issuesOf({ ...tinyInput(), version: 1, briefs: [] })).toEqual(['version: expected 2 or later in a file that uses briefs (format version 1 has no briefs)']);
    expect(issuesOf({ ...tinyInput(), version: 2, opens: { care: 2 }, briefs: [] })).toEqual([]);
  });

  it('refuses an area that is never offered and an unknown area', () => {
    const base = { ...tinyInput(), version: 2, seasons: 3 };
    expect(issuesOf({ ...base, levers: ['care'], opens: { tiers: 2 } })).toEqual(['opens.tiers: expected no season for an area not in levers (care)']);
    expect(issuesOf({ ...base, opens: { carre: 2 } })[0]).toMatch(/^opens: /);
    expect(issuesOf({ ...base, opens: { care: 0 } })[0]).toMatch(/^opens\.care: /);
  });

  it('warns of a season or a brief after the last season, and a copy cut to fewer seasons still reads', () => {
    const brief = { situation: { zh: '形势', en: 'Situation' }, goal: { zh: '目标', en: 'Goal' } };
    const sc = Scenario.parse({ ...tinyInput(), version: 2, seasons: 3, opens: { care: 4 }, briefs: [brief, brief, brief, brief] });
    expect(balanceWarnings(sc).map((w) => w.path).filter((p) => p === 'opens.care' || p === 'briefs')).toEqual(['opens.care', 'briefs']);
    const tutorial = shippedScenario('tutorial').scenario;
    expect(Scenario.safeParse({ ...structuredClone(tutorial), seasons: 2 }).success).toBe(true);
  });

  it('a file names the place of a bad opens field, like any other field', () => {
    const text = readFileSync(join(ROOT, 'scenarios', 'tutorial.yaml'), 'utf8').replace('  care: 2\n', '  care: 0\n');
    const r = loadScenario(text, 'tutorial.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l === '  care: 0') + 1;
    expect(r.issues[0]).toMatchObject({ path: 'opens.care', line });
    expect(r.issues[0].message).toBe('expected a number ≥ 1, found 0');
  });
});

describe('the decisions validator and closed areas', () => {
  const sc = staged();

  it('accepts a season that leaves its closed areas at their defaults, and an empty audience as none', () => {
    expect(closedAreaChange(sc, 1, Decisions.parse({ acquisition: { budget: 500 }, staff: { extraStaff: 1 } }))).toBeNull();
    expect(closedAreaChange(sc, 1, Decisions.parse({ care: { audience: { groups: [] } } }))).toBeNull();
    expect(closedAreaChange(sc, 2, Decisions.parse({ care: { contactsPerMonth: 2 } }))).toBeNull();
  });

  it('finds the first field of a closed area that differs from its default, however small', () => {
    expect(closedAreaChange(sc, 1, Decisions.parse({ care: { channel: 'sms' } }))).toEqual({ season: 1, area: 'care', path: 'care.channel', opens: 2 });
    expect(closedAreaChange(sc, 2, Decisions.parse({ complaints: { escalateTopTier: false } }))).toMatchObject({ area: 'complaints', path: 'complaints.escalateTopTier', opens: 3 });
    const never = Scenario.parse({ ...tinyInput(), levers: ['care'] });
    expect(closedAreaChange(never, 1, Decisions.parse({ tiers: { levels: [{ threshold: 100 }] } }))).toMatchObject({ area: 'tiers', path: 'tiers.levels', opens: null });
  });

  it('refuses a decisions file with one line naming the field, the season and what to do', () => {
    const file = loadText('version: 2\nseasons:\n  - acquisition: { budget: 500 }\n  - care: { contactsPerMonth: 2 }\n  - complaints: { responseDays: 3 }\n', 'plan.yaml', DecisionsFile);
    if (!file.ok) throw new Error('the file should load');
    expect(closedAreaProblem(sc, file.value.seasons)).toBeNull();
    const early = loadText('seasons:\n  - {}\n  - complaints: { responseDays: 3 }\n', 'plan.yaml', DecisionsFile);
    if (!early.ok) throw new Error('the file should load');
    const line = closedAreaProblem(sc, early.value.seasons);
    expect(line).toBe(`seasons.1.complaints.responseDays: scenario ${sc.id} opens the complaints area in season 3; leave it at its default in season 2`);
    expect(line).not.toContain('\n');
    const never = Scenario.parse({ ...tinyInput(), levers: ['care'] });
    expect(closedAreaProblem(never, [Decisions.parse({ staff: { training: 100 } })])).toBe(
      `seasons.0.staff.training: scenario ${never.id} does not offer the staff area; leave it at its default in season 1`,
    );
  });
});

describe('the format-version-2 checks in Chinese', () => {
  it('every one of them reads in Chinese', async () => {
    const { messageZh } = await import('../../src/scenario/messages-zh');
    const base = { ...tinyInput(), seasons: 3 };
    for (const input of [
      { ...base, version: 1, opens: { care: 2 } },
      { ...base, version: 1, briefs: [] },
      { ...base, version: 2, levers: ['care'], opens: { tiers: 2 } },
    ]) {
      const r = loadScenario(JSON.stringify(input), 'shop.json');
      if (r.ok) throw new Error('expected a refusal');
      const zh = messageZh(r.issues[0].message);
      expect(zh, r.issues[0].message).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toMatch(/^expected|, found /);
    }
  });
});
