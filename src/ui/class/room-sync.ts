import { Decisions } from '../../scenario/decisions';
import { setPath } from '../../scenario/paths';
import { session } from '../../store/session';
import { api, ApiError, type Draft } from './api';
import { keepTyping } from './typing';

// The team's shared draft, between the plan form and the server. The form edits the app's session draft as in
// self-study; each local edit is sent (debounced) as the fields it changed, by their dotted paths — a list is sent
// whole — and the server's answer, or a teammate's draft arriving over the live channel, becomes the new base.
// Edits not yet confirmed are laid again over every new base, so a teammate's change to another field never
// undoes the student's own, and the last writer wins per field as on the server.

const DEBOUNCE_MS = 400;
/** The server takes at most 50 changes a request. */
const CHUNK = 50;

export interface Change {
  path: string;
  value: unknown;
}

/** The fields that differ from `base` to `now`, by dotted path; lists (tier levels, answers, audiences) whole. */
export function diffDecisions(base: unknown, now: unknown, path = ''): Change[] {
  if (base === now) return [];
  const plain = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
  if (plain(base) && plain(now)) {
    const keys = [...new Set([...Object.keys(base), ...Object.keys(now)])].sort();
    return keys.flatMap((k) => diffDecisions(base[k], now[k], path ? `${path}.${k}` : k));
  }
  if (JSON.stringify(base) === JSON.stringify(now)) return [];
  return [{ path, value: structuredClone(now) }];
}

/** `changes` laid over `base`; null if the result is not a valid plan. */
export function applyDecisionChanges(base: Decisions, changes: readonly Change[]): Decisions | null {
  const next = structuredClone(base) as unknown as Record<string, unknown>;
  try {
    for (const c of changes) {
      if (c.path === '') return Decisions.parse(c.value);
      setPath(next, c.path, structuredClone(c.value));
    }
  } catch {
    return null;
  }
  const parsed = Decisions.safeParse(next);
  return parsed.success ? parsed.data : null;
}

export class DraftSync {
  private base: Draft | null = null;
  private applying = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> | null = null;
  private readonly stopWatch: () => void;

  constructor(
    private readonly token: string,
    private readonly me: () => number | null,
    private readonly onDraft: (d: Draft) => void,
    private readonly onError: (message: string) => void,
  ) {
    this.stopWatch = session.subscribe((s, before) => {
      if (!this.applying && s.draft !== before.draft && this.base) this.schedule();
    });
  }

  stop(): void {
    this.stopWatch();
    if (this.timer) clearTimeout(this.timer);
  }

  get draft(): Draft | null {
    return this.base;
  }

  /** Local edits not yet confirmed by the server. */
  pending(): Change[] {
    return this.base ? diffDecisions(this.base.decisions, session.getState().draft) : [];
  }

  /**
   * A draft from the server (an answer, the live channel, a reconnection's welcome). An older version than the
   * one held is ignored; another season's starts afresh. Local edits not yet confirmed stay on top.
   */
  receive(d: Draft): void {
    const held = this.base;
    if (held && held.season === d.season && d.version < held.version) return;
    const mine = held && held.season === d.season ? this.pending() : [];
    this.base = d;
    const merged = (mine.length ? applyDecisionChanges(d.decisions, mine) : null) ?? Decisions.parse(d.decisions);
    const byOther = d.lastEdit !== null && d.lastEdit.memberId !== this.me() && (!held || d.lastEdit.version > held.version);
    this.applying = true;
    try {
      // A teammate's change is not the student's to undo: the undo history starts again from it.
      keepTyping(() => session.setState(byOther || !held || held.season !== d.season ? { draft: merged, undo: [], redo: [] } : { draft: merged }));
    } finally {
      this.applying = false;
    }
    this.onDraft(d);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, DEBOUNCE_MS);
  }

  /** Sends every local edit now and resolves once the server has them all (or refused them). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.sending) await this.sending;
    const changes = this.pending();
    if (!this.base || changes.length === 0) return;
    const season = this.base.season;
    this.sending = (async () => {
      try {
        let last: Draft | null = null;
        for (let k = 0; k < changes.length; k += CHUNK) {
          last = await api<Draft>('PATCH', '/api/team/draft', { token: this.token, body: { season, changes: changes.slice(k, k + CHUNK) } });
        }
        if (last) this.receive(last);
      } catch (err) {
        // Refused (the plan was submitted, the season closed, a value out of range): the form goes back to the
        // team's draft and says why. Not reached: the edit stays and goes with the next one.
        if (err instanceof ApiError && err.status !== 0) this.revert();
        this.onError(err instanceof Error ? err.message : String(err));
      } finally {
        this.sending = null;
      }
    })();
    await this.sending;
  }

  /** Drops the local edits: the form shows the team's draft as the server holds it. */
  revert(): void {
    if (!this.base) return;
    this.applying = true;
    try {
      session.setState({ draft: Decisions.parse(this.base.decisions) });
    } finally {
      this.applying = false;
    }
  }
}
