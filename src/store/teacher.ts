import type { CheckedEntry, RunEntry } from '../run/check';
import { rankChecked, type Leaderboard, type LeaderboardOptions } from '../run/leaderboard';

// The teacher page's verification: files go to a Web Worker that re-simulates each, progress comes back one file
// at a time, and the class is ranked from the checked results (pure, src/run/leaderboard.ts).

export function verifyClass(
  entries: readonly RunEntry[],
  options: LeaderboardOptions,
  onProgress: (done: number, total: number, name: string) => void,
): Promise<Leaderboard> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./teacher.worker.ts', import.meta.url), { type: 'module' });
    const checked: CheckedEntry[] = new Array(entries.length);
    let done = 0;
    worker.onmessage = (e: MessageEvent<{ index?: number; checked?: CheckedEntry; done?: boolean }>) => {
      if (e.data.done) {
        worker.terminate();
        resolve(rankChecked(checked, options));
        return;
      }
      if (e.data.index === undefined || !e.data.checked) return;
      checked[e.data.index] = e.data.checked;
      done++;
      onProgress(done, entries.length, entries[e.data.index].name);
    };
    worker.onerror = (err) => {
      worker.terminate();
      reject(new Error(err.message));
    };
    worker.postMessage({ entries: [...entries] });
  });
}
