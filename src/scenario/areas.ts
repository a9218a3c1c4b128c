import { LEVER_AREAS, type LeverArea, type Scenario } from './schema';

// Which course areas a season opens. A scenario offers the areas of `levers`; `opens` may hold some of them back
// until a later season, so a class meets the course one area at a time. A scenario without `opens` (every
// version-1 file) opens every area of `levers` from season 1.

/** The season (from 1) an area opens in, or null when the scenario never offers it. */
export function opensIn(scenario: Pick<Scenario, 'levers' | 'opens'>, area: LeverArea): number | null {
  if (!scenario.levers.includes(area)) return null;
  return scenario.opens?.[area] ?? 1;
}

/** The areas open in `season` (from 1), in the order of LEVER_AREAS. */
export function openAreas(scenario: Pick<Scenario, 'levers' | 'opens'>, season: number): LeverArea[] {
  return LEVER_AREAS.filter((a) => {
    const s = opensIn(scenario, a);
    return s !== null && s <= season;
  });
}

/** Whether `area` is open in `season` (from 1). */
export function isOpen(scenario: Pick<Scenario, 'levers' | 'opens'>, area: LeverArea, season: number): boolean {
  const s = opensIn(scenario, area);
  return s !== null && s <= season;
}

/** The areas that open in exactly `season` (from 1): what a plan of the season before can announce. */
export function opening(scenario: Pick<Scenario, 'levers' | 'opens'>, season: number): LeverArea[] {
  return LEVER_AREAS.filter((a) => opensIn(scenario, a) === season && season > 1);
}
