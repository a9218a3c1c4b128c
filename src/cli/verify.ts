import { RunFile } from '../run/runfile';
import { verifyRun } from '../run/replay';
import { formatIssues, loadText } from '../scenario/load';
import { InputError, runCli, fail } from './fail';
import { args, readText } from './io';

// npm run verify -- RUNFILE...   exit 0: all valid; 1: some invalid; 2: unreadable input.

runCli(() => {
  const { positionals } = args({}, true);
  if (positionals.length === 0) fail('expected one or more run files, found none');
  let invalid = 0;
  let unreadable = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = readText(file);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      console.log(`${file}: unreadable: ${err.message}`);
      unreadable++;
      continue;
    }
    const loaded = loadText(text, file, RunFile);
    if (!loaded.ok) {
      console.log(`${file}: unreadable: ${formatIssues(loaded.issues.slice(0, 1))}`);
      unreadable++;
      continue;
    }
    const v = verifyRun(loaded.value);
    if (v.valid) {
      const total = v.final ? `, final score ${v.final.total}` : ' (unfinished)';
      console.log(`${file}: valid, ${v.seasons} season${v.seasons === 1 ? '' : 's'}${total}`);
    } else {
      invalid++;
      console.log(`${file}: invalid${v.season ? ` at season ${v.season}` : ''}: ${v.reason}`);
    }
  }
  return unreadable > 0 ? 2 : invalid > 0 ? 1 : 0;
});
