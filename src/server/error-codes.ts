// Every error the class server sends a client, by its stable code: the English line each one reads as (in the
// API's `error`, the WebSocket's `message` and the server's log) with its {name} places, filled from the
// error's params. The pages show the same code in their own language (`classError.<code>` in src/ui/locales/),
// so the English text and the pages' keys come from this one table and cannot drift apart. A code is never
// renamed or reused for another meaning: an older page falls back to the English line for a code it lacks.

export const ERROR_CODES = {
  // 400: the request itself is wrong.
  /** A zod check failed: detail is "field.path: message", in English. */
  'invalid-input': '{detail}',
  'no-such-field': '{path}: no such field',
  'no-such-list-item': '{path}: no such list item',
  /** Also carries the plan check's `issue` code and its params (the game's `issue.<code>` words). */
  'plan-unplayable': 'the plan cannot be played: {detail}',
  'json-expected': 'expected a JSON text message',
  'no-active-team': 'teams: there is no active team to assign members to',
  'no-shipped-scenario': 'scenario.file: no shipped scenario named {file}',
  /** A scenario file's first located problem; also carries the file, line, column, path and message. */
  'invalid-scenario': '{detail}',
  /** A request fastify itself refused (unreadable JSON, an unsupported content type, …): its one line. */
  'bad-request': '{detail}',
  'body-too-large': 'request body is too large',
  // 401: no or unknown token.
  'team-token-required': 'a team token is required (Authorization: Bearer <token>)',
  'unknown-team-token': 'unknown team token: join the session again',
  'teacher-token-required': 'the teacher token is required (Authorization: Bearer <token>)',
  // 403: deactivated, or not allowed for this role.
  'member-deactivated': 'the teacher has deactivated this member',
  'team-deactivated': 'the teacher has deactivated this team',
  'member-or-team-deactivated': 'this member or team has been deactivated',
  'members-only': 'only a team member can change a draft',
  // 404: no such thing.
  'no-such-route': 'no such page or route',
  'no-such-session': 'no such session',
  'no-session-with-code': 'no class session has the join code {code}',
  'no-such-team': 'no team {team} in this session',
  'no-open-team': 'no open team {team} in this session',
  'no-such-member': 'no member {member} in this session',
  'season-not-opened': 'season {season} has not been opened',
  'no-report-yet': 'no report for that season yet',
  // 409: the state forbids it now. A {status} is a season's state: open, paused, closing or closed.
  'season-not-open': 'season {season} is not open',
  'season-simulating': 'season {season} is being simulated',
  'season-closed': 'season {season} is closed',
  'season-status': 'season {season} is {status}',
  'season-status-not-open': 'season {season} is {status}, not open',
  'season-status-not-paused': 'season {season} is {status}, not paused',
  'season-still': 'season {season} is still {status}',
  'season-next': 'season {season} is the next season to open',
  'all-seasons-played': 'every season has been played',
  'season-reopened-for-team': 'season {season} is reopened for team {team}: close it for that team first',
  'reopen-latest-only': 'only the latest season, once closed, can be reopened for a team',
  'season-already-reopened': 'season {season} is already reopened for this team',
  'season-not-reopened': 'season {season} is not reopened for team {team}',
  'plan-submitted-withdraw-first': 'the plan is submitted: withdraw it to change it',
  'plan-already-submitted': 'the plan is submitted already',
  'plan-not-submitted': 'the plan is not submitted',
  'draft-changed': 'the draft changed (version {version}, you saw {seen}): look at it again and submit',
  'team-name-taken': 'a team named {name} exists already',
  'team-names-repeat': 'teams: two teams have the same name',
  'too-many-teams': 'this session has {max} teams already',
  'no-teams-yet': 'this session has no teams yet: ask the teacher to create them, or start one',
  // 429: a rate limit (src/server/limits.ts); {seconds} until another try may pass.
  'too-many-requests': 'too many requests: try again in {seconds} s',
  'too-many-from-address': 'too many requests from this address: try again in {seconds} s',
  'too-many-teacher-failures': 'too many wrong teacher tokens from this address: try again in {seconds} s',
  'too-many-unknown-codes': 'too many unknown join codes from this address: try again in {seconds} s',
  'too-many-unknown-tokens': 'too many unknown tokens from this address: try again in {seconds} s',
  'too-many-joins': 'too many students joining from this address: try again in {seconds} s',
  /** A live message over the connection's limit (dropped; the connection stays open). */
  'too-many-messages': 'too many messages: at most {perSecond} a second (bursts of {burst}); this one was dropped',
  // 500: a fault of the server (logged there; nothing more is said).
  'internal-error': 'internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The {name} places of a template, as a union of names. */
type Holes<T extends string> = T extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;

export type ErrorParamValue = string | number;
export type ErrorParams = Record<string, ErrorParamValue>;

/** The params an error of `code` must have (its template's places); more may ride along (e.g. a plan issue's). */
export type ParamsOf<C extends ErrorCode> = Record<HolesOf<C>, ErrorParamValue> & ErrorParams;

/** The names of the places of the template of `code`. */
export type HolesOf<C extends ErrorCode> = Holes<(typeof ERROR_CODES)[C]>;

/** The {name} places of a template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** The English line of an error: its template with the params filled in (a missing one stays `{name}`). */
export function errorText(code: ErrorCode, params: ErrorParams = {}): string {
  return ERROR_CODES[code].replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}
