import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { z } from 'zod';
import { formatIssue, issueMessage, type LoadIssue } from './issues';

// Reads YAML or JSON text into a value checked by a zod schema. Every failure is a located LoadIssue; nothing
// throws. Hostile input is bounded: size, alias expansion (YAML "billion laughs"), and binary content.

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type Loaded<T> = { ok: true; value: T } | { ok: false; issues: LoadIssue[] };

export function loadText<S extends z.ZodType>(text: string, file: string, schema: S): Loaded<z.output<S>> {
  const fail = (message: string, line?: number, column?: number): Loaded<never> => ({
    ok: false,
    issues: [{ file, line, column, path: '', message }],
  });
  if (text.length > MAX_FILE_BYTES) return fail(`file too large: ${text.length} bytes, the limit is ${MAX_FILE_BYTES}`);
  if (text.includes('\u0000')) return fail('expected a text file (YAML or JSON), found binary data');
  if (text.trim() === '') return fail('expected YAML or JSON content, found an empty file');

  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    return fail(`expected YAML or JSON, ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lines.linePos(e.pos[0]);
    return fail(`expected YAML or JSON: ${e.message.split('\n')[0]}`, pos.line, pos.col);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return fail(`refused: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.slice(0, 20).map((issue): LoadIssue => {
    const node = doc.getIn(issue.path as (string | number)[], true);
    const range = isNode(node) ? node.range : undefined;
    const pos = range ? lines.linePos(range[0]) : undefined;
    return {
      file,
      line: pos?.line,
      column: pos?.col,
      path: issue.path.map(String).join('.'),
      message: issueMessage(issue, data, knownKeys(schema, issue.path)),
    };
  });
  return { ok: false, issues };
}

export function formatIssues(issues: readonly LoadIssue[]): string {
  return issues.map(formatIssue).join('\n');
}

/** Field names valid at `path` of a schema, for "did you mean" suggestions. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.ZodType | undefined = schema;
  for (const key of path) {
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(key)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else return [];
    if (!s) return [];
  }
  s = unwrap(s);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let k = 0; k < 10; k++) {
    const def = (cur as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    if (def.innerType) cur = def.innerType;
    else if (def.in) cur = def.in;
    else break;
  }
  return cur;
}
