import { createStore } from 'zustand/vanilla';
import { api, ApiError, classServerHere, downloadWithToken, type SessionSummary, type SessionView, type ShippedScenario } from './api';
import { LiveLink, type LinkStatus, type LiveMessage } from './live';

// The teacher console's state and everything it does. The teacher token comes from the link's fragment
// (#token=…) and is kept for this tab only (sessionStorage), then taken out of the address bar so it never shows
// on a projector. What the console shows of a session is the server's SessionView, read again whenever the live
// channel announces a change to it (a burst of edits is one read): the console never keeps a second truth.

const TOKEN_KEY = 'customer-seasons/class/teacher-token';
const REFRESH_MS = 300;

export interface TeacherConsole {
  /** null until checked; false when no class server answers here. */
  server: boolean | null;
  token: string | null;
  sessions: SessionSummary[];
  shipped: ShippedScenario[];
  selected: string | null;
  view: SessionView | null;
  /** When the view's season was read (this computer's clock), for the countdown. */
  receivedAt: number;
  link: LinkStatus;
  /** The last refusal or failure, as the server said it (one line). */
  error: string | null;
  busy: boolean;
}

export const teacherConsoleStore = createStore<TeacherConsole>()(() => ({
  server: null,
  token: null,
  sessions: [],
  shipped: [],
  selected: null,
  view: null,
  receivedAt: Date.now(),
  link: 'connecting',
  error: null,
  busy: false,
}));

const set = (p: Partial<TeacherConsole>) => teacherConsoleStore.setState(p);
const get = () => teacherConsoleStore.getState();

/** The token of the link (#token=…), else the one this tab already holds. The fragment is cleared from the address. */
export function takeToken(): string | null {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    const token = decodeURIComponent(m[1]);
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
    } catch {
      /* a private window without storage: the token lives as long as the page */
    }
    history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* nothing kept */
  }
  set({ token: null, sessions: [], view: null, selected: null });
}

function fail(err: unknown): void {
  set({ error: err instanceof ApiError ? err.message : String(err), busy: false });
  // A token the server does not know is forgotten: the console asks for it again.
  if (err instanceof ApiError && err.status === 401) forgetToken();
}

/** Runs one teacher action; its refusal becomes the console's error line. */
async function act<T>(run: (token: string) => Promise<T>): Promise<T | null> {
  const token = get().token;
  if (!token) return null;
  set({ busy: true, error: null });
  try {
    const out = await run(token);
    set({ busy: false });
    return out;
  } catch (err) {
    fail(err);
    return null;
  }
}

/** Connects the console: checks the server, the token, loads the sessions and the shipped scenarios. */
export async function openConsole(token: string | null): Promise<void> {
  const server = await classServerHere();
  set({ error: null });
  if (!server || !token) return set({ server, token });
  try {
    const [sessions, shipped] = await Promise.all([api<SessionSummary[]>('GET', '/api/teacher/sessions', { token }), api<ShippedScenario[]>('GET', '/api/teacher/scenarios', { token })]);
    // One update with the scenarios in: a creation form drawn before them would be drawn again under the teacher.
    set({ server, token, sessions, shipped });
  } catch (err) {
    set({ server, token });
    return fail(err);
  }
  if (!get().selected && get().sessions[0]) await selectSession(get().sessions[0].id);
}

export async function selectSession(id: string | null): Promise<void> {
  set({ selected: id, view: null });
  if (id) await refresh();
}

/** Reads the selected session's view again. */
export async function refresh(): Promise<void> {
  const id = get().selected;
  const token = get().token;
  if (!id || !token) return;
  try {
    const view = await api<SessionView>('GET', `/api/teacher/sessions/${id}`, { token });
    if (get().selected === id) set({ view, receivedAt: Date.now() });
  } catch (err) {
    fail(err);
  }
}

export interface NewSession {
  title: string;
  seed: string;
  scenario: { file: string } | { yaml: string };
  practice: boolean;
  teams: string[];
}

export async function createSession(input: NewSession): Promise<boolean> {
  const view = await act((token) => api<SessionView>('POST', '/api/teacher/sessions', { token, body: input }));
  if (!view) return false;
  set({ sessions: [view.session, ...get().sessions.filter((s) => s.id !== view.session.id)], selected: view.session.id, view, receivedAt: Date.now() });
  return true;
}

/** A teacher action on the selected session (`path` under /api/teacher/sessions/:id), then the view read again. */
export async function sessionAction(method: 'POST' | 'PATCH', path: string, body: unknown = {}): Promise<boolean> {
  const id = get().selected;
  if (!id) return false;
  const out = await act((token) => api<unknown>(method, `/api/teacher/sessions/${id}${path}`, { token, body }));
  await refresh();
  return out !== null;
}

export async function download(file: 'gradebook.csv' | 'runs.zip'): Promise<void> {
  const v = get().view;
  if (!v) return;
  await act((token) => downloadWithToken(`/api/teacher/sessions/${v.session.id}/${file}`, token, `${v.session.code}-${file}`));
}

/**
 * The live channel: every announcement about the selected session reads its view again (once per burst); a
 * change of a session's title or score visibility also updates the list. Returns the function that closes it.
 */
export function followLive(token: string): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const later = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void refresh();
    }, REFRESH_MS);
  };
  const onMessage = (m: LiveMessage) => {
    if (m.type === 'welcome') {
      const state = m.state as { sessions?: SessionSummary[] };
      if (state.sessions) set({ sessions: state.sessions });
      later();
      return;
    }
    if (m.type === 'session') {
      const s = m.session as SessionSummary;
      set({ sessions: get().sessions.map((x) => (x.id === s.id ? s : x)) });
    }
    const sid = (m.sessionId as string | undefined) ?? (m.session as SessionSummary | undefined)?.id ?? null;
    const draftOfSelected = m.type === 'draft' && get().view?.teams.some((t) => t.id === m.teamId);
    if (sid === get().selected || draftOfSelected) later();
  };
  const link = new LiveLink({ token }, onMessage, (status) => set({ link: status }));
  link.start();
  return () => {
    if (timer) clearTimeout(timer);
    link.stop();
  };
}
