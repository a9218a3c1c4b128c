import { loadPlayback, savePlayback, type Playback, type Saved } from './autosave';
import { prefs, session, type Session } from './session';

// A reload during a season's playback returns to the same week, paused or playing, at the same speed. The
// position is saved whenever it changes while a season plays back, and used on resume only if it belongs to the
// saved game's last season (same state hash) and the game was saved mid-playback.

function current(s: Session, speed: number): Playback | null {
  const last = s.run?.seasons[s.run.seasons.length - 1];
  if (s.phase !== 'play' || !last || !s.run) return null;
  return { season: s.run.seasons.length, hash: last.hash, week: s.playWeek, paused: s.paused, speed };
}

/** Starts saving the playback position; returns the function that stops it. */
export function watchPlayback(): () => void {
  const save = () => {
    const p = current(session.getState(), prefs.getState().speed);
    if (p) savePlayback(p);
  };
  const stops = [
    session.subscribe((s) => [s.phase, s.playWeek, s.paused, s.run] as const, save, {
      equalityFn: (a, b) => a.every((x, k) => x === b[k]),
    }),
    prefs.subscribe((p) => p.speed, save),
  ];
  return () => stops.forEach((stop) => stop());
}

/** The position to resume the saved game at, or null when the save was not taken mid-playback of its last season. */
export function resumePoint(saved: Saved, p: Playback | null = loadPlayback()): Playback | null {
  const last = saved.run.seasons[saved.run.seasons.length - 1];
  if (saved.phase !== 'play' || !p || !last) return null;
  if (p.season !== saved.run.seasons.length || p.hash !== last.hash) return null;
  const weeks = saved.run.scenario.data.weeksPerSeason;
  return { ...p, week: Math.min(p.week, weeks) };
}
