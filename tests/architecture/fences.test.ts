// Fences for the whole source tree: the engine is reached only through its public API (src/sim/index.ts), the app
// state does not reach into the Phaser world, and shipped code never reads the tests.
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
    expect(edges.some((e) => e.from === 'src/ui/lab.ts' && e.to.startsWith('assets/cdnow/'))).toBe(true);
  });

  it('the engine, the analytics, the scenario format and the run files never import the app, the UI or the world', () => {
    const core = /^src\/(sim|analytics|scenario|run)\//;
    const app = /^src\/(store|ui|game)\//;
    expect(said(edges.filter((e) => core.test(e.from) && app.test(e.to)))).toEqual([]);
  });
});
