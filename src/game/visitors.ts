import type { Stage, WeekStats } from '../sim';

// Who the store view draws as this week's named visitors. The engine samples a visitor with their state at the end
// of the week, so a customer who came in and then left the store for good that same week is sampled as churned.
// Such a customer is no longer one of the store's customers on screen: the view leaves them out of the marked
// figures and the visitor list (their visit stays in the week's count, drawn plain like any visit the view cannot
// name). Pure, with no Phaser: the panels (src/ui/play.ts) and the world view use the same answer.

/**
 * The engine's churned stage. Typed by the engine's own constant, so a renumbering fails to compile; a value import
 * would put the engine's module into the store view's chunk and the page's first download.
 */
const CHURNED: (typeof Stage)['Churned'] = 5;

/** The week as the store view shows it: its sampled visitors without those who left for good during the week. */
export function shownWeek(w: WeekStats): WeekStats {
  if (!w.visitors.some((v) => v.stage === CHURNED)) return w;
  return { ...w, visitors: w.visitors.filter((v) => v.stage !== CHURNED) };
}

/** How many of the week's sampled visitors left the store for good that week (not drawn as named visitors). */
export function leftThisWeek(w: WeekStats): number {
  let n = 0;
  for (const v of w.visitors) if (v.stage === CHURNED) n++;
  return n;
}
