import { h } from '../dom';
import { t } from '../i18n';
import { planView } from '../plan';
import type { Draft } from './api';

// The plan form of the student room is the game's own (src/ui/plan.ts), mounted as in self-study. Around it the
// room adds who changed each field last, when that was a teammate ("✎ changed by NAME", beside the field, in
// words), and locks the form (inert, with the reason) while the plan is submitted or the season is not open. The
// form's own "play the season" is the self-study button: in class the server plays the season, so the room's
// bar submits instead and that button is not shown (class.css).

/** Whether an author's field path and a form control's path name the same decision (a list is changed whole). */
function samePlace(author: string, control: string): boolean {
  return author === control || control.startsWith(`${author}.`) || author.startsWith(`${control}.`) || author.split('.').slice(0, 2).join('.') === control.split('.').slice(0, 2).join('.');
}

/** Marks each row of the form whose decision a teammate changed last. */
function decorate(root: HTMLElement, draft: Draft | null, me: number | null): void {
  root.querySelectorAll('.class-author').forEach((el) => el.remove());
  if (!draft) return;
  const others = Object.entries(draft.authors).filter(([, a]) => a.memberId !== me);
  if (others.length === 0) return;
  const rows = new Map<HTMLElement, { member: string; at: string }>();
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-path]'))) {
    const path = el.getAttribute('data-path')!;
    const row = el.closest<HTMLElement>('.lever, .tier-row, fieldset') ?? el.parentElement;
    if (!row) continue;
    for (const [author, a] of others) {
      if (!samePlace(author, path)) continue;
      const held = rows.get(row);
      if (!held || held.at < a.at) rows.set(row, { member: a.member, at: a.at });
    }
  }
  for (const [row, a] of rows) row.append(h('span', { class: 'class-author', 'data-testid': 'changed-by' }, `✎ ${t('class.room.changedBy', { name: a.member })}`));
}

/**
 * Mounts the plan form into `root`. `state` says what the room knows now (called again on every redraw of the
 * form and whenever `refresh` is called); returns the refresh and the unmount.
 */
export function mountPlan(root: HTMLElement, state: () => { draft: Draft | null; me: number | null; locked: string | null }): { refresh: () => void; unmount: () => void } {
  const form = h('div', { class: 'class-plan' });
  const lock = h('p', { class: 'class-note', role: 'status', 'data-testid': 'room-locked' });
  root.replaceChildren(lock, form);
  const refresh = () => {
    const s = state();
    lock.hidden = s.locked === null;
    lock.textContent = s.locked ?? '';
    form.inert = s.locked !== null;
    observer.disconnect();
    decorate(form, s.draft, s.me);
    observer.observe(form, { childList: true, subtree: true });
  };
  // The form draws itself again after every edit and every arriving draft: the marks follow each drawing.
  const observer = new MutationObserver(() => refresh());
  const unmountForm = planView.mount(form);
  refresh();
  return {
    refresh,
    unmount: () => {
      observer.disconnect();
      unmountForm();
    },
  };
}
