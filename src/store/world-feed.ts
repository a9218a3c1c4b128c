import type { Scenario } from '../scenario/schema';
import type { SeasonReport } from '../sim';
import { prefs, session } from './session';
import { selectCustomer, setPlayWeek } from './world-actions';

// What the store view (src/game) draws and whom it tells, and its two sources: the game's session (playing week
// by week) and the replay viewer's point in a run (one chosen week, played out once). The scene reads only this,
// so the same store can show the game in progress and a run being studied.

export interface WorldView {
  /** 'play': weeks advance while not paused; 'replay': the chosen week plays out once; otherwise the season's last week. */
  phase: string;
  /** Seasons reported so far; the last one is the season shown. */
  reports: readonly SeasonReport[];
  /** Week index within the last season. */
  playWeek: number;
  paused: boolean;
  scenario: Scenario | null;
  /** Extra staff in the season shown (tills open). */
  extraStaff: number;
  /** Playback speed multiplier. */
  speed: number;
}

export interface WorldFeed {
  view(): WorldView;
  /** Calls `changed` when the week, season or phase shown changes; returns the way to stop. */
  watch(changed: () => void): () => void;
  /** The scene moved the playback on to week `k` (only in the 'play' phase). */
  advance(k: number): void;
  /** A marked figure was clicked. */
  pick(id: number): void;
  /** The game's own store view: the browser tests' read-only hooks point at it, never at a replay's. */
  main?: boolean;
}

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
