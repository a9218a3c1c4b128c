// A decision is addressed by its dotted path in a Decisions object ("pricing.discount", "tiers.levels.0.service"):
// the plan's fields, the replay's decision table and the autosave's kept edits all name decisions this way.

export function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
}

/** Writes `value` at `path`; every step but the last must exist. A path through an object's prototype is refused. */
export function setPath(obj: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  if (keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) throw new Error(`not a decision path: ${path}`);
  const last = keys.pop() as string;
  const target = keys.reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, obj as Record<string, unknown>);
  target[last] = value;
}
