import type { StoreApi } from 'zustand/vanilla';
import { shallow } from 'zustand/vanilla/shallow';
import { prefs } from '../store/session';
import type { RouteHash } from './routes';

// The one convention of the pages in src/ui. A page mounts into the panel and returns its unmount. What it shows
// comes from zustand stores: the app's session and preferences (src/store) and a small store of the page's own
// (`createStore` from zustand/vanilla), which outlives the mount, so a page left and opened again is as it was.
// The page subscribes to the slices it draws and draws again when one changes; it reaches the engine and the
// workers only through actions and clients. Unmounting unsubscribes, cancels what the page runs (a verification,
// a Lab run, a comparison, timers, a store view) and removes its listeners.

export interface Page {
  /** Draws the page into `root` and keeps it up to date; returns the function that unmounts it. */
  mount(root: HTMLElement): () => void;
}

export type Stop = () => void;

/** Calls `changed` whenever `select`'s slice of `store` changes (compared one level deep); returns the unsubscribe. */
export function watch<S, T>(store: StoreApi<S>, select: (s: S) => T, changed: (now: T, before: T) => void): Stop {
  let last = select(store.getState());
  return store.subscribe((s) => {
    const now = select(s);
    if (shallow(last, now)) return;
    const before = last;
    last = now;
    changed(now, before);
  });
}

/** Calls `changed` when the player switches language: every page draws its words again. */
export function watchLang(changed: () => void): Stop {
  return watch(prefs, (p) => p.lang, changed);
}

export function stopAll(stops: readonly Stop[]): Stop {
  return () => stops.forEach((stop) => stop());
}

/** Goes to another page by its address in the route table (src/ui/routes.ts). */
export function goTo(hash: RouteHash): void {
  location.hash = hash;
}

/**
 * Draws anew, then gives the focus back to the element that had it (found again by its id, test id or decision
 * path), so a redraw never takes the focus away from the control being used.
 */
export function redrawKeepingFocus(root: HTMLElement, draw: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && root.contains(active) ? focusKey(active) : null;
  draw();
  if (key) root.querySelector<HTMLElement>(key)?.focus();
}

function focusKey(el: HTMLElement): string | null {
  if (el.id) return `#${CSS.escape(el.id)}`;
  const testid = el.getAttribute('data-testid');
  if (testid) return `[data-testid="${CSS.escape(testid)}"]`;
  const path = el.getAttribute('data-path');
  return path ? `[data-path="${CSS.escape(path)}"]` : null;
}
