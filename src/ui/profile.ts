import type { Scenario } from '../scenario/schema';
import type { CustomerProfile } from '../sim';
import { session } from '../store/session';
import { openModal } from './dialog';
import { h } from './dom';
import { list, pick, signed, t, weekName } from './i18n';
import { causeLabel } from './causes';
import { moodName, stageBadge, stageName } from './badges';
import { profileAtWeek } from '../run/profile-at';

// The customer file card (客户档案): what the store knows and the recorded cause of every change. During the game
// the file holds what the store recorded (purchases, level, points, complaints, contacts); how the customer feels —
// mood, satisfaction and loyalty and their changes — is hidden truth, shown only with `revealTruth` (the debrief).

/** History kinds that are changes in hidden feelings: satisfaction (1) and attitudinal loyalty (5). */
const FEELINGS = new Set([1, 5]);

export function tierName(tier: number): string {
  return tier === 0 ? t('tier.0') : t('tier.n', { n: tier });
}

/**
 * A file as it stood at the end of game week `week` (the week on screen while a season plays back): no event after
 * that week, the stage, level, purchases, complaints and churn as they were then. The store model's CLV is an
 * estimate made at the season's end, so it is left out (`clv` absent); the card also leaves out the figures the
 * history cannot rewind (points, growth, profit contribution) when given `asOf`.
 */
export function fileAsOfWeek(p: CustomerProfile & { clv?: number }, week: number): CustomerProfile {
  const { clv: _, ...file } = p;
  return profileAtWeek(file, week);
}

/** The game week on screen while a season plays back, or null when no week is being played. */
export function weekOnScreen(): number | null {
  const s = session.getState();
  const r = s.reports[s.reports.length - 1];
  if (s.phase !== 'play' || !r || r.weekly.length === 0) return null;
  return r.weekly[Math.max(0, Math.min(s.playWeek, r.weekly.length - 1))].week;
}

/**
 * `scenario` names the segment; the current game's by default (the replay viewer passes the studied run's). `asOf`:
 * the file is as of the end of that game week (see `fileAsOfWeek`): the card says so and shows no figure it could
 * not rewind.
 */
export function profileCard(
  p: CustomerProfile & { clv?: number },
  revealTruth: boolean,
  sc: Scenario | null = session.getState().scenario,
  asOf: number | null = null,
): HTMLElement {
  const seg = sc?.segments.find((g) => g.id === p.segment);
  const known = list([p.birthdayKnown ? t('profile.known.birthday') : '', p.preferencesKnown ? t('profile.known.prefs') : ''].filter((x) => x !== ''));
  const historyList = h('ol', { class: 'history', 'aria-label': t('profile.history') });
  const events = revealTruth ? p.history : p.history.filter((e) => !FEELINGS.has(e.kind));
  const wps = sc?.weeksPerSeason;
  for (const e of events.slice(-40)) {
    const cause = e.kind === 1 ? causeLabel(e.cause, e.delta) : t(`cause.${e.cause}`);
    historyList.append(
      h('li', { 'data-week': e.week }, t('profile.event', { when: weekName(e.week, wps), what: t(`profile.kind.${e.kind}`), cause }), FEELINGS.has(e.kind) ? ` (${signed(e.delta * 100, 0)})` : ''),
    );
  }
  // The reason a customer left is the store's class of churn; the event names what set it off (a data leak, say).
  const left = [...p.history].reverse().find((e) => e.kind === 3);
  const gone = p.churnReason !== 'none';
  return h(
    'div',
    { class: 'profile', 'data-testid': 'profile-card' },
    asOf !== null ? h('p', { class: 'hint as-of', 'data-testid': 'profile-as-of', 'data-week': asOf }, t('profile.asOf', { when: weekName(asOf, wps, true) })) : '',
    h('div', { class: 'row' }, stageBadge(p.stage), h('strong', {}, stageName(p.stage))),
    h('p', {}, t('profile.segment', { segment: seg ? pick(seg.name) : p.segment })),
    // Someone who has left has no mood the store could meet: never "Delighted" beside a churn.
    revealTruth ? h('p', {}, gone ? t('profile.moodGone') : t('profile.mood', { mood: moodName(p.mood) })) : '',
    h('p', {}, t('profile.tier', { tier: tierName(p.tier) })),
    h('p', {}, t('profile.purchases', { n: p.purchases, spend: p.spendTotal })),
    asOf === null ? h('p', { 'data-testid': 'profile-contribution' }, t(p.contribution < 0 ? 'profile.contribution.loss' : 'profile.contribution', { value: Math.abs(p.contribution) })) : '',
    p.clv !== undefined && asOf === null ? h('p', { 'data-testid': 'profile-clv' }, t('profile.clv', { value: Math.round(p.clv) })) : '',
    asOf === null ? h('p', {}, t('profile.points', { points: p.points, growth: p.growth })) : '',
    h('p', {}, t('profile.complaints', { n: p.complaints })),
    h('p', {}, t('profile.known', { fields: known || t('profile.known.nothing') })),
    p.optedOut ? h('p', {}, t('profile.optedOut')) : '',
    gone
      ? h(
          'p',
          { 'data-testid': 'profile-churn' },
          t(left && left.cause !== 'none' ? 'profile.churnCause' : 'profile.churn', {
            reason: t(`churn.${p.churnReason}`),
            when: weekName(p.churnWeek, wps, true),
            cause: left ? causeLabel(left.cause) : '',
          }),
        )
      : '',
    h('h3', {}, t('profile.history')),
    historyList,
    revealTruth ? '' : h('p', { class: 'hint', 'data-testid': 'profile-feelings-hidden' }, t('profile.feelingsHidden')),
    asOf !== null ? h('p', { class: 'hint' }, t('profile.asOfHidden')) : '',
    revealTruth
      ? h(
          'p',
          { class: 'truth' },
          t('profile.truth', {
            sat: p.truth.satisfaction,
            loy: p.truth.loyalty,
            rate: p.truth.purchaseRate,
            price: p.truth.priceSensitivity,
            fit: p.truth.fit,
          }),
        )
      : '',
  );
}

/**
 * Opens a customer's file. While a season plays back the file is the customer as of the week on screen, never
 * what the rest of the season holds for them; otherwise it is the file at the end of the last season played.
 */
export function openProfile(p: CustomerProfile & { clv?: number }): void {
  const reveal = session.getState().phase === 'final';
  const week = weekOnScreen();
  if (week === null) {
    openModal(t('profile.heading', { id: p.id }), profileCard(p, reveal));
    return;
  }
  openModal(t('profile.heading', { id: p.id }), profileCard(fileAsOfWeek(p, week), reveal, session.getState().scenario, week));
}
