import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckedEntry, RunEntry } from '../run/check';
import { isZipName, unzipRuns, ZIP_LIMITS, type Submission } from '../run/zip';
import { terminalJson } from '../run/terminal';
import { fail, runCli } from './fail';
import { loadScenario } from '../scenario/scenario';
import { args, DEFAULT_SCENARIO, readText, writeText } from './io';

// npm run leaderboard -- DIR_OR_FILES... [--csv OUT] [--md OUT] [--seed S] [--scenario-hash H] [--threads N] [--json]
// --threads N: check on N threads; by default one, and a second (if the machine has two cores) from 101 files on.
// Re-simulates every run file (directories: their *.json files; zips: every file inside), ranks the class, lists flagged files with the
// reason and possible copies. Exit 0: all ranked; 1: some file flagged; 2: an argument cannot be read.

runCli(async () => {
  const { values, positionals } = args(
    {
      csv: { type: 'string' },
      md: { type: 'string' },
      seed: { type: 'string' },
      'scenario-hash': { type: 'string' },
      threads: { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  if (positionals.length === 0) fail('expected run files or directories of run files, found none');
  const hash = values['scenario-hash'];
  if (hash !== undefined && !/^[0-9a-fA-F]{8,64}$/.test(hash)) fail(`--scenario-hash: expected the scenario's SHA-256 in hex (at least its first 8 digits), found "${hash}"`);
  if (values.seed !== undefined && values.seed === '') fail('--seed: expected a non-empty seed, found an empty one');
  const threads = values.threads === undefined ? null : Number(values.threads);
  if (threads !== null && (!Number.isInteger(threads) || threads < 1 || threads > 64)) fail(`--threads: expected a whole number from 1 to 64, found "${values.threads}"`);

  const files = positionals.flatMap(expand);
  if (files.length === 0) fail(`${positionals.join(', ')}: expected run files (*.json), found none`);
  const t0 = performance.now();
  // Workers load the simulation while the files are read: starting a thread costs about a second.
  const n = threads === null ? Math.min(2, availableParallelism(), Math.ceil(files.length / WORKER_FILES)) : Math.min(threads, files.length);
  const workers = startWorkers(n - 1);
  let items: Submission[];
  try {
    items = files.flatMap(read);
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  // The simulation loads here, after the workers started loading theirs.
  const { checkParsed, parseRunText, PopulationCache, simulationPlan } = await import('../run/check');
  const { rankChecked } = await import('../run/leaderboard');
  const { gradebookCsv, gradebookMarkdown, formatLeaderboard } = await import('../run/gradebook');
  const cache = new PopulationCache();
  // Files of a zip that cannot be run files are flagged like unreadable files, in their place in the order.
  const entries = items.filter((x): x is RunEntry => 'text' in x);
  // Every file is parsed first: the cheap facts (the scenario and seed each claims, the work each asks for)
  // decide which are re-simulated, before any is.
  const parsed = entries.map((e) => parseRunText(e.text, e.name));
  const plan = simulationPlan(parsed.map((p) => (p.ok ? p.run : null)), { scenarioHash: hash, seed: values.seed });
  const results = await checkAll(entries, workers, (e, k) => checkParsed(e, parsed[k], cache, plan[k]), (k) => plan[k] === null);
  let next = 0;
  const checked = items.map((x): CheckedEntry => ('text' in x ? results[next++] : { name: x.name, ok: false, message: x.problem }));
  const board = rankChecked(checked, { scenarioHash: hash, seed: values.seed, knownScenarios: shippedScenarios });
  const seconds = (performance.now() - t0) / 1000;

  if (values.csv) writeText(values.csv, gradebookCsv(board));
  if (values.md) writeText(values.md, gradebookMarkdown(board));
  if (values.json) console.log(terminalJson(JSON.stringify(board, null, 1)));
  else {
    process.stdout.write(formatLeaderboard(board));
    console.log('');
    console.log(`Verified ${items.length} file${items.length === 1 ? '' : 's'} in ${seconds.toFixed(2)} s; ${board.ranked.length} ranked, ${board.flagged.length} flagged.`);
  }
  return board.flagged.length > 0 ? 1 : 0;
});

/** A run file's text, or a zip's files (a zip that cannot be opened safely stops the command, exit 2). */
function read(file: string): Submission[] {
  if (!isZipName(file)) return [{ name: file, text: readText(file) }];
  let bytes: Uint8Array;
  let size: number;
  try {
    size = statSync(file).size;
    // Refused by size before it is read into memory; unzipRuns applies the same limit.
    bytes = size > ZIP_LIMITS.zipBytes ? new Uint8Array(0) : readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
  }
  if (size > ZIP_LIMITS.zipBytes) fail(`${file}: the zip is ${Math.round(size / (1024 * 1024))} MB, the limit is ${ZIP_LIMITS.zipBytes / (1024 * 1024)} MB`);
  const unzipped = unzipRuns(bytes, file);
  return unzipped.ok ? unzipped.items : fail(unzipped.message);
}

/** SHA-256 of the scenarios shipped in scenarios/: read only when a vote tie needs them. */
function shippedScenarios(): string[] {
  const dir = dirname(DEFAULT_SCENARIO);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n));
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const r = loadScenario(readFileSync(join(dir, n), 'utf8'), n);
    return r.ok ? [r.value.hash] : [];
  });
}

/** A file as itself; a directory as its *.json files in name order (not recursive). */
function expand(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(`${path}: cannot read (${code === 'ENOENT' ? 'no such file or directory' : (code ?? 'error')})`);
  }
  if (!isDir) return [path];
  let names: string[];
  try {
    names = readdirSync(path);
  } catch (err) {
    return fail(`${path}: cannot list the directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return names
    .filter((n) => n.toLowerCase().endsWith('.json'))
    .sort()
    .map((n) => join(path, n))
    .filter((f) => statSync(f).isFile());
}

/**
 * Files per thread below which another thread does not pay for its start. A worker thread must load tsx and the
 * simulation and warm up on its own (one to four seconds of CPU on the course machine), while one thread checks
 * a class of 60 in about 3.5 s: threads help only for large batches, and only on a machine with idle cores.
 */
const WORKER_FILES = 100;

function startWorkers(n: number): Worker[] {
  if (n <= 0) return [];
  const workerUrl = new URL('./leaderboard-worker.ts', import.meta.url).href;
  // The worker is TypeScript: register tsx's loader in the thread before importing it.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl)}); });`;
  return Array.from({ length: n }, () => new Worker(boot, { eval: true }));
}

/**
 * Checks every entry on the main thread and the given workers. Each worker is kept two files ahead so it never
 * waits on the main thread. Results are stored by index, so the outcome does not depend on which thread
 * finished first.
 */
async function checkAll(entries: RunEntry[], workers: Worker[], check: (e: RunEntry, index: number) => CheckedEntry, simulate: (index: number) => boolean): Promise<CheckedEntry[]> {
  const results = new Array<CheckedEntry>(entries.length);
  let next = 0;
  // Files that are not simulated are done here at once: there is nothing to share out.
  const skip = () => {
    while (next < entries.length && !simulate(next)) {
      results[next] = check(entries[next], next);
      next++;
    }
  };
  const running = workers.map((w) => {
    let outstanding = 0;
    const feed = () => {
      skip();
      while (outstanding < 2 && next < entries.length) {
        const index = next++;
        outstanding++;
        w.postMessage({ index, ...entries[index] });
        skip();
      }
      if (outstanding === 0) w.postMessage(null);
    };
    return new Promise<void>((resolve, reject) => {
      w.on('message', (msg: { index: number; result: CheckedEntry }) => {
        results[msg.index] = msg.result;
        outstanding--;
        feed();
      });
      w.on('error', reject);
      w.on('exit', () => resolve());
      feed();
    });
  });
  // The main thread takes files too, yielding between them so the workers are fed promptly.
  while ((skip(), next < entries.length)) {
    const index = next++;
    results[index] = check(entries[index], index);
    if (workers.length > 0) await new Promise((r) => setImmediate(r));
  }
  await Promise.all(running);
  return results;
}
