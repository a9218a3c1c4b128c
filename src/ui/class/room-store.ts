import { createStore } from 'zustand/vanilla';
import type { RunFile } from '../../run/runfile';
import type { Decisions } from '../../scenario/decisions';
import type { SeasonReport } from '../../sim';
import { session } from '../../store/session';
import { api, type Draft, type Result, type ServerReport, type Standing, type Team, type TeamView } from './api';
import type { LinkStatus, LiveMessage } from './live';
import { checkSeason, prepareSeason, teamRun, type HashCheck } from './room-preview';
import type { DraftSync } from './room-sync';
import { serverErrorText } from './server-error';

// The student room's state: what the server last said about the team (its TeamView, kept up to date by the live
// channel), the team's run file, which season the plan form is prepared for, the latest report and this
// computer's check of it. Everything here can be read again from the server: a reconnection's welcome replaces it.

export interface Room {
  code: string;
  token: string;
  link: LinkStatus;
  view: TeamView | null;
  receivedAt: number;
  /** The draft of the season being planned, as the server holds it. */
  draft: Draft | null;
  run: RunFile | null;
  /** The season the plan form is ready for (the engine loaded before it), or null. */
  planFor: number | null;
  report: { result: Result; report: ServerReport } | null;
  check: HashCheck | null;
  /** What the page shows: the plan, or the latest report. */
  showing: 'plan' | 'report';
  error: string | null;
  busy: boolean;
  /** The last plan of each season this computer saw (the practice season's check plays it). */
  lastPlans: Record<number, Decisions>;
  /** The page's engine holds one game at a time: loads for the plan and for the checks run one after another. */
  engine: Promise<unknown>;
}

export const roomStore = createStore<Room>()(() => ({
  code: '',
  token: '',
  link: 'connecting',
  view: null,
  receivedAt: Date.now(),
  draft: null,
  run: null,
  planFor: null,
  report: null,
  check: null,
  showing: 'plan',
  error: null,
  busy: false,
  lastPlans: {},
  engine: Promise.resolve(),
}));

const get = () => roomStore.getState();
const set = (p: Partial<Room>) => roomStore.setState(p);

/** The run file, read again when it lacks competition seasons before `season`. */
async function runWith(seasons: number): Promise<RunFile> {
  const held = get().run;
  if (held && held.seasons.length >= seasons) return held;
  const run = await teamRun(get().token);
  set({ run });
  return run;
}

/** Runs `work` once the engine is free; the engine's work never overlaps. */
function onEngine<T>(work: () => Promise<T>): Promise<T> {
  const next = get().engine.then(work, work);
  set({ engine: next.catch(() => undefined) });
  return next;
}

/** Readies the plan form for the team's draft season (once per season), then lays the draft in. */
export function preparePlan(sync: DraftSync): Promise<void> {
  return onEngine(async () => {
    const d = get().draft;
    if (!d || get().planFor === d.season) return;
    const run = await runWith(Math.max(0, d.season - 1));
    if (get().draft?.season !== d.season) return;
    // Prepared again in the same season (after a check used the engine): the edits in the form stay.
    const plan = sync.draft?.season === d.season ? session.getState().draft : d.decisions;
    await prepareSeason(run, d.season, plan);
    set({ planFor: d.season });
    sync.receive(get().draft ?? d);
  });
}

/** A team's state as the server sends it (the welcome, or a reading after an announcement). */
export function takeState(view: TeamView, sync: DraftSync): void {
  const before = get();
  const latest = view.latest;
  const newReport = latest && (!before.report || before.report.result.season !== latest.result.season || before.report.result.hash !== latest.result.hash);
  // The same report with its scores shown or hidden since: shown anew, without checking it again.
  const rescored = latest && before.report && !newReport && (before.report.report.score === null) !== (latest.report.score === null);
  set({ view, receivedAt: Date.now(), draft: view.draft, ...(newReport || rescored ? { report: latest } : {}), ...(latest ? {} : { report: null }) });
  if (view.draft) rememberPlan(view.draft);
  // A season that opened meanwhile is planned; a report that arrived meanwhile is shown until then.
  if (!view.draft) set({ showing: latest ? 'report' : 'plan' });
  else if (before.draft?.season !== view.draft.season) set({ showing: 'plan' });
  if (newReport && latest) void check(latest.result, sync);
  if (view.draft) {
    if (get().planFor === view.draft.season) sync.receive(view.draft);
    else void preparePlan(sync);
  }
}

function rememberPlan(d: Draft): void {
  set({ lastPlans: { ...get().lastPlans, [d.season]: d.decisions } });
}

/** Re-simulates the reported season here and compares the hash with the server's. */
async function check(result: Result, sync: DraftSync): Promise<void> {
  set({ check: null });
  if (result.season === 0 && result.played !== 'neutral' && !get().lastPlans[0]) {
    set({ check: { season: 0, server: result.hash, local: null, state: 'unchecked', reports: [] } });
    return;
  }
  const c = await onEngine(async () => {
    const run = result.season === 0 ? (get().run ?? (await runWith(0))) : await runWith(result.season);
    const plan = result.played === 'neutral' ? null : (get().lastPlans[0] ?? null);
    return checkSeason(run, result.season, result.hash, plan);
  });
  if (get().report?.result.season === result.season) set({ check: c });
  // The engine now holds the game after the reported season: a plan form prepared before is prepared again.
  set({ planFor: null });
  if (get().draft) await preparePlan(sync);
}

/** One live message. Announcements other than a draft or a report read the team's whole state again. */
export function onLive(m: LiveMessage, sync: DraftSync, reread: () => void): void {
  switch (m.type) {
    case 'welcome':
      return takeState(m.state as TeamView, sync);
    case 'draft': {
      const d = m.draft as Draft;
      const held = get().draft;
      if (held && (d.season !== held.season || d.version < held.version)) return;
      set({ draft: d });
      rememberPlan(d);
      if (get().planFor === d.season) sync.receive(d);
      return;
    }
    case 'report': {
      const r = { result: m.result as Result, report: m.report as ServerReport };
      const held = get().report?.result;
      // The same season again (the teacher showed or hid scores): replaced where it is, not shown over the plan.
      if (held && held.season === r.result.season && held.hash === r.result.hash) return set({ report: r });
      set({ report: r, showing: 'report' });
      void check(r.result, sync);
      return reread();
    }
    case 'standings':
      if (get().view) set({ view: { ...get().view!, standings: m.standings as Standing[] | null } });
      return;
    case 'roster': {
      const teams = m.teams as Team[];
      const v = get().view;
      if (v) set({ view: { ...v, team: teams.find((t) => t.id === v.team?.id) ?? v.team } });
      return reread();
    }
    case 'error':
      set({ error: serverErrorText(m, String(m.message)) });
      return;
    case 'season':
    case 'session':
      return reread();
  }
}

/** Sends the team's plan's change of state (submit or withdraw); the answer is the draft as the server now has it. */
async function planAction(sync: DraftSync, send: (d: Draft) => Promise<Draft>): Promise<void> {
  const d = get().draft;
  if (!d) return;
  set({ busy: true, error: null });
  try {
    const answer = await send(d);
    set({ draft: answer });
    sync.receive(answer);
  } catch (err) {
    set({ error: err instanceof Error ? err.message : String(err) });
  } finally {
    set({ busy: false });
  }
}

export function submitPlan(sync: DraftSync): Promise<void> {
  return planAction(sync, async (d) => {
    // Every edit typed so far is on the server before the plan is submitted.
    await sync.flush();
    const now = sync.draft ?? d;
    return api<Draft>('POST', '/api/team/submit', { token: get().token, body: { season: now.season, version: now.version } });
  });
}

export function withdrawPlan(sync: DraftSync): Promise<void> {
  return planAction(sync, (d) => api<Draft>('POST', '/api/team/withdraw', { token: get().token, body: { season: d.season } }));
}

/** This computer's reports for the report view: the seasons up to the reported one, when the check matched. */
export function localHistory(): SeasonReport[] | null {
  const c = get().check;
  return c && c.state === 'same' ? c.reports : null;
}
