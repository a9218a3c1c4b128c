import { expose } from 'comlink';
import { PopulationCache, type CheckedEntry, type RunEntry } from '../run/check';
import { checkClass, rankChecked, type Leaderboard, type LeaderboardOptions } from '../run/leaderboard';
import { isZipName, unzipRuns, ZIP_LIMITS, type Submission } from '../run/zip';
import { MAX_FILE_CHARS } from '../scenario/load';
import { progressTeller } from './progress';

// Verifies a class's run files by re-simulating each one, off the page's thread, then ranks them here too.
// Dropped files arrive unread: each is checked against its size limit before it is read (a run file of more than
// three bytes a character could never be within the limit; a zip over its limit is never opened), zips are
// unpacked here. Runs of one scenario and seed share the population, built once. Progress is told first with the
// number of files (zips counted by their contents) and none done, then with each file's name as it is done; the
// leaderboard is the answer.

/** A dropped file: unread (a File or Blob, read here), a run file's text, or a zip's bytes. */
export type ClassFile = Submission | { name: string; zip: Uint8Array } | { name: string; blob: Blob };

/** The leaderboard options a worker can receive (the shipped scenarios as a list of hashes). */
export type ClassOptions = Omit<LeaderboardOptions, 'knownScenarios'> & { knownScenarios?: readonly string[] };

const cache = new PopulationCache();
const MB = (n: number) => `${Math.round((10 * n) / (1024 * 1024)) / 10} MB`;

async function expand(file: ClassFile): Promise<Submission[]> {
  if ('text' in file || 'problem' in file) return [file];
  let zip: Uint8Array;
  if ('zip' in file) zip = file.zip;
  else {
    const blob = file.blob;
    const zipped = isZipName(file.name) || blob.type === 'application/zip' || blob.type === 'application/x-zip-compressed';
    if (!zipped) {
      // UTF-8 takes at most three bytes for each character of the text's length.
      if (blob.size > 3 * MAX_FILE_CHARS) return [{ name: file.name, problem: `file too large: ${MB(blob.size)}, the limit of a run file is ${MB(MAX_FILE_CHARS)}` }];
      return [{ name: file.name, text: await blob.text() }];
    }
    if (blob.size > ZIP_LIMITS.zipBytes) return [{ name: file.name, problem: `the zip is ${MB(blob.size)}, the limit is ${MB(ZIP_LIMITS.zipBytes)}` }];
    zip = new Uint8Array(await blob.arrayBuffer());
  }
  const unzipped = unzipRuns(zip, file.name);
  return unzipped.ok ? unzipped.items : [{ name: file.name, problem: unzipped.message }];
}

export const classVerifyApi = {
  async verify(files: readonly ClassFile[], options: ClassOptions, onProgress: (done: number, total: number, name: string) => unknown): Promise<Leaderboard> {
    const progress = progressTeller(onProgress);
    const items: Submission[] = [];
    for (const f of files) items.push(...(await expand(f)));
    const total = items.length;
    progress.tell(0, total, '');
    // Files first parsed, then re-simulated as the cheap facts decide (checkClass); problems keep their place.
    const entries = items.filter((x): x is RunEntry => 'text' in x);
    let done = total - entries.length;
    const results = checkClass(entries, options, cache, (_, name) => progress.tell(++done, total, name));
    let next = 0;
    const checked = items.map((x): CheckedEntry => ('text' in x ? results[next++] : { name: x.name, ok: false, message: x.problem }));
    const board = rankChecked(checked, options);
    await progress.told();
    return board;
  },
};
export type ClassVerifyApi = typeof classVerifyApi;

expose(classVerifyApi);
