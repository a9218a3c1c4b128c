import type { MessageKey } from './i18n';
import type { Page } from './page';
import { comparePage } from './compare-view';
import { gamePage } from './game';
import { labPage } from './lab';
import { replayPage } from './replay-viewer';
import { teacherPage } from './teacher';

// Every page of the app and its address: the game at the bare address, the others at a hash of their own so a
// teacher can bookmark them. The app (app.ts) mounts the page whose address the location has; `nav` pages are
// linked from the header, in this order.

export interface Route {
  id: string;
  /** The location hash the page answers to ('' for the game, which also answers to any unknown hash). */
  hash: string;
  page: Page;
  /** The header's link to the page, if it has one. */
  nav?: MessageKey;
}

export const ROUTES = [
  { id: 'game', hash: '', page: gamePage, nav: 'nav.game' },
  { id: 'teacher', hash: '#/teacher', page: teacherPage, nav: 'nav.teacher' },
  { id: 'lab', hash: '#/lab', page: labPage, nav: 'nav.lab' },
  { id: 'replay', hash: '#/replay', page: replayPage },
  { id: 'compare', hash: '#/compare', page: comparePage },
] as const satisfies readonly Route[];

export type RouteHash = (typeof ROUTES)[number]['hash'];
export type AnyRoute = (typeof ROUTES)[number];

/** The page for a location hash: the route whose address it starts with, otherwise the game. */
export function routeOf(hash: string): AnyRoute {
  return ROUTES.find((r) => r.hash !== '' && hash.startsWith(r.hash)) ?? ROUTES[0];
}
