import type { CheckedEntry } from '../run/check';
import { rankChecked, type Leaderboard, type LeaderboardOptions } from '../run/leaderboard';
import type { Submission } from '../run/zip';

// The teacher page's verification: files go to a Web Worker that unpacks zips and re-simulates each run file,
// progress comes back one file at a time, and the class is ranked from the checked results (pure,
// src/run/leaderboard.ts).

/** A dropped file: a run file's text, a zip's bytes (unpacked in the worker), or why it could not be read. */
export type ClassFile = Submission | { name: string; zip: Uint8Array };

export function verifyClass(
  files: readonly ClassFile[],
  options: LeaderboardOptions,
  onProgress: (done: number, total: number, name: string) => void,
): Promise<Leaderboard> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./teacher.worker.ts', import.meta.url), { type: 'module' });
    let checked: CheckedEntry[] = [];
    let done = 0;
    worker.onmessage = (e: MessageEvent<{ total?: number; index?: number; checked?: CheckedEntry; done?: boolean }>) => {
      if (e.data.total !== undefined) {
        checked = new Array<CheckedEntry>(e.data.total);
        onProgress(0, e.data.total, '');
        return;
      }
      if (e.data.done) {
        worker.terminate();
        resolve(rankChecked(checked, options));
        return;
      }
      if (e.data.index === undefined || !e.data.checked) return;
      checked[e.data.index] = e.data.checked;
      done++;
      onProgress(done, checked.length, e.data.checked.name);
    };
    worker.onerror = (err) => {
      worker.terminate();
      reject(new Error(err.message));
    };
    worker.postMessage({ files: [...files] });
  });
}
