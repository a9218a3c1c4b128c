import type { Scenario } from '../scenario/schema';
import type { SeasonReport } from '../sim/report';

// What the store view draws and whom it tells: the game's session (playing week by week) or the replay
// viewer's point in a run (one chosen week, played out once). The scene reads only this, so the same store
// can show the game in progress and a run being studied.

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
