// The store picture's colours and event signs, shared by the Phaser scene (textures.ts, StoreScene.ts) and the DOM
// legend beside it (src/ui/legend.ts), so every shape and colour in the picture has its entry in the legend drawn
// the same way. No Phaser here: the legend is part of the page's first chunk, Phaser is not.

/** Lifecycle stages (Okabe–Ito, as the panels' badges): prospect … churned. */
export const STAGE_COLORS = [0x999999, 0x56b4e9, 0x009e73, 0x0072b2, 0xe69f00, 0xd55e00];
export const INK = 0x1b1b1b;
export const SKIN = 0xfff3d6;
export const ANON_FILL = [0xc3c8cf, 0xaab1ba, 0xd3d7dc];
export const ANON_INK = 0x6b7480;
/** The complaint bubble and the complaint desk's sign. */
export const COMPLAINT = 0xd55e00;
export const STAFF_FILL = 0x7a5195;
/** The ⌛ over staff when the week's visits exceed what they can serve. */
export const BUSY = 0xb34700;
export const DESK = 0x8d6e63;
export const RIVAL_WALL = 0x5c677d;
export const RIVAL_SIGN = 0xd55e00;
export const LANTERN_RED = 0xd00000;
export const LANTERN_GOLD = 0xffba08;

/** The week's news a sign on the store's notice board stands for. Holidays hang lanterns instead of a sign. */
export type SignKind = 'competitor-entry' | 'competitor-promo' | 'supply-incident' | 'viral-review' | 'downturn' | 'data-incident' | 'regulator';

/** The glyph on each sign: plain characters every Chinese and Western system font has. */
export const SIGN_GLYPH: Record<SignKind, string> = {
  'competitor-entry': 'VS',
  'competitor-promo': '1+1',
  'supply-incident': '×',
  'viral-review': '★',
  downturn: '↓',
  'data-incident': '!?',
  regulator: '§',
};

export const SIGN_KINDS = Object.keys(SIGN_GLYPH) as SignKind[];

/** `0xrrggbb` as CSS. */
export const css = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;
