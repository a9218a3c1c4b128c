import type { SimHost } from '../host/host';

// The one host of this page, shared by actions and views that ask the simulation questions (profile cards).

let current: SimHost | null = null;

export function setHost(h: SimHost): void {
  current = h;
}

export function getHost(): SimHost {
  if (!current) throw new Error('simulation host not started');
  return current;
}
