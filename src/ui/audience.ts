import { ABC_CLASSES } from '../analytics/abc';
import { RECORDED_STAGES } from '../analytics/lifecycle';
import { RFM_GROUPS } from '../analytics/rfm';
import type { Audience, Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { editDraft } from '../store/actions';
import { session } from '../store/session';
import { audienceCoverage, type SegmentCell } from '../host/segment-cells';
import { h } from './dom';
import { t } from './i18n';
import { getPath } from '../scenario/paths';
import { leverLabel, LEVERS, type Lever } from './levers';
import { cellsNow } from './segment-cells';

// The target chooser of the plan screen (course unit 2: value, segmentation and the lifecycle; unit 9: retention).
// Four sets of checkboxes — RFM groups, ABC classes, lifecycle stages as the records show them, the early-warning
// list — each choice with its course meaning and how
// many customers it covers in the last report's database, and a line with whom the whole choice reaches and what
// it costs. The counts come from the same segment marks the simulation targets at the start of the season.

export type AudienceUse = 'care' | 'offer' | 'winBack';

const EMPTY: Audience = { groups: [], abc: [], atRisk: false, stages: [] };

function edit(path: string, change: (a: Audience) => void): void {
  editDraft((draft) => {
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, draft as unknown as Record<string, unknown>);
    const next = structuredClone((parent[last] as Audience | undefined) ?? EMPTY);
    change(next);
    // Nothing chosen is the untargeted action: the field is dropped, so the decision log reads as it always did.
    if (next.groups.length === 0 && next.abc.length === 0 && !next.atRisk && next.stages.length === 0) delete parent[last];
    else parent[last] = next;
  });
}

function toggle<T>(list: T[], v: T, on: boolean): T[] {
  const rest = list.filter((x) => x !== v);
  return on ? [...rest, v] : rest;
}

/** What one choice or the whole audience covers, for the lever's use: contactable, active or lost customers. */
function covered(cells: readonly SegmentCell[], a: Audience | undefined, use: AudienceUse): number {
  const c = audienceCoverage(cells, a);
  return use === 'care' ? c.contactable : use === 'offer' ? c.active : c.lost;
}

export function audienceRow(lever: Lever, use: AudienceUse, d: Decisions, sc: Scenario, enabled: boolean): HTMLElement {
  const id = `lever-${lever.path.replace(/\./g, '-')}`;
  const current = getPath(d, lever.path) as Audience | undefined;
  const a = current ?? EMPTY;
  const cells = cellsNow();
  const count = (choice: Audience): string => (cells ? t('audience.count', { n: covered(cells, choice, use) }) : '…');
  const box = (key: string, checked: boolean, label: string, help: string, n: string, change: (x: Audience, on: boolean) => void): HTMLElement => {
    const inputId = `${id}-${key}`;
    const input = h('input', { id: inputId, type: 'checkbox', 'data-path': `${lever.path}.${key}`, disabled: !enabled, 'aria-describedby': `${inputId}-help` });
    input.checked = checked;
    input.addEventListener('change', () => edit(lever.path, (x) => change(x, input.checked)));
    return h(
      'div',
      { class: 'choice' },
      input,
      h('label', { for: inputId }, label, ' ', h('span', { class: 'count' }, `(${n})`)),
      h('span', { id: `${inputId}-help`, class: 'hint' }, help),
    );
  };
  const groups = h('fieldset', { class: 'choices' }, h('legend', {}, t('audience.groups')));
  for (const g of RFM_GROUPS) {
    groups.append(
      box(g, a.groups.includes(g), t(`audience.group.${g}`), t(`audience.group.${g}.help`), count({ ...EMPTY, groups: [g] }), (x, on) => {
        x.groups = toggle(x.groups, g, on);
      }),
    );
  }
  const classes = h('fieldset', { class: 'choices' }, h('legend', {}, t('audience.abc')));
  for (const k of ABC_CLASSES) {
    classes.append(
      box(k, a.abc.includes(k), t(`audience.abc.${k}`), t(`audience.abc.${k}.help`), count({ ...EMPTY, abc: [k] }), (x, on) => {
        x.abc = toggle(x.abc, k, on);
      }),
    );
  }
  const stages = h('fieldset', { class: 'choices' }, h('legend', {}, t('audience.stages')));
  for (const j of RECORDED_STAGES) {
    stages.append(
      box(`stages-${j}`, a.stages.includes(j), t(`audience.stage.${j}`), t(`audience.stage.${j}.help`), count({ ...EMPTY, stages: [j] }), (x, on) => {
        x.stages = toggle(x.stages, j, on);
      }),
    );
  }
  const list = h(
    'fieldset',
    { class: 'choices' },
    h('legend', {}, t('audience.list')),
    box('atRisk', a.atRisk, t('audience.atRisk'), t('audience.atRisk.help'), count({ ...EMPTY, atRisk: true }), (x, on) => {
      x.atRisk = on;
    }),
  );
  return h(
    'div',
    { class: `lever audience ${enabled ? '' : 'muted'}`, role: 'group', 'aria-labelledby': `${id}-label`, 'data-testid': `audience-${use}` },
    h('strong', { id: `${id}-label` }, leverLabel(lever.path)),
    h('p', { class: 'hint' }, enabled ? t(`lever.${lever.path}.help`) : t('plan.unavailable')),
    h('div', { class: 'choice-sets' }, groups, classes, stages, list),
    h('p', { class: 'reach', role: 'status', 'aria-live': 'polite', 'data-testid': `reach-${use}` }, cells ? reachLine(cells, current, use, d, sc) : t('audience.loading')),
    h('p', { class: 'hint' }, t('audience.rule')),
  );
}

/**
 * Draws again the choosers on the page (when the customer counts arrive), and only them: redrawing the whole plan
 * would take away an input the player is typing in, and its blur would commit an edit in the middle of the redraw.
 */
export function redrawAudiences(root: HTMLElement): void {
  const s = session.getState();
  if (!s.scenario) return;
  for (const lever of LEVERS) {
    if (lever.spec.kind !== 'audience') continue;
    const row = root.querySelector<HTMLElement>(`[data-testid="audience-${lever.spec.use}"]`);
    if (!row) continue;
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.path;
    const fresh = audienceRow(lever, lever.spec.use, s.draft, s.scenario, s.scenario.levers.includes(lever.area));
    row.replaceWith(fresh);
    if (focused) fresh.querySelector<HTMLElement>(`[data-path="${focused}"]`)?.focus();
  }
}

/** Whom the choice reaches now and what that costs this season, at the plan's current settings. */
function reachLine(cells: readonly SegmentCell[], a: Audience | undefined, use: AudienceUse, d: Decisions, sc: Scenario): string {
  const n = covered(cells, a, use);
  const all = covered(cells, undefined, use);
  if (use === 'care') {
    // Routine contacts over the season at the planned rate (holiday greetings and birthdays come on top).
    const contacts = n * d.care.contactsPerMonth * ((sc.weeksPerSeason * 12) / 52);
    return t('audience.reach.care', { n, all, cost: Math.round(contacts * sc.costs.contact[d.care.channel]) });
  }
  if (use === 'offer') {
    if (!a) {
      const declining = session.getState().reports.at(-1)?.customers.byStage.decline ?? 0;
      return t('audience.reach.offerDecline', { n: declining, cost: declining * d.retention.atRiskOffer });
    }
    return t('audience.reach.offer', { n, all, cost: n * d.retention.atRiskOffer });
  }
  const perAttempt = sc.costs.winBackAttempt;
  const attempts = perAttempt > 0 ? Math.floor(d.retention.winBackBudget / perAttempt) : n;
  return t('audience.reach.winBack', { n, all, attempts: Math.min(n, attempts) });
}
