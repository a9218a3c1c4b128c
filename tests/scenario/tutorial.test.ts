// The tutorial opens the course one area or two a season, in the course's order, and every shipped scenario
// briefs every season in both languages.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAreas, opening, opensIn } from '../../src/scenario/areas';
import { LEVER_AREAS, type LeverArea } from '../../src/scenario/schema';
import { ROOT, shippedScenario } from '../sim/helpers';

/** The course unit that teaches each area (docs/scenarios.md §5; pricing as the loyalty unit's member price). */
const UNIT: Record<LeverArea, number> = {
  acquisition: 3,
  information: 4,
  tiers: 5,
  care: 6,
  complaints: 6,
  staff: 7,
  survey: 7,
  points: 8,
  pricing: 8,
  retention: 9,
};

const ids = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

describe('the tutorial', () => {
  const sc = shippedScenario('tutorial').scenario;

  it('is small: four seasons, a market of 2,000', () => {
    expect(sc.seasons).toBe(4);
    expect(sc.population.size).toBeLessThanOrEqual(2000);
  });

  it('opens two or three areas in season 1 and every area by the last season', () => {
    expect(openAreas(sc, 1).length).toBeGreaterThanOrEqual(2);
    expect(openAreas(sc, 1).length).toBeLessThanOrEqual(3);
    expect(openAreas(sc, sc.seasons)).toEqual([...LEVER_AREAS]);
    for (let n = 2; n <= sc.seasons; n++) expect(opening(sc, n).length, `season ${n} opens something`).toBeGreaterThan(0);
  });

  it('opens the areas in the course order: no area opens before one taught in an earlier unit', () => {
    const order = [...LEVER_AREAS].sort((a, b) => (opensIn(sc, a) ?? 0) - (opensIn(sc, b) ?? 0) || UNIT[a] - UNIT[b]);
    const units = order.map((a) => UNIT[a]);
    expect(units).toEqual([...units].sort((a, b) => a - b));
  });
});

describe('season briefs', () => {
  for (const id of ids) {
    it(`${id}: one brief a season, its situation and goal in Chinese and English`, () => {
      const sc = shippedScenario(id).scenario;
      expect(sc.briefs?.length).toBe(sc.seasons);
      sc.briefs!.forEach((b, k) => {
        for (const part of [b.situation, b.goal]) {
          expect(part.zh, `${id} season ${k + 1}`).toMatch(/[\u4e00-\u9fff]/);
          expect(part.en.trim(), `${id} season ${k + 1}`).not.toBe('');
          expect(part.en, `${id} season ${k + 1}`).not.toMatch(/[\u4e00-\u9fff]/);
        }
      });
    });
  }
});
