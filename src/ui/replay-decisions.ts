import type { Audience, Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { diffLeaves, type Leaf } from '../run/leaves';
import { h } from './dom';
import { audienceValue, leverValue } from './decision-labels';
import { list, t } from './i18n';
import { getPath } from '../scenario/paths';
import { leverLabel, LEVERS, TAB_AREAS, TABS, TIER_FIELDS, tierFieldLabel } from './levers';

// The decisions in force in one season of a studied run, laid out like the plan form (one group per course
// area, the form's labels) and read-only. What changed since the season before is marked with a sign and
// the previous value in words, not by colour.

export function decisionsCard(d: Decisions, previous: Decisions | null, scenario: Scenario, season: number): HTMLElement {
  const changed = new Map<string, Leaf | undefined>();
  if (previous) for (const f of diffLeaves({ ...previous, featured: [] }, { ...d, featured: [] })) changed.set(f.path, f.a);
  const levelChanged = (k: number) => [...changed.keys()].some((p) => p === 'tiers.levels' || p.startsWith(`tiers.levels.${k}.`));
  const box = h(
    'section',
    { class: 'card', 'data-testid': 'replay-decisions' },
    h('h3', {}, t('replay.decisions', { n: season })),
    h('p', { class: 'reading' }, previous ? (changed.size > 0 ? t('replay.decisions.changed', { n: changed.size }) : t('replay.decisions.same')) : t('replay.decisions.first')),
  );
  for (const tab of TABS) {
    const levers = LEVERS.filter((l) => TAB_AREAS[tab].includes(l.area) && scenario.levers.includes(l.area));
    const rows: HTMLElement[] = levers.map((l) => {
      if (l.spec.kind === 'audience') {
        // An audience is an object of lists: shown whole, changed when any of its leaves changed.
        const moved = previous !== null && [...changed.keys()].some((p) => p.startsWith(`${l.path}.`));
        const value = audienceValue(getPath(d, l.path) as Audience | undefined);
        const was = moved ? ` ✎ ${t('replay.was', { value: audienceValue(getPath(previous, l.path) as Audience | undefined) })}` : '';
        return h('li', { class: was ? 'changed' : '' }, h('span', {}, `${leverLabel(l.path)}: `), h('strong', {}, value), was);
      }
      const value = leverValue(l.path, getPath(d, l.path) as Leaf, scenario);
      const was = changed.has(l.path) ? ` ✎ ${t('replay.was', { value: leverValue(l.path, changed.get(l.path), scenario) })}` : '';
      return h('li', { class: was ? 'changed' : '' }, h('span', {}, `${leverLabel(l.path)}: `), h('strong', {}, value), was);
    });
    if (tab === 'tiers' && scenario.levers.includes('tiers')) {
      if (d.tiers.levels.length === 0) rows.push(h('li', { class: levelChanged(0) ? 'changed' : '' }, `${t('lever.tiers.levels')}: `, h('strong', {}, t('decisions.noLevels')), levelChanged(0) ? ' ✎' : ''));
      d.tiers.levels.forEach((level, k) => {
        // In the plan form's order (the schema's), not the alphabetical order of leaves.
        const parts = TIER_FIELDS.map(({ key }) => `${tierFieldLabel(key)} ${leverValue(`tiers.levels.${k}.${key}`, level[key])}`);
        rows.push(h('li', { class: levelChanged(k) ? 'changed' : '' }, h('span', {}, `${t('lever.tiers.level', { n: k + 1 })}: `), list(parts), levelChanged(k) ? ` ✎ ${t('replay.levelChanged')}` : ''));
      });
    }
    if (rows.length === 0) continue;
    box.append(h('h4', {}, t(`tab.${tab}`)), h('ul', { class: 'decisions' }, ...rows));
  }
  if (d.featured.length > 0) box.append(h('h4', {}, t('decisions.featured')), h('p', {}, list(d.featured.map((f) => `#${f.customer}`))));
  return box;
}
