import { session, type Phase } from '../store/session';
import { finalView } from './final';
import { storeLegend } from './legend';
import { stopAll, watch, watchLang, type Page } from './page';
import { planView } from './plan';
import { playView } from './play';
import { reportPage } from './report-page';
import { titleView } from './title';

// The game's page: the view of the phase the session is in (title, plan, playback, report, debrief). When the
// phase changes, the view shown is unmounted and the next one mounted; each view keeps itself up to date.
//
// The page also says which phase it shows (`data-phase` on the panel) and puts the store picture's legend beside
// the picture while the store is shown with a plan, a playback or a report. The stylesheet lays those phases out
// side by side, the store and its legend in one column and the panel in the other, each scrolling on its own
// (style.css); the debrief is a page of its own, its score first, with no store over it.

const VIEWS: Record<Phase, Page> = { title: titleView, plan: planView, play: playView, report: reportPage, final: finalView };

/** Phases in which the store picture stands beside the panel, with its legend. */
const BESIDE_STORE = new Set<Phase>(['plan', 'play', 'report']);

export const gamePage: Page = {
  mount(root) {
    const legend = legendBeside(root);
    const show = (phase: Phase) => {
      root.dataset.phase = phase;
      legend.show(BESIDE_STORE.has(phase));
    };
    let unmount = VIEWS[session.getState().phase].mount(root);
    show(session.getState().phase);
    const stop = watch(
      session,
      (s) => s.phase,
      (phase) => {
        unmount();
        root.replaceChildren();
        show(phase);
        unmount = VIEWS[phase].mount(root);
        // A new phase is read from its top (the report from why the score moved, the debrief from its score): the
        // panel, which scrolls on its own beside the store, and the page do not keep the last phase's scroll.
        root.scrollTop = 0;
        window.scrollTo(0, 0);
      },
    );
    return () => {
      stop();
      unmount();
      legend.remove();
      delete root.dataset.phase;
    };
  },
};

/**
 * The legend, placed right after the store picture (`#world`, the panel's sibling) when the layout has one, and
 * drawn again in the page's language. Without a picture beside the panel (a page mounted on its own) it is never
 * placed.
 */
function legendBeside(panel: HTMLElement): { show(on: boolean): void; remove(): void } {
  const world = panel.parentElement?.querySelector<HTMLElement>(':scope > #world') ?? null;
  let box: HTMLElement | null = null;
  const draw = () => {
    if (!world) return;
    const next = storeLegend();
    next.hidden = box?.hidden ?? true;
    if (box) box.replaceWith(next);
    else world.after(next);
    box = next;
  };
  draw();
  const stops = stopAll([watchLang(draw)]);
  return {
    show(on) {
      if (box) box.hidden = !on;
    },
    remove() {
      stops();
      box?.remove();
      box = null;
    },
  };
}
