import { LineCounter, parseDocument, isAlias, isCollection, isMap, isNode, isScalar, type Document } from 'yaml';
import { z } from 'zod';
import { formatIssue, issueMessage, type LoadIssue } from './issues';

// Reads YAML or JSON text into a value checked by a zod schema. Every failure is a located LoadIssue; nothing
// throws. Hostile input is bounded before anything is parsed — size, binary content, nesting depth and the
// number of keys and list items, all found by one linear scan — and while parsing: duplicate keys are found in
// linear time, alias expansion ("billion laughs") is capped, and at most MAX_ISSUES schema errors are
// reported (the node limit bounds how many the schema check can find).

export const MAX_FILE_CHARS = 2 * 1024 * 1024;
/** Deeper nesting than this is refused before parsing (recursion in parsers is bounded by the stack). */
export const MAX_DEPTH = 64;
/**
 * Keys and list items a file may hold, refused before parsing when over. The largest valid run file (20 seasons
 * with every decision set, a scenario with 12 segments and 200 events) holds about 6,300; an honest class file
 * about 500. Parsing at the limit takes a few tenths of a second.
 */
export const MAX_NODES = 10_000;
/** Schema errors reported for one file: the first few say what is wrong; thousands would only cost time. */
export const MAX_ISSUES = 20;

export type Loaded<T> = { ok: true; value: T } | { ok: false; issues: LoadIssue[] };

/**
 * The checks made before parsing, cheapest first: size, binary content, emptiness, then one linear scan for
 * nesting depth and the number of keys and list items. The first problem as a located issue, or null.
 */
export function precheck(text: string, file: string): LoadIssue | null {
  const issue = (message: string, line?: number, column?: number): LoadIssue => ({ file, line, column, path: '', message });
  if (text.length > MAX_FILE_CHARS) return issue(`file too large: ${text.length} characters, the limit is ${MAX_FILE_CHARS}`);
  if (text.includes('\u0000')) return issue('expected a text file (YAML or JSON), found binary data');
  if (text.trim() === '') return issue('expected YAML or JSON content, found an empty file');
  const s = scanStructure(text);
  if (s.deepAt >= 0) {
    const p = position(text, s.deepAt);
    return issue(`nesting deeper than ${MAX_DEPTH} levels is refused`, p.line, p.column);
  }
  if (s.nodesAt >= 0) {
    const p = position(text, s.nodesAt);
    return issue(`too many keys and list items: more than ${MAX_NODES} is refused`, p.line, p.column);
  }
  return null;
}

export function loadText<S extends z.ZodType>(text: string, file: string, schema: S): Loaded<z.output<S>> {
  const fail = (message: string, line?: number, column?: number): Loaded<never> => ({
    ok: false,
    issues: [{ file, line, column, path: '', message }],
  });
  const pre = precheck(text, file);
  if (pre) return { ok: false, issues: [pre] };

  const lines = new LineCounter();
  let doc: Document;
  try {
    // The library's own duplicate-key check compares every key with every earlier one (quadratic in the keys of
    // one object); duplicateKey below does the same check in linear time.
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  } catch (err) {
    return fail(`expected YAML or JSON, ${(err as Error).message.split('\n')[0]}`);
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lines.linePos(e.pos[0]);
    return fail(`expected YAML or JSON: ${e.message.split('\n')[0]}`, pos.line, pos.col);
  }
  const dup = duplicateKey(doc);
  if (dup >= 0) {
    const pos = lines.linePos(dup);
    return fail('expected YAML or JSON: Map keys must be unique', pos.line, pos.col);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return fail(`refused: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const all = parsed.error.issues;
  // Unknown names first: a misspelt field also shows up as a missing one, and the name is the real mistake.
  const unknown = all.filter((i) => i.code === 'unrecognized_keys');
  const ordered = (unknown.length >= MAX_ISSUES ? unknown : [...unknown, ...all.filter((i) => i.code !== 'unrecognized_keys')]).slice(0, MAX_ISSUES);
  const issues = ordered.map((issue): LoadIssue => {
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

/** Line and column (1-based) of an offset in the text. */
function position(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

const SP = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
/** Space, tab, line break, or the end of the text (charCodeAt past the end is NaN). */
const blankOrEnd = (c: number) => c === SP || c === TAB || c === LF || c === CR || c !== c;

/** Index just past a quoted scalar that opens at `i` ("…" with backslash escapes, '…' with '' for a quote). */
function skipQuoted(text: string, i: number, quote: number): number {
  const n = text.length;
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (quote === 34 && c === 92) j += 2;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(j + 1) === 39) j += 2;
      else return j + 1;
    } else j++;
  }
  return n;
}

/**
 * One linear pass over YAML or JSON text, without parsing it: the offset where flow brackets nest deeper than
 * MAX_DEPTH or a line of block structure is indented beyond MAX_DEPTH × 4 columns (`deepAt`), and the offset
 * where the keys and list items pass MAX_NODES (`nodesAt`); -1 for nowhere; and how many it counted (`nodes`). It follows enough of YAML's lexical
 * rules to skip quoted strings, comments and block scalars (`|`, `>`), and to take a bracket, dash or quote for
 * structure only where a value starts: in "story: a [b", or in a plain scalar's continuation line, it is text.
 * Keys are counted by their ':', list items by their '-' or ',' (JSON: exactly the parsed count).
 */
export function scanStructure(text: string): { deepAt: number; nodesAt: number; nodes: number } {
  const n = text.length;
  /** Open flow collections ('[' or '{'), and for each whether its current entry has had its ':'. */
  const open: number[] = [];
  const colon: boolean[] = [];
  let nodes = 0;
  let i = 0;
  let lineStart = true;
  let lineBegin = 0;
  /** Column of the block node being read (a key, or a '-' item), the parent of a block scalar or continuation. */
  let nodeCol = 0;
  /** Whether the next character may start a value (a quote, bracket or dash is structure there, not text). */
  let valueStart = true;
  /** Whether the next plain text would be a key (at a line's start or after "- "), not a key's value. */
  let keyPlace = true;
  /** Whether a plain scalar in block context is open: a more indented next line continues it. */
  let plain = false;
  /** Inside a block scalar: its parent's column (-1 outside) and its content's indentation (-1 until known). */
  let blockParent = -1;
  let blockIndent = -1;
  while (i < n) {
    if (lineStart) {
      lineStart = false;
      lineBegin = i;
      let j = i;
      while (j < n && text.charCodeAt(j) === SP) j++;
      const c = text.charCodeAt(j);
      const blank = j >= n || c === LF || c === CR;
      const col = j - i;
      if (blockParent >= 0) {
        if (blank || (blockIndent < 0 ? col > blockParent : col >= blockIndent)) {
          if (!blank && blockIndent < 0) blockIndent = col;
          const e = text.indexOf('\n', j);
          i = e < 0 ? n : e + 1;
          lineStart = true;
          continue;
        }
        blockParent = -1;
        blockIndent = -1;
      }
      i = j;
      if (open.length > 0 || blank) continue;
      if (c === 35) {
        plain = false;
        continue;
      }
      if (plain && col > nodeCol) {
        // A plain scalar's continuation line: its quotes, brackets and dashes are text.
        valueStart = false;
        continue;
      }
      if (col > MAX_DEPTH * 4) return { deepAt: j, nodesAt: -1, nodes };
      plain = false;
      valueStart = true;
      keyPlace = true;
      nodeCol = col;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === LF) {
      lineStart = true;
      i++;
      continue;
    }
    if (c === SP || c === TAB || c === CR) {
      i++;
      continue;
    }
    const flow = open.length > 0;
    if (c === 35 && (i === lineBegin || blankOrEnd(text.charCodeAt(i - 1)))) {
      // A comment, to the end of the line.
      plain = false;
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    if (valueStart && (c === 34 || c === 39)) {
      i = skipQuoted(text, i, c);
      valueStart = false;
      continue;
    }
    if ((c === 91 || c === 123) && (flow || valueStart)) {
      open.push(c);
      colon.push(false);
      if (open.length > MAX_DEPTH) return { deepAt: i, nodesAt: -1, nodes };
      // A list's first item counts with its '[' (the others with their ',').
      if (c === 91 && ++nodes > MAX_NODES) return { deepAt: -1, nodesAt: i, nodes };
      valueStart = true;
      i++;
      continue;
    }
    if (flow && (c === 93 || c === 125)) {
      open.pop();
      colon.pop();
      valueStart = false;
      i++;
      continue;
    }
    if (flow && c === 44) {
      // A list item, or a map entry written without ':' ("{a, b}").
      const top = open.length - 1;
      if ((open[top] === 91 || !colon[top]) && ++nodes > MAX_NODES) return { deepAt: -1, nodesAt: i, nodes };
      colon[top] = false;
      valueStart = true;
      i++;
      continue;
    }
    if (c === 58 && (flow || blankOrEnd(text.charCodeAt(i + 1)))) {
      if (++nodes > MAX_NODES) return { deepAt: -1, nodesAt: i, nodes };
      if (flow) colon[open.length - 1] = true;
      plain = false;
      valueStart = true;
      keyPlace = false;
      i++;
      continue;
    }
    if (!flow && valueStart && (c === 45 || c === 63) && blankOrEnd(text.charCodeAt(i + 1))) {
      // "- " starts a list item, "? " an explicit key (counted by its ':').
      if (c === 45 && ++nodes > MAX_NODES) return { deepAt: -1, nodesAt: i, nodes };
      nodeCol = i - lineBegin;
      keyPlace = true;
      i++;
      continue;
    }
    if (!flow && valueStart && (c === 124 || c === 62)) {
      // "|" or ">", then indentation and chomping indicators, then nothing but a comment: a block scalar.
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45 || (text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57))) j++;
      while (j < n && (text.charCodeAt(j) === SP || text.charCodeAt(j) === TAB)) j++;
      const d = text.charCodeAt(j);
      if (j >= n || d === LF || d === CR || d === 35) {
        blockParent = nodeCol;
        blockIndent = -1;
        const e = text.indexOf('\n', j);
        i = e < 0 ? n : e;
        continue;
      }
    }
    if (valueStart && (c === 38 || c === 42 || c === 33)) {
      // An anchor, alias or tag: the value (if any) follows it.
      while (i < n && !blankOrEnd(text.charCodeAt(i)) && !(flow && (text.charCodeAt(i) === 44 || text.charCodeAt(i) === 93 || text.charCodeAt(i) === 125))) i++;
      continue;
    }
    // Plain text (a key or a value).
    if (!flow && valueStart) {
      if (keyPlace) nodeCol = i - lineBegin;
      plain = true;
    }
    valueStart = false;
    i++;
  }
  return { deepAt: -1, nodesAt: -1, nodes };
}

/**
 * The offset of the first key repeated within one map, in document order, or -1: the check yaml's uniqueKeys
 * option makes, in linear time (the option compares each key with every earlier key of its map).
 */
function duplicateKey(doc: Document): number {
  const visit = (node: unknown): number => {
    if (isAlias(node) || !isCollection(node)) return -1;
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (key === null || key === undefined || isScalar(key)) {
          const value = isScalar(key) ? key.value : null;
          if (seen.has(value)) return (isNode(key) ? key.range?.[0] : undefined) ?? node.range?.[0] ?? 0;
          seen.add(value);
        } else {
          const found = visit(key);
          if (found >= 0) return found;
        }
        const found = visit(pair.value);
        if (found >= 0) return found;
      }
      return -1;
    }
    for (const item of node.items) {
      const found = visit(item);
      if (found >= 0) return found;
    }
    return -1;
  };
  return visit(doc.contents);
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
