// Decisions as leaves: every scalar of a (nested) decisions object under its dotted path, e.g.
// "tiers.levels.1.discount" or "care.contactsPerMonth". The shared vocabulary of run comparison and copy detection.

export type Leaf = string | number | boolean | null;

export function leaves(value: unknown, prefix = '', out: Map<string, Leaf> = new Map()): Map<string, Leaf> {
  if (Array.isArray(value)) {
    if (value.length === 0 && prefix) out.set(prefix, '[]');
    value.forEach((v, k) => leaves(v, prefix ? `${prefix}.${k}` : String(k), out));
  } else if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    if (keys.length === 0 && prefix) out.set(prefix, '{}');
    for (const k of keys) leaves((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (value === undefined) {
    // Absent: no leaf.
  } else {
    out.set(prefix, value as Leaf);
  }
  return out;
}

export interface LeafDiff {
  path: string;
  /** undefined: the leaf does not exist on that side (e.g. one more tier level). */
  a: Leaf | undefined;
  b: Leaf | undefined;
}

/** Leaves that differ between two values, in path order (numeric parts compared as numbers). */
export function diffLeaves(a: unknown, b: unknown): LeafDiff[] {
  const la = leaves(a);
  const lb = leaves(b);
  const paths = new Set([...la.keys(), ...lb.keys()]);
  const out: LeafDiff[] = [];
  for (const p of paths) {
    const x = la.get(p);
    const y = lb.get(p);
    if (x !== y) out.push({ path: p, a: x, b: y });
  }
  return out.sort((p, q) => comparePaths(p.path, q.path));
}

export function comparePaths(p: string, q: string): number {
  const a = p.split('.');
  const b = q.split('.');
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    if (a[k] === b[k]) continue;
    const na = /^\d+$/.test(a[k]);
    const nb = /^\d+$/.test(b[k]);
    if (na && nb) return Number(a[k]) - Number(b[k]);
    return a[k] < b[k] ? -1 : 1;
  }
  return a.length - b.length;
}
