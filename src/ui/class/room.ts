import { session } from '../../store/session';
import { h } from '../dom';
import { t } from '../i18n';
import { redrawKeepingFocus, stopAll, watch, watchLang, type Page } from '../page';
import { api, classServerHere, type TeamView } from './api';
import { joinForm } from './join';
import { keepSelfStudySave } from './keep-save';
import { LiveLink } from './live';
import { clearMembership, loadMembership } from './membership';
import { canSubmit, roomBar } from './room-bar';
import { mountPlan } from './room-plan';
import { classReport } from './room-report';
import { localHistory, onLive, roomStore, takeState } from './room-store';
import { DraftSync } from './room-sync';
import { drawWhenReleased, serverNeeded } from './widgets';
import './class.css';

// The student room (/room/CODE). Without a membership on this computer it asks the student to join; with one it
// connects to the live channel, whose welcome is the team's whole state (so a reconnection after a lost
// connection restores exactly where the team is), and shows the bar (room-bar.ts) above the team's shared plan
// in the game's plan form (room-plan.ts) or the latest report (room-report.ts).

const REREAD_MS = 250;

function codeOf(path: string): string {
  return decodeURIComponent(/^\/room\/([^/]+)/.exec(path)?.[1] ?? '').toUpperCase();
}

export const roomPage: Page = {
  mount(root) {
    const code = codeOf(location.pathname);
    const page = h('div', { class: 'class-page class-room' });
    root.replaceChildren(page);
    let stopRoom: (() => void) | null = null;
    const begin = () => {
      const m = loadMembership(code);
      if (!m) return joinForm(page, code, () => begin());
      stopRoom = openRoom(page, code, m.token, m.memberId, () => {
        stopRoom?.();
        stopRoom = null;
        clearMembership(code);
        begin();
      });
    };
    let server: boolean | null = null;
    void classServerHere().then((ok) => {
      server = ok;
      return ok ? begin() : page.replaceChildren(h('h2', {}, t('class.join.heading')), serverNeeded());
    });
    // The join form is drawn again in the other language (the room draws itself).
    const stopLang = watchLang(() => {
      if (server === false) page.replaceChildren(h('h2', {}, t('class.join.heading')), serverNeeded());
      else if (server && !stopRoom) begin();
    });
    return () => {
      stopLang();
      stopRoom?.();
    };
  },
};

function openRoom(page: HTMLElement, code: string, token: string, memberId: number, leave: () => void): () => void {
  roomStore.setState({ code, token, view: null, draft: null, run: null, planFor: null, report: null, check: null, error: null, showing: 'plan', link: 'connecting', lastPlans: {} });
  const guard = keepSelfStudySave();
  const sync = new DraftSync(token, () => memberId, () => undefined, (message) => roomStore.setState({ error: message }));
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Announcements other than drafts read the team's state again: one read per burst.
  const reread = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      api<TeamView>('GET', '/api/team/state', { token }).then(
        (v) => takeState(v, sync),
        (err: Error) => roomStore.setState({ error: err.message }),
      );
    }, REREAD_MS);
  };
  const link = new LiveLink({ token }, (m) => onLive(m, sync, reread), (status, detail) => {
    roomStore.setState({ link: status });
    if (status === 'refused') roomStore.setState({ error: detail === 'deactivated by the teacher' ? t('class.room.deactivated') : t('class.room.unknown') });
  });

  const bar = h('div');
  const main = h('div');
  page.replaceChildren(bar, main);
  let plan: ReturnType<typeof mountPlan> | null = null;
  let shown: 'plan' | 'report' | 'wait' | 'refused' | null = null;
  const locked = () => {
    const { draft, view } = roomStore.getState();
    if (!draft) return null;
    if (draft.submitted) return t('class.room.lockedSubmitted', { name: draft.submitted.by });
    if (view?.season?.status === 'closing') return t('class.room.lockedClosing');
    return null;
  };
  const planState = () => ({ draft: roomStore.getState().draft, me: memberId, locked: locked() });
  const drawBarNow = () => {
    const r = roomStore.getState();
    // Drawn again on every edit (the submit button follows the plan's problems): the focus stays where it was.
    redrawKeepingFocus(bar, () => bar.replaceChildren(r.view ? roomBar(sync) : h('p', { class: 'hint', role: 'status' }, r.link === 'refused' ? '' : t('class.loading'))));
  };
  const guarded = drawWhenReleased(drawBarNow);
  const drawBar = guarded.draw;
  const drawMain = (force = false) => {
    const r = roomStore.getState();
    const want = r.link === 'refused' ? 'refused' : r.showing === 'report' && r.report ? 'report' : r.draft && r.planFor === r.draft.season ? 'plan' : 'wait';
    if (want === shown && !force && want !== 'report' && want !== 'wait') return plan?.refresh();
    if (plan && want !== 'plan') {
      plan.unmount();
      plan = null;
    }
    shown = want;
    if (want === 'refused') {
      main.replaceChildren(h('p', { class: 'class-error', role: 'alert' }, r.error ?? ''), h('button', { type: 'button', class: 'primary', 'data-testid': 'room-rejoin', onclick: leave }, t('class.room.rejoin')));
    } else if (want === 'plan') {
      if (!plan) plan = mountPlan(main, planState);
      else plan.refresh();
    } else if (want === 'report') {
      const sc = session.getState().scenario ?? r.run?.scenario.data;
      if (!sc || !r.report || !r.view) main.replaceChildren(h('p', { class: 'hint', role: 'status' }, t('class.loading')));
      else main.replaceChildren(classReport(r.report, r.check, sc, localHistory(), (r.run?.seasons ?? []).map((x) => x.decisions), r.view.session.scenario.seasons));
    } else {
      const v = r.view;
      const over = v && v.seasons.some((x) => x.season === v.session.scenario.seasons && x.status === 'closed');
      main.replaceChildren(h('p', { class: 'class-note', role: 'status', 'data-testid': 'room-wait' }, v && !r.draft ? (over ? `■ ${t('class.room.over')}` : `⏳ ${t('class.room.waitSeason')}`) : t('class.loading')));
    }
  };
  const stops = [
    watch(roomStore, (r) => [r.view, r.draft, r.link, r.error, r.busy, r.report, r.showing, r.planFor, r.check, r.receivedAt], drawBar),
    watch(roomStore, (r) => [r.showing, r.report, r.check, r.planFor, r.draft, r.link, r.view?.season?.status, r.run], () => drawMain()),
    // The submit button follows the plan's problems as the student edits (in place: a field committing its
    // value as the student presses the button must not replace the button under the click).
    watch(session, (s) => s.draft, () => {
      const button = bar.querySelector<HTMLButtonElement>('[data-testid="room-submit"]');
      if (button) button.disabled = !canSubmit();
    }),
    watchLang(() => {
      drawBar();
      drawMain(true);
    }),
  ];
  drawBar();
  drawMain();
  link.start();
  return () => {
    stopAll(stops)();
    guarded.stop();
    if (timer) clearTimeout(timer);
    link.stop();
    void sync.flush().finally(() => sync.stop());
    plan?.unmount();
    guard();
  };
}
