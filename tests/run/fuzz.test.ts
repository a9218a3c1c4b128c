// A thousand mutated and malformed run files thrown at the checker, verify and the leaderboard: byte flips,
// truncation, deleted and added keys, huge numbers, wrong types, swapped seasons, edited scenarios, claims and
// decisions, plus layout changes that mean nothing. Nothing may crash; every file that is not ranked carries a
// clear reason; a ranked file must have exactly the verified outcome of the honest run it came from (a mutation
// is accepted only when it changes nothing that counts); and the fast path agrees with verifyRun on every file.
import { describe, expect, it } from 'vitest';
import { checkEntry, PopulationCache, type CheckedEntry } from '../../src/run/check';
import { rankChecked } from '../../src/run/leaderboard';
import { playToRun, verifyRun } from '../../src/run/replay';
import type { RunFile } from '../../src/run/runfile';
import { fromParsed } from '../../src/scenario/scenario';
import { botSeasons, smallBubbleTea } from '../sim/helpers';

const SEED = 'fuzz-seed';

/** mulberry32: a small deterministic generator, so every run of the test throws the same files. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Container = Json[] | { [k: string]: Json };

/** Every container in a JSON value with the key path to it. */
function containers(v: Json, out: Container[] = []): Container[] {
  if (v !== null && typeof v === 'object') {
    out.push(v);
    for (const x of Array.isArray(v) ? v : Object.values(v)) containers(x, out);
  }
  return out;
}

/** Every (container, key) holding a scalar of the wanted kind. */
function slots(v: Json, want: (x: Json) => boolean): [Container, string | number][] {
  const out: [Container, string | number][] = [];
  for (const c of containers(v)) {
    if (Array.isArray(c)) c.forEach((x, k) => want(x) && out.push([c, k]));
    else for (const [k, x] of Object.entries(c)) if (want(x)) out.push([c, k]);
  }
  return out;
}

const isScalar = (x: Json) => x === null || typeof x !== 'object';
const isNumber = (x: Json) => typeof x === 'number';
const set = (c: Container, k: string | number, v: Json) => ((c as Record<string | number, Json>)[k] = v);

const KINDS = [
  'flip',
  'flip',
  'truncate',
  'delete-key',
  'add-key',
  'huge',
  'wrong-type',
  'swap-seasons',
  'edit-scenario',
  'edit-claim',
  'edit-decision',
  'seed',
  'whitespace',
  'reorder',
  'rename-team',
  'engine',
  'drop-final',
  'drop-season',
] as const;
type Kind = (typeof KINDS)[number];

/** Layout and naming changes: the verified outcome must be accepted unchanged. */
const NEUTRAL: ReadonlySet<Kind> = new Set(['whitespace', 'reorder', 'rename-team']);
/** Changes that must never be accepted. */
const ALWAYS_FLAGGED: ReadonlySet<Kind> = new Set(['edit-scenario', 'edit-claim', 'seed', 'swap-seasons', 'drop-season']);

const FLIP_CHARS = ['0', '9', '.', '-', 'e', '"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'x', '\u0000', '\uFFFD', '客', '\n'];

function mutate(kind: Kind, original: RunFile, r: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const doc = structuredClone(original) as unknown as { [k: string]: Json };
  const text = JSON.stringify(original, null, 1);
  switch (kind) {
    case 'flip': {
      const at = Math.floor(r() * text.length);
      return text.slice(0, at) + pick(FLIP_CHARS) + text.slice(at + 1);
    }
    case 'truncate':
      return text.slice(0, Math.floor(r() * text.length));
    case 'delete-key': {
      const objs = containers(doc).filter((c) => !Array.isArray(c) && Object.keys(c).length > 0) as { [k: string]: Json }[];
      const o = pick(objs);
      delete o[pick(Object.keys(o))];
      break;
    }
    case 'add-key': {
      const objs = containers(doc).filter((c) => !Array.isArray(c)) as { [k: string]: Json }[];
      pick(objs)[pick(['extra', 'notes', 'score', 'x'])] = pick<Json>([1, 'a', [], {}, null]);
      break;
    }
    case 'huge': {
      const [c, k] = pick(slots(doc, isNumber));
      const v = pick([1e308, -1e308, 2 ** 53 + 1, 1e21, 5e-324, -1, 1e9]);
      set(c, k, v);
      if (r() < 0.3) return JSON.stringify(doc).replace(/:1e\+308/, ':1e400');
      break;
    }
    case 'wrong-type': {
      const [c, k] = pick(slots(doc, isScalar));
      set(c, k, pick<Json>(['text', [], {}, null, true, 0, '1']));
      if (r() < 0.05) return pick(['[]', '"run"', '42', 'null', 'true']);
      break;
    }
    case 'swap-seasons': {
      const s = doc.seasons as Json[];
      const i = Math.floor(r() * s.length);
      const j = (i + 1 + Math.floor(r() * (s.length - 1))) % s.length;
      [s[i], s[j]] = [s[j], s[i]];
      break;
    }
    case 'edit-scenario': {
      const data = (doc.scenario as { [k: string]: Json }).data;
      const [c, k] = pick(slots(data, isNumber));
      set(c, k, (c as Record<string | number, number>)[k] + pick([1, 0.01, -0.01]));
      break;
    }
    case 'edit-claim': {
      const s = pick(doc.seasons as { [k: string]: Json }[]);
      if (r() < 0.2) s.hash = (s.hash as string) === '00000000' ? '00000001' : '00000000';
      else {
        const score = s.score as { [k: string]: number };
        score[pick(Object.keys(score))] += pick([0.01, -0.01, 1, 10]);
      }
      break;
    }
    case 'edit-decision': {
      const s = pick(doc.seasons as { [k: string]: Json }[]);
      const [c, k] = pick(slots(s.decisions, (x) => typeof x === 'number' || typeof x === 'boolean'));
      const v = (c as Record<string | number, Json>)[k];
      set(c, k, typeof v === 'boolean' ? !v : (v as number) + pick([1, 0.01, 100]));
      break;
    }
    case 'seed':
      doc.seed = `${original.seed}${pick(['x', ' ', '2'])}`;
      break;
    case 'whitespace':
      return pick([JSON.stringify(original), JSON.stringify(original, null, 4), `\n  ${JSON.stringify(original, null, '\t')}\n\n`, text.replace(/": /g, '":   ')]);
    case 'reorder': {
      const reverse = (v: Json): Json =>
        Array.isArray(v) ? v.map(reverse) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v;
      return JSON.stringify(reverse(doc));
    }
    case 'rename-team':
      doc.team = pick(['Team 2', '二组', '', 'a'.repeat(80)]);
      break;
    case 'engine':
      doc.engineVersion = pick(['1.7.2', '2.7.2', '99.0.0', '0.9.9', '2.0', 'one']);
      break;
    case 'drop-final':
      delete doc.final;
      break;
    case 'drop-season':
      (doc.seasons as Json[]).splice(Math.floor(r() * (doc.seasons as Json[]).length), 1);
      break;
  }
  return JSON.stringify(doc, null, r() < 0.5 ? 1 : undefined);
}

interface Case {
  name: string;
  kind: Kind | 'special';
  text: string;
  base: RunFile;
}

function makeCases(base: RunFile[], count: number, seed: number, prefix: string): Case[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, k) => {
    const kind = KINDS[k % KINDS.length];
    const b = base[Math.floor(r() * base.length)];
    return { name: `${prefix}-${String(k).padStart(4, '0')}-${kind}.json`, kind, text: mutate(kind, b, r), base: b };
  });
}

function specials(b: RunFile): Case[] {
  const text = JSON.stringify(b);
  const c = (name: string, t: string): Case => ({ name: `special-${name}.json`, kind: 'special', text: t, base: b });
  return [
    c('empty', ''),
    c('spaces', '   \n\t'),
    c('binary', '\u0000\u0001\u0002PK'),
    c('too-large', `${text.slice(0, -1)}, "pad": "${'x'.repeat(2_100_000)}"}`),
    c('deep', '['.repeat(100_000) + ']'.repeat(100_000)),
    c('deep-object', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)),
    c('bom', `\uFEFF${text}`),
    c('yaml-anchors', 'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'),
    c('duplicate-key', text.replace('"team":', '"team":"x","team":')),
    c('proto', text.replace('"team":', '"__proto__":{"polluted":1},"team":')),
    c('nan', text.replace(/"total":[\d.]+/, '"total":NaN')),
    c('exp-overflow', text.replace(/"total":[\d.]+/, '"total":1e400')),
  ];
}

interface Outcome {
  c: Case;
  checked: CheckedEntry;
}

function judge(cases: Case[], originals: RunFile[]): Outcome[] {
  const cache = new PopulationCache();
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    const checked = checkEntry({ name: c.name, text: c.text }, cache);
    if (checked.ok) {
      // The fast path's verdict is the reference verdict, on every file that reads as a run.
      expect(checked.verdict, c.name).toEqual(verifyRun(checked.run));
    }
    outcomes.push({ c, checked });
  }
  // The leaderboard sees the honest originals first, then the mutants, a hundred at a time (as a class would).
  const honest = originals.map((run, k) => checkEntry({ name: `original-${k}.json`, text: JSON.stringify(run) }, cache));
  for (let from = 0; from < outcomes.length; from += 100) {
    const batch = outcomes.slice(from, from + 100);
    const board = rankChecked([...honest, ...batch.map((o) => o.checked)]);
    expect(board.rows).toHaveLength(batch.length + originals.length);
    const rows = new Map(board.rows.map((r) => [r.name, r]));
    for (const { c, checked } of batch) {
      const row = rows.get(c.name);
      expect(row, c.name).toBeDefined();
      if (!row) continue;
      if (row.status !== 'ranked') {
        expect(typeof row.reason, c.name).toBe('string');
        expect((row.reason as string).trim().length, `${c.name}: ${row.reason}`).toBeGreaterThan(10);
        if (!checked.ok) expect(row.status).toBe('malformed');
      } else {
        // Accepted only with exactly the honest run's verified outcome.
        expect(checked.ok, c.name).toBe(true);
        if (!checked.ok) continue;
        expect(row.final, c.name).toEqual(c.base.final?.score);
        expect(checked.run.seasons.map((s) => [s.hash, s.score]), c.name).toEqual(c.base.seasons.map((s) => [s.hash, s.score]));
        expect(checked.run.seed).toBe(c.base.seed);
        expect(checked.run.scenario.hash).toBe(c.base.scenario.hash);
      }
      if (c.kind !== 'special' && NEUTRAL.has(c.kind)) expect(['ranked', 'duplicate'], `${c.name}: ${row.reason}`).toContain(row.status);
      if (c.kind !== 'special' && ALWAYS_FLAGGED.has(c.kind)) expect(row.status, c.name).not.toBe('ranked');
    }
  }
  return outcomes;
}

describe('fuzzing run files', () => {
  it('survives 1,000 mutated and malformed files: no crash, a reason for each, nothing altered accepted', () => {
    const small = fromParsed(smallBubbleTea(150));
    const bases = ['textbook', 'passive', 'member-tiers'].map((bot) => playToRun(small.scenario, small.hash, SEED, `team ${bot}`, botSeasons(bot, small.scenario)).run);
    const special = specials(bases[0]);
    const cases = [...special, ...makeCases(bases, 1000 - special.length - 36, 20240601, 'small')];
    const outcomes = judge(cases, bases);

    // A larger market for a few, so the population cache and the full-size path are fuzzed too.
    const big = fromParsed(smallBubbleTea(800));
    const bigBases = [playToRun(big.scenario, big.hash, SEED, 'team big', botSeasons('textbook', big.scenario)).run];
    const bigOutcomes = judge(makeCases(bigBases, 36, 7, 'big'), bigBases);

    const all = [...outcomes, ...bigOutcomes];
    expect(all).toHaveLength(1000);
    // The mix really exercises every kind of outcome.
    const statuses = new Set(all.map((o) => (o.checked.ok ? (o.checked.verdict.valid ? 'valid' : 'invalid') : 'malformed')));
    expect([...statuses].sort()).toEqual(['invalid', 'malformed', 'valid']);
    const malformed = all.filter((o) => !o.checked.ok).length;
    const invalid = all.filter((o) => o.checked.ok && !o.checked.verdict.valid).length;
    expect(malformed).toBeGreaterThan(200);
    expect(invalid).toBeGreaterThan(150);
  }, 60_000);
});
