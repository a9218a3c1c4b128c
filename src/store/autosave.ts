import { z } from 'zod';
import { Decisions } from '../scenario/decisions';
import { RunFile } from '../run/runfile';

// The browser keeps the current run and the plan being edited after every change, so a reload loses nothing.
// Only the run (decisions) and the draft are stored; everything else is re-derived by replaying.

const KEY = 'customer-seasons/autosave/v1';
const PREFS_KEY = 'customer-seasons/prefs/v1';

const Saved = z.object({
  run: RunFile,
  draft: Decisions,
  phase: z.enum(['plan', 'play', 'report', 'final']),
});
export type Saved = z.output<typeof Saved>;

export function saveGame(saved: Saved): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage full or disabled: the game goes on; export still works.
  }
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
  } catch {
    /* nothing to clear */
  }
}

export function savePrefs(p: { lang: string; speed: number }): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(p));
  } catch {
    /* preferences are a convenience */
  }
}

export function loadPrefs(): { lang?: string; speed?: number } {
  try {
    return JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}') as { lang?: string; speed?: number };
  } catch {
    return {};
  }
}
