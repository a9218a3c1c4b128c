import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { z } from 'zod';
import { formatIssue, issueMessage, type LoadIssue } from './issues';

// Reads YAML or JSON text into a value checked by a zod schema. Every failure is a located LoadIssue; nothing
// throws. Hostile input is bounded: size, alias expansion (YAML "billion laughs"), and binary content.

export const MAX_FILE_CHARS = 2 * 1024 * 1024;
/** Deeper nesting than this is refused before parsing (recursion in parsers is bounded by the stack). */
export const MAX_DEPTH = 64;

export type Loaded<T> = { ok: true; value: T } | { ok: false; issues: LoadIssue[] };

export function loadText<S extends z.ZodType>(text: string, file: string, schema: S): Loaded<z.output<S>> {
  const fail = (message: string, line?: number, column?: number): Loaded<never> => ({
    ok: false,
    issues: [{ file, line, column, path: '', message }],
  });
  if (text.length > MAX_FILE_CHARS) return fail(`file too large: ${text.length} characters, the limit is ${MAX_FILE_CHARS}`);
  if (text.includes('\u0000')) return fail('expected a text file (YAML or JSON), found binary data');
  if (text.trim() === '') return fail('expected YAML or JSON content, found an empty file');

  const deep = tooDeep(text);
  if (deep) return fail(`nesting deeper than ${MAX_DEPTH} levels is refused`, deep.line, deep.column);

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
  // Unknown names first: a misspelt field also shows up as a missing one, and the name is the real mistake.
  const ordered = [...parsed.error.issues].sort((a, b) => +(b.code === 'unrecognized_keys') - +(a.code === 'unrecognized_keys'));
  const issues = ordered.slice(0, 20).map((issue): LoadIssue => {
    const node = locate(doc, issue);
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

/** The node an issue is about: the unknown key itself, the value at the path, or the nearest parent that exists. */
function locate(doc: Document, issue: z.core.$ZodIssue): unknown {
  const path = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const map = doc.getIn(path, true);
    if (isMap(map)) {
      const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === issue.keys[0]);
      if (pair && isNode(pair.key)) return pair.key;
    }
  }
  for (let k = path.length; k >= 0; k--) {
    const node = k === 0 ? doc.contents : doc.getIn(path.slice(0, k), true);
    if (isNode(node)) return node;
  }
  return undefined;
}

/** Position of the first place where bracket nesting or indentation goes beyond MAX_DEPTH, if any. */
function tooDeep(text: string): { line: number; column: number } | null {
  let depth = 0;
  let line = 1;
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    col++;
    if (ch === 10) {
      line++;
      col = 0;
      let indent = 0;
      while (i + 1 + indent < text.length && text.charCodeAt(i + 1 + indent) === 32) indent++;
      if (indent > MAX_DEPTH * 4) return { line, column: 1 };
    } else if (ch === 91 || ch === 123) {
      if (++depth > MAX_DEPTH) return { line, column: col };
    } else if (ch === 93 || ch === 125) depth--;
  }
  return null;
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
