import Phaser from 'phaser';
import type { WeekStats } from '../sim';
import { CROWD_CAP, markedVisitor, roster } from '../store/crowd-roster';
import { ANON, ANON_SHADES, ATLAS, BUBBLE, MARKED, MOODS, STAGES, STEPS, anonFrame, markedFrame } from './textures';
import { Paths, W, Where, mix, queueDepth } from './paths';

// The visitors as one pooled crowd. Two generations of CROWD_CAP slots: the week playing and the week before,
// whose last visitors are still on their way out (a visit lasts at most a week, so a generation is free again
// when its slots come round). Each slot owns one bob in each of three layers (plain figures, marked figures,
// complaint bubbles) on one atlas, so the crowd draws as one batch, marked figures always above plain ones.
// Bobs are made once. Each frame the layers' render lists are refilled in place with the bobs of figures on
// their way, so figures waiting to arrive or already gone cost nothing to draw and nothing is allocated.

const SLOTS = 2 * CROWD_CAP;
const NONE = 0;
const PLAIN = 1;
const MARKED_KIND = 2;
/** Pose changes per week of walking, on the crowd's clock (it is a time-lapse: faster play, faster steps). */
const STEPS_PER_WEEK = 24;
/** Scene pixels a click may miss a marked figure by and still open its file. */
const PICK_SLACK = 8;

type Bob = Phaser.GameObjects.Bob;
type Frame = Phaser.Textures.Frame;

/** A Blitter that draws exactly the bobs the crowd lists for this frame (Bob visibility is never used). */
class Layer extends Phaser.GameObjects.Blitter {
  readonly drawn: Bob[] = [];

  override getRenderList(): Bob[] {
    return this.drawn;
  }
}

export class Crowd {
  private readonly paths = new Paths(SLOTS);
  private readonly kind = new Uint8Array(SLOTS);
  private readonly id = new Int32Array(SLOTS).fill(-1);
  /** First frame of the slot's look: two poses follow each other. */
  private readonly look = new Uint16Array(SLOTS);
  private readonly complained = new Uint8Array(SLOTS);
  /** Where the slot's feet are now; NaN while it is not on its way. */
  private readonly fx = new Float32Array(SLOTS).fill(NaN);
  private readonly fy = new Float32Array(SLOTS).fill(NaN);
  private readonly layers: [Layer, Layer, Layer];
  private readonly plainBobs: Bob[] = [];
  private readonly markedBobs: Bob[] = [];
  private readonly bubbleBobs: Bob[] = [];
  private readonly plainFrames: Frame[] = [];
  private readonly markedFrames: Frame[] = [];
  /** Latest end of any assigned visit: after it, nothing moves. */
  private until = -Infinity;
  private onScene = 0;

  constructor(scene: Phaser.Scene) {
    const [plain, marked, bubbles] = (this.layers = [new Layer(scene, 0, 0, ATLAS), new Layer(scene, 0, 0, ATLAS), new Layer(scene, 0, 0, ATLAS)]);
    this.layers.forEach((layer) => scene.add.existing(layer));
    const tex = scene.textures.get(ATLAS);
    for (let stage = 0; stage < STAGES; stage++) {
      for (let mood = 0; mood < MOODS; mood++) {
        for (let step = 0; step < STEPS; step++) this.markedFrames.push(tex.get(markedFrame(stage, mood, step)));
      }
    }
    for (let shade = 0; shade < ANON_SHADES; shade++) {
      for (let step = 0; step < STEPS; step++) this.plainFrames.push(tex.get(anonFrame(shade, step)));
    }
    for (let s = 0; s < SLOTS; s++) {
      this.plainBobs.push(plain.create(0, 0, this.plainFrames[0]));
      this.markedBobs.push(marked.create(0, 0, this.markedFrames[0]));
      this.bubbleBobs.push(bubbles.create(0, 0, 'bubble'));
    }
  }

  /** Empties both generations. */
  clear(): void {
    for (let s = 0; s < SLOTS; s++) this.free(s);
    this.until = -Infinity;
    this.onScene = 0;
    for (const layer of this.layers) layer.drawn.length = 0;
  }

  /**
   * Dresses generation `gen` (0 or 1) as week `stats`, its visits arriving during [start, start + 1) on the
   * crowd's clock. `key` makes routes differ from week to week and stay the same on every replay. The queues'
   * length follows the week's load; marked customers who complained that week stand at the complaint desk.
   */
  assign(gen: number, stats: WeekStats, start: number, lanes: number, key: number): void {
    const r = roster(stats);
    const depth = queueDepth(stats.load);
    const base = gen * CROWD_CAP;
    for (let j = 0; j < CROWD_CAP; j++) {
      const s = base + j;
      if (j >= r.shown) {
        this.free(s);
        continue;
      }
      const seed = (Math.imul(key + 1, 0x2c1b3c6d) + j) | 0;
      const v = j < r.marked ? stats.visitors[markedVisitor(j, r, stats.visitors.length)] : null;
      this.paths.plan(s, seed, start + mix(seed, 11), 0.75 + 0.2 * mix(seed, 12), lanes, depth, v !== null && v.complained);
      this.until = Math.max(this.until, this.paths.end(s));
      this.fx[s] = NaN;
      if (v) {
        this.kind[s] = MARKED_KIND;
        this.id[s] = v.id;
        this.look[s] = (v.stage * MOODS + v.mood) * STEPS;
        this.complained[s] = v.complained ? 1 : 0;
      } else {
        this.kind[s] = PLAIN;
        this.id[s] = -1;
        this.look[s] = Math.floor(mix(seed, 13) * ANON_SHADES) * STEPS;
        this.complained[s] = 0;
      }
    }
  }

  /** True while some figure has yet to arrive or leave at `now`. */
  moving(now: number): boolean {
    return now <= this.until;
  }

  /** Moves every figure to where its path has it at `now` (weeks on the crowd's clock) and lists what to draw. */
  update(now: number): void {
    // Indexed, not destructured: array destructuring goes through an iterator.
    const plain = this.layers[0];
    const marked = this.layers[1];
    const bubbles = this.layers[2];
    let np = 0;
    let nm = 0;
    let nb = 0;
    let onScene = 0;
    for (let s = 0; s < SLOTS; s++) {
      const k = this.kind[s];
      if (k === NONE) continue;
      const where = this.paths.at(s, now);
      if (where === Where.NotYet || where === Where.Gone) {
        this.fx[s] = NaN;
        continue;
      }
      const x = this.paths.px;
      const y = this.paths.py;
      const step = where === Where.Walking ? (Math.floor(now * STEPS_PER_WEEK) + s) & 1 : 0;
      const isMarked = k === MARKED_KIND;
      const size = isMarked ? MARKED : ANON;
      const bob = isMarked ? this.markedBobs[s] : this.plainBobs[s];
      bob.setFrame(isMarked ? this.markedFrames[this.look[s] + step] : this.plainFrames[this.look[s] + step]);
      bob.x = Math.round(x - size.w / 2);
      bob.y = Math.round(y - size.h);
      if (isMarked) marked.drawn[nm++] = bob;
      else plain.drawn[np++] = bob;
      if (this.complained[s]) {
        const bubble = this.bubbleBobs[s];
        bubble.x = bob.x + MARKED.w - BUBBLE.w / 2;
        bubble.y = bob.y - BUBBLE.h / 2;
        bubbles.drawn[nb++] = bubble;
      }
      this.fx[s] = x;
      this.fy[s] = y;
      if (x > -size.w / 2 && x < W + size.w / 2) onScene++;
    }
    plain.drawn.length = np;
    marked.drawn.length = nm;
    bubbles.drawn.length = nb;
    this.onScene = onScene;
  }

  /** Figures inside the scene after the last update. */
  get size(): number {
    return this.onScene;
  }

  /**
   * The customer whose marked figure is nearest scene point (x, y) within the figure's box grown by PICK_SLACK on
   * every side, or −1 (plain figures have no file). The slack keeps a figure easy to hit when the picture is
   * drawn smaller than the scene (a figure 28 px wide in the scene is about 19 px on a 1366 px screen).
   */
  pick(x: number, y: number): number {
    const half = MARKED.w / 2 + PICK_SLACK;
    let best = -1;
    let bestD = Infinity;
    for (let s = SLOTS - 1; s >= 0; s--) {
      if (this.kind[s] !== MARKED_KIND) continue;
      const fx = this.fx[s];
      const fy = this.fy[s];
      if (!(x >= fx - half && x <= fx + half && y >= fy - MARKED.h - PICK_SLACK && y <= fy + PICK_SLACK)) continue;
      const d = (x - fx) ** 2 + (y - (fy - MARKED.h / 2)) ** 2;
      if (d < bestD) {
        bestD = d;
        best = this.id[s];
      }
    }
    return best;
  }

  /** The stage of every marked figure of both generations (for the browser tests' read-only hook). */
  markedStages(): number[] {
    const out: number[] = [];
    for (let s = 0; s < SLOTS; s++) if (this.kind[s] === MARKED_KIND) out.push(Math.floor(this.look[s] / (MOODS * STEPS)));
    return out;
  }

  /** A point on some marked figure well inside the scene, or null. */
  spot(): [number, number] | null {
    for (let s = 0; s < SLOTS; s++) {
      const fx = this.fx[s];
      if (this.kind[s] === MARKED_KIND && fx > 40 && fx < W - 40) return [fx, this.fy[s] - 20];
    }
    return null;
  }

  private free(s: number): void {
    this.kind[s] = NONE;
    this.id[s] = -1;
    this.fx[s] = NaN;
  }
}
