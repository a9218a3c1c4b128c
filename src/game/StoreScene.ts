import Phaser from 'phaser';
import { makeTextures } from './textures';
import type { Visitor } from '../sim/report';
import { prefs, session, type Session } from '../store/session';
import { selectCustomer, setPlayWeek } from '../store/world-actions';

// The store and its street. It draws what the store knows (reports) and never touches the simulation: visitors of
// the week being played walk in, queue, buy and leave; clicking one asks for their customer file.

const W = 960;
const H = 420;
const DOOR_X = 420;
const STREET_Y = 360;
const COUNTER_Y = 215;
/** Milliseconds a week lasts at speed ×1. */
const WEEK_MS = 1600;

const SEASON_SKY = [0xcfe8f7, 0xbfe3ff, 0xf6dcc0, 0xdde3ea];

interface Figure {
  box: Phaser.GameObjects.Container;
  body: Phaser.GameObjects.Image;
  face: Phaser.GameObjects.Image;
  bubble: Phaser.GameObjects.Image;
  /** Customer shown by this figure this week; −1 when unused. */
  id: number;
}

export class StoreScene extends Phaser.Scene {
  private unsub: (() => void)[] = [];
  private clock = 0;
  private sky!: Phaser.GameObjects.Rectangle;
  private decorations!: Phaser.GameObjects.Graphics;
  private rival!: Phaser.GameObjects.Container;
  private staff: Phaser.GameObjects.Image[] = [];
  private crowd!: Phaser.GameObjects.Group;
  private pool: Figure[] = [];

  constructor() {
    super('store');
  }

  create(): void {
    makeTextures(this);
    this.sky = this.add.rectangle(0, 0, W, H, SEASON_SKY[0]).setOrigin(0, 0);
    this.drawStreet();
    this.decorations = this.add.graphics();
    this.rival = this.buildRival();
    this.crowd = this.add.group();
    this.layoutStaff(2);
    this.unsub.push(
      session.subscribe((s) => s.playWeek, () => this.showWeek()),
      session.subscribe((s) => s.phase, () => this.showWeek()),
      // Pause freezes the world, not only the calendar.
      session.subscribe(
        (s) => s.paused,
        (paused) => (paused ? this.tweens.pauseAll() : this.tweens.resumeAll()),
      ),
    );
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.unsub.forEach((u) => u()));
    (window as unknown as { __crowdSize?: () => number }).__crowdSize = () => this.pool.filter((f) => f.box.visible).length;
    // Read-only hook for the browser tests: where a visitor stands now, in scene coordinates.
    (window as unknown as { __visitorSpot?: () => [number, number] | null }).__visitorSpot = () => {
      for (const f of this.pool) {
        if (f.box.visible && f.box.x > 40 && f.box.x < W - 40) return [f.box.x, f.box.y];
      }
      return null;
    };
    this.showWeek();
  }

  override update(_time: number, delta: number): void {
    const s = session.getState();
    if (s.phase !== 'play' || s.paused) return;
    const report = s.reports[s.reports.length - 1];
    if (!report || s.playWeek >= report.weekly.length) return;
    this.clock += delta * prefs.getState().speed;
    if (this.clock >= WEEK_MS) {
      this.clock = 0;
      setPlayWeek(s.playWeek + 1);
    }
  }

  private drawStreet(): void {
    const g = this.add.graphics();
    g.fillStyle(0x8d99ae, 1).fillRect(0, STREET_Y, W, H - STREET_Y);
    g.fillStyle(0xedf2f4, 1);
    for (let x = 10; x < W; x += 60) g.fillRect(x, STREET_Y + 30, 30, 4);
    // The shop: walls, sign, window, door, counter.
    g.fillStyle(0xf2e8cf, 1).fillRect(140, 110, 560, STREET_Y - 110);
    g.fillStyle(0xbc4749, 1).fillRect(130, 90, 580, 34);
    g.fillStyle(0x6a994e, 1).fillRect(DOOR_X - 24, STREET_Y - 70, 48, 70);
    g.fillStyle(0xa7c957, 1).fillRect(DOOR_X - 18, STREET_Y - 64, 36, 58);
    g.fillStyle(0x386641, 1).fillRect(200, COUNTER_Y + 20, 440, 16);
    g.fillStyle(0xd9ed92, 0.6).fillRect(180, 140, 180, 60).fillRect(480, 140, 180, 60);
    // Awning stripes: a pattern, not only a colour.
    for (let x = 130; x < 710; x += 40) g.fillStyle(0xffffff, 1).fillRect(x, 124, 20, 10);
  }

  private buildRival(): Phaser.GameObjects.Container {
    const g = this.add.graphics();
    g.fillStyle(0x5c677d, 1).fillRect(0, 0, 170, 170);
    g.fillStyle(0xd55e00, 1).fillRect(-6, -20, 182, 28);
    for (let x = 10; x < 170; x += 30) g.fillStyle(0xffffff, 0.8).fillRect(x, 40, 16, 24);
    const c = this.add.container(770, STREET_Y - 170, [g]);
    c.setVisible(false);
    return c;
  }

  private layoutStaff(n: number): void {
    if (this.staff.length === Math.min(8, n)) return;
    this.staff.forEach((s) => s.destroy());
    this.staff = [];
    for (let k = 0; k < Math.min(8, n); k++) this.staff.push(this.add.image(250 + k * 50, COUNTER_Y, 'staff'));
  }

  /** Redraws the world for the week being shown: season light, holidays, the competitor, staff, visitors. */
  private showWeek(): void {
    const s = session.getState();
    const report = s.reports[s.reports.length - 1];
    const weekIndex = s.phase === 'play' ? s.playWeek : report ? report.weekly.length - 1 : -1;
    const stats = report?.weekly[Math.min(weekIndex, report.weekly.length - 1)];
    const week = stats ? stats.week : (s.run?.seasons.length ?? 0) * (s.scenario?.weeksPerSeason ?? 13);
    this.sky.fillColor = SEASON_SKY[Math.floor((week % 52) / 13)];
    this.drawEvents(s, week);
    const extra = s.run?.seasons[s.run.seasons.length - 1]?.decisions.staff.extraStaff ?? 0;
    this.layoutStaff(2 + extra);
    if (stats && (s.phase === 'play' || this.pool.length === 0)) this.spawn(stats.visitors);
  }

  private drawEvents(s: Session, week: number): void {
    const g = this.decorations.clear();
    let rival = false;
    for (const e of s.scenario?.events ?? []) {
      const start = e.week - 1;
      const on = week >= start && (e.kind === 'competitor-entry' || week < start + e.weeks);
      if (!on) continue;
      if (e.kind === 'competitor-entry' || e.kind === 'competitor-promo') rival = true;
      if (e.kind === 'holiday') {
        for (let x = 160; x < 700; x += 70) {
          g.fillStyle(0xd00000, 1).fillCircle(x, 80, 10);
          g.fillStyle(0xffba08, 1).fillRect(x - 2, 90, 4, 10);
        }
      }
      if (e.kind === 'supply-incident') g.fillStyle(0x000000, 0.15).fillRect(140, 110, 560, STREET_Y - 110);
    }
    this.rival.setVisible(rival);
  }

  /** One pooled figure: created once, then re-dressed for each week's visitor (no per-week allocation). */
  private figure(k: number): Figure {
    let f = this.pool[k];
    if (f) return f;
    const body = this.add.image(0, 0, 'stage-1');
    const face = this.add.image(0, -18, 'mood-1');
    const bubble = this.add.image(14, -30, 'complaint');
    const box = this.add.container(-100, STREET_Y, [body, face, bubble]);
    box.setSize(28, 40);
    box.setInteractive({ useHandCursor: true });
    f = { box, body, face, bubble, id: -1 };
    box.on('pointerdown', () => {
      if (f && f.id >= 0) selectCustomer(f.id);
    });
    this.crowd.add(box);
    this.pool[k] = f;
    return f;
  }

  private spawn(visitors: readonly Visitor[]): void {
    const speed = Math.max(0.25, prefs.getState().speed);
    for (let k = visitors.length; k < this.pool.length; k++) {
      const f = this.pool[k];
      this.tweens.killTweensOf(f.box);
      f.box.setVisible(false);
      f.id = -1;
    }
    visitors.forEach((v, k) => {
      const f = this.figure(k);
      const fromLeft = v.id % 2 === 0;
      f.id = v.id;
      f.body.setTexture(`stage-${v.stage}`);
      f.face.setTexture(`mood-${v.mood}`);
      f.bubble.setVisible(v.complained);
      this.tweens.killTweensOf(f.box);
      f.box.setPosition(fromLeft ? -20 : W + 20, STREET_Y + 12 + (k % 3) * 8).setVisible(true);
      const delay = (k * WEEK_MS) / Math.max(1, visitors.length) / speed;
      const queueX = 200 + (k % 12) * 38;
      this.tweens.chain({
        targets: f.box,
        tweens: [
          { x: DOOR_X, duration: 500 / speed, delay },
          { x: queueX, y: COUNTER_Y + 50 + (k % 4) * 6, duration: 350 / speed },
          { y: COUNTER_Y + 45, duration: 300 / speed, yoyo: true },
          { x: DOOR_X, y: STREET_Y + 12, duration: 350 / speed },
          { x: fromLeft ? W + 20 : -20, duration: 600 / speed },
        ],
      });
    });
  }

}
