import seedrandom from 'seedrandom';
import type { Decisions } from '../scenario/decisions';
import type { Plan } from './repair';
import { fromUnit, getAt, pathKey, setAt, toUnit, type ListNode, type Node, type ObjectNode, type Path, type Space } from './space';

// The moves of the search over a plan: random values for any field of the space, random plans, and the
// coordinates of coordinate ascent with the candidate values each one tries. All randomness comes from one
// seeded generator, so a search is the same every time it is given the same seed.

export type Rng = () => number;

export const makeRng = (seed: string): Rng => seedrandom.alea(seed);

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** A random value for a field: numbers across their range (the ends of it one time in ten). */
export function randomValue(node: Node, rng: Rng, present = false): unknown {
  switch (node.kind) {
    case 'number': {
      const r = rng();
      if (r < 0.05) return node.min;
      if (r < 0.1) return node.max;
      return fromUnit(node, rng());
    }
    case 'boolean':
      return rng() < 0.5;
    case 'choice':
      return pick(rng, node.options);
    case 'set': {
      const out = node.options.filter(() => rng() < 0.4).slice(0, node.max);
      return out.length > 0 ? out : [pick(rng, node.options)];
    }
    case 'object': {
      if (node.optional && !present && rng() < 0.5) return undefined;
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node.fields)) {
        const x = randomValue(v, rng);
        if (x !== undefined) o[k] = x;
      }
      return o;
    }
    case 'list': {
      const n = Math.floor(rng() * (node.max + 1));
      return Array.from({ length: n }, () => randomValue(node.item, rng, true));
    }
    default:
      return undefined;
  }
}

/** Fields that a random plan changes as a whole: leaves, sets, lists and optional objects (not their insides). */
export function units(node: Node, path: Path = []): { path: Path; node: Node }[] {
  if (node.kind === 'object' && (!node.optional || path.length === 0)) {
    const out: { path: Path; node: Node }[] = [];
    for (const [k, v] of Object.entries(node.fields)) out.push(...units(v, [...path, k]));
    return out;
  }
  if (node.kind === 'excluded' || node.kind === 'text') return [];
  return [{ path, node }];
}

/** A season with each field replaced by a random value with probability `rate`. */
export function mutateSeason(space: Space, d: Decisions, rate: number, rng: Rng): Decisions {
  const out = structuredClone(d);
  for (const { path, node } of units(space.season)) {
    if (rng() < rate) setAt(out, path, randomValue(node, rng, false));
  }
  return out;
}

/** A random plan around a base plan: the same season every season (six times in ten) or each season its own. */
export function randomPlan(space: Space, base: Plan, rate: number, rng: Rng): Plan {
  if (rng() < 0.6) {
    const season = mutateSeason(space, base[Math.floor(rng() * base.length)], rate, rng);
    return base.map(() => structuredClone(season));
  }
  return base.map((d) => mutateSeason(space, d, rate, rng));
}

// --- Coordinate ascent ----------------------------------------------------------------------------------------

export type Coord =
  | { op: 'value'; path: Path; node: Node }
  | { op: 'add'; path: Path; node: ListNode }
  | { op: 'remove'; path: Path; node: ListNode }
  | { op: 'toggle'; path: Path; node: ObjectNode };

/** Every coordinate of a season as it stands: each field, each level of a list, each optional object. */
export function coordinates(node: Node, d: unknown, path: Path = []): Coord[] {
  switch (node.kind) {
    case 'object': {
      const out: Coord[] = [];
      if (node.optional && path.length > 0) {
        out.push({ op: 'toggle', path, node });
        if (getAt(d, path) === undefined) return out;
      }
      for (const [k, v] of Object.entries(node.fields)) out.push(...coordinates(v, d, [...path, k]));
      return out;
    }
    case 'list': {
      const items = (getAt(d, path) as unknown[] | undefined) ?? [];
      const out: Coord[] = [];
      if (items.length < node.max) out.push({ op: 'add', path, node });
      if (items.length > 0) out.push({ op: 'remove', path, node });
      items.forEach((_, k) => out.push(...coordinates(node.item, d, [...path, k])));
      return out;
    }
    case 'number':
    case 'boolean':
    case 'choice':
    case 'set':
      return [{ op: 'value', path, node }];
    default:
      return [];
  }
}

/** Step sizes of the numbers on their 0–1 scale, per coordinate and scope: grow after a gain, halve after none. */
export class Steps {
  private steps = new Map<string, number>();
  static readonly START = 0.25;
  get(key: string): number {
    return this.steps.get(key) ?? Steps.START;
  }
  update(key: string, improved: boolean): void {
    const s = this.get(key);
    const next = improved ? Math.min(0.5, s * 1.5) : s / 2;
    // A step that has shrunk to nothing starts over, so a later pass looks further again.
    this.steps.set(key, next < 1 / 64 ? Steps.START : next);
  }
}

/** The values a coordinate tries from a season's current value. */
export function candidateValues(c: Coord, d: Decisions, step: number, rng: Rng): unknown[] {
  const cur = getAt(d, c.path);
  if (c.op === 'toggle') return cur === undefined ? [randomValue(c.node, rng, true)] : [undefined];
  if (c.op === 'add') {
    const items = (cur as unknown[]) ?? [];
    return [0, 1].map(() => [...items, randomValue(c.node.item, rng, true)]);
  }
  if (c.op === 'remove') {
    const items = (cur as unknown[]) ?? [];
    return items.map((_, k) => items.filter((__, j) => j !== k));
  }
  const node = c.node;
  const out: unknown[] = [];
  const add = (v: unknown) => {
    if (JSON.stringify(v) !== JSON.stringify(cur) && !out.some((x) => JSON.stringify(x) === JSON.stringify(v))) out.push(v);
  };
  switch (node.kind) {
    case 'number': {
      const u = toUnit(node, cur as number);
      add(fromUnit(node, u + step));
      add(fromUnit(node, u - step));
      // Now and then the far end of the range: loopholes live at the extremes.
      if (rng() < 0.2) add(u < 0.5 ? node.max : node.min);
      break;
    }
    case 'boolean':
      add(!cur);
      break;
    case 'choice':
      for (const o of node.options) add(o);
      break;
    case 'set': {
      const have = (cur as string[]) ?? [];
      for (const o of node.options) {
        if (have.includes(o)) add(have.filter((x) => x !== o));
        else if (have.length < node.max) add([...have, o]);
      }
      break;
    }
  }
  return out;
}

/**
 * The plan with a coordinate set to a value: in one season, or (season "all") in a reference season whose whole
 * area (acquisition, tiers, …) is then copied to every season, which makes that area the same all game.
 */
export function withValue(plan: Plan, c: Coord, value: unknown, season: number | 'all', ref: number): Plan {
  const at = season === 'all' ? ref : season;
  const changed = structuredClone(plan[at]);
  setAt(changed, c.path, value);
  if (season !== 'all') return plan.map((d, k) => (k === at ? changed : d));
  const area = c.path[0] as keyof Decisions;
  return plan.map((d) => ({ ...d, [area]: structuredClone(changed[area]) }) as Decisions);
}

export const coordKey = (c: Coord, season: number | 'all') => `${season}|${c.op}|${pathKey(c.path)}`;
