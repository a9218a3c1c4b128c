// Command-line error convention shared by every tool: bad input is one line on stderr and exit code 2,
// never a stack trace.
import { terminalText } from '../run/terminal';

export class InputError extends Error {}

export function fail(message: string): never {
  throw new InputError(message);
}

/** Runs a CLI main function, turning InputError (and any unexpected error) into one line + exit code. */
export function runCli(main: () => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(main)
    .then((code) => {
      process.exitCode = code ?? 0;
    })
    .catch((err: unknown) => {
      const msg = err instanceof Error ? err.message : String(err);
      // The message can quote a file (a zip entry's name): nothing in it may act on the terminal.
      process.stderr.write(`error: ${terminalText(msg.split('\n')[0])}\n`);
      process.exitCode = err instanceof InputError ? 2 : 1;
    });
}
