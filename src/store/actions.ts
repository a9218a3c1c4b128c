import { Decisions } from '../scenario/decisions';
import type { LoadedScenario } from '../scenario/scenario';
import { engineCompatible, newRun, type RunFile } from '../run/runfile';
import { contentHash } from '../scenario/canonical';
import { forkRun } from '../run/fork';
import { finalScore } from '../sim';
import type { Verdict } from '../run/replay';
import { clearSaved, readSave, saveGame, type SaveProblem } from './autosave';
import { getHost } from './host-instance';
import { resumePoint } from './playback';
import { initialSession, prefs, session, type Phase, type Session } from './session';

// Everything the UI and the world view may do to the session. Scenes and panels never touch the simulation;
// they call these, which run the host and publish plain results.

const need = getHost;

const UNDO_LIMIT = 100;

function persist(): void {
  const s = session.getState();
  if (!s.run || s.phase === 'title') return;
  saveGame({ run: s.run, draft: s.draft, phase: s.phase });
}

export async function startGame(loaded: LoadedScenario, seed: string, team: string): Promise<void> {
  session.setState({ busy: true, notice: null });
  const result = await need().load(loaded.scenario, seed, []);
  session.setState({
    ...initialSession(),
    phase: 'plan',
    scenario: loaded.scenario,
    scenarioHash: loaded.hash,
    run: newRun(loaded.scenario, loaded.hash, seed, team),
    featured: result.featured,
  });
  persist();
}

/** Applies an edit to the plan being prepared; every edit can be undone until the season is played. */
export function editDraft(change: (d: Decisions) => void): void {
  const s = session.getState();
  const next = structuredClone(s.draft);
  change(next);
  const parsed = Decisions.safeParse(next);
  if (!parsed.success) {
    session.setState({ notice: { key: 'notice.invalidEdit', params: { path: parsed.error.issues[0].path.join('.') } } });
    return;
  }
  session.setState({ draft: parsed.data, undo: [...s.undo, s.draft].slice(-UNDO_LIMIT), redo: [], notice: null });
  persist();
}

export function undoDraft(): void {
  const s = session.getState();
  const prev = s.undo[s.undo.length - 1];
  if (!prev) return;
  session.setState({ draft: prev, undo: s.undo.slice(0, -1), redo: [...s.redo, s.draft] });
  persist();
}

export function redoDraft(): void {
  const s = session.getState();
  const next = s.redo[s.redo.length - 1];
  if (!next) return;
  session.setState({ draft: next, redo: s.redo.slice(0, -1), undo: [...s.undo, s.draft] });
  persist();
}

/** Plays the planned season. Returns the plan's issues if it cannot be played, otherwise an empty list. */
export async function playSeason(): Promise<string[]> {
  const s = session.getState();
  if (!s.run || s.busy || s.phase !== 'plan') return [];
  session.setState({ busy: true, notice: null });
  const result = await need().step(s.draft);
  if ('issues' in result) {
    session.setState({ busy: false });
    return result.issues.map((i) => i.code);
  }
  const run: RunFile = {
    ...s.run,
    seasons: [...s.run.seasons, { decisions: s.draft, hash: result.hash, score: result.score }],
  };
  const reports = [...s.reports, result];
  if (run.seasons.length === run.scenario.data.seasons) run.final = { score: finalScore(reports.map((r) => r.score), run.scenario.data.scoring) };
  session.setState({
    run,
    reports,
    featured: result.featured,
    phase: 'play',
    playWeek: 0,
    busy: false,
    undo: [],
    redo: [],
    // The next season starts from this season's plan, minus answers to complaint cases already settled.
    draft: { ...s.draft, featured: [] },
  });
  persist();
  return [];
}

export function showReport(): void {
  session.setState({ phase: 'report' });
  persist();
}

export function continueAfterReport(): void {
  const s = session.getState();
  if (!s.run) return;
  const done = s.run.seasons.length >= s.run.scenario.data.seasons;
  go(done ? 'final' : 'plan');
}

export function go(phase: Phase): void {
  session.setState({ phase, notice: null });
  persist();
}

export function backToTitle(): void {
  clearSaved();
  session.setState(initialSession());
}

/** Verifies a run file by re-simulating it. The caller decides (asking the player) whether to open it. */
export function verifyImported(run: RunFile): Promise<Verdict> {
  return need().verify(run);
}

/**
 * Opens a verified run: replays its seasons and continues from where it ended. `at` places a playback of the
 * last season (resuming after a reload) in the same update, so the world never shows week 1 first.
 */
export async function openRun(run: RunFile, scenarioHash: string, phase?: Phase, at?: Pick<Session, 'playWeek' | 'paused'>): Promise<void> {
  session.setState({ busy: true });
  const decisions = run.seasons.map((x) => x.decisions);
  const result = await need().load(run.scenario.data, run.seed, decisions);
  const done = run.seasons.length >= run.scenario.data.seasons;
  const last = run.seasons[run.seasons.length - 1];
  session.setState({
    ...initialSession(),
    phase: phase ?? (done ? 'final' : 'plan'),
    scenario: run.scenario.data,
    scenarioHash,
    run,
    reports: result.reports,
    featured: result.featured,
    draft: last ? Decisions.parse({ ...last.decisions, featured: [] }) : Decisions.parse({}),
    ...at,
  });
  persist();
}

/** Restores the autosaved game, if any. */
export async function resume(): Promise<boolean> {
  const { saved, problems } = readSave();
  if (!saved) return false;
  // Mid-playback: back to the same week. A save from playback without a usable position opens the report.
  const at = resumePoint(saved);
  try {
    if (at) prefs.setState({ speed: at.speed });
    const phase = at ? 'play' : saved.phase === 'play' ? 'report' : saved.phase;
    await openRun(saved.run, saved.run.scenario.hash, phase, at ? { playWeek: at.week, paused: at.paused } : undefined);
    // What would keep this run from verifying at the teacher's is said now, not discovered there.
    const reasons = [...problems, ...wouldNotVerify(saved.run, session.getState().reports)];
    session.setState({ draft: saved.draft, ...(reasons.length > 0 ? { notice: { key: 'notice.saveRecovered', reasons } } : {}) });
    return true;
  } catch {
    clearSaved();
    session.setState(initialSession());
    return false;
  }
}

/** Why a resumed run would not verify: another engine, an edited scenario, or claims the replay does not match. */
export function wouldNotVerify(run: RunFile, reports: readonly { hash: string; score: { total: number } }[]): SaveProblem[] {
  if (!engineCompatible(run.engineVersion)) return [{ key: 'save.otherEngine', params: { version: run.engineVersion } }];
  if (contentHash(run.scenario.data) !== run.scenario.hash) return [{ key: 'save.scenarioEdited' }];
  const k = run.seasons.findIndex((s, i) => reports[i] !== undefined && (reports[i].hash !== s.hash || reports[i].score.total !== s.score.total));
  return k >= 0 ? [{ key: 'save.claimsDiffer', params: { n: k + 1 } }] : [];
}

export function answerFeatured(customer: number, choices: number[]): void {
  editDraft((d) => {
    d.featured = [...d.featured.filter((f) => f.customer !== customer), { customer, choices }];
  });
}

/**
 * What-if: a new run that keeps the first `atSeason` seasons of the current one and continues from there with
 * new decisions. The fork records its parent; the original can be exported first, it is not kept.
 */
export async function forkCurrent(atSeason: number): Promise<void> {
  const s = session.getState();
  if (!s.run) return;
  const fork = forkRun(s.run, atSeason, s.run.team);
  await openRun(fork, s.scenarioHash, 'plan');
  const next = s.run.seasons[atSeason]?.decisions;
  if (next) session.setState({ draft: Decisions.parse({ ...next, featured: [] }) });
  persist();
}
