// Fences for the whole source tree: the engine is reached only through its public API (src/sim/index.ts), the app
// state does not reach into the Phaser world, workers are started and reached only through their clients in
// src/workers, the simulation host and the Lab's core know nothing of the app, and shipped code never reads the
// tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsUnder } from './imports';

const edges = importsUnder('src');
const said = (list: typeof edges) => list.map((e) => `${e.from} imports ${e.to}`);

describe('fences in src', () => {
  it('outside src/sim the engine is used only through src/sim/index.ts', () => {
    expect(said(edges.filter((e) => !e.from.startsWith('src/sim/') && e.to.startsWith('src/sim/') && e.to !== 'src/sim/index.ts'))).toEqual([]);
    // The graph does see those imports (a folder import is its index).
    expect(edges.some((e) => e.from.startsWith('src/ui/') && e.to === 'src/sim/index.ts')).toBe(true);
  });

  it('the app state (src/store) does not import the Phaser world (src/game)', () => {
    expect(said(edges.filter((e) => e.from.startsWith('src/store/') && e.to.startsWith('src/game/')))).toEqual([]);
  });

  it('nothing in src imports the tests; the Lab ships its sample data from assets', () => {
    expect(said(edges.filter((e) => e.to.startsWith('tests/')))).toEqual([]);
    expect(edges.some((e) => e.from === 'src/ui/lab-store.ts' && e.to.startsWith('assets/cdnow/'))).toBe(true);
  });

  it('the engine, the analytics, the scenario format and the run files never import the app, the UI or the world', () => {
    const core = /^src\/(sim|analytics|scenario|run)\//;
    const app = /^src\/(store|ui|game)\//;
    expect(said(edges.filter((e) => core.test(e.from) && app.test(e.to)))).toEqual([]);
  });

  it('the simulation host (src/host) and the Lab\'s core (src/lab) never import the app state, the UI or the world', () => {
    const inner = /^src\/(host|lab)\//;
    const app = /^src\/(store|ui|game)\//;
    expect(said(edges.filter((e) => inner.test(e.from) && app.test(e.to)))).toEqual([]);
    // The graph does see their imports.
    expect(edges.some((e) => e.from === 'src/host/local-host.ts' && e.to === 'src/sim/index.ts')).toBe(true);
    expect(edges.some((e) => e.from === 'src/lab/lab-survey.ts' && e.to === 'src/lab/lab-core.ts')).toBe(true);
  });

  it('the class server (src/server) never imports the app state, the UI or the world', () => {
    const app = /^src\/(store|ui|game)\//;
    expect(said(edges.filter((e) => e.from.startsWith('src/server/') && app.test(e.to)))).toEqual([]);
    // The graph does see its imports.
    expect(edges.some((e) => e.from.startsWith('src/server/') && e.to === 'src/sim/index.ts')).toBe(true);
  });

  it('the app state reaches workers only through their clients, never a *.worker.ts file', () => {
    expect(said(edges.filter((e) => e.from.startsWith('src/store/') && e.to.endsWith('.worker.ts')))).toEqual([]);
    // Nor does anything else outside src/workers.
    expect(said(edges.filter((e) => !e.from.startsWith('src/workers/') && e.to.endsWith('.worker.ts')))).toEqual([]);
  });

  it('only src/workers creates Web Workers', () => {
    const files = [...new Set(edges.map((e) => e.from))];
    const creating = files.filter((f) => /\bnew\s+(Shared)?Worker\s*\(/.test(readFileSync(resolve(__dirname, '../..', f), 'utf8')));
    // The command-line tools' and the class server's threads are Node's (their Worker comes from node:worker_threads), not the page's.
    const nodeThreads = new Set(edges.filter((e) => e.to === 'node:worker_threads').map((e) => e.from));
    expect(creating.filter((f) => !f.startsWith('src/workers/') && !nodeThreads.has(f))).toEqual([]);
    expect(creating.filter((f) => nodeThreads.has(f)).every((f) => /^src\/(cli|redteam|server)\//.test(f))).toBe(true);
    // Each worker of src/workers is started in the form Vite bundles: new Worker(new URL('./x.worker.ts', import.meta.url), …).
    const started = files
      .filter((f) => f.startsWith('src/workers/'))
      .flatMap((f) => [...readFileSync(resolve(__dirname, '../..', f), 'utf8').matchAll(/new Worker\(new URL\('\.\/([\w.-]+\.worker\.ts)', import\.meta\.url\), \{ type: 'module' \}\)/g)].map((m) => m[1]))
      .sort();
    expect(started).toEqual(['class-verify.worker.ts', 'compare.worker.ts', 'lab.worker.ts', 'parse.worker.ts', 'sim.worker.ts']);
  });
});
