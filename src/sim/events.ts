import type { EventKind } from './types';

// The "why" log: one compact record per change of a customer — week, customer, kind, cause, value, delta —
// in growable typed buffers, so explaining everything costs little even for a hundred thousand customers.

export interface EventLog {
  length: number;
  week: Int32Array;
  customer: Int32Array;
  kind: Uint8Array;
  cause: Uint8Array;
  value: Float32Array;
  delta: Float32Array;
}

export interface CustomerEvent {
  week: number;
  customer: number;
  kind: EventKind;
  cause: number;
  value: number;
  delta: number;
}

export function createLog(capacity = 1024): EventLog {
  return {
    length: 0,
    week: new Int32Array(capacity),
    customer: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    cause: new Uint8Array(capacity),
    value: new Float32Array(capacity),
    delta: new Float32Array(capacity),
  };
}

function grow(log: EventLog): void {
  const cap = log.week.length * 2;
  const copy = <T extends Int32Array | Uint8Array | Float32Array>(a: T, make: (n: number) => T): T => {
    const b = make(cap);
    b.set(a);
    return b;
  };
  log.week = copy(log.week, (n) => new Int32Array(n));
  log.customer = copy(log.customer, (n) => new Int32Array(n));
  log.kind = copy(log.kind, (n) => new Uint8Array(n));
  log.cause = copy(log.cause, (n) => new Uint8Array(n));
  log.value = copy(log.value, (n) => new Float32Array(n));
  log.delta = copy(log.delta, (n) => new Float32Array(n));
}

export function record(
  log: EventLog,
  week: number,
  customer: number,
  kind: EventKind,
  cause: number,
  value: number,
  delta: number,
): void {
  if (log.length === log.week.length) grow(log);
  const k = log.length++;
  log.week[k] = week;
  log.customer[k] = customer;
  log.kind[k] = kind;
  log.cause[k] = cause;
  log.value[k] = value;
  log.delta[k] = delta;
}

/** Appends every event of `part` to `log`, in order. */
export function appendLog(log: EventLog, part: EventLog): void {
  while (log.week.length < log.length + part.length) grow(log);
  const at = log.length;
  const n = part.length;
  log.week.set(part.week.subarray(0, n), at);
  log.customer.set(part.customer.subarray(0, n), at);
  log.kind.set(part.kind.subarray(0, n), at);
  log.cause.set(part.cause.subarray(0, n), at);
  log.value.set(part.value.subarray(0, n), at);
  log.delta.set(part.delta.subarray(0, n), at);
  log.length = at + n;
}

export function cloneLog(log: EventLog): EventLog {
  return {
    length: log.length,
    week: log.week.slice(),
    customer: log.customer.slice(),
    kind: log.kind.slice(),
    cause: log.cause.slice(),
    value: log.value.slice(),
    delta: log.delta.slice(),
  };
}

/** Every event of one customer, oldest first. */
export function customerHistory(log: EventLog, customer: number): CustomerEvent[] {
  const out: CustomerEvent[] = [];
  for (let k = 0; k < log.length; k++) {
    if (log.customer[k] !== customer) continue;
    out.push({
      week: log.week[k],
      customer,
      kind: log.kind[k] as EventKind,
      cause: log.cause[k],
      value: log.value[k],
      delta: log.delta[k],
    });
  }
  return out;
}
