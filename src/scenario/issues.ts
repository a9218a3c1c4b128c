import type { z } from 'zod';

// Turns schema violations into one-line, located messages: "file:line:column path: expected …, found …".

export interface LoadIssue {
  file: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
}

export function formatIssue(e: LoadIssue): string {
  const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  return e.path ? `${where} ${e.path}: ${e.message}` : `${where}: ${e.message}`;
}

export function describeFound(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  return String(v);
}

export function getAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Edit distance, for "did you mean" on unknown field names. */
function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function nearest(name: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = distance(name.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Unknown field names listed in one message; the rest are counted. */
export const MAX_UNKNOWN_NAMED = 5;

/** Expected-vs-found message for one zod issue. `known` lists the valid keys of the object at the issue. */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown, known: readonly string[]): string {
  const found = describeFound(getAt(input, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'a whole number' : issue.expected}, found ${found}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `expected at least ${issue.minimum} ${issue.origin === 'array' ? 'items' : 'characters'}, found ${found}`
        : `expected a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, found ${found}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `expected at most ${issue.maximum} ${issue.origin === 'array' ? 'items' : 'characters'}, found ${found}`
        : `expected a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, found ${found}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${found}`;
    case 'unrecognized_keys': {
      // A few names say what is wrong; a flood of them is summed up.
      const named = issue.keys.slice(0, MAX_UNKNOWN_NAMED).map((k) => {
        const near = nearest(k.slice(0, 200), known);
        return `unknown field ${JSON.stringify(k.length > 40 ? `${k.slice(0, 37)}...` : k)}${near ? ` (did you mean "${near}"?)` : ''}`;
      });
      const more = issue.keys.length - named.length;
      return [...named, ...(more > 0 ? [`${more} more unknown fields`] : [])].join('; ');
    }
    case 'invalid_format':
      return `expected ${issue.message ?? issue.format}, found ${found}`;
    case 'not_multiple_of':
      return `expected a multiple of ${issue.divisor}, found ${found}`;
    default:
      return `${issue.message}, found ${found}`;
  }
}
