import Phaser from 'phaser';
import { ATLAS, makeTextures } from './textures';
import { Crowd } from './crowd';
import { COUNTER_Y, DOOR_X, H, MAX_LANES, STREET_Y, W, laneX } from './paths';
import type { SeasonReport } from '../sim';
import type { WorldFeed, WorldView } from '../store/world-feed';

// The store and its street. It draws what the store knows (reports) and never touches the simulation: visitors of
// the week being played walk in, browse, queue, buy and leave; clicking a marked one asks for their customer file.
// One clock drives everything: the crowd's time in weeks, advanced by the frame time × speed and frozen by pause.

/** Milliseconds a week lasts at speed ×1. */
const WEEK_MS = 1600;
/** A longer frame (a background tab, a stall) is not replayed as a jump of the crowd. */
const MAX_FRAME_MS = 250;

const SEASON_SKY = [0xcfe8f7, 0xbfe3ff, 0xf6dcc0, 0xdde3ea];

export class StoreScene extends Phaser.Scene {
  private unsub: (() => void)[] = [];
  private lanterns: Phaser.GameObjects.Image[] = [];
  private incident!: Phaser.GameObjects.Rectangle;
  private rival!: Phaser.GameObjects.Container;
  private staff: Phaser.GameObjects.Image[] = [];
  private crowd!: Crowd;
  /** The crowd's clock, in weeks. */
  private now = 0;
  /** Crowd-clock time at which the newest week began arriving. */
  private weekStart = 0;
  /** Season (count of reports) and week index of the newest generation, and which generation holds it. */
  private shownSeason = -1;
  private shownWeek = -1;
  private gen = 0;
  /** Set while the scene itself moves the playback on, so the new week continues the crowd instead of resetting it. */
  private advancing = false;
  /** Figures must be placed once even while paused (after a jump, or a resume into a paused week). */
  private needsDraw = false;
  private hand = false;

  constructor(private readonly feed: WorldFeed) {
    super('store');
  }

  create(): void {
    makeTextures(this);
    this.drawStreet();
    this.buildLanterns();
    this.rival = this.buildRival();
    this.buildStaff();
    this.crowd = new Crowd(this);
    this.input.on(Phaser.Input.Events.POINTER_DOWN, (p: Phaser.Input.Pointer) => {
      const id = this.crowd.pick(p.worldX, p.worldY);
      if (id >= 0) this.feed.pick(id);
    });
    this.input.on(Phaser.Input.Events.POINTER_MOVE, (p: Phaser.Input.Pointer) => {
      const over = this.crowd.pick(p.worldX, p.worldY) >= 0;
      if (over !== this.hand) this.input.setDefaultCursor((this.hand = over) ? 'pointer' : 'default');
    });
    this.unsub.push(this.feed.watch(() => this.showWeek()));
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.unsub.forEach((u) => u()));
    if (this.feed.main) {
      const hooks = window as unknown as { __crowdSize?: () => number; __visitorSpot?: () => [number, number] | null };
      // Read-only hooks for the browser tests: figures inside the scene, and a point on a clickable one.
      hooks.__crowdSize = () => this.crowd.size;
      hooks.__visitorSpot = () => this.crowd.spot();
    }
    this.showWeek();
  }

  override update(_time: number, delta: number): void {
    const s = this.feed.view();
    const report = s.reports[s.reports.length - 1];
    const playing = s.phase === 'play' && !!report && s.playWeek < report.weekly.length;
    const frozen = s.phase === 'play' && s.paused;
    if (frozen || (!playing && !this.crowd.moving(this.now))) {
      if (this.needsDraw) this.crowd.update(this.now);
      this.needsDraw = false;
      return;
    }
    this.now += (Math.min(delta, MAX_FRAME_MS) * s.speed) / WEEK_MS;
    if (playing && this.now >= this.weekStart + 1) {
      this.weekStart += 1;
      this.advancing = true;
      try {
        this.feed.advance(s.playWeek + 1);
      } finally {
        this.advancing = false;
      }
    }
    this.crowd.update(this.now);
    this.needsDraw = false;
  }

  /**
   * Flat rectangles only: under software rendering a flat fill costs far less per pixel than a textured quad,
   * so the street stays a Graphics rather than a baked full-scene image.
   */
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
    // Shown in a supply-incident week: the shop dims.
    this.incident = this.add.rectangle(140, 110, 560, STREET_Y - 110, 0x000000, 0.15).setOrigin(0, 0).setVisible(false);
  }

  /** Holiday lanterns along the sign, shown in holiday weeks. */
  private buildLanterns(): void {
    for (let x = 160; x < 700; x += 70) this.lanterns.push(this.add.image(x, 85, ATLAS, 'lantern').setVisible(false));
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

  /** All tills' staff exist from the start, behind the crowd; a season's staffing only shows or hides them. */
  private buildStaff(): void {
    for (let k = 0; k < MAX_LANES; k++) this.staff.push(this.add.image(laneX(k), COUNTER_Y, ATLAS, 'staff').setVisible(false));
  }

  /** Shows `n` staff at the tills and returns how many tills are open. */
  private layoutStaff(n: number): number {
    const count = Math.max(1, Math.min(MAX_LANES, n));
    this.staff.forEach((img, k) => img.setVisible(k < count));
    return count;
  }

  /** Redraws the world for the week being shown: season light, holidays, the competitor, staff, visitors. */
  private showWeek(): void {
    const s = this.feed.view();
    const report = s.reports[s.reports.length - 1];
    const chosen = s.phase === 'play' || s.phase === 'replay';
    const weekIndex = chosen ? s.playWeek : report ? report.weekly.length - 1 : -1;
    const stats = report?.weekly[Math.min(weekIndex, report.weekly.length - 1)];
    const week = stats ? stats.week : s.reports.length * (s.scenario?.weeksPerSeason ?? 13);
    // The sky is the colour the frame is cleared to: no pixel is painted twice for it.
    this.game.config.backgroundColor.setFromRGB(Phaser.Display.Color.IntegerToRGB(SEASON_SKY[Math.floor((week % 52) / 13)]));
    this.drawEvents(s, week);
    const lanes = this.layoutStaff(2 + s.extraStaff);
    if (!report) {
      this.crowd.clear();
      this.shownSeason = -1;
      this.needsDraw = true;
      return;
    }
    if (s.phase === 'play') {
      // At the end of the season no new week arrives; the last visitors walk out.
      if (s.playWeek >= report.weekly.length) return;
      const next = this.advancing && this.shownSeason === s.reports.length && s.playWeek === this.shownWeek + 1;
      if (next) {
        this.gen ^= 1;
        this.crowd.assign(this.gen, report.weekly[s.playWeek], this.weekStart, lanes, key(report, s.playWeek));
        this.shownWeek = s.playWeek;
      } else this.jumpTo(report, s.playWeek, s.reports.length, lanes);
    } else if (s.phase === 'replay') {
      // A point of a run being studied: the chosen week plays out once.
      if (this.shownSeason !== s.reports.length || this.shownWeek !== s.playWeek) this.jumpTo(report, s.playWeek, s.reports.length, lanes);
    } else if (this.shownSeason !== s.reports.length) {
      // Arriving at a report without having watched it (a reload): its last week plays out once.
      this.jumpTo(report, report.weekly.length - 1, s.reports.length, lanes);
    }
  }

  /** Shows week `w` as if the playback had been running: the week before is mid-visit, week `w` starts arriving. */
  private jumpTo(report: SeasonReport, w: number, season: number, lanes: number): void {
    this.crowd.clear();
    this.now = 0;
    this.weekStart = 0;
    this.gen = 0;
    if (w > 0) this.crowd.assign(1, report.weekly[w - 1], -1, lanes, key(report, w - 1));
    this.crowd.assign(0, report.weekly[w], 0, lanes, key(report, w));
    this.shownSeason = season;
    this.shownWeek = w;
    this.needsDraw = true;
  }

  private drawEvents(s: WorldView, week: number): void {
    let rival = false;
    let holiday = false;
    let incident = false;
    for (const e of s.scenario?.events ?? []) {
      const start = e.week - 1;
      const on = week >= start && (e.kind === 'competitor-entry' || week < start + e.weeks);
      if (!on) continue;
      if (e.kind === 'competitor-entry' || e.kind === 'competitor-promo') rival = true;
      if (e.kind === 'holiday') holiday = true;
      if (e.kind === 'supply-incident') incident = true;
    }
    this.rival.setVisible(rival);
    this.lanterns.forEach((l) => l.setVisible(holiday));
    this.incident.setVisible(incident);
  }
}

/** Seeds a week's routes by its place in the game, so a replay walks the same way. */
function key(report: SeasonReport, w: number): number {
  return report.season * 64 + w;
}
