import { createStore } from 'zustand/vanilla';
import type { Leaderboard } from '../run/leaderboard';
import { bundledScenarios } from '../store/scenarios';
import { verifyClass, type ClassFile, type ClassOptions, type Verification } from '../workers/class-verify';
import { parseScenarioOffThread } from '../workers/parse-host';
import { pickFile } from './dom';
import { describe } from './files';
import { pick, type Message } from './i18n';

// The teacher page's state: the class's files as last dropped (kept unread, so a change of scenario or seed
// verifies them again), the class scenario and seed as stated, the verification running in its worker and its
// progress, and the leaderboard. A verification still running when another starts is stopped and its result is
// never shown; one stopped because the page was left starts again when the page is shown again.

/** Words for the page: a message in the player's language, or text as it came (a file's own problem, say). */
export type Words = Message | string;

export interface TeacherState {
  board: Leaderboard | null;
  progress: { done: number; total: number; name: string } | null;
  seed: string;
  /** The class scenario as stated: its SHA-256 (or 8+ leading hex digits) and how to name it; '' = automatic. */
  scenarioHash: string;
  scenarioLabel: Words;
  notice: Words | null;
  files: ClassFile[] | null;
  job: Verification | null;
  /** Bumped by every verification started: a result that arrives after a newer start is dropped. */
  generation: number;
  /** Stopped because the page was left: verified again when it is shown again. */
  interrupted: boolean;
  /** The scenarios shipped with the game, read once. */
  shipped: { id: string; hash: string; title: { zh: string; en: string } }[] | null;
}

export const teacherStore = createStore<TeacherState>()(() => ({
  board: null,
  progress: null,
  seed: '',
  scenarioHash: '',
  scenarioLabel: '',
  notice: null,
  files: null,
  job: null,
  generation: 0,
  interrupted: false,
  shipped: null,
}));

export function shippedScenarios(): { id: string; hash: string; title: { zh: string; en: string } }[] {
  const { shipped } = teacherStore.getState();
  if (shipped) return shipped;
  const list = bundledScenarios().map((b) => ({ id: b.scenario.id, hash: b.hash, title: b.scenario.title }));
  teacherStore.setState({ shipped: list });
  return list;
}

function options(): ClassOptions {
  const { seed, scenarioHash } = teacherStore.getState();
  return { ...(seed ? { seed } : {}), ...(scenarioHash ? { scenarioHash } : {}), knownScenarios: shippedScenarios().map((x) => x.hash) };
}

/** Verifies the files last dropped; a verification still running is stopped, and its result never shown. */
function start(): void {
  const s = teacherStore.getState();
  if (!s.files) return;
  s.job?.cancel();
  const gen = s.generation + 1;
  const current = verifyClass(s.files, options(), (done, total, name) => {
    if (gen === teacherStore.getState().generation) teacherStore.setState({ progress: { done, total, name } });
  });
  teacherStore.setState({ generation: gen, job: current, board: null, notice: null, interrupted: false, progress: { done: 0, total: s.files.length, name: '' } });
  current.done.then(
    (board) => {
      if (gen !== teacherStore.getState().generation) return;
      teacherStore.setState({ job: null, progress: null, board, notice: board ? null : { key: 'teacher.cancelled' } });
    },
    (err: Error) => {
      if (gen !== teacherStore.getState().generation) return;
      teacherStore.setState({ job: null, progress: null, notice: { key: 'teacher.failed', params: { reason: err.message } } });
    },
  );
}

/** The same files again, after the class scenario or seed changed. */
function again(): void {
  if (teacherStore.getState().files) start();
}

export function dropClassFiles(files: FileList | null): void {
  if (!files || files.length === 0) return;
  // Handed to the worker unread: it checks each size before reading anything.
  teacherStore.setState({ files: Array.from(files, (f): ClassFile => ({ name: f.name, blob: f })) });
  start();
}

export function cancelVerification(): void {
  teacherStore.getState().job?.cancel();
}

export function setClassSeed(seed: string): void {
  teacherStore.setState({ seed });
  again();
}

/** A shipped scenario chosen (its hash), or automatic (''). */
export function chooseClassScenario(hash: string): void {
  teacherStore.setState({ scenarioHash: hash, scenarioLabel: shippedScenarios().find((x) => x.hash === hash)?.id ?? '', notice: null });
  again();
}

/** A SHA-256, or its first 8 or more hex digits, typed by the teacher; anything else is refused with a notice. */
export function typeClassScenarioHash(typed: string): void {
  const v = typed.trim().toLowerCase();
  if (v !== '' && !/^[0-9a-f]{8,64}$/.test(v)) {
    teacherStore.setState({ notice: { key: 'teacher.hashInvalid', params: { found: v.slice(0, 80) } } });
    return;
  }
  teacherStore.setState({ scenarioHash: v, scenarioLabel: shippedScenarios().find((x) => v !== '' && x.hash.startsWith(v))?.id ?? '', notice: null });
  again();
}

/** The class scenario read from a scenario file (in a worker). */
export async function chooseClassScenarioFile(): Promise<void> {
  const picked = await pickFile('.yaml,.yml,.json');
  if (!picked) return;
  const r = await parseScenarioOffThread(picked.name, picked.text);
  // Located and in the page's language, as the title screen says a scenario file's problem.
  if (!r.ok) teacherStore.setState({ notice: describe(r.issues, 1) });
  else teacherStore.setState({ scenarioHash: r.value.hash, scenarioLabel: { key: 'teacher.scenarioFromFile', params: { id: pick(r.value.scenario.title) || r.value.scenario.id, file: picked.name } }, notice: null });
  again();
}

/** The page was left: a verification running is stopped, to start again when the page is shown again. */
export function pauseVerification(): void {
  const s = teacherStore.getState();
  if (!s.job) return;
  s.job.cancel();
  teacherStore.setState({ generation: s.generation + 1, job: null, progress: null, interrupted: true });
}

export function resumeVerification(): void {
  if (teacherStore.getState().interrupted) start();
}
