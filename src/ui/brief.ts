import { openAreas, opening, opensIn } from '../scenario/areas';
import { LEVER_AREAS, type LeverArea, type Scenario } from '../scenario/schema';
import { h } from './dom';
import { list, pick, t } from './i18n';
import './brief.css';

// The season's brief above the plan form: the scenario's situation and goal for the season, the course areas open
// now (those new this season named as new, in words, not by colour), and what opens next season. A scenario
// without briefs or `opens` shows only what applies: no empty headings.

export const areaName = (a: LeverArea): string => t(`area.${a}`);

/** The brief of season `n` (from 1), or null when the scenario has nothing to say about it. */
export function briefCard(sc: Scenario, n: number): HTMLElement | null {
  const brief = sc.briefs?.[n - 1];
  const staged = sc.opens !== undefined && LEVER_AREAS.some((a) => (opensIn(sc, a) ?? 1) > 1);
  if (!brief && !staged) return null;
  const fresh = opening(sc, n);
  const open = openAreas(sc, n);
  const next = opening(sc, n + 1);
  const lines: HTMLElement[] = [];
  if (staged) {
    const everything = open.length === sc.levers.filter((a, k) => sc.levers.indexOf(a) === k).length;
    lines.push(h('p', { 'data-testid': 'brief-open' }, everything ? t('brief.allOpen') : t('brief.open', { areas: list(open.map(areaName)) })));
    if (fresh.length) lines.push(h('p', { class: 'brief-new', 'data-testid': 'brief-new' }, `★ ${t('brief.new', { areas: list(fresh.map(areaName)) })}`));
    if (next.length) lines.push(h('p', { class: 'brief-next', 'data-testid': 'brief-next' }, `→ ${t('brief.next', { areas: list(next.map(areaName)) })}`));
  }
  return h(
    'section',
    { class: 'brief', 'aria-labelledby': 'brief-heading', 'data-testid': 'brief' },
    h('h3', { id: 'brief-heading' }, t('brief.heading', { n })),
    brief
      ? h(
          'dl',
          {},
          h('dt', {}, t('brief.situation')),
          h('dd', { 'data-testid': 'brief-situation' }, pick(brief.situation)),
          h('dt', {}, t('brief.goal')),
          h('dd', { 'data-testid': 'brief-goal' }, pick(brief.goal)),
        )
      : '',
    ...lines,
  );
}
