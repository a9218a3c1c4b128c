import { createStore } from 'zustand/vanilla';
import { compareInWorker } from '../workers/compare-host';
import type { CompareFile, CompareOutcome } from '../workers/compare-core';
import { pickFile } from './dom';

// The comparison page's state: the two run files chosen (one may come from the replay viewer or the debrief),
// and the comparison of them, worked out in a Web Worker.

export type Side = 'a' | 'b';
/** The comparison, a refusal, or the worker's failure. */
export type Shown = CompareOutcome | { ok: false; kind: 'failed'; message: string };

interface CompareState {
  files: Record<Side, CompareFile | null>;
  outcome: Shown | null;
  busy: boolean;
  /** Only the answer to the latest request is shown: choosing another file while one compares supersedes it. */
  request: number;
}

export const compareStore = createStore<CompareState>()(() => ({ files: { a: null, b: null }, outcome: null, busy: false, request: 0 }));

/** Puts a run file in slot A or B, e.g. the run being studied in the replay viewer. */
export function setCompareFile(side: Side, file: CompareFile): void {
  compareStore.setState((s) => ({ files: { ...s.files, [side]: file }, outcome: null }));
}

export async function chooseCompareFile(side: Side): Promise<void> {
  const picked = await pickFile('.json,application/json');
  if (picked) setCompareFile(side, picked);
}

/** Compares the two files chosen; the answer is shown only if no newer request (or a drop) came meanwhile. */
export async function compare(): Promise<void> {
  const { files, request } = compareStore.getState();
  const { a, b } = files;
  if (!a || !b) return;
  const mine = request + 1;
  compareStore.setState({ request: mine, busy: true, outcome: null });
  let result: Shown;
  try {
    result = await compareInWorker(a, b);
  } catch (err) {
    result = { ok: false, kind: 'failed', message: (err as Error).message };
  }
  if (mine !== compareStore.getState().request) return;
  compareStore.setState({ busy: false, outcome: result });
}

/** The page was left: the comparison running is dropped (its answer never shown); coming back compares again. */
export function dropComparison(): void {
  const s = compareStore.getState();
  if (s.busy) compareStore.setState({ request: s.request + 1, busy: false });
}
