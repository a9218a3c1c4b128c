import type { Decisions } from '../../scenario/decisions';
import type { Score, SeasonReport } from '../../sim';
import type { DraftView, MemberView, ResultView, SeasonView, SessionSummary, Standing, TeamView as ServerTeam } from '../../server/views';
import type { ShippedScenario } from '../../server/scenarios';
import { serverErrorText, type ServerErrorBody } from './server-error';

// The class server's API as the pages use it (docs/class-server.md): the shapes it sends and one way to call it.
// Every address is absolute from the server's root: the pages are served at /teacher, /join and /room/CODE.
// The shapes the server's views define are the server's own types (type-only: nothing of the server is bundled).

export type { SessionSummary, ShippedScenario };
export type Season = SeasonView;
export type SeasonStatus = Season['status'];
export type Member = MemberView;
export type Team = ServerTeam;
export type Result = ResultView;
export type { Standing };
/** A team's draft: the server keeps the decisions as sent; the pages read them as decisions. */
export type Draft = Omit<DraftView, 'decisions'> & { decisions: Decisions };

/** A season's report as the server sends it: the score is null while the teacher hides scores. */
export type ServerReport = Omit<SeasonReport, 'score'> & { score: Score | null };
export interface TeamView {
  session: SessionSummary;
  team: Team | undefined;
  me: Member | null;
  season: Season | null;
  seasons: Season[];
  draft: Draft | null;
  results: Result[];
  latest: { result: Result; report: ServerReport } | null;
  standings: Standing[] | null;
}
export interface SessionView {
  session: SessionSummary;
  teams: Team[];
  season: Season | null;
  seasons: Season[];
  drafts: Draft[];
  results: Result[];
  standings: Standing[] | null;
}
export interface ScreenView {
  session: SessionSummary;
  teams: { id: number; name: string; submitted: boolean; members: number }[];
  season: Season | null;
  seasons: Season[];
  standings: Standing[] | null;
  trajectories: { teamId: number; team: string; totals: number[] }[] | null;
  stages: { season: number; byStage: Record<string, number> } | null;
}
export interface JoinInfo {
  session: { code: string; title: string; scenario: { id: string; name: { en: string; zh: string }; seasons: number }; practice: boolean };
  teams: { id: number; name: string; members: number }[];
}
export interface Joined {
  token: string;
  member: Member;
  team: { id: number; name: string };
  session: { id: string; code: string };
}

/**
 * A refused or failed call: the server's reason in the page's language (serverErrorText) and its status (0 when
 * the server was not reached); `code` is the server's error code, when it sent one.
 */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string | null = null) {
    super(message);
  }
}

/** Calls the class server; the body is JSON. Resolves with the parsed reply, rejects with an ApiError. */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH', path: string, options: { token?: string | null; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch (err) {
    throw new ApiError(0, err instanceof Error ? err.message : String(err));
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const body = data && typeof data === 'object' ? (data as ServerErrorBody) : null;
    throw new ApiError(res.status, serverErrorText(body, `HTTP ${res.status}`), typeof body?.code === 'string' ? body.code : null);
  }
  return data as T;
}

/** Downloads a file the teacher's token opens (a CSV, a zip) under its own name. */
export async function downloadWithToken(path: string, token: string, name: string): Promise<void> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new ApiError(res.status, `HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Whether a class server answers at this address (the self-study app alone has no /api). */
export async function classServerHere(): Promise<boolean> {
  try {
    const r = await api<{ ok?: boolean }>('GET', '/api/health');
    return r?.ok === true;
  } catch {
    return false;
  }
}
