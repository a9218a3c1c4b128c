import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { loadText, formatIssues } from '../scenario/load';
import { loadScenario, type LoadedScenario } from '../scenario/scenario';
import { fail } from './fail';

// File and argument helpers shared by the command-line tools; every failure becomes one InputError line.

export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/bubble-tea.yaml', import.meta.url));

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code ?? 'error'})`);
  }
}

export function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (err) {
    fail(`${file}: cannot write the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function readScenario(file: string): LoadedScenario {
  const r = loadScenario(readText(file), file);
  if (!r.ok) fail(formatIssues(r.issues.slice(0, 1)));
  return r.value;
}

export function readWith<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const r = loadText(readText(file), file, schema);
  if (!r.ok) fail(formatIssues(r.issues.slice(0, 1)));
  return r.value;
}

export function args<T extends ParseArgsConfig['options']>(options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals, strict: true });
  } catch (err) {
    return fail((err as Error).message.split('\n')[0]);
  }
}
