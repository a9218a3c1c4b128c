// The engine's layers: each file of src/sim belongs to one, and imports only from its own layer or earlier ones,
// so a mechanic never reaches into the weekly pass, the pass never into scoring, and so on. No cycles at all.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { cycles, importsUnder } from '../architecture/imports';

const LAYERS: [string, string[]][] = [
  ['base', ['types', 'detmath', 'random', 'hot-loop', 'attitude', 'service-cost', 'economics', 'security']],
  ['state', ['events', 'tally', 'state', 'plan', 'week-stats', 'week-context', 'prefetch', 'objections']],
  ['customer', ['effects', 'churn-causes', 'segments', 'targeting']],
  [
    'mechanics',
    ['population', 'acquisition', 'purchase', 'experience', 'complaints', 'featured', 'care', 'competition', 'information', 'lifecycle', 'points', 'tiers', 'retention', 'reputation', 'staff', 'survey'],
  ],
  ['pass', ['customer-pass']],
  ['scoring', ['scoring', 'hash', 'news', 'report', 'profile']],
  ['season', ['season']],
  ['fold', ['game', 'index']],
];

const layerOf = new Map(LAYERS.flatMap(([, files], k) => files.map((f): [string, number] => [`src/sim/${f}.ts`, k])));
const edges = importsUnder('src/sim');

describe('the layers of src/sim', () => {
  it('every file of src/sim has a layer', () => {
    const files = readdirSync('src/sim').filter((f) => f.endsWith('.ts')).map((f) => `src/sim/${f}`);
    expect(files.filter((f) => !layerOf.has(f))).toEqual([]);
  });

  it('no file imports from a later layer', () => {
    const upward = edges
      .filter((e) => layerOf.has(e.to) && layerOf.get(e.to)! > layerOf.get(e.from)!)
      .map((e) => `${e.from} (${LAYERS[layerOf.get(e.from)!][0]}) imports ${e.to} (${LAYERS[layerOf.get(e.to)!][0]})`);
    expect(upward).toEqual([]);
  });

  it('no import cycles, type-only imports included', () => {
    expect(cycles(edges.filter((e) => e.to.startsWith('src/sim/')))).toEqual([]);
  });

  // The store segments its own database (RFM, ABC, early warning) with the same analytics a student runs in the Lab.
  it('the engine imports nothing but itself, the scenario format, the analytics and its seeded random source', () => {
    const outside = edges.filter((e) => !/^src\/(sim|scenario|analytics)\//.test(e.to) && e.to !== 'seedrandom');
    expect(outside.map((e) => `${e.from} imports ${e.to}`)).toEqual([]);
  });
});
