import type { WorldFeed, WorldView } from '../game/feed';
import { prefs, session } from './session';
import { selectCustomer, setPlayWeek } from './world-actions';

// The store view's two sources: the game in progress (the session), and a fixed point of a run being studied.

/** Reused for every frame's read: the store view asks each frame, and allocation there is measurable. */
const seen: WorldView = { phase: 'title', reports: [], playWeek: 0, paused: false, scenario: null, extraStaff: 0, speed: 1 };

export const sessionFeed: WorldFeed = {
  view() {
    const s = session.getState();
    seen.phase = s.phase;
    seen.reports = s.reports;
    seen.playWeek = s.playWeek;
    seen.paused = s.paused;
    seen.scenario = s.scenario;
    seen.extraStaff = s.run?.seasons[s.run.seasons.length - 1]?.decisions.staff.extraStaff ?? 0;
    seen.speed = prefs.getState().speed;
    return seen;
  },
  watch(changed) {
    const stops = [session.subscribe((s) => s.playWeek, changed), session.subscribe((s) => s.phase, changed)];
    return () => stops.forEach((stop) => stop());
  },
  advance: setPlayWeek,
  pick: selectCustomer,
  main: true,
};

/** A feed whose view is set from outside (the replay viewer), with its own reaction to a clicked figure. */
export interface PointFeed extends WorldFeed {
  show(view: Omit<WorldView, 'phase' | 'paused' | 'speed'>): void;
}

export function pointFeed(pick: (id: number) => void): PointFeed {
  let current: WorldView = { phase: 'replay', reports: [], playWeek: 0, paused: false, scenario: null, extraStaff: 0, speed: 1 };
  const listeners = new Set<() => void>();
  return {
    view: () => {
      current.speed = prefs.getState().speed;
      return current;
    },
    watch(changed) {
      listeners.add(changed);
      return () => listeners.delete(changed);
    },
    advance: () => {},
    pick,
    show(view) {
      current = { ...view, phase: 'replay', paused: false, speed: 1 };
      listeners.forEach((l) => l());
    },
  };
}
