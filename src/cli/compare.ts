import { parseRunText } from '../run/check';
import { compareRuns, formatComparison } from '../run/compare';
import { terminalJson, terminalText } from '../run/terminal';
import { fail, runCli } from './fail';
import { args, readText } from './io';

// npm run compare -- A.json B.json [--top N] [--json]
// Two runs of one scenario and seed side by side: season scores, where the decisions diverge, and the customers
// who stayed in one run and left in the other, with why. Exit 0: compared; 1: not comparable; 2: bad input.

runCli(() => {
  const { values, positionals } = args({ json: { type: 'boolean' }, top: { type: 'string' } }, true);
  if (positionals.length !== 2) fail(`expected two run files (A and B), found ${positionals.length}`);
  const top = values.top === undefined ? 5 : Number(values.top);
  if (!Number.isInteger(top) || top < 0 || top > 100) fail(`--top: expected a whole number from 0 to 100, found "${values.top}"`);
  const [a, b] = positionals.map((file) => {
    const parsed = parseRunText(readText(file), file);
    return parsed.ok ? parsed.run : fail(parsed.message);
  });
  const result = compareRuns(a, b, { top });
  // Team names and decision values come from the files: nothing in them may act on the terminal.
  if (values.json) console.log(terminalJson(JSON.stringify(result, null, 1)));
  else process.stdout.write(terminalText(formatComparison(result, { a: positionals[0], b: positionals[1] })));
  return result.ok ? 0 : 1;
});
