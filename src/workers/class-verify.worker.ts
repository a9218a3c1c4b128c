/// <reference lib="webworker" />
import { PopulationCache, type CheckedEntry, type RunEntry } from '../run/check';
import { checkClass, rankChecked } from '../run/leaderboard';
import { isZipName, unzipRuns, ZIP_LIMITS, type Submission } from '../run/zip';
import { MAX_FILE_CHARS } from '../scenario/load';
import type { ClassFile, ClassOptions } from './teacher';

// Verifies a class's run files by re-simulating each one, off the page's thread, then ranks them here too.
// Dropped files arrive unread: each is checked against its size limit before it is read (a run file of more than
// three bytes a character could never be within the limit; a zip over its limit is never opened), zips are
// unpacked here. Runs of one scenario and seed share the population, built once. The number of files (zips
// counted by their contents) is posted first, then each file's name as it is done, then the leaderboard.

const scope = self as unknown as DedicatedWorkerGlobalScope;
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

scope.onmessage = async (e: MessageEvent<{ files: ClassFile[]; options: ClassOptions }>) => {
  try {
    const items: Submission[] = [];
    for (const f of e.data.files) items.push(...(await expand(f)));
    scope.postMessage({ total: items.length });
    // Files first parsed, then re-simulated as the cheap facts decide (checkClass); problems keep their place.
    const entries = items.filter((x): x is RunEntry => 'text' in x);
    let done = items.length - entries.length;
    const results = checkClass(entries, e.data.options, cache, (_, name) => scope.postMessage({ done: ++done, name }));
    let next = 0;
    const checked = items.map((x): CheckedEntry => ('text' in x ? results[next++] : { name: x.name, ok: false, message: x.problem }));
    scope.postMessage({ board: rankChecked(checked, e.data.options) });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
