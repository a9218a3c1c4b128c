import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkScenarioText } from '../cli/validate';
import { formatIssue, type LoadIssue } from '../scenario/issues';
import type { LoadedScenario } from '../scenario/scenario';
import { badRequest, oneLine, type ClientError } from './errors';

// Where a class session's scenario comes from: a file shipped in scenarios/, or a teacher's upload. Both go
// through checkScenarioText, the check `npm run validate` makes (size, YAML safety, format version, schema with
// located errors), so the server accepts exactly the files the command line accepts.

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface ShippedScenario {
  file: string;
  id: string;
  name: { en: string; zh: string };
  hash: string;
  seasons: number;
}

export function shippedScenarios(): ShippedScenario[] {
  return readdirSync(DIR)
    .filter((f) => /^[a-z0-9-]+\.yaml$/.test(f))
    .sort()
    .flatMap((file) => {
      const r = checkScenarioText(readFileSync(DIR + file, 'utf8'), file);
      return r.ok ? [{ file, id: r.loaded.scenario.id, name: r.loaded.scenario.title, hash: r.loaded.hash, seasons: r.loaded.scenario.seasons }] : [];
    });
}

/** The scenario of a new session, or a 400 with the first located problem of an uploaded file. */
export function sessionScenario(source: { file: string } | { yaml: string }): LoadedScenario {
  if ('file' in source) {
    if (!shippedScenarios().some((s) => s.file === source.file)) throw badRequest('no-shipped-scenario', { file: source.file });
    const r = checkScenarioText(readFileSync(DIR + source.file, 'utf8'), source.file);
    if (!r.ok) throw scenarioError(r.issues[0]);
    return r.loaded;
  }
  const r = checkScenarioText(source.yaml, 'upload.yaml');
  if (!r.ok) throw scenarioError(r.issues[0]);
  return r.loaded;
}

/** A 400 naming a scenario file's problem: its English line, and the issue itself for the pages to phrase. */
function scenarioError(issue: LoadIssue): ClientError {
  const params: Record<string, string | number> & { detail: string } = { detail: oneLine(formatIssue(issue)), file: issue.file, path: issue.path, message: oneLine(issue.message) };
  if (issue.line !== undefined) params.line = issue.line;
  if (issue.column !== undefined) params.column = issue.column;
  return badRequest('invalid-scenario', params);
}
