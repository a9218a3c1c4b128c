import { session, type Phase } from '../store/session';
import { finalView } from './final';
import { watch, type Page } from './page';
import { planView } from './plan';
import { playView } from './play';
import { reportPage } from './report-page';
import { titleView } from './title';

// The game's page: the view of the phase the session is in (title, plan, playback, report, debrief). When the
// phase changes, the view shown is unmounted and the next one mounted; each view keeps itself up to date.

const VIEWS: Record<Phase, Page> = { title: titleView, plan: planView, play: playView, report: reportPage, final: finalView };

export const gamePage: Page = {
  mount(root) {
    let unmount = VIEWS[session.getState().phase].mount(root);
    const stop = watch(
      session,
      (s) => s.phase,
      (phase) => {
        unmount();
        root.replaceChildren();
        unmount = VIEWS[phase].mount(root);
      },
    );
    return () => {
      stop();
      unmount();
    };
  },
};
