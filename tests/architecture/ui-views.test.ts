// The one view convention of src/ui (src/ui/page.ts): pages keep their state in zustand stores, never in
// module-level variables, and message keys are typed, never cast. Read with the parser the build uses, so a
// `let` inside a function or a comment mentioning a cast does not count, and a cast split over lines does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/ui/routes';
import { importsUnder } from './imports';

const ROOT = resolve(__dirname, '../..');

/**
 * Module-level `let`s that must stay, each with its reason ("src/ui/file.ts:name"). Empty: every page's state is
 * in a store; what lives only while a page is mounted is a local of its mount.
 */
const ALLOWED_LETS: Record<string, string> = {};

function uiFiles(dir = 'src/ui'): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return uiFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

type Node = { type?: string; [key: string]: unknown };

function parse(file: string): { body: Node[]; code: string } {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const { program, errors } = parseSync(file, code);
  expect(errors, file).toEqual([]);
  return { body: program.body as unknown as Node[], code };
}

/** Names declared with `let` or `var` at the top of a module, exported or not. */
function moduleLets(body: Node[]): string[] {
  const names: string[] = [];
  for (const statement of body) {
    const decl = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
    if (decl?.type !== 'VariableDeclaration' || decl.kind === 'const') continue;
    for (const d of decl.declarations as { id: Node }[]) names.push(d.id.type === 'Identifier' ? String(d.id.name) : '(pattern)');
  }
  return names;
}

/** Every `x as MessageKey` and `<MessageKey>x` in the tree, by line. */
function messageKeyCasts(node: unknown, code: string, found: number[] = []): number[] {
  if (Array.isArray(node)) {
    for (const n of node) messageKeyCasts(n, code, found);
    return found;
  }
  if (!node || typeof node !== 'object') return found;
  const n = node as Node & { start?: number; typeAnnotation?: Node & { typeName?: Node } };
  if ((n.type === 'TSAsExpression' || n.type === 'TSTypeAssertion') && n.typeAnnotation?.type === 'TSTypeReference' && n.typeAnnotation.typeName?.name === 'MessageKey') {
    found.push(code.slice(0, n.start).split('\n').length);
  }
  for (const [key, value] of Object.entries(n)) if (key !== 'type') messageKeyCasts(value, code, found);
  return found;
}

describe('the view convention of src/ui', () => {
  const files = uiFiles();

  it('keeps no state in module-level variables (a page keeps it in its store)', () => {
    const found = files.flatMap((file) => moduleLets(parse(file).body).map((name) => `${relative(ROOT, join(ROOT, file))}:${name}`));
    expect(found.filter((x) => !(x in ALLOWED_LETS))).toEqual([]);
    // An allowance nobody needs any more goes.
    expect(Object.keys(ALLOWED_LETS).filter((x) => !found.includes(x))).toEqual([]);
  });

  it('never casts to MessageKey: keys are built from typed ids, so a missing locale key fails to compile', () => {
    const found = files.flatMap((file) => {
      const { body, code } = parse(file);
      return messageKeyCasts(body, code).map((line) => `${file}:${line}`);
    });
    expect(found).toEqual([]);
    // Nor any text that would read as one (in code the parser did not see as a cast, a comment say).
    expect(files.filter((file) => /\bas\s+MessageKey\b/.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('sees what it forbids', () => {
    const sample = 'let a = 1;\nexport let b = 2;\nvar c;\nconst d = 3;\nfunction f() { let e = 4; }\nconst k = t(`x.${y}` as\n  MessageKey);\nconst m = <MessageKey>n;\n';
    const { program } = parseSync('sample.ts', sample);
    expect(moduleLets(program.body as unknown as Node[])).toEqual(['a', 'b', 'c']);
    expect(messageKeyCasts(program.body, sample)).toEqual([6, 8]);
  });

  it('has one page per address, and the app reaches the pages only through the route table', () => {
    const hashes = ROUTES.map((r) => r.hash);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(hashes).toContain('');
    for (const r of ROUTES) expect(typeof r.page.mount, r.id).toBe('function');
    const edges = importsUnder('src/ui');
    const pages = edges.filter((e) => e.from === 'src/ui/routes.ts' && !e.typeOnly).map((e) => e.to);
    expect(pages.length).toBe(ROUTES.length);
    expect(edges.filter((e) => e.from === 'src/ui/app.ts' && pages.includes(e.to))).toEqual([]);
  });
});
