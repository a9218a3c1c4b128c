import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from 'vite';

// The project's import graph, read by the same parser the build uses (oxc, through Vite): every static import and
// re-export, type-only ones included (a type cycle is a cycle of meaning too), and every dynamic import('…').

export interface Edge {
  /** Importing file, relative to the repository root ("src/sim/season.ts"). */
  from: string;
  /** Imported file, relative to the repository root, or the package name for a bare specifier. */
  to: string;
  typeOnly: boolean;
}

const ROOT = resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return tsFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

function target(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const path = relative(ROOT, resolve(ROOT, dirname(from), spec.replace(/\?.*$/, '')));
  if (/\.\w+$/.test(path)) return path;
  // A folder import ('../sim') is its index.ts.
  return existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isDirectory() ? `${path}/index.ts` : `${path}.ts`;
}

/** Every import of every .ts file under `dir` (relative to the repository root). */
export function importsUnder(dir: string): Edge[] {
  const edges: Edge[] = [];
  for (const file of tsFiles(dir)) {
    const code = readFileSync(join(ROOT, file), 'utf8');
    const { module } = parseSync(file, code);
    for (const i of module.staticImports) {
      const typeOnly = i.entries.length > 0 && i.entries.every((e) => e.isType);
      edges.push({ from: file, to: target(file, i.moduleRequest.value), typeOnly });
    }
    for (const e of module.staticExports) {
      for (const x of e.entries) if (x.moduleRequest) edges.push({ from: file, to: target(file, x.moduleRequest.value), typeOnly: x.isType });
    }
    for (const d of module.dynamicImports) {
      const spec = code.slice(d.moduleRequest.start, d.moduleRequest.end).replace(/^['"`]|['"`]$/g, '');
      edges.push({ from: file, to: target(file, spec), typeOnly: false });
    }
  }
  return edges;
}

/** The import cycles among `files` (strongly connected components of more than one file, or a file importing itself). */
export function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}
