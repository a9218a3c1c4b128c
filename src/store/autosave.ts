import { z } from 'zod';
import { Decisions } from '../scenario/decisions';
import { RunFile } from '../run/runfile';

// The browser keeps the current run and the plan being edited after every change, so a reload loses nothing.
// Only the run (decisions) and the draft are stored; everything else is re-derived by replaying.

const KEY = 'customer-seasons/autosave/v1';
const PREFS_KEY = 'customer-seasons/prefs/v1';
// Apart from the game: it changes every week of a playback, and rewriting the whole run that often would cost more.
const PLAYBACK_KEY = 'customer-seasons/playback/v1';

const Saved = z.object({
  run: RunFile,
  draft: Decisions,
  phase: z.enum(['plan', 'play', 'report', 'final']),
});
export type Saved = z.output<typeof Saved>;

/** Where the player is in a season's playback. `hash` is that season's state hash: it ties the position to one run. */
const Playback = z.object({
  season: z.number().int().min(1),
  hash: z.string(),
  week: z.number().int().min(0),
  paused: z.boolean(),
  speed: z.number().positive().max(16),
});
export type Playback = z.output<typeof Playback>;

/** Storage full or disabled: the game goes on (export still works; a reload returns to the last good save). */
function put(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* nothing to do */
  }
}

export function saveGame(saved: Saved): void {
  put(KEY, saved);
}

export function loadSaved(): Saved | null {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return null;
    const parsed = Saved.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function clearSaved(): void {
  try {
    localStorage.removeItem(KEY);
    localStorage.removeItem(PLAYBACK_KEY);
  } catch {
    /* nothing to clear */
  }
}

export function savePrefs(p: { lang: string; speed: number }): void {
  put(PREFS_KEY, p);
}

export function loadPrefs(): { lang?: string; speed?: number } {
  try {
    return JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as { lang?: string; speed?: number };
  } catch {
    return {};
  }
}

export function savePlayback(p: Playback): void {
  put(PLAYBACK_KEY, p);
}

export function loadPlayback(): Playback | null {
  try {
    const parsed = Playback.safeParse(JSON.parse(localStorage.getItem(PLAYBACK_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
