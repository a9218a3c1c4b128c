import { z } from 'zod';
import { Decisions } from '../scenario/decisions';
import { RunFile } from '../run/runfile';

// The browser keeps the current run and the plan being edited after every change, so a reload loses nothing.
// Only the run (decisions) and the draft are stored; everything else is re-derived by replaying. A save that is
// damaged, cut short, from another version or partly invalid is never dropped in silence: what is valid is
// recovered, the player is told what was not, and the save as it was is kept aside for download.

const KEY = 'customer-seasons/autosave/v1';
const PREFS_KEY = 'customer-seasons/prefs/v1';
// Apart from the game: it changes every week of a playback, and rewriting the whole run that often would cost more.
const PLAYBACK_KEY = 'customer-seasons/playback/v1';
/** A save that could not be read whole, kept as it was (for download) beside what was recovered from it. */
const DAMAGED_KEY = 'customer-seasons/autosave/damaged/v1';

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

/**
 * What reading the autosave found: the game to resume (null if none could be), and what could not be kept, in
 * words for the player. Whenever anything was dropped, the save as it was is kept aside (damagedSave) so it can
 * be downloaded and nothing is lost for good.
 */
export interface SaveRead {
  saved: Saved | null;
  problems: string[];
}

const PHASES = ['plan', 'play', 'report', 'final'] as const;

/**
 * Reads the autosave and recovers what is valid: the run is the game (without it there is nothing to resume);
 * the plan being edited is kept area by area (a bad value resets its area only); an unknown phase opens the plan.
 */
export function readSave(): SaveRead {
  let text: string | null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    return { saved: null, problems: [] };
  }
  if (!text) return { saved: null, problems: [] };
  const aside = (problems: string[], saved: Saved | null): SaveRead => {
    if (damagedSave()?.text !== text) put(DAMAGED_KEY, { savedAt: new Date().toISOString(), problems, text });
    return { saved, problems };
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return aside([`the save is damaged or cut short (${(err as Error).message.split('\n')[0]})`], null);
  }
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const run = RunFile.safeParse(record.run);
  if (!run.success) {
    const issue = run.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return aside([`the saved game cannot be read (${where}${issue.message})`], null);
  }
  const problems: string[] = [];
  const whole = Decisions.safeParse(record.draft);
  let draft: Decisions;
  if (whole.success) draft = whole.data;
  else {
    // Area by area: what is valid stays, what is not goes back to its default.
    const kept: Record<string, unknown> = {};
    const raw = record.draft && typeof record.draft === 'object' && !Array.isArray(record.draft) ? (record.draft as Record<string, unknown>) : {};
    const dropped: string[] = [];
    for (const [area, value] of Object.entries(raw)) {
      if (Decisions.safeParse({ ...kept, [area]: value }).success) kept[area] = value;
      else dropped.push(area);
    }
    draft = Decisions.parse(kept);
    problems.push(`the plan being edited had values that could not be read; ${dropped.length > 0 ? dropped.join(', ') : 'it'} went back to the defaults`);
  }
  const phase = PHASES.find((p) => p === record.phase);
  if (!phase) problems.push('the saved screen could not be read; the game opens at the plan');
  const saved: Saved = { run: run.data, draft, phase: phase ?? 'plan' };
  return problems.length > 0 ? aside(problems, saved) : { saved, problems };
}

export function loadSaved(): Saved | null {
  return readSave().saved;
}

/** The save as it was before anything was dropped from it, with why: for the player to download. */
export function damagedSave(): { savedAt: string; problems: string[]; text: string } | null {
  try {
    const v = JSON.parse(localStorage.getItem(DAMAGED_KEY) ?? 'null') as { savedAt?: unknown; problems?: unknown; text?: unknown } | null;
    return v && typeof v.text === 'string' && Array.isArray(v.problems) ? { savedAt: String(v.savedAt ?? ''), problems: v.problems.map(String), text: v.text } : null;
  } catch {
    return null;
  }
}

export function clearDamaged(): void {
  try {
    localStorage.removeItem(DAMAGED_KEY);
  } catch {
    /* nothing to clear */
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
