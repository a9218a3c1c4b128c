import Phaser from 'phaser';
import { ANON_FILL, ANON_INK, BUSY, COMPLAINT, INK, LANTERN_GOLD, LANTERN_RED, SKIN, STAFF_FILL, STAGE_COLORS } from './palette';

// All figure art is drawn here at start-up, in one flat style, into ONE atlas texture: every customer, the
// complaint bubble and the staff are frames of it, so the whole crowd draws in a single batch. No image files;
// frames are blitted 1:1 at whole pixels, so nothing is scaled or blurred. Stages differ in shape as well as
// colour (Okabe–Ito palette, the same shapes as the panels' badges), so nothing depends on telling colours apart.

export const ATLAS = 'crowd';
export const STAGES = STAGE_COLORS.length;
export const MOODS = 4;
/** Walking poses per figure: feet together, feet apart. */
export const STEPS = 2;
export const ANON_SHADES = 3;

/** A customer the store sampled: face (mood) over a stage-shaped body, on two legs. Anchor is the feet. */
export const MARKED = { w: 28, h: 44 } as const;
/** Another visitor: a plain silhouette, smaller and unmarked (and cheap to fill: most figures are these). */
export const ANON = { w: 14, h: 28 } as const;
export const BUBBLE = { w: 18, h: 18 } as const;
export const STAFF = { w: 20, h: 28 } as const;
export const LANTERN = { w: 20, h: 30 } as const;
export const BUSY_ICON = { w: 16, h: 20 } as const;

const PAD = 2;

export const markedFrame = (stage: number, mood: number, step: number): string => `m${stage}${mood}${step}`;
export const anonFrame = (shade: number, step: number): string => `a${shade}${step}`;

type G = Phaser.GameObjects.Graphics;

function legs(g: G, cx: number, foot: number, step: number, len: number, color: number, stride: number): void {
  g.fillStyle(color, 1);
  const spread = step === 0 ? stride / 2 : stride;
  g.fillRect(cx - spread - 1, foot - len, 3, len);
  g.fillRect(cx + spread - 2, foot - len, 3, len);
}

/** The stage shape, 24 px across, centred on (cx, cy). Same shapes as the panels' badges: ○ ◆ ▲ ■ ▼ ✕. */
function stageShape(g: G, stage: number, cx: number, cy: number): void {
  const r = 12;
  g.fillStyle(STAGE_COLORS[stage], 1);
  g.lineStyle(2, INK, 1);
  switch (stage) {
    case 1: {
      const pts = [new Phaser.Math.Vector2(cx, cy - r), new Phaser.Math.Vector2(cx + r, cy), new Phaser.Math.Vector2(cx, cy + r), new Phaser.Math.Vector2(cx - r, cy)];
      g.fillPoints(pts, true);
      g.strokePoints(pts, true);
      break;
    }
    case 2:
      g.fillTriangle(cx, cy - r, cx + r, cy + r - 1, cx - r, cy + r - 1);
      g.strokeTriangle(cx, cy - r, cx + r, cy + r - 1, cx - r, cy + r - 1);
      break;
    case 3:
      g.fillRect(cx - r + 2, cy - r + 2, 2 * r - 4, 2 * r - 4);
      g.strokeRect(cx - r + 2, cy - r + 2, 2 * r - 4, 2 * r - 4);
      break;
    case 4:
      g.fillTriangle(cx - r, cy - r + 1, cx + r, cy - r + 1, cx, cy + r);
      g.strokeTriangle(cx - r, cy - r + 1, cx + r, cy - r + 1, cx, cy + r);
      break;
    case 5: // churned: a cross
      g.fillRect(cx - r + 1, cy - 3, 2 * r - 2, 6);
      g.fillRect(cx - 3, cy - r + 1, 6, 2 * r - 2);
      g.strokeRect(cx - r + 1, cy - 3, 2 * r - 2, 6);
      g.strokeRect(cx - 3, cy - r + 1, 6, 2 * r - 2);
      break;
    default:
      g.fillCircle(cx, cy, r - 2);
      g.strokeCircle(cx, cy, r - 2);
  }
}

/** Mood face: upset, neutral, content, delighted, told apart by the mouth's shape. */
function face(g: G, mood: number, cx: number, cy: number): void {
  g.fillStyle(SKIN, 1);
  g.lineStyle(1.5, INK, 1);
  g.fillCircle(cx, cy, 7);
  g.strokeCircle(cx, cy, 7);
  g.fillStyle(INK, 1);
  g.fillRect(cx - 3, cy - 3, 2, 2);
  g.fillRect(cx + 1, cy - 3, 2, 2);
  g.beginPath();
  if (mood === 0) g.arc(cx, cy + 5, 3, Math.PI * 1.15, Math.PI * 1.85, false);
  else if (mood === 1) {
    g.moveTo(cx - 3, cy + 3);
    g.lineTo(cx + 3, cy + 3);
  } else g.arc(cx, cy + 1, mood === 3 ? 4 : 3, Math.PI * 0.15, Math.PI * 0.85, false);
  g.strokePath();
}

function marked(g: G, x: number, y: number, stage: number, mood: number, step: number): void {
  const cx = x + MARKED.w / 2;
  const foot = y + MARKED.h;
  g.fillStyle(0x000000, 0.22).fillEllipse(cx, foot - 2, 20, 4);
  legs(g, cx, foot - 1, step, 7, INK, 6);
  stageShape(g, stage, cx, y + 24);
  face(g, mood, cx, y + 8);
}

function anon(g: G, x: number, y: number, shade: number, step: number): void {
  const cx = x + ANON.w / 2;
  const foot = y + ANON.h;
  g.fillStyle(0x000000, 0.18).fillEllipse(cx, foot - 2, 12, 3);
  legs(g, cx, foot - 1, step, 6, ANON_INK, 4);
  g.fillStyle(ANON_FILL[shade], 1);
  g.lineStyle(1, ANON_INK, 1);
  g.fillRoundedRect(x + 2, y + 10, ANON.w - 4, 12, 3);
  g.strokeRoundedRect(x + 2, y + 10, ANON.w - 4, 12, 3);
  g.fillCircle(cx, y + 5, 4.5);
  g.strokeCircle(cx, y + 5, 4.5);
}

function bubble(g: G, x: number, y: number): void {
  g.fillStyle(0xffffff, 1);
  g.lineStyle(2, COMPLAINT, 1);
  g.fillRoundedRect(x + 1, y + 1, 16, 16, 4);
  g.strokeRoundedRect(x + 1, y + 1, 16, 16, 4);
  g.fillStyle(COMPLAINT, 1);
  g.fillRect(x + 8, y + 4, 2, 7);
  g.fillRect(x + 8, y + 13, 2, 2);
}

function lantern(g: G, x: number, y: number): void {
  g.fillStyle(LANTERN_RED, 1);
  g.fillCircle(x + 10, y + 10, 10);
  g.fillStyle(LANTERN_GOLD, 1);
  g.fillRect(x + 8, y + 20, 4, 10);
}

function staff(g: G, x: number, y: number): void {
  g.fillStyle(SKIN, 1);
  g.lineStyle(1.5, INK, 1);
  g.fillCircle(x + 10, y + 6, 5);
  g.strokeCircle(x + 10, y + 6, 5);
  g.fillStyle(STAFF_FILL, 1);
  g.fillRoundedRect(x + 3, y + 11, 14, 16, 3);
  g.fillStyle(0xffffff, 1);
  g.fillRect(x + 7, y + 14, 6, 10);
}

/** An hourglass over a member of staff: more visits this week than the staff can serve, so the queue grows. */
function busy(g: G, x: number, y: number): void {
  g.fillStyle(0xffffff, 1);
  g.lineStyle(2, BUSY, 1);
  g.fillTriangle(x + 2, y + 2, x + 14, y + 2, x + 8, y + 10);
  g.fillTriangle(x + 8, y + 10, x + 14, y + 18, x + 2, y + 18);
  g.strokeTriangle(x + 2, y + 2, x + 14, y + 2, x + 8, y + 10);
  g.strokeTriangle(x + 8, y + 10, x + 14, y + 18, x + 2, y + 18);
  g.fillStyle(BUSY, 1);
  g.fillTriangle(x + 5, y + 17, x + 11, y + 17, x + 8, y + 13);
}

/** Draws the atlas once per game and names its frames; later scenes reuse it. */
export function makeTextures(scene: Phaser.Scene): void {
  if (scene.textures.exists(ATLAS)) return;
  const frames: [string, number, number, number, number][] = [];
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  const mw = MARKED.w + PAD;
  const mh = MARKED.h + PAD;
  const cols = MOODS * STEPS;
  for (let stage = 0; stage < STAGES; stage++) {
    for (let mood = 0; mood < MOODS; mood++) {
      for (let step = 0; step < STEPS; step++) {
        const x = (mood * STEPS + step) * mw;
        const y = stage * mh;
        marked(g, x, y, stage, mood, step);
        frames.push([markedFrame(stage, mood, step), x, y, MARKED.w, MARKED.h]);
      }
    }
  }
  let y = STAGES * mh;
  for (let shade = 0; shade < ANON_SHADES; shade++) {
    for (let step = 0; step < STEPS; step++) {
      const x = (shade * STEPS + step) * (ANON.w + PAD);
      anon(g, x, y, shade, step);
      frames.push([anonFrame(shade, step), x, y, ANON.w, ANON.h]);
    }
  }
  const x = ANON_SHADES * STEPS * (ANON.w + PAD);
  bubble(g, x, y);
  frames.push(['bubble', x, y, BUBBLE.w, BUBBLE.h]);
  staff(g, x + BUBBLE.w + PAD, y);
  frames.push(['staff', x + BUBBLE.w + PAD, y, STAFF.w, STAFF.h]);
  const lx = x + BUBBLE.w + STAFF.w + 2 * PAD;
  lantern(g, lx, y);
  frames.push(['lantern', lx, y, LANTERN.w, LANTERN.h]);
  const bx = lx + LANTERN.w + PAD;
  busy(g, bx, y);
  frames.push(['busy', bx, y, BUSY_ICON.w, BUSY_ICON.h]);
  y += Math.max(ANON.h, STAFF.h, LANTERN.h, BUSY_ICON.h) + PAD;
  g.generateTexture(ATLAS, cols * mw, y);
  g.destroy();
  const tex = scene.textures.get(ATLAS);
  for (const [name, fx, fy, fw, fh] of frames) tex.add(name, 0, fx, fy, fw, fh);
  // Frames are drawn 1:1 at whole pixels, where nearest sampling looks the same as linear and costs a quarter.
  tex.setFilter(Phaser.Textures.FilterMode.NEAREST);
}
