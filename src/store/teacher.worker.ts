/// <reference lib="webworker" />
import { checkEntry, PopulationCache, type CheckedEntry } from '../run/check';
import { unzipRuns, type Submission } from '../run/zip';
import type { ClassFile } from './teacher';

// Verifies a class's run files by re-simulating each one, off the page's thread. Zips are unpacked here too, so
// a large one never holds up the page. Runs of one scenario and seed share the population, built once. The
// number of files (zips counted by their contents) is posted first, then each result as it is done.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cache = new PopulationCache();

function expand(file: ClassFile): Submission[] {
  if (!('zip' in file)) return [file];
  const unzipped = unzipRuns(file.zip, file.name);
  return unzipped.ok ? unzipped.items : [{ name: file.name, problem: unzipped.message }];
}

scope.onmessage = (e: MessageEvent<{ files: ClassFile[] }>) => {
  const items = e.data.files.flatMap(expand);
  scope.postMessage({ total: items.length });
  items.forEach((item, index) => {
    const checked: CheckedEntry = 'text' in item ? checkEntry(item, cache) : { name: item.name, ok: false, message: item.problem };
    scope.postMessage({ index, checked });
  });
  scope.postMessage({ done: true });
};
