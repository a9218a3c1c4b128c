import type { z } from 'zod';

// Errors a client may see: an HTTP status and one line of text. Anything else that goes wrong is logged by the
// server and answered with "internal error"; no stack trace ever leaves the process.

export class ClientError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export const badRequest = (m: string) => new ClientError(400, m);
export const unauthorized = (m: string) => new ClientError(401, m);
export const forbidden = (m: string) => new ClientError(403, m);
export const notFound = (m: string) => new ClientError(404, m);
export const conflict = (m: string) => new ClientError(409, m);

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

/** Parses with a zod schema or throws a 400 naming the first problem. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where = ''): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw badRequest(zodMessage(r.error, where));
}
