import Phaser from 'phaser';
import { ATLAS, makeTextures } from './textures';
import { Crowd } from './crowd';
import { COUNTER_Y, DESK_X, DESK_Y, DOOR_X, H, MAX_LANES, STREET_Y, W, laneX, tillsOpen } from './paths';
import type { SeasonReport, WeekStats } from '../sim';
import type { WorldFeed, WorldView } from '../store/world-feed';
import { COMPLAINT, DESK, INK, RIVAL_SIGN, RIVAL_WALL, SIGN_GLYPH, SIGN_KINDS, css, type SignKind } from './palette';
import { shownWeek } from './visitors';

// The store and its street. It draws what the store knows (reports) and never touches the simulation: visitors of
// the week being played walk in, browse, queue, buy and leave; clicking a marked one asks for their customer file.
// One clock drives everything: the crowd's time in weeks, advanced by the frame time × speed and frozen by pause.
// The interior carries the week's facts, each explained by the legend beside the picture (src/ui/legend.ts): the
// tills' queues grow with the load and a ⌛ hangs over the staff when visits exceed what they can serve; customers
// who complained stand at the complaint desk; the rival store stands across the street once it has opened; the
// notice board holds a sign for each event and incident of the week; lanterns hang in holiday weeks.

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
  private busy: Phaser.GameObjects.Image[] = [];
  private shortage!: Phaser.GameObjects.Graphics;
  private promo!: Phaser.GameObjects.Text;
  /** The notice board's sign slots, filled left to right with the week's signs. */
  private signs: { box: Phaser.GameObjects.Rectangle; text: Phaser.GameObjects.Text }[] = [];
  private crowd!: Crowd;
  /** The crowd's clock, in weeks. */
  private now = 0;
  /** Crowd-clock time at which the newest week began arriving. */
  private weekStart = 0;
  /** Season (count of reports) and week index of the newest generation, and which generation holds it. */
  private shownSeason = -1;
  private shownWeek = -1;
  /** The phase the picture was last drawn for: leaving the playback stops the picture on the season's last week. */
  private shownPhase = '';
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
    this.buildDesk();
    this.buildBoard();
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
      const hooks = window as unknown as { __crowdSize?: () => number; __visitorSpot?: () => [number, number] | null; __markedStages?: () => number[] };
      // Read-only hooks for the browser tests: figures inside the scene, a point on a clickable one, and the stages
      // of the marked figures dressed for the weeks on screen.
      hooks.__crowdSize = () => this.crowd.size;
      hooks.__visitorSpot = () => this.crowd.spot();
      hooks.__markedStages = () => this.crowd.markedStages();
    }
    this.showWeek();
  }

  override update(_time: number, delta: number): void {
    const s = this.feed.view();
    const report = s.reports[s.reports.length - 1];
    const playing = s.phase === 'play' && !!report && s.playWeek < report.weekly.length;
    // Between seasons (plan, report) the picture stands still on the last week played: a tableau to read beside
    // the panel, which costs no drawing while the report's charts are read.
    const frozen = (s.phase === 'play' && s.paused) || s.phase === 'plan' || s.phase === 'report';
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
    // Shown in a supply-incident week: the shop dims and its shelves are crossed out (empty), a shape and not only
    // a shade.
    this.incident = this.add.rectangle(140, 110, 560, STREET_Y - 110, 0x000000, 0.15).setOrigin(0, 0).setVisible(false);
    this.shortage = this.add.graphics().setVisible(false);
    this.shortage.lineStyle(4, INK, 0.8);
    for (const x0 of [180, 480]) this.shortage.lineBetween(x0 + 10, 148, x0 + 170, 192).lineBetween(x0 + 10, 192, x0 + 170, 148);
  }

  /** The complaint desk right of the counter, under a sign with the complaint bubble's "!". */
  private buildDesk(): void {
    const g = this.add.graphics();
    g.fillStyle(DESK, 1).fillRect(DESK_X - 26, DESK_Y, 52, 18);
    g.lineStyle(2, INK, 1).strokeRect(DESK_X - 26, DESK_Y, 52, 18);
    g.fillStyle(INK, 1).fillRect(DESK_X - 1, DESK_Y - 24, 2, 24);
    g.fillStyle(0xffffff, 1).fillRoundedRect(DESK_X - 12, DESK_Y - 44, 24, 22, 4);
    g.lineStyle(2, COMPLAINT, 1).strokeRoundedRect(DESK_X - 12, DESK_Y - 44, 24, 22, 4);
    g.fillStyle(COMPLAINT, 1).fillRect(DESK_X - 1.5, DESK_Y - 40, 3, 10).fillRect(DESK_X - 1.5, DESK_Y - 28, 3, 3);
  }

  /** The notice board at the top left: one sign a news item of the week (SIGN_GLYPH), hidden when there is none. */
  private buildBoard(): void {
    for (let k = 0; k < 4; k++) {
      const x = 14 + k * 46;
      const box = this.add.rectangle(x, 14, 40, 34, 0xffffff, 1).setOrigin(0, 0).setStrokeStyle(2, INK, 1).setVisible(false);
      const text = this.add
        .text(x + 20, 31, '', { fontFamily: 'system-ui, sans-serif', fontSize: '20px', fontStyle: 'bold', color: css(INK) })
        .setOrigin(0.5, 0.5)
        .setVisible(false);
      this.signs.push({ box, text });
    }
  }

  private showSigns(kinds: readonly SignKind[]): void {
    this.signs.forEach((slot, k) => {
      const kind = kinds[k];
      slot.box.setVisible(kind !== undefined);
      slot.text.setVisible(kind !== undefined);
      // Text is redrawn into its own canvas on every change: only when the sign in the slot changes.
      if (kind !== undefined && slot.text.text !== SIGN_GLYPH[kind]) slot.text.setFontSize(SIGN_GLYPH[kind].length > 2 ? 15 : 20).setText(SIGN_GLYPH[kind]);
    });
  }

  /** Holiday lanterns along the sign, shown in holiday weeks. */
  private buildLanterns(): void {
    for (let x = 160; x < 700; x += 70) this.lanterns.push(this.add.image(x, 85, ATLAS, 'lantern').setVisible(false));
  }

  /** The rival store across the street: a second building whose sign reads "VS"; "1+1" flags a promotion. */
  private buildRival(): Phaser.GameObjects.Container {
    const g = this.add.graphics();
    g.fillStyle(RIVAL_WALL, 1).fillRect(0, 0, 170, 170);
    g.fillStyle(RIVAL_SIGN, 1).fillRect(-6, -20, 182, 28);
    for (let x = 10; x < 170; x += 30) g.fillStyle(0xffffff, 0.8).fillRect(x, 40, 16, 24);
    const vs = this.add.text(85, -6, SIGN_GLYPH['competitor-entry'], { fontFamily: 'system-ui, sans-serif', fontSize: '20px', fontStyle: 'bold', color: '#ffffff' }).setOrigin(0.5, 0.5);
    this.promo = this.add
      .text(85, 100, SIGN_GLYPH['competitor-promo'], { fontFamily: 'system-ui, sans-serif', fontSize: '26px', fontStyle: 'bold', color: css(INK), backgroundColor: '#ffffff', padding: { x: 6, y: 2 } })
      .setOrigin(0.5, 0.5)
      .setVisible(false);
    const c = this.add.container(770, STREET_Y - 170, [g, vs, this.promo]);
    c.setVisible(false);
    return c;
  }

  /** All tills' staff exist from the start, behind the crowd; a season's staffing only shows or hides them. */
  private buildStaff(): void {
    for (let k = 0; k < MAX_LANES; k++) {
      this.staff.push(this.add.image(laneX(k), COUNTER_Y, ATLAS, 'staff').setVisible(false));
      this.busy.push(this.add.image(laneX(k), COUNTER_Y - 26, ATLAS, 'busy').setVisible(false));
    }
  }

  /** Shows the staff at the open tills, each under a ⌛ when the week is over capacity; returns the tills open. */
  private layoutStaff(extraStaff: number, week: WeekStats | undefined): number {
    const count = tillsOpen(extraStaff);
    const over = week !== undefined && week.load > 1;
    this.staff.forEach((img, k) => img.setVisible(k < count));
    this.busy.forEach((img, k) => img.setVisible(over && k < count));
    return count;
  }

  /** Redraws the world for the week being shown: season light, holidays, the competitor, staff, visitors. */
  private showWeek(): void {
    const s = this.feed.view();
    const report = s.reports[s.reports.length - 1];
    const from = this.shownPhase;
    this.shownPhase = s.phase;
    const chosen = s.phase === 'play' || s.phase === 'replay';
    const weekIndex = chosen ? s.playWeek : report ? report.weekly.length - 1 : -1;
    const stats = report?.weekly[Math.min(weekIndex, report.weekly.length - 1)];
    const week = stats ? stats.week : s.reports.length * (s.scenario?.weeksPerSeason ?? 13);
    // The sky is the colour the frame is cleared to: no pixel is painted twice for it.
    this.game.config.backgroundColor.setFromRGB(Phaser.Display.Color.IntegerToRGB(SEASON_SKY[Math.floor((week % 52) / 13)]));
    this.drawEvents(s, week, report);
    const lanes = this.layoutStaff(s.extraStaff, stats);
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
        this.crowd.assign(this.gen, shownWeek(report.weekly[s.playWeek]), this.weekStart, lanes, key(report, s.playWeek));
        this.shownWeek = s.playWeek;
      } else this.jumpTo(report, s.playWeek, s.reports.length, lanes, s.paused);
    } else if (s.phase === 'replay') {
      // A point of a run being studied: the chosen week plays out once.
      if (this.shownSeason !== s.reports.length || this.shownWeek !== s.playWeek) this.jumpTo(report, s.playWeek, s.reports.length, lanes);
    } else if (this.shownSeason !== s.reports.length || from === 'play') {
      // Arriving at a report or a plan (from the playback, or a reload): the season's last week, stopped halfway
      // with its visitors in the store.
      this.jumpTo(report, report.weekly.length - 1, s.reports.length, lanes, true);
    }
  }

  /**
   * Shows week `w` as if the playback had been running: the week before is mid-visit, week `w` starts arriving.
   * `paused` (a week chosen to be read): the picture stops halfway through week `w`, with its visitors in the store,
   * rather than at its first moment, when none of them has arrived yet.
   */
  private jumpTo(report: SeasonReport, w: number, season: number, lanes: number, paused = false): void {
    this.crowd.clear();
    this.now = paused ? 0.5 : 0;
    this.weekStart = 0;
    this.gen = 0;
    if (w > 0) this.crowd.assign(1, shownWeek(report.weekly[w - 1]), -1, lanes, key(report, w - 1));
    this.crowd.assign(0, shownWeek(report.weekly[w]), 0, lanes, key(report, w));
    this.shownSeason = season;
    this.shownWeek = w;
    this.needsDraw = true;
  }

  /**
   * The week's events and incidents: a scenario event shows for every week it runs (a rival, once open, stays);
   * the incidents the report names for this week (a data leak, a regulator's visit) show for that week.
   */
  private drawEvents(s: WorldView, week: number, report: SeasonReport | undefined): void {
    let rival = false;
    let promo = false;
    let holiday = false;
    let incident = false;
    const on = new Set<SignKind>();
    for (const e of s.scenario?.events ?? []) {
      const start = e.week - 1;
      const running = week >= start && (e.kind === 'competitor-entry' || week < start + e.weeks);
      if (!running) continue;
      if (e.kind === 'competitor-entry' || e.kind === 'competitor-promo') rival = true;
      if (e.kind === 'competitor-promo') promo = true;
      if (e.kind === 'holiday') holiday = true;
      else on.add(e.kind);
      if (e.kind === 'supply-incident') incident = true;
    }
    for (const n of report?.news ?? []) {
      // Read as a plain string: the incidents a report can name grow with the engine.
      const kind: string = n.kind;
      if (n.week !== week) continue;
      if (kind === 'data-incident') on.add('data-incident');
      if (kind === 'regulator' || kind === 'security-order') on.add('regulator');
    }
    this.rival.setVisible(rival);
    this.promo.setVisible(promo);
    this.lanterns.forEach((l) => l.setVisible(holiday));
    this.incident.setVisible(incident);
    this.shortage.setVisible(incident);
    this.showSigns(SIGN_KINDS.filter((k) => on.has(k)));
  }
}

/** Seeds a week's routes by its place in the game, so a replay walks the same way. */
function key(report: SeasonReport, w: number): number {
  return report.season * 64 + w;
}
