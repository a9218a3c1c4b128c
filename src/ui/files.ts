import type { Verdict } from '../run/replay';
import { formatIssue, type LoadIssue } from '../scenario/issues';
import { messageZh } from '../scenario/messages-zh';
import { prefs } from '../store/session';
import type { LoadedScenario } from '../scenario/scenario';
import { parseRunOffThread, parseScenarioOffThread } from '../workers/parse-host';
import { openRun, verifyImported } from '../store/actions';
import { session } from '../store/session';
import { confirmDialog } from './dialog';
import { download, pickFile } from './dom';
import { t } from './i18n';

// Files in and out of the browser: run export/import (verified before it may replace anything) and scenario
// import. Any problem becomes a notice; the current game is never touched by a bad file.

/** Located problems in the player's language: the validator's wording, translated like `validate --lang zh`. */
export function describe(issues: readonly LoadIssue[], limit: number): string {
  const zh = prefs.getState().lang === 'zh-CN';
  return issues
    .slice(0, limit)
    .map((i) => formatIssue(zh ? { ...i, message: messageZh(i.message) } : i))
    .join('\n');
}

function notify(key: 'notice.importFailed' | 'notice.importInvalid' | 'notice.scenarioInvalid', reason: string): void {
  session.setState({ notice: { key, params: { reason } } });
}

/** Why a run did not verify, led by the season it fails in: "#2 state hash … differs from the claimed …". */
export function verdictReason(verdict: Extract<Verdict, { valid: false }>): string {
  return `${verdict.season ? `#${verdict.season} ` : ''}${verdict.reason}`;
}

export function exportRun(): void {
  const run = session.getState().run;
  if (!run) return;
  const safe = run.team.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 40) || 'team';
  download(`${run.scenario.id}-${safe}-s${run.seasons.length}.run.json`, JSON.stringify(run, null, 1) + '\n');
}

export async function importRun(): Promise<void> {
  const file = await pickFile('.json,application/json');
  if (!file) return;
  await importRunText(file.name, file.text);
}

export async function importRunText(name: string, text: string): Promise<boolean> {
  const loaded = await parseRunOffThread(name, text);
  if (!loaded.ok) {
    notify('notice.importFailed', describe(loaded.issues, 1));
    return false;
  }
  const verdict = await verifyImported(loaded.value);
  if (!verdict.valid) {
    notify('notice.importInvalid', verdictReason(verdict));
    return false;
  }
  const s = session.getState();
  if (s.run && s.phase !== 'title' && !(await confirmDialog(t('notice.importConfirm')))) return false;
  await openRun(loaded.value, loaded.value.scenario.hash);
  return true;
}

export async function importScenario(): Promise<LoadedScenario | null> {
  const file = await pickFile('.yaml,.yml,.json');
  if (!file) return null;
  const r = await parseScenarioOffThread(file.name, file.text);
  if (!r.ok) {
    notify('notice.scenarioInvalid', describe(r.issues, 5));
    return null;
  }
  return r.value;
}
