import { formatIssue } from '../../scenario/issues';
import { messageZh } from '../../scenario/messages-zh';
import { prefs } from '../../store/session';
import { t } from '../i18n';
import { zhCN, type MessageKey } from '../locales/zh-CN';

// The class server's errors in the page's language. The server sends a stable code and its params beside its
// English line (`{ error, code, params }` over HTTP, `{ type: 'error', message, code, params }` over the
// WebSocket; the codes are src/server/error-codes.ts): the page says `classError.<code>` with those params. A
// code this page does not know (a newer or older server) shows the server's English line as it is.

export interface ServerErrorBody {
  [key: string]: unknown;
  error?: unknown;
  message?: unknown;
  code?: unknown;
  params?: unknown;
}

type Params = Record<string, string | number>;

const isKey = (key: string): key is MessageKey => Object.hasOwn(zhCN, key);

/** A season's state in params (open, paused, closing, closed), in the page's words. */
const STATUS: Record<string, MessageKey> = {
  open: 'class.status.open',
  paused: 'class.status.paused',
  closing: 'class.status.closing',
  closed: 'class.status.closed',
};

function plainParams(raw: unknown): Params {
  const out: Params = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/** The params as the page words them: a season's state, a plan's problem, a scenario file's problem. */
function localParams(code: string, params: Params): Params {
  const p = { ...params };
  if (typeof p.status === 'string' && STATUS[p.status]) p.status = t(STATUS[p.status]);
  const issueKey = `issue.${String(p.issue)}`;
  if (code === 'plan-unplayable' && typeof p.issue === 'string' && isKey(issueKey)) p.detail = t(issueKey, params);
  if (code === 'invalid-scenario' && typeof p.file === 'string' && typeof p.message === 'string' && prefs.getState().lang === 'zh-CN') {
    const line = typeof p.line === 'number' ? p.line : undefined;
    const column = typeof p.column === 'number' ? p.column : undefined;
    p.detail = formatIssue({ file: p.file, line, column, path: typeof p.path === 'string' ? p.path : '', message: messageZh(p.message) });
  }
  return p;
}

/** A server error's text for this page; `fallback` when the body says nothing at all. */
export function serverErrorText(body: ServerErrorBody | null | undefined, fallback: string): string {
  const english = typeof body?.error === 'string' ? body.error : typeof body?.message === 'string' ? body.message : fallback;
  const code = body?.code;
  if (typeof code !== 'string') return english;
  const key = `classError.${code}`;
  if (!isKey(key)) return english;
  const params = localParams(code, plainParams(body?.params));
  // A place the server left unfilled (another version's params): its English line says more than a gap would.
  if ([...zhCN[key].matchAll(/\{(\w+)\}/g)].some((m) => !Object.hasOwn(params, m[1]))) return english;
  return t(key, params);
}
