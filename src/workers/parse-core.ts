import { RunFile } from '../run/runfile';
import type { LoadIssue } from '../scenario/issues';
import { loadText, type Loaded } from '../scenario/load';
import { Scenario } from '../scenario/schema';

// Reading an imported file's text into a run or a scenario, as plain data a worker can post back: parsing a
// large or hostile file must never hold up the page (src/workers/parse-host.ts runs this in a Web Worker).

export type ParseKind = 'run' | 'scenario';

export interface ParseRequest {
  kind: ParseKind;
  name: string;
  text: string;
}

export type Parsed<K extends ParseKind> = Loaded<K extends 'run' ? RunFile : Scenario>;

/** Located issues are cut to the first few: the page shows at most five. */
export function parseText<K extends ParseKind>(req: ParseRequest & { kind: K }): Parsed<K> {
  const r = req.kind === 'run' ? loadText(req.text, req.name, RunFile) : loadText(req.text, req.name, Scenario);
  return (r.ok ? r : { ok: false, issues: r.issues.slice(0, 5) as LoadIssue[] }) as Parsed<K>;
}
