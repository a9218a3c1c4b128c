import { messageZh } from '../scenario/messages-zh';
import { prefs } from '../store/session';
import { t } from './i18n';

// Why a class file is flagged, in the teacher's language. The ranking (src/run/leaderboard.ts) words its reasons
// in English, as the command line prints them; on the Chinese page each known form is said again in Chinese, a
// located file problem through the scenario messages' own translation (messages-zh.ts), and text of unknown form
// (a zip tool's own error, say) is kept as it came rather than guessed at.

type Rule = readonly [RegExp, (m: RegExpExecArray) => string];

const score = (key: string): string => {
  const part = (['total', 'satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const).find((k) => k === key);
  return part === undefined ? key : part === 'total' ? t('report.total') : t(`report.part.${part}`);
};

const RULES: readonly Rule[] = [
  [/^season (\d+): (.*)$/s, (m) => t('teacher.why.season', { n: m[1], reason: reasonText(m[2]) })],
  [/^state hash (\S+) differs from the claimed (\S+)$/, (m) => t('teacher.why.hash', { found: m[1], claimed: m[2] })],
  [/^final (\w+) score (\S+) differs from the claimed (\S+)$/, (m) => t('teacher.why.finalScore', { part: score(m[1]), found: m[2], claimed: m[3] })],
  [/^(\w+) score (\S+) differs from the claimed (\S+)$/, (m) => t('teacher.why.score', { part: score(m[1]), found: m[2], claimed: m[3] })],
  [/^engine version (\S+); this engine is (\S+), which verifies (\S+) only$/, (m) => t('teacher.why.engine', { version: m[1], engine: m[2], major: m[3] })],
  [/^engine version (\S+) is incompatible with this engine$/, (m) => t('teacher.why.engine', { version: m[1], engine: '—', major: '—' })],
  [/^embedded scenario does not match its hash \(edited after the run\)$/, () => t('teacher.why.edited')],
  [/^scenario id does not match the embedded scenario$/, () => t('teacher.why.scenarioId')],
  [/^(\d+) seasons claimed, the scenario has (\d+)$/, (m) => t('teacher.why.seasons', { claimed: m[1], seasons: m[2] })],
  [/^final score claimed before the last season$/, () => t('teacher.why.earlyFinal')],
  [/^decisions not allowed: (.*)$/s, (m) => t('teacher.why.decisions', { reason: m[1] })],
  [/^the simulation failed on these decisions: (.*)$/s, (m) => t('teacher.why.crashed', { reason: m[1] })],
  [/^same content as (.*)$/s, (m) => t('teacher.why.duplicate', { file: m[1] })],
  [/^scenario (\S+) (\S+), the class plays (\S+) (\S+)(?:; (.*))?$/s, (m) => withMore(t('teacher.why.otherScenario', { id: m[1], hash: m[2], classId: m[3], classHash: m[4] }), m[5])],
  [/^seed "(.*)", the class plays "(.*)"(?:; (.*))?$/s, (m) => withMore(t('teacher.why.otherSeed', { seed: m[1], classSeed: m[2] }), m[3])],
  [/^(\d+) of (\d+) seasons played; a run is ranked only when finished$/, (m) => t('teacher.why.unfinished', { played: m[1], seasons: m[2] })],
  [/^the class's scenario and seed are undecided \(a tie\): state them(?:; (.*))?$/s, (m) => withMore(t('teacher.why.undecided'), m[1])],
  [/^the class's scenario and seed are undecided: (\d+) verified files? each for (.*); state (.*) of the class(?:; (.*))?$/s, (m) => withMore(t('teacher.why.tie', { n: m[1] }), m[4])],
  [/^damaged: (.*)$/s, (m) => t('teacher.why.damaged', { detail: m[1] })],
];

function withMore(text: string, more: string | undefined): string {
  return more && more.trim() !== '' ? `${text}${t('teacher.why.sep')}${reasonText(more)}` : text;
}

/** A located file problem ("file:3:7 seasons: expected …"): the place as it is, the message translated. */
function located(reason: string): string | null {
  for (let at = reason.indexOf(': '); at >= 0; at = reason.indexOf(': ', at + 1)) {
    const message = reason.slice(at + 2);
    const zh = messageZh(message);
    if (zh !== message) return `${reason.slice(0, at)}：${zh}`;
  }
  return null;
}

/** A flagged file's reason as the page shows it: as it is in English, said in Chinese on the Chinese page. */
export function reasonText(reason: string): string {
  if (prefs.getState().lang !== 'zh-CN') return reason;
  for (const [re, say] of RULES) {
    const m = re.exec(reason);
    if (m) return say(m);
  }
  return located(reason) ?? reason;
}
