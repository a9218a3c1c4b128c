import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import type { RunFile } from '../run/runfile';
import type { SeasonReport } from '../sim';
import type { SaveProblem } from './autosave';

// The session: the current run, its reports, the plan being edited (with undo), and where the player is in the
// flow. Plain data only; the simulation state itself lives in the host (a Web Worker in the browser).

export type Phase = 'title' | 'plan' | 'play' | 'report' | 'final';

export interface Session {
  phase: Phase;
  scenario: Scenario | null;
  scenarioHash: string;
  run: RunFile | null;
  reports: SeasonReport[];
  featured: number[];
  draft: Decisions;
  undo: Decisions[];
  redo: Decisions[];
  busy: boolean;
  /** Index into the last report's weeks while the season plays back in the world view. */
  playWeek: number;
  paused: boolean;
  /** Customer whose file the player asked to see (from the world or a list). */
  selected: number | null;
  /** The last problem, shown until the next action. */
  notice: Notice | null;
}

/** What a notice can say (message keys of the page's locale files). */
export type NoticeKey = 'notice.invalidEdit' | 'notice.saveRecovered' | 'notice.importFailed' | 'notice.importInvalid' | 'notice.scenarioInvalid';

/** A message for the player; `reasons`, each a message of its own, are said in the message's {reason}. */
export interface Notice {
  key: NoticeKey;
  params?: Record<string, string | number>;
  reasons?: SaveProblem[];
}

export function initialSession(): Session {
  return {
    phase: 'title',
    scenario: null,
    scenarioHash: '',
    run: null,
    reports: [],
    featured: [],
    draft: Decisions.parse({}),
    undo: [],
    redo: [],
    busy: false,
    playWeek: 0,
    paused: false,
    selected: null,
    notice: null,
  };
}

export const session = createStore<Session>()(subscribeWithSelector(() => initialSession()));

export interface Prefs {
  lang: 'zh-CN' | 'en';
  speed: number;
}

export const prefs = createStore<Prefs>()(subscribeWithSelector((): Prefs => ({ lang: 'zh-CN', speed: 1 })));
