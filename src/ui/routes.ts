import type { MessageKey } from './i18n';
import type { Page } from './page';
import { comparePage } from './compare-view';
import { gamePage } from './game';
import { labPage } from './lab';
import { replayPage } from './replay-viewer';
import { teacherPage } from './teacher';
import { classTeacherPage } from './class/entry-teacher';
import { classJoinPage } from './class/entry-join';
import { classRoomPage } from './class/entry-room';
import { classScreenPage } from './class/entry-screen';

// Every page of the app and its address: the game at the bare address, the others at a hash of their own so a
// teacher can bookmark them. The app (app.ts) mounts the page whose address the location has; `nav` pages are
// linked from the header, in this order. The class pages live at paths the class server serves (it hands out
// index.html there): they answer to `location.pathname`, never to a hash, so the self-study app's hashes keep
// their meaning and a class page's own fragment (the teacher's #token=…) never switches pages.

export interface Route {
  id: string;
  /** The location hash the page answers to ('' for the game, which also answers to any unknown hash). */
  hash: string;
  page: Page;
  /** The header's link to the page, if it has one. */
  nav?: MessageKey;
  /** A class page: the path it answers to (its `hash` is then only its name in this table). */
  path?: RegExp;
}

export const ROUTES = [
  { id: 'game', hash: '', page: gamePage, nav: 'nav.game' },
  { id: 'teacher', hash: '#/teacher', page: teacherPage, nav: 'nav.teacher' },
  { id: 'lab', hash: '#/lab', page: labPage, nav: 'nav.lab' },
  { id: 'replay', hash: '#/replay', page: replayPage },
  { id: 'compare', hash: '#/compare', page: comparePage },
  { id: 'class-teacher', hash: '/teacher', page: classTeacherPage, path: /^\/teacher\/?$/ },
  { id: 'class-join', hash: '/join', page: classJoinPage, path: /^\/join\/?$/ },
  { id: 'class-room', hash: '/room/CODE', page: classRoomPage, path: /^\/room\/[^/]+\/?$/ },
  { id: 'class-screen', hash: '/room/CODE/screen', page: classScreenPage, path: /^\/room\/[^/]+\/screen\/?$/ },
] as const satisfies readonly Route[];

export type RouteHash = (typeof ROUTES)[number]['hash'];
export type AnyRoute = (typeof ROUTES)[number];

/** The page for a location hash: the route whose address it starts with, otherwise the game. */
export function routeOf(hash: string): AnyRoute {
  return ROUTES.find((r) => r.hash !== '' && !('path' in r) && hash.startsWith(r.hash)) ?? ROUTES[0];
}

/** The page for a location: a class page by its path, otherwise the page of its hash. */
export function routeAt(pathname: string, hash: string): AnyRoute {
  return ROUTES.find((r) => 'path' in r && r.path.test(pathname)) ?? routeOf(hash);
}

/** Whether a route is a class page (served by the class server at a path of its own). */
export function isClassRoute(r: AnyRoute): boolean {
  return 'path' in r;
}
