import type { z } from 'zod';
import { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { LEVER_AREAS } from '../scenario/schema';
import { OBJECTION_KINDS, plannedSpend } from '../sim';

// The search space of one season's decisions, read from the Decisions schema itself: every field with its range,
// its default and its kind. When the schema gains a field, the search covers it without a change here; only a
// new kind of field (free text without a list of values, say) needs a line below, and tests/redteam/space.test.ts
// fails until it has one.

export type Key = string | number;
export type Path = readonly Key[];

export interface NumberNode {
  kind: 'number';
  min: number;
  /** Largest value the search tries: the schema's maximum, or less where the budget cannot pay for more. */
  max: number;
  /** The schema's maximum, for telling a field at the end of its allowed range. */
  schemaMax: number;
  int: boolean;
  dflt?: number;
}
export interface BooleanNode {
  kind: 'boolean';
  dflt?: boolean;
}
/** An enum, or a text field whose values come from the scenario (TEXT_DOMAINS). */
export interface ChoiceNode {
  kind: 'choice';
  options: readonly string[];
  dflt?: string;
}
/** A list of distinct enum values (an audience's RFM groups or ABC classes). */
export interface SetNode {
  kind: 'set';
  options: readonly string[];
  max: number;
}
export interface ObjectNode {
  kind: 'object';
  fields: Record<string, Node>;
  /** May be left out altogether (an audience). */
  optional: boolean;
}
/** A list of objects of one shape (tier levels). */
export interface ListNode {
  kind: 'list';
  item: ObjectNode;
  max: number;
}
/** Free text with no known values: cannot be searched until TEXT_DOMAINS names its values. */
export interface TextNode {
  kind: 'text';
  dflt?: string;
  /** A list of such texts, at most this many (the hand-over's customer groups): searched as a set. */
  list?: number;
}
export interface ExcludedNode {
  kind: 'excluded';
  reason: string;
}
export type Node = NumberNode | BooleanNode | ChoiceNode | SetNode | ObjectNode | ListNode | TextNode | ExcludedNode;

/** Fields the search leaves at their defaults, and why. */
export const EXCLUDED: Record<string, string> = {
  featured:
    'answers to the complaint cases a season holds for the manager: they name customers known only once the season is played',
  ...Object.fromEntries(
    OBJECTION_KINDS.map((k) => [
      `acquisition.objections.${k}`,
      'the sales script: each answer has a fixed quality and the course script is the best at every step, so it costs nothing and trades off against nothing; every searched plan uses it (repair.ts), as the textbook does',
    ]),
  ),
};

/** Values of the schema's free-text fields, from the scenario. */
export const TEXT_DOMAINS: Record<string, (sc: Scenario) => string[]> = {
  'acquisition.target': (sc) => ['all', ...sc.segments.map((g) => g.id)],
  'complaints.handOverSegments': (sc) => sc.segments.map((g) => g.id),
};

export const pathKey = (path: Path): string => path.join('.');

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

const defOf = (s: unknown) => (s as AnySchema)._zod.def;

function lengthLimit(s: unknown, fallback: number): number {
  const checks = (defOf(s).checks ?? []) as { _zod: { def: { check: string; maximum?: number; length?: number } } }[];
  for (const c of checks) {
    if (c._zod.def.check === 'max_length' && c._zod.def.maximum !== undefined) return c._zod.def.maximum;
    if (c._zod.def.check === 'length_equals' && c._zod.def.length !== undefined) return c._zod.def.length;
  }
  return fallback;
}

/** The search tree of a zod schema: defaults and optional wrappers unwrapped, ranges read from the checks. */
export function schemaTree(schema: unknown, path: Path = []): Node {
  let s = schema;
  let dflt: unknown;
  let optional = false;
  for (;;) {
    const def = defOf(s);
    if (def.type === 'default' || def.type === 'prefault') {
      if (dflt === undefined) dflt = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      s = def.innerType;
    } else if (def.type === 'optional') {
      optional = true;
      s = def.innerType;
    } else break;
  }
  const key = pathKey(path);
  if (key in EXCLUDED) return { kind: 'excluded', reason: EXCLUDED[key] };
  const def = defOf(s);
  const n = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean; options: string[]; shape: Record<string, unknown> };
  switch (def.type) {
    case 'number':
      return {
        kind: 'number',
        min: n.minValue ?? 0,
        max: n.maxValue ?? Number.MAX_SAFE_INTEGER,
        schemaMax: n.maxValue ?? Number.MAX_SAFE_INTEGER,
        int: n.isInt,
        dflt: dflt as number | undefined,
      };
    case 'boolean':
      return { kind: 'boolean', dflt: dflt as boolean | undefined };
    case 'enum':
      return { kind: 'choice', options: n.options, dflt: dflt as string | undefined };
    case 'string':
      return { kind: 'text', dflt: dflt as string | undefined };
    case 'object': {
      const fields: Record<string, Node> = {};
      for (const [k, v] of Object.entries(n.shape)) fields[k] = schemaTree(v, [...path, k]);
      return { kind: 'object', fields, optional };
    }
    case 'array': {
      const element = def.element;
      const max = lengthLimit(s, 10);
      if (defOf(element).type === 'enum') return { kind: 'set', options: (element as unknown as { options: string[] }).options, max };
      if (defOf(element).type === 'string') return { kind: 'text', list: max };
      const item = schemaTree(element, [...path, '*']);
      if (item.kind !== 'object') return { kind: 'excluded', reason: `unsupported list of ${item.kind}` };
      return { kind: 'list', item, max };
    }
    default:
      return { kind: 'excluded', reason: `unsupported field type "${def.type}"` };
  }
}

/** Every field of a tree, with its path (list items as "*"). */
export function leaves(node: Node, path: Path = []): { path: Path; node: Node }[] {
  if (node.kind === 'object') {
    const out: { path: Path; node: Node }[] = node.optional && path.length > 0 ? [{ path, node }] : [];
    for (const [k, v] of Object.entries(node.fields)) out.push(...leaves(v, [...path, k]));
    return out;
  }
  if (node.kind === 'list') return [{ path, node }, ...leaves(node.item, [...path, '*'])];
  return [{ path, node }];
}

/** What the budget pays for: a planned-spending field and its cost per unit (the economics, probed). */
export interface SpendingField {
  path: Path;
  perUnit: number;
  /** The field's neutral value (no spending). */
  min: number;
  int: boolean;
}

export interface Space {
  scenario: Scenario;
  /** One season's decisions, with only the areas the scenario opens, text fields resolved, budget caps applied. */
  season: ObjectNode;
  /** Top-level numbers and switches that planned spending (the season budget) pays for. */
  spending: SpendingField[];
  spendingSwitches: SpendingField[];
}

/**
 * The search space for a scenario: areas it does not open are left out (they stay neutral), free-text fields get
 * their values from the scenario, and a number the budget pays for is searched only up to what the whole budget
 * buys.
 */
export function scenarioSpace(scenario: Scenario): Space {
  const probe = (d: Decisions) => plannedSpend(scenario, d).total;
  const tree = schemaTree(Decisions) as ObjectNode;
  const fields: Record<string, Node> = {};
  for (const [area, node] of Object.entries(tree.fields)) {
    if ((LEVER_AREAS as readonly string[]).includes(area) && !scenario.levers.includes(area as (typeof LEVER_AREAS)[number])) continue;
    fields[area] = resolveText(node, [area], scenario);
  }
  const season: ObjectNode = { kind: 'object', fields, optional: false };
  const neutral = Decisions.parse({});
  const base = probe(neutral);
  const spending: SpendingField[] = [];
  const spendingSwitches: SpendingField[] = [];
  for (const { path, node } of leaves(season)) {
    // Inside lists and absent optional objects (audiences) nothing is budgeted.
    if (path.includes('*') || getAt(neutral, path.slice(0, -1)) === undefined) continue;
    if (node.kind === 'number') {
      const d = structuredClone(neutral);
      const v = node.min + 1;
      setAt(d, path, v);
      const perUnit = (probe(d) - base) / (v - node.min);
      if (perUnit > 1e-12) {
        spending.push({ path, perUnit, min: node.min, int: node.int });
        const cap = node.min + scenario.budgetPerSeason / perUnit;
        node.max = Math.max(node.min, Math.min(node.max, node.int ? Math.floor(cap) : cap));
      }
    } else if (node.kind === 'boolean') {
      const d = structuredClone(neutral);
      setAt(d, path, !(node.dflt ?? false));
      const cost = probe(d) - base;
      if (cost > 1e-12) spendingSwitches.push({ path, perUnit: cost, min: 0, int: false });
    }
  }
  return { scenario, season, spending, spendingSwitches };
}

function resolveText(node: Node, path: Path, scenario: Scenario): Node {
  if (node.kind === 'text') {
    const domain = TEXT_DOMAINS[pathKey(path)];
    if (!domain) return node;
    if (node.list !== undefined) return { kind: 'set', options: domain(scenario), max: Math.min(node.list, domain(scenario).length) };
    return { kind: 'choice', options: domain(scenario), dflt: node.dflt };
  }
  if (node.kind === 'object') {
    const fields: Record<string, Node> = {};
    for (const [k, v] of Object.entries(node.fields)) fields[k] = resolveText(v, [...path, k], scenario);
    return { ...node, fields };
  }
  if (node.kind === 'list') return { ...node, item: resolveText(node.item, [...path, '*'], scenario) as ObjectNode };
  return node;
}

// --- Paths into a season's decisions -------------------------------------------------------------------------

export function getAt(obj: unknown, path: Path): unknown {
  let o = obj as Record<Key, unknown> | undefined;
  for (const k of path) {
    if (o === undefined || o === null) return undefined;
    o = o[k] as Record<Key, unknown> | undefined;
  }
  return o;
}

export function setAt(obj: unknown, path: Path, value: unknown): void {
  let o = obj as Record<Key, unknown>;
  for (let i = 0; i < path.length - 1; i++) o = o[path[i]] as Record<Key, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
}

// --- Numbers on a 0–1 scale -----------------------------------------------------------------------------------
// A number whose range spans more than a hundred units (yuan, points) is searched on a log scale, so ¥1 and ¥10 are
// as far apart as ¥1,000 and ¥10,000; the bottom 5% of the scale is the minimum itself (no spending at all).

const ZERO_BAND = 0.05;

const isWide = (n: NumberNode) => n.max - n.min > 100;
const logLow = (n: NumberNode) => (n.min > 0 ? n.min : Math.max(0.01, n.max * 1e-6));

export function fromUnit(n: NumberNode, u: number): number {
  const x = Math.min(1, Math.max(0, u));
  let v: number;
  if (!isWide(n)) v = n.min + x * (n.max - n.min);
  else if (n.min > 0) v = n.min * Math.pow(n.max / n.min, x);
  else if (x < ZERO_BAND) v = n.min;
  else {
    const lo = logLow(n);
    v = lo * Math.pow(n.max / lo, (x - ZERO_BAND) / (1 - ZERO_BAND));
  }
  if (n.int) v = Math.round(v);
  else v = Number(v.toPrecision(3));
  return Math.min(n.max, Math.max(n.min, v));
}

export function toUnit(n: NumberNode, v: number): number {
  if (n.max <= n.min) return 0;
  if (!isWide(n)) return (v - n.min) / (n.max - n.min);
  if (n.min > 0) return Math.log(Math.max(v, n.min) / n.min) / Math.log(n.max / n.min);
  const lo = logLow(n);
  if (v < lo) return v <= n.min ? 0 : ZERO_BAND / 2;
  return Math.min(1, ZERO_BAND + (1 - ZERO_BAND) * (Math.log(v / lo) / Math.log(n.max / lo)));
}
