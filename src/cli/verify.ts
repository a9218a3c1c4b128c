import { parseRunText } from '../run/check';
import { verifyRun } from '../run/replay';
import { terminalText } from '../run/terminal';
import { InputError, runCli, fail } from './fail';
import { args, readText } from './io';

// npm run verify -- RUNFILE...   exit 0: all valid; 1: some invalid; 2: unreadable input.

runCli(() => {
  const { positionals } = args({}, true);
  if (positionals.length === 0) fail('expected one or more run files, found none');
  // Reasons can quote the file (a team name, a segment id): nothing in it may act on the terminal.
  const say = (line: string) => console.log(terminalText(line));
  let invalid = 0;
  let unreadable = 0;
  for (const file of positionals) {
    let text: string;
    try {
      text = readText(file);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      say(`${file}: unreadable: ${err.message}`);
      unreadable++;
      continue;
    }
    const parsed = parseRunText(text, file);
    if (!parsed.ok) {
      say(`${file}: unreadable: ${parsed.message}`);
      unreadable++;
      continue;
    }
    const v = verifyRun(parsed.run);
    if (v.valid) {
      const total = v.final ? `, final score ${v.final.total}` : ' (unfinished)';
      say(`${file}: valid, ${v.seasons} season${v.seasons === 1 ? '' : 's'}${total}`);
    } else {
      invalid++;
      say(`${file}: invalid${v.season ? ` at season ${v.season}` : ''}: ${v.reason}`);
    }
  }
  return unreadable > 0 ? 2 : invalid > 0 ? 1 : 0;
});
