import { h } from '../dom';
import { t } from '../i18n';
import type { Season } from './api';

// How every class page names a season, its state and the time left. The time left is counted on this computer
// from the moment the server said how much was left (never from the server's clock, which may differ).

export function seasonName(season: number, total: number): string {
  return season === 0 ? t('class.season.practice') : t('class.season.name', { n: season, total });
}

/** The season's state in words, with a symbol so it is never told by colour alone. */
export function statusText(s: Season | null): string {
  if (!s) return `○ ${t('class.status.none')}`;
  if (s.status === 'open') return s.mode === 'all-submitted' && s.remainingMs === null ? `▶ ${t('class.status.openAll')}` : `▶ ${t('class.status.open')}`;
  if (s.status === 'paused') return `⏸ ${t('class.status.paused')}`;
  if (s.status === 'closing') return `⏳ ${t('class.status.closing')}`;
  return `■ ${t('class.status.closed')}`;
}

/** The season to speak of: the one under way, else the latest that closed (null before any opened). */
export function seasonShown(current: Season | null, seasons: readonly Season[]): Season | null {
  if (current) return current;
  return seasons.filter((s) => s.status === 'closed').sort((a, b) => b.season - a.season)[0] ?? null;
}

/** When the open season's deadline falls on this computer's clock (ms), or null without a running deadline. */
export function endsAt(s: Season | null, receivedAt: number): number | null {
  return s && s.status === 'open' && s.remainingMs !== null ? receivedAt + s.remainingMs : null;
}

/** "12:05" (minutes:seconds), or "1:02:05" past an hour. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/**
 * The time left as a ticking element (role timer): the deadline's count-down while open, what is left while
 * paused, and "when every team has submitted" without a deadline. It stops ticking once it leaves the page.
 */
export function countdown(s: Season | null, receivedAt: number, cls = 'countdown'): HTMLElement {
  const el = h('span', { class: cls, role: 'timer', 'aria-live': 'off', 'data-testid': 'countdown' });
  const end = endsAt(s, receivedAt);
  const draw = () => {
    if (!s || s.status === 'closed' || s.status === 'closing') el.textContent = '';
    else if (s.status === 'paused') el.textContent = t('class.clock.paused', { time: clockText(s.remainingMs ?? 0) });
    else if (end === null) el.textContent = t('class.clock.whenAll');
    else el.textContent = t('class.clock.left', { time: clockText(end - Date.now()) });
  };
  draw();
  if (end !== null) {
    const timer = setInterval(() => {
      // Drawn into the page in the same task it is made: by the first tick it is there, or gone for good.
      if (!el.isConnected) return clearInterval(timer);
      draw();
    }, 1000);
  }
  return el;
}
