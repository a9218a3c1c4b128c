import { ANON_FILL, ANON_INK, BUSY, COMPLAINT, DESK, INK, LANTERN_GOLD, LANTERN_RED, RIVAL_SIGN, RIVAL_WALL, SIGN_GLYPH, SIGN_KINDS, SKIN, STAFF_FILL, STAGE_COLORS, css, type SignKind } from '../game/palette';
import { STAGE_ORDER, moodName, stageName } from './badges';
import { h } from './dom';
import { t, type MessageKey } from './i18n';

// The store picture's legend, in the page beside the canvas: every shape, colour and sign the picture draws, each
// drawn here the same way (the colours come from src/game/palette.ts) and named in words. Nothing is told by
// colour alone: stages differ by body shape, moods by the mouth, signs by their glyph, and each entry says what it
// is. Built with the DOM (SVG for the pictures, text as text), so it reads in either language and to a screen reader.

const SVG = 'http://www.w3.org/2000/svg';

type Shape = [tag: string, attrs: Record<string, string | number>];

function svg(w: number, hh: number, shapes: Shape[]): SVGSVGElement {
  const el = document.createElementNS(SVG, 'svg');
  el.setAttribute('viewBox', `0 0 ${w} ${hh}`);
  el.setAttribute('width', String(w));
  el.setAttribute('height', String(hh));
  el.setAttribute('aria-hidden', 'true');
  el.setAttribute('focusable', 'false');
  for (const [tag, attrs] of shapes) {
    const s = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') s.textContent = String(v);
      else s.setAttribute(k, String(v));
    }
    el.append(s);
  }
  return el;
}

const ink = css(INK);
const line = { stroke: ink, 'stroke-width': 2 };

/** The stage's body shape as the scene draws it (textures.ts `stageShape`), 24 px, centred on (cx, cy). */
function stageShape(stage: number, cx: number, cy: number): Shape {
  const r = 12;
  const fill = css(STAGE_COLORS[stage]);
  const pts = (p: number[][]) => p.map(([x, y]) => `${x},${y}`).join(' ');
  switch (stage) {
    case 1:
      return ['polygon', { points: pts([[cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]]), fill, ...line }];
    case 2:
      return ['polygon', { points: pts([[cx, cy - r], [cx + r, cy + r - 1], [cx - r, cy + r - 1]]), fill, ...line }];
    case 3:
      return ['rect', { x: cx - r + 2, y: cy - r + 2, width: 2 * r - 4, height: 2 * r - 4, fill, ...line }];
    case 4:
      return ['polygon', { points: pts([[cx - r, cy - r + 1], [cx + r, cy - r + 1], [cx, cy + r]]), fill, ...line }];
    default:
      return ['circle', { cx, cy, r: r - 2, fill, ...line }];
  }
}

/** The mood face (textures.ts `face`): the mouth tells the mood. */
function face(mood: number, cx: number, cy: number): Shape[] {
  const mouth =
    mood === 0
      ? `M ${cx - 3} ${cy + 4} Q ${cx} ${cy + 1} ${cx + 3} ${cy + 4}`
      : mood === 1
        ? `M ${cx - 3} ${cy + 3} L ${cx + 3} ${cy + 3}`
        : `M ${cx - (mood === 3 ? 4 : 3)} ${cy + 1} Q ${cx} ${cy + (mood === 3 ? 7 : 5)} ${cx + (mood === 3 ? 4 : 3)} ${cy + 1}`;
  return [
    ['circle', { cx, cy, r: 7, fill: css(SKIN), stroke: ink, 'stroke-width': 1.5 }],
    ['rect', { x: cx - 3, y: cy - 3, width: 2, height: 2, fill: ink }],
    ['rect', { x: cx + 1, y: cy - 3, width: 2, height: 2, fill: ink }],
    ['path', { d: mouth, fill: 'none', stroke: ink, 'stroke-width': 1.5 }],
  ];
}

function legs(cx: number, foot: number, color: string): Shape[] {
  return [
    ['rect', { x: cx - 4, y: foot - 7, width: 3, height: 7, fill: color }],
    ['rect', { x: cx + 1, y: foot - 7, width: 3, height: 7, fill: color }],
  ];
}

/** A marked customer: stage body, neutral-or-given face, legs (textures.ts `marked`). */
function markedFigure(stage: number, mood = 2): SVGSVGElement {
  return svg(28, 44, [...legs(14, 44, ink), stageShape(stage, 14, 24), ...face(mood, 14, 8)]);
}

/** A face drawn half as large again as in the picture, so the mouth reads at the legend's text size. */
function faceOnly(mood: number): SVGSVGElement {
  const el = svg(18, 18, face(mood, 9, 9));
  el.setAttribute('width', '27');
  el.setAttribute('height', '27');
  return el;
}

function plainFigure(): SVGSVGElement {
  const fill = css(ANON_FILL[0]);
  const stroke = css(ANON_INK);
  return svg(14, 28, [
    ...legs(7, 28, stroke),
    ['rect', { x: 2, y: 10, width: 10, height: 12, rx: 3, fill, stroke, 'stroke-width': 1 }],
    ['circle', { cx: 7, cy: 5, r: 4.5, fill, stroke, 'stroke-width': 1 }],
  ]);
}

function bubble(): SVGSVGElement {
  const c = css(COMPLAINT);
  return svg(18, 18, [
    ['rect', { x: 1, y: 1, width: 16, height: 16, rx: 4, fill: '#ffffff', stroke: c, 'stroke-width': 2 }],
    ['rect', { x: 8, y: 4, width: 2, height: 7, fill: c }],
    ['rect', { x: 8, y: 13, width: 2, height: 2, fill: c }],
  ]);
}

function staffFigure(): SVGSVGElement {
  return svg(20, 28, [
    ['circle', { cx: 10, cy: 6, r: 5, fill: css(SKIN), stroke: ink, 'stroke-width': 1.5 }],
    ['rect', { x: 3, y: 11, width: 14, height: 16, rx: 3, fill: css(STAFF_FILL) }],
    ['rect', { x: 7, y: 14, width: 6, height: 10, fill: '#ffffff' }],
  ]);
}

function hourglass(): SVGSVGElement {
  const c = css(BUSY);
  return svg(16, 20, [
    ['polygon', { points: '2,2 14,2 8,10', fill: '#ffffff', stroke: c, 'stroke-width': 2 }],
    ['polygon', { points: '8,10 14,18 2,18', fill: '#ffffff', stroke: c, 'stroke-width': 2 }],
    ['polygon', { points: '5,17 11,17 8,13', fill: c }],
  ]);
}

function queue(): SVGSVGElement {
  const fill = css(ANON_FILL[1]);
  const stroke = css(ANON_INK);
  const shapes: Shape[] = [['rect', { x: 0, y: 2, width: 44, height: 5, fill: '#386641' }]];
  for (let k = 0; k < 3; k++) shapes.push(['circle', { cx: 22, cy: 14 + k * 9, r: 4, fill, stroke, 'stroke-width': 1 }]);
  return svg(44, 36, shapes);
}

function desk(): SVGSVGElement {
  const c = css(COMPLAINT);
  return svg(40, 40, [
    ['rect', { x: 8, y: 1, width: 24, height: 20, rx: 4, fill: '#ffffff', stroke: c, 'stroke-width': 2 }],
    ['rect', { x: 18.5, y: 5, width: 3, height: 9, fill: c }],
    ['rect', { x: 18.5, y: 16, width: 3, height: 3, fill: c }],
    ['rect', { x: 19, y: 21, width: 2, height: 8, fill: ink }],
    ['rect', { x: 2, y: 29, width: 36, height: 10, fill: css(DESK), ...line }],
  ]);
}

function rival(): SVGSVGElement {
  return svg(44, 40, [
    ['rect', { x: 4, y: 10, width: 36, height: 30, fill: css(RIVAL_WALL) }],
    ['rect', { x: 1, y: 2, width: 42, height: 12, fill: css(RIVAL_SIGN) }],
    ['text', { x: 22, y: 12, 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 'bold', fill: '#ffffff', text: SIGN_GLYPH['competitor-entry'] }],
    ['rect', { x: 9, y: 20, width: 6, height: 8, fill: '#ffffff', opacity: 0.8 }],
    ['rect', { x: 29, y: 20, width: 6, height: 8, fill: '#ffffff', opacity: 0.8 }],
  ]);
}

function lantern(): SVGSVGElement {
  return svg(20, 30, [
    ['circle', { cx: 10, cy: 10, r: 10, fill: css(LANTERN_RED) }],
    ['rect', { x: 8, y: 20, width: 4, height: 10, fill: css(LANTERN_GOLD) }],
  ]);
}

function shelfCrossed(): SVGSVGElement {
  return svg(40, 24, [
    ['rect', { x: 1, y: 1, width: 38, height: 22, fill: '#d9ed92', stroke: ink, 'stroke-width': 1 }],
    ['path', { d: 'M 4 3 L 36 21 M 4 21 L 36 3', stroke: ink, 'stroke-width': 3 }],
  ]);
}

/** A sign of the notice board: its glyph in a white box, as the scene draws it. */
function sign(kind: SignKind): HTMLElement {
  return h('span', { class: 'legend-sign', 'aria-hidden': 'true' }, SIGN_GLYPH[kind]);
}

/** Each sign is named as the news names its event; a regulator's visit by the legend's own words. */
const SIGN_TEXT: Record<SignKind, MessageKey> = {
  'competitor-entry': 'news.name.competitor-entry',
  'competitor-promo': 'news.name.competitor-promo',
  'supply-incident': 'news.name.supply-incident',
  'viral-review': 'news.name.viral-review',
  downturn: 'news.name.downturn',
  'data-incident': 'news.name.data-incident',
  regulator: 'legend.sign.regulator',
};

function entry(pic: Element, text: string, testid?: string): HTMLElement {
  const li = h('li', testid ? { 'data-testid': testid } : {}, h('span', { class: 'legend-pic' }), h('span', { class: 'legend-text' }, text));
  li.firstElementChild?.append(pic);
  return li;
}

/** The legend of the store picture, in the page's language. */
export function storeLegend(): HTMLElement {
  // The stages a visitor can be in: a prospect who comes in is a new customer (exploration), and someone who has
  // left is not drawn (src/game/visitors.ts).
  const stages = STAGE_ORDER.slice(1, 5).map((id, k) => entry(markedFigure(k + 1), stageName(id), `legend-stage-${id}`));
  const moods = [0, 1, 2, 3].map((m) => entry(faceOnly(m), moodName(m), `legend-mood-${m}`));
  return h(
    'aside',
    { class: 'store-legend', 'data-testid': 'store-legend', 'aria-labelledby': 'store-legend-title' },
    h('h3', { id: 'store-legend-title' }, t('legend.title')),
    h('h4', {}, t('legend.stages')),
    h('ul', { class: 'legend-list' }, ...stages),
    h('h4', {}, t('legend.moods')),
    h('ul', { class: 'legend-list' }, ...moods),
    h(
      'ul',
      { class: 'legend-list wide' },
      entry(plainFigure(), t('legend.plain'), 'legend-plain'),
      entry(bubble(), t('legend.complaint'), 'legend-complaint'),
    ),
    h('h4', {}, t('legend.store')),
    h(
      'ul',
      { class: 'legend-list wide' },
      entry(staffFigure(), t('legend.staff'), 'legend-staff'),
      entry(queue(), t('legend.queue'), 'legend-queue'),
      entry(hourglass(), t('legend.busy'), 'legend-busy'),
      entry(desk(), t('legend.desk'), 'legend-desk'),
      entry(rival(), t('legend.rival'), 'legend-rival'),
    ),
    h('h4', {}, t('legend.events')),
    h(
      'ul',
      { class: 'legend-list wide' },
      entry(lantern(), t('news.name.holiday'), 'legend-holiday'),
      entry(shelfCrossed(), t('legend.shortage'), 'legend-shortage'),
      ...SIGN_KINDS.map((k) => entry(sign(k), t(SIGN_TEXT[k]), `legend-sign-${k}`)),
    ),
  );
}
