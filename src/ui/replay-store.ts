import { createStore } from 'zustand/vanilla';
import type { RunFile } from '../run/runfile';
import type { SeasonReport } from '../sim';
import { createReplaySession, type ReplaySession } from '../store/replay-session';
import { parseRunOffThread } from '../workers/parse-host';
import { createWorkerHost } from '../workers/worker-host';
import { pickFile } from './dom';
import { describe, verdictReason } from './files';
import type { Message } from './i18n';
import { goTo } from './page';

// The replay viewer's state: the run being studied (checked by re-simulation, with its season reports), the
// point shown in it, and the viewer's own simulation session, a host of its own (its own Web Worker in the
// browser), so studying a run never touches the game in progress (nor its autosave).

export interface Study {
  file: { name: string; text: string };
  run: RunFile;
  reports: SeasonReport[];
}

interface ReplayState {
  study: Study | null;
  /** The point shown: a week counted over the seasons played, from 0. */
  point: number;
  problem: Message | null;
  busy: boolean;
  /** Made when first needed and kept: the state it holds is the run being studied. */
  sim: ReplaySession | null;
}

export const replayStore = createStore<ReplayState>()(() => ({ study: null, point: 0, problem: null, busy: false, sim: null }));

export function replaySession(): ReplaySession {
  const { sim } = replayStore.getState();
  if (sim) return sim;
  const made = createReplaySession(createWorkerHost());
  replayStore.setState({ sim: made });
  return made;
}

/** Opens a run file in the viewer (from the title screen, the debrief or the viewer itself) and shows the viewer. */
export async function studyRun(name: string, text: string): Promise<void> {
  replayStore.setState({ busy: true, problem: null, study: null });
  goTo('#/replay');
  // Read in a worker: a large or hostile file never holds up the page.
  let loaded: Awaited<ReturnType<typeof parseRunOffThread>>;
  try {
    loaded = await parseRunOffThread(name, text);
  } catch (err) {
    loaded = { ok: false, issues: [{ file: name, path: '', message: (err as Error).message }] };
  }
  if (!loaded.ok) {
    replayStore.setState({ busy: false, problem: { key: 'notice.importFailed', params: { reason: describe(loaded.issues, 1) } } });
    return;
  }
  const run = loaded.value;
  try {
    const opened = await replaySession().open(run);
    if (opened.ok && opened.reports.length === 0) replayStore.setState({ busy: false, problem: { key: 'replay.empty' } });
    else if (opened.ok) replayStore.setState({ busy: false, study: { file: { name, text }, run, reports: opened.reports }, point: 0 });
    else replayStore.setState({ busy: false, problem: { key: 'replay.tampered', params: { reason: verdictReason(opened.verdict) } } });
  } catch (err) {
    replayStore.setState({ busy: false, problem: { key: 'replay.failed', params: { reason: (err as Error).message } } });
  }
}

export async function chooseRunToStudy(): Promise<void> {
  const file = await pickFile('.json,application/json');
  if (file) await studyRun(file.name, file.text);
}

/** Weeks in the seasons played, and the first point of season `s` (0-based). */
export const startOf = (reports: readonly SeasonReport[], s: number) => reports.slice(0, s).reduce((a, r) => a + r.weeks, 0);

/** Shows point `p` of the run studied, kept within its weeks. */
export function showPoint(p: number): void {
  const { study } = replayStore.getState();
  if (!study) return;
  const total = startOf(study.reports, study.reports.length);
  replayStore.setState({ point: Math.max(0, Math.min(total - 1, p)) });
}

/** Season (0-based), week within it (0-based) and week of the game for a point. */
export function locate(reports: readonly SeasonReport[], p: number): { s: number; w: number; week: number } {
  let rest = p;
  for (let s = 0; s < reports.length; s++) {
    if (rest < reports[s].weeks) return { s, w: rest, week: reports[s].firstWeek + rest };
    rest -= reports[s].weeks;
  }
  const s = reports.length - 1;
  return { s, w: reports[s].weeks - 1, week: reports[s].firstWeek + reports[s].weeks - 1 };
}
