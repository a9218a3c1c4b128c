import type { WeekStats } from '../sim';

// What the store view draws of a week, shared by the world view and the panel that explains it. One figure per
// visit, up to CROWD_CAP a week. The engine reports only a random sample of the week's visitors by name; those
// are the marked, clickable figures. The other figures stand for the remaining visits: they are drawn plain,
// with no stage, mood or file, because the store view does not know who they were.

/** Most figures the store view draws for one week. */
export const CROWD_CAP = 480;

export interface Roster {
  visits: number;
  /** Figures drawn this week. */
  shown: number;
  /** Of those, sampled customers drawn with their stage, mood and complaint, clickable. */
  marked: number;
  /** Of those, plain figures for the other visits. */
  anonymous: number;
}

export function roster(week: Pick<WeekStats, 'visits' | 'visitors'>): Roster {
  const shown = Math.min(CROWD_CAP, Math.max(week.visits, week.visitors.length));
  const marked = Math.min(shown, week.visitors.length);
  return { visits: week.visits, shown, marked, anonymous: shown - marked };
}

/**
 * Which sampled visitor the j-th marked figure shows. When more were sampled than can be drawn (the first week
 * of a game samples everyone), they are taken evenly across the sample rather than the first ones by id.
 */
export function markedVisitor(j: number, r: Roster, sampled: number): number {
  return r.marked === sampled ? j : Math.floor((j * sampled) / r.marked);
}
