import type { Leaderboard, LeaderboardOptions } from '../run/leaderboard';
import type { Submission } from '../run/zip';

// The teacher page's verification: the dropped files go to a Web Worker as they are (File objects, not yet
// read), which checks their sizes, reads and unpacks them, re-simulates each run file and ranks the class
// (pure, src/run/leaderboard.ts); progress comes back one file at a time. Nothing of it runs on the page's
// thread, and the teacher can cancel it: the worker is stopped where it is.

/** A dropped file: unread (a File or Blob, read in the worker), a run file's text, or a zip's bytes. */
export type ClassFile = Submission | { name: string; zip: Uint8Array } | { name: string; blob: Blob };

/** The leaderboard options a worker can receive (the shipped scenarios as a list of hashes). */
export type ClassOptions = Omit<LeaderboardOptions, 'knownScenarios'> & { knownScenarios?: readonly string[] };

export interface Verification {
  /** The ranked class, or null when it was cancelled. */
  done: Promise<Leaderboard | null>;
  cancel: () => void;
}

export function verifyClass(files: readonly ClassFile[], options: ClassOptions, onProgress: (done: number, total: number, name: string) => void): Verification {
  const worker = new Worker(new URL('./teacher.worker.ts', import.meta.url), { type: 'module' });
  let settle: (b: Leaderboard | null) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const done = new Promise<Leaderboard | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let total = 0;
  worker.onmessage = (e: MessageEvent<{ total?: number; done?: number; name?: string; board?: Leaderboard; error?: string }>) => {
    const m = e.data;
    if (m.board) {
      worker.terminate();
      settle(m.board);
    } else if (m.error !== undefined) {
      worker.terminate();
      fail(new Error(m.error));
    } else if (m.total !== undefined) {
      total = m.total;
      onProgress(0, total, '');
    } else if (m.done !== undefined) onProgress(m.done, total, m.name ?? '');
  };
  worker.onerror = (err) => {
    worker.terminate();
    fail(new Error(err.message || 'worker error'));
  };
  worker.postMessage({ files: [...files], options });
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}
