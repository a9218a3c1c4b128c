import { parseRunText } from '../run/check';
import { compareRuns, type Comparison, type Incomparable } from '../run/compare';
import { RunFile } from '../run/runfile';
import type { LoadIssue } from '../scenario/issues';
import type { Scenario } from '../scenario/schema';
import { loadText } from '../scenario/load';

// The browser's comparison of two run files, from their text to plain data a worker can post: either the
// comparison, or why there is none — a file that is not a run file (with its located issues, which the page
// words in the player's language), or two runs that cannot be compared (as data, for the same reason).

export interface CompareFile {
  name: string;
  text: string;
}

export type CompareOutcome =
  | { ok: true; comparison: Comparison; /** The runs' shared scenario, for segment and option names. */ scenario: Scenario }
  | { ok: false; kind: 'unreadable'; side: 'a' | 'b'; issues: LoadIssue[] }
  | { ok: false; kind: 'incomparable'; why: Incomparable };

/** Differing customers listed, and told in full, on the page. */
export const COMPARE_LIST = 50;
export const COMPARE_STORIES = 5;

function read(file: CompareFile): { ok: true; run: RunFile } | { ok: false; issues: LoadIssue[] } {
  const parsed = parseRunText(file.text, file.name);
  if (parsed.ok) return parsed;
  // The slow path again, for the located issues rather than their English sentence.
  const loaded = loadText(file.text, file.name, RunFile);
  return loaded.ok ? { ok: true, run: loaded.value } : { ok: false, issues: loaded.issues.slice(0, 3) };
}

export function compareTexts(a: CompareFile, b: CompareFile): CompareOutcome {
  const ra = read(a);
  if (!ra.ok) return { ok: false, kind: 'unreadable', side: 'a', issues: ra.issues };
  const rb = read(b);
  if (!rb.ok) return { ok: false, kind: 'unreadable', side: 'b', issues: rb.issues };
  const result = compareRuns(ra.run, rb.run, { top: COMPARE_STORIES, list: COMPARE_LIST });
  return result.ok ? { ok: true, comparison: result, scenario: ra.run.scenario.data } : { ok: false, kind: 'incomparable', why: result.why };
}
