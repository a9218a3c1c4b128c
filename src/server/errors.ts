import type { z } from 'zod';
import { errorText, type ErrorCode, type ErrorParams, type HolesOf, type ParamsOf } from './error-codes';

// Errors a client may see: an HTTP status, a stable code with its params (src/server/error-codes.ts) and the
// English line built from them. Anything else that goes wrong is logged by the server and answered with
// "internal error"; no stack trace ever leaves the process.

export class ClientError extends Error {
  constructor(readonly status: number, readonly code: ErrorCode, readonly params: ErrorParams = {}) {
    super(oneLine(errorText(code, params)));
  }

  /** What the API answers with: `{ error, code, params }` (the WebSocket's error message has `message` for `error`). */
  body(): { error: string; code: ErrorCode; params: ErrorParams } {
    return { error: this.message, code: this.code, params: this.params };
  }
}

/** An error's params: required when its template has places, optional otherwise. */
type Args<C extends ErrorCode> = [HolesOf<C>] extends [never] ? [params?: ErrorParams] : [params: ParamsOf<C>];

const make =
  (status: number) =>
  <C extends ErrorCode>(code: C, ...args: Args<C>): ClientError =>
    new ClientError(status, code, args[0] ?? {});

export const badRequest = make(400);
export const unauthorized = make(401);
export const forbidden = make(403);
export const notFound = make(404);
export const conflict = make(409);
export const tooManyRequests = make(429);

/** The WebSocket's error message for anything thrown while handling a client's message. */
export function errorMessage(err: unknown): { type: 'error'; message: string; code: ErrorCode; params: ErrorParams } {
  const e = err instanceof ClientError ? err : new ClientError(500, 'internal-error');
  return { type: 'error', message: e.message, code: e.code, params: e.params };
}

/** One line, no control characters, bounded: safe to show and to log. */
export function oneLine(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The first problem zod found, as "field.path: message" (`where` names the value itself, for parameters). */
export function zodMessage(error: z.ZodError, where = ''): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const path = [where, ...issue.path.map(String)].filter((p) => p !== '').join('.');
  return oneLine(path ? `${path}: ${issue.message}` : issue.message);
}

/** A 400 naming zod's first problem: code invalid-input, the English line as its detail. */
export function invalidInput(error: z.ZodError, where = ''): ClientError {
  return badRequest('invalid-input', { detail: zodMessage(error, where) });
}

/** Parses with a zod schema or throws a 400 naming the first problem. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where = ''): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw invalidInput(r.error, where);
}
