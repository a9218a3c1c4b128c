// Where each figure walks during its visit: in from the street, browse, queue at a till, buy, back out to the
// street. A path is planned once per figure per week as timed waypoints in flat typed arrays; each frame only
// interpolates, so moving hundreds of figures allocates nothing.

/** Scene size and the store's fixed places, in scene pixels. Figures are placed by their feet. */
export const W = 960;
export const H = 420;
export const DOOR_X = 420;
export const STREET_Y = 360;
export const COUNTER_Y = 215;
export const MAX_LANES = 8;
export const laneX = (k: number): number => 250 + k * 50;
/** The complaint desk, right of the counter: its front, where a customer with a complaint stands. */
export const DESK_X = 668;
export const DESK_Y = 262;
/** Most places in a till's queue drawn; the queue's length follows the week's load (`queueDepth`). */
export const MAX_QUEUE = 8;

/**
 * How many places a till's queue spreads over in a week with this load (visits over what the staff can serve):
 * short when the staff keep up, longer the more they fall behind, so the queue's length reads as the load.
 */
export function queueDepth(load: number): number {
  if (!(load > 0)) return 1;
  return Math.max(1, Math.min(MAX_QUEUE, Math.ceil(load * 4)));
}

/** Tills open for a plan's extra staff: the base two plus one a staff member, one to MAX_LANES (one staff a till). */
export const tillsOpen = (extraStaff: number): number => Math.max(1, Math.min(MAX_LANES, 2 + extraStaff));

/** arrive, door (out), door (in), browse, browse end, queue, till, till end, door (in), door (out), away. */
export const WAYPOINTS = 11;
/** Shares of a visit spent standing still; the rest is walking, shared out by distance. */
const BROWSE = 0.24;
const QUEUE = 0.16;
const BUY = 0.08;
const WALK = 1 - BROWSE - QUEUE - BUY;

/** A well-mixed hash of two integers to [0, 1): looks random, but a figure's path is the same on every replay. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Result of `Paths.at`: where the figure is, and whether it is walking (for the stepping pose). */
export const Where = { NotYet: -1, Walking: 0, Standing: 1, Gone: 2 } as const;
export type Where = (typeof Where)[keyof typeof Where];

export class Paths {
  readonly x: Float32Array;
  readonly y: Float32Array;
  /** Waypoint times in weeks on the crowd's clock; Float64 so long sessions keep sub-frame precision. */
  readonly t: Float64Array;
  /** Position written by the last `at` call. */
  px = 0;
  py = 0;

  constructor(readonly capacity: number) {
    this.x = new Float32Array(capacity * WAYPOINTS);
    this.y = new Float32Array(capacity * WAYPOINTS);
    this.t = new Float64Array(capacity * WAYPOINTS);
  }

  /**
   * Plans slot `i`: a visit starting at `start` lasting `duration` weeks (≤ 1, so a week's figures are gone
   * before the slot is planned again two weeks later). `seed` varies the route; `lanes` is the number of tills;
   * `depth` the places a till's queue spreads over (`queueDepth`). A customer who complained this week (`desk`)
   * stands at the complaint desk instead of browsing the shelves.
   */
  plan(i: number, seed: number, start: number, duration: number, lanes: number, depth = 4, desk = false): void {
    const o = i * WAYPOINTS;
    const x = this.x;
    const y = this.y;
    const fromLeft = mix(seed, 1) < 0.5;
    const toLeft = mix(seed, 2) < 0.5;
    const kerb = STREET_Y + 12 + Math.floor(mix(seed, 3) * 22);
    const doorOut = DOOR_X - 10 + Math.floor(mix(seed, 4) * 20);
    const doorIn = DOOR_X - 8 + Math.floor(mix(seed, 5) * 16);
    const lane = Math.min(MAX_LANES - 1, Math.floor(mix(seed, 6) * lanes));
    const place = Math.floor(mix(seed, 7) * Math.max(1, Math.min(MAX_QUEUE, depth)));
    const till = laneX(lane) - 4 + Math.floor(mix(seed, 8) * 8);
    const browseX = desk ? DESK_X - 12 + Math.floor(mix(seed, 9) * 24) : 160 + Math.floor(mix(seed, 9) * 520);
    const browseY = desk ? DESK_Y + 36 + Math.floor(mix(seed, 10) * 10) : 300 + Math.floor(mix(seed, 10) * 50);
    set(x, y, o + 0, fromLeft ? -20 : W + 20, kerb);
    set(x, y, o + 1, doorOut, kerb);
    set(x, y, o + 2, doorIn, STREET_Y - 6);
    set(x, y, o + 3, browseX, browseY);
    set(x, y, o + 4, browseX, browseY);
    set(x, y, o + 5, till, COUNTER_Y + 72 + place * 9);
    set(x, y, o + 6, till, COUNTER_Y + 60);
    set(x, y, o + 7, till, COUNTER_Y + 60);
    set(x, y, o + 8, doorIn, STREET_Y - 6);
    set(x, y, o + 9, doorOut, kerb);
    set(x, y, o + 10, toLeft ? -20 : W + 20, kerb);
    let walked = 0;
    for (let j = 1; j < WAYPOINTS; j++) walked += dist(x, y, o + j - 1, o + j);
    const perPx = (WALK * duration) / Math.max(1, walked);
    const t = this.t;
    t[o] = start;
    for (let j = 1; j < WAYPOINTS; j++) {
      const still = j === 4 ? BROWSE : j === 6 ? QUEUE : j === 7 ? BUY : 0;
      t[o + j] = t[o + j - 1] + still * duration + dist(x, y, o + j - 1, o + j) * perPx;
    }
  }

  /** Where slot `i` is at time `now`; the position goes to `px`, `py`. */
  at(i: number, now: number): Where {
    const o = i * WAYPOINTS;
    const t = this.t;
    if (now < t[o]) return Where.NotYet;
    if (now >= t[o + WAYPOINTS - 1]) return Where.Gone;
    let j = o + 1;
    while (now >= t[j]) j++;
    const span = t[j] - t[j - 1];
    const f = span > 0 ? (now - t[j - 1]) / span : 1;
    const x0 = this.x[j - 1];
    const y0 = this.y[j - 1];
    const dx = this.x[j] - x0;
    const dy = this.y[j] - y0;
    this.px = x0 + dx * f;
    this.py = y0 + dy * f;
    return dx === 0 && dy === 0 ? Where.Standing : Where.Walking;
  }

  /** When slot `i`'s visit ends. */
  end(i: number): number {
    return this.t[i * WAYPOINTS + WAYPOINTS - 1];
  }
}

function set(x: Float32Array, y: Float32Array, k: number, px: number, py: number): void {
  x[k] = px;
  y[k] = py;
}

function dist(x: Float32Array, y: Float32Array, a: number, b: number): number {
  return Math.hypot(x[b] - x[a], y[b] - y[a]);
}
