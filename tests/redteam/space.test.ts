// The red-team search space is read from the Decisions schema: every field must be searchable (or excluded on
// purpose), numbers keep to their ranges, and whatever the search makes of a plan is one a class could play.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decisions, DecisionsFile } from '../../src/scenario/decisions';
import { loadScenario } from '../../src/scenario/scenario';
import type { Scenario } from '../../src/scenario/schema';
import { checkPlan } from '../../src/sim/economics';
import { planFile } from '../../src/redteam/format';
import { makeRng, randomPlan, candidateValues, coordinates, withValue } from '../../src/redteam/moves';
import { repairPlan } from '../../src/redteam/repair';
import { referencePlan } from '../../src/redteam/run';
import { EXCLUDED, fromUnit, leaves, pathKey, scenarioSpace, schemaTree, TEXT_DOMAINS, toUnit, type NumberNode } from '../../src/redteam/space';
import { ROOT } from '../sim/helpers';

const shipped: Scenario[] = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const r = loadScenario(readFileSync(join(ROOT, 'scenarios', f), 'utf8'), f);
    if (!r.ok) throw new Error(f);
    return r.value.scenario;
  });
const bubble = shipped.find((s) => s.id === 'bubble-tea') as Scenario;

describe('the search space', () => {
  it('covers every field of the Decisions schema: a new field is searched, or this test names it', () => {
    const all = leaves(schemaTree(Decisions));
    const fields = all.map((l) => pathKey(l.path));
    // Read straight from the schema, so a field added there is here without a change to the search.
    for (const f of ['acquisition.budget', 'tiers.levels.*.discount', 'care.audience.groups', 'retention.winBackTarget', 'survey.sample']) {
      expect(fields).toContain(f);
    }
    for (const { path, node } of all) {
      const key = pathKey(path);
      // Free text needs its values from the scenario (TEXT_DOMAINS); anything else left out must be meant.
      if (node.kind === 'text') expect(TEXT_DOMAINS, `no values for the text field ${key}`).toHaveProperty([key]);
      if (node.kind === 'excluded') expect(Object.keys(EXCLUDED), `${key}: ${node.reason}`).toContain(key);
    }
    // Every top-level area of a neutral season is in the tree.
    expect(Object.keys((schemaTree(Decisions) as { fields: object }).fields).sort()).toEqual(Object.keys(Decisions.parse({})).sort());
  });

  it('reads ranges, defaults and whole numbers from the schema, and caps what the budget pays for', () => {
    const space = scenarioSpace(bubble);
    const byKey = new Map(leaves(space.season).map((l) => [pathKey(l.path), l.node]));
    expect(byKey.get('pricing.discount')).toMatchObject({ kind: 'number', min: 0, max: 0.5, int: false, dflt: 0 });
    expect(byKey.get('staff.extraStaff')).toMatchObject({ kind: 'number', min: 0, int: true });
    expect(byKey.get('acquisition.target')).toMatchObject({ kind: 'choice', options: ['all', ...bubble.segments.map((g) => g.id)] });
    const budget = byKey.get('acquisition.budget') as NumberNode;
    expect(budget.schemaMax).toBe(1e8);
    expect(budget.max).toBeCloseTo(bubble.budgetPerSeason);
    expect(space.spending.map((f) => pathKey(f.path))).toEqual(expect.arrayContaining(['acquisition.budget', 'staff.training', 'survey.sample']));
    // Areas a scenario does not open are not searched.
    const gym = shipped.find((s) => s.id === 'gym-churn') as Scenario;
    expect(Object.keys(scenarioSpace(gym).season.fields).sort()).toEqual([...gym.levers, 'featured'].sort());
  });

  it('maps numbers to a 0–1 scale and back within their range (log scale for wide ranges)', () => {
    const narrow: NumberNode = { kind: 'number', min: 1, max: 60, schemaMax: 60, int: false };
    const wide: NumberNode = { kind: 'number', min: 0, max: 15000, schemaMax: 1e8, int: false };
    const ints: NumberNode = { kind: 'number', min: 0, max: 50, schemaMax: 50, int: true };
    for (const n of [narrow, wide, ints]) {
      expect(fromUnit(n, -1)).toBe(n.min);
      expect(fromUnit(n, 2)).toBe(n.max);
      for (let u = 0; u <= 1; u += 0.05) {
        const v = fromUnit(n, u);
        expect(v).toBeGreaterThanOrEqual(n.min);
        expect(v).toBeLessThanOrEqual(n.max);
        expect(Math.abs(fromUnit(n, toUnit(n, v)) - v)).toBeLessThanOrEqual(n.int ? 0 : Math.abs(v) * 0.01 + 1e-9);
      }
    }
    expect(Number.isInteger(fromUnit(ints, 0.37))).toBe(true);
    expect(fromUnit(wide, 0.5)).toBeLessThan(1000); // log scale: the middle is far below half the range
  });

  it('repairs every random plan and every move into one that checkPlan accepts, on every shipped scenario', () => {
    for (const sc of shipped) {
      const space = scenarioSpace(sc);
      const rng = makeRng(`space-test-${sc.id}`);
      const bases = [referencePlan(sc, 'textbook'), referencePlan(sc, 'passive')];
      for (let i = 0; i < 60; i++) {
        const plan = repairPlan(space, randomPlan(space, bases[i % 2], [0.1, 0.5, 1][i % 3], rng));
        expect(plan).toHaveLength(sc.seasons);
        for (const d of plan) expect(checkPlan(sc, d), `${sc.id}: ${JSON.stringify(d)}`).toEqual([]);
        const coords = coordinates(space.season, plan[0]);
        const c = coords[Math.floor(rng() * coords.length)];
        for (const v of candidateValues(c, plan[0], 0.3, rng)) {
          const moved = repairPlan(space, withValue(plan, c, v, i % 2 ? 'all' : 0, 0));
          for (const d of moved) expect(checkPlan(sc, d), `${sc.id} ${pathKey(c.path)}`).toEqual([]);
        }
      }
    }
  });

  it('writes a plan as a decisions file that leaves defaults out and reads back as the same plan', () => {
    const space = scenarioSpace(bubble);
    const rng = makeRng('file');
    for (let i = 0; i < 20; i++) {
      const plan = repairPlan(space, randomPlan(space, referencePlan(bubble, 'textbook'), 0.5, rng));
      const file = planFile(plan);
      expect(DecisionsFile.parse(JSON.parse(JSON.stringify(file))).seasons).toEqual(plan);
    }
    expect(planFile(referencePlan(bubble, 'passive')).seasons).toEqual(Array.from({ length: bubble.seasons }, () => ({})));
  });
});
