import { z } from 'zod';
import { Decisions } from '../scenario/decisions';
import { RunFile } from '../run/runfile';
import { setPath } from '../scenario/paths';

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
/** A number typed into the plan and not yet committed (its field still has focus), so a reload keeps it. */
const PENDING_KEY = 'customer-seasons/autosave/pending/v1';

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

/**
 * While a page plays a game that is kept elsewhere (a class room: the class server keeps it), the session and the
 * number being typed are not saved: the browser's save is the self-study game's, and a class on a shared PC must
 * never replace it.
 */
let suspended = false;

export function suspendAutosave(on: boolean): void {
  suspended = on;
}

export function saveGame(saved: Saved): void {
  if (!suspended) put(KEY, saved);
}

/** Something a save could not keep, as a message key and its values: the page says it in the player's language. */
export interface SaveProblem {
  key: SaveProblemKey;
  params?: Record<string, string | number>;
}
export const SAVE_PROBLEM_KEYS = [
  'save.cutShort',
  'save.unreadable',
  'save.draftReset',
  'save.draftResetAll',
  'save.phaseReset',
  'save.otherEngine',
  'save.scenarioEdited',
  'save.claimsDiffer',
  'save.other',
] as const;
export type SaveProblemKey = (typeof SAVE_PROBLEM_KEYS)[number];

/**
 * What reading the autosave found: the game to resume (null if none could be), and what could not be kept.
 * Whenever anything was dropped, the save as it was is kept aside (damagedSave) so it can be downloaded and
 * nothing is lost for good.
 */
export interface SaveRead {
  saved: Saved | null;
  problems: SaveProblem[];
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
  const aside = (problems: SaveProblem[], saved: Saved | null): SaveRead => {
    if (damagedSave()?.text !== text) put(DAMAGED_KEY, { savedAt: new Date().toISOString(), problems, text });
    return { saved, problems };
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return aside([{ key: 'save.cutShort', params: { detail: (err as Error).message.split('\n')[0] } }], null);
  }
  const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const run = RunFile.safeParse(record.run);
  if (!run.success) {
    const issue = run.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return aside([{ key: 'save.unreadable', params: { detail: `${where}${issue.message}` } }], null);
  }
  const problems: SaveProblem[] = [];
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
    problems.push(dropped.length > 0 ? { key: 'save.draftReset', params: { areas: dropped.join(', ') } } : { key: 'save.draftResetAll' });
  }
  const phase = PHASES.find((p) => p === record.phase);
  if (!phase) problems.push({ key: 'save.phaseReset' });
  const saved: Saved = { run: run.data, draft: withPending(draft, run.data.seasons.length + 1), phase: phase ?? 'plan' };
  return problems.length > 0 ? aside(problems, saved) : { saved, problems };
}

export function loadSaved(): Saved | null {
  return readSave().saved;
}

/** A problem as stored beside a damaged save; anything else found there is kept as words under 'save.other'. */
function asProblem(p: unknown): SaveProblem {
  const v = p as Partial<SaveProblem> | null;
  if (v && typeof v === 'object' && SAVE_PROBLEM_KEYS.includes(v.key as SaveProblemKey)) return { key: v.key as SaveProblemKey, ...(v.params ? { params: v.params } : {}) };
  return { key: 'save.other', params: { detail: String(p) } };
}

/** The save as it was before anything was dropped from it, with why: for the player to download. */
export function damagedSave(): { savedAt: string; problems: SaveProblem[]; text: string } | null {
  try {
    const v = JSON.parse(localStorage.getItem(DAMAGED_KEY) ?? 'null') as { savedAt?: unknown; problems?: unknown; text?: unknown } | null;
    return v && typeof v.text === 'string' && Array.isArray(v.problems) ? { savedAt: String(v.savedAt ?? ''), problems: v.problems.map(asProblem), text: v.text } : null;
  } catch {
    return null;
  }
}

/** One number being typed into the plan of `season`, at its decision path, as the draft would hold it. */
export interface PendingEdit {
  season: number;
  path: string;
  value: number;
}

/** Kept on every keystroke; cleared (null) when the field commits its value to the plan. */
export function savePending(p: PendingEdit | null): void {
  if (suspended) return;
  if (p) put(PENDING_KEY, p);
  else {
    try {
      localStorage.removeItem(PENDING_KEY);
    } catch {
      /* nothing to clear */
    }
  }
}

/**
 * The plan of `season` with the number last typed into it, if that number was never committed and the plan
 * stays valid with it; otherwise the plan as saved. The typed number is part of the plan from here on.
 */
function withPending(draft: Decisions, season: number): Decisions {
  let pending: PendingEdit | null = null;
  try {
    pending = JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as PendingEdit | null;
  } catch {
    return draft;
  }
  if (!pending || pending.season !== season || typeof pending.path !== 'string' || typeof pending.value !== 'number') return draft;
  const edited = structuredClone(draft);
  try {
    setPath(edited, pending.path, pending.value);
  } catch {
    return draft;
  }
  const checked = Decisions.safeParse(edited);
  return checked.success ? checked.data : draft;
}

export function clearDamaged(): void {
  try {
    localStorage.removeItem(DAMAGED_KEY);
  } catch {
    /* nothing to clear */
  }
}

export function clearSaved(): void {
  if (suspended) return;
  try {
    localStorage.removeItem(KEY);
    localStorage.removeItem(PLAYBACK_KEY);
    localStorage.removeItem(PENDING_KEY);
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
  if (!suspended) put(PLAYBACK_KEY, p);
}

export function loadPlayback(): Playback | null {
  try {
    const parsed = Playback.safeParse(JSON.parse(localStorage.getItem(PLAYBACK_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
