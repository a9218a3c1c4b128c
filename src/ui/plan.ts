import { createStore } from 'zustand/vanilla';
import { openAreas } from '../scenario/areas';
import { closedAreaChange, type Decisions } from '../scenario/decisions';
import type { LeverArea, Scenario } from '../scenario/schema';
import { checkPlan, plannedSpend } from '../sim';
import { editDraft, playSeason, redoDraft, undoDraft } from '../store/actions';
import { savePending } from '../store/autosave';
import { session } from '../store/session';
import { confirmDialog } from './dialog';
import { h } from './dom';
import { audienceRow, redrawAudiences } from './audience';
import { segmentsRow } from './handover';
import { areaName, briefCard } from './brief';
import { pick, t } from './i18n';
import { getPath, setPath } from '../scenario/paths';
import { leverCost, leverUnit, tierFieldCost, tierFieldUnit, type Unit } from './lever-costs';
import { leverHelp, leverLabel, LEVERS, TAB_AREAS, TABS, TIER_FIELDS, tierFieldLabel, type Lever, type Tab } from './levers';
import { redrawKeepingFocus, stopAll, watch, watchLang, type Page } from './page';
import { segmentCells } from './segment-cells';
import { objectionsSection } from './objections';

// The plan screen: the season's brief, then one tab per course area open this season, each lever with its unit,
// its one-line explanation and what it costs, the budget left, and the plan's problems spelled out (never silently
// clamped). Areas the scenario has not opened yet are not shown: they keep the decisions' defaults, and a plan that
// changes one anyway (an older draft, say) is refused like any other problem. The tab shown is kept from season to
// season while it is open. A redraw (after every edit) gives the focus back to the field that had it; the target
// choosers alone are redrawn when the customer counts they show arrive, so a field being typed in is never replaced.

const planStore = createStore<{ tab: Tab }>()(() => ({ tab: 'acquisition' }));

export const planView: Page = {
  mount(root) {
    const draw = () => redrawKeepingFocus(root, () => renderPlan(root));
    const stops = [
      watch(session, (s) => [s.draft, s.run, s.scenario, s.featured, s.busy, s.undo.length, s.redo.length, s.reports], draw),
      watch(planStore, (p) => p.tab, draw),
      watch(segmentCells, (c) => c.cells, () => redrawAudiences(root)),
      watchLang(draw),
    ];
    draw();
    return stopAll(stops);
  },
};

function showTab(tab: Tab): void {
  planStore.setState({ tab });
  document.getElementById(`tab-${tab}`)?.focus();
}

/** The tabs with at least one area open in the season, in the form's order. */
export function openTabs(open: readonly LeverArea[]): Tab[] {
  return TABS.filter((tab) => TAB_AREAS[tab].some((a) => open.includes(a)));
}

/** The levers the form shows on `tab` in a season with these areas open. */
export function openLevers(tab: Tab, open: readonly LeverArea[]): Lever[] {
  return LEVERS.filter((l) => TAB_AREAS[tab].includes(l.area) && open.includes(l.area));
}

export function renderPlan(root: HTMLElement): void {
  const s = session.getState();
  const sc = s.scenario;
  if (!sc || !s.run) return;
  root.replaceChildren();
  const d = s.draft;
  const spend = plannedSpend(sc, d);
  const n = s.run.seasons.length + 1;
  const open = openAreas(sc, n);
  const tabs = openTabs(open);
  const chosen = planStore.getState().tab;
  const activeTab = tabs.includes(chosen) ? chosen : (tabs[0] ?? chosen);
  // An area the scenario opens later must hold its defaults now; the engine's check knows only the areas it never offers.
  const closed = closedAreaChange(sc, n, d);
  const closedLater = closed && closed.opens !== null ? { area: areaName(closed.area), opens: closed.opens } : null;
  const issues = checkPlan(sc, d, s.featured);

  const left = sc.budgetPerSeason - spend.total;
  const budget = h(
    'div',
    { class: 'budget', role: 'status', 'aria-live': 'polite' },
    h('strong', {}, t('plan.planned', { planned: spend.total, budget: sc.budgetPerSeason })),
    ' · ',
    h('span', { class: left < 0 ? 'bad' : 'good' }, left < 0 ? `⚠ ${t('plan.over', { over: -left })}` : `✓ ${t('plan.left', { left })}`),
    h('div', { class: 'meter', role: 'presentation' }, h('div', { style: `width:${Math.min(100, (100 * spend.total) / Math.max(1, sc.budgetPerSeason))}%` })),
    h('p', { class: 'hint' }, t('plan.variable')),
  );

  const tablist = h('div', { role: 'tablist', class: 'tabs', 'aria-label': t('plan.heading', { n }) });
  for (const tab of tabs) {
    const btn = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab}`,
        'aria-selected': String(tab === activeTab),
        'aria-controls': 'tabpanel',
        tabindex: tab === activeTab ? 0 : -1,
        'data-testid': `tab-${tab}`,
      },
      t(`tab.${tab}`),
    );
    btn.addEventListener('click', () => showTab(tab));
    btn.addEventListener('keydown', (e) => {
      const k = tabs.indexOf(tab);
      const move = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!move) return;
      e.preventDefault();
      showTab(tabs[(k + move + tabs.length) % tabs.length]);
    });
    tablist.append(btn);
  }

  const panel = h('div', { role: 'tabpanel', id: 'tabpanel', 'aria-labelledby': `tab-${activeTab}`, class: 'levers' });
  for (const lever of openLevers(activeTab, open)) panel.append(leverRow(lever, d, sc));
  if (activeTab === 'tiers' && open.includes('tiers')) panel.append(tierEditor(d, sc));
  if (activeTab === 'acquisition' && open.includes('acquisition')) panel.append(objectionsSection(d, sc, session.getState().reports.at(-1)?.store.staffSkill ?? sc.store.staffSkill));

  const issueList = h('ul', { class: 'issues', 'aria-live': 'polite', 'data-testid': 'plan-issues' });
  for (const i of issues) issueList.append(h('li', {}, `⚠ ${t(`issue.${i.code}`, i.params)}`));
  if (closedLater) issueList.append(h('li', {}, `⚠ ${t('issue.area-closed', closedLater)}`));

  // The banner counts the cases still waiting: an answered case no longer calls for the manager.
  const waiting = s.featured.filter((id) => !d.featured.some((f) => f.customer === id)).length;
  const featured = s.featured.length
    ? h(
        'div',
        { class: 'featured-box', 'data-testid': 'complaint-cases' },
        h(
          'p',
          { 'data-testid': 'complaint-cases-waiting' },
          waiting > 0 ? `❗ ${t('plan.featuredWaiting', { n: waiting })}` : `✓ ${t('plan.featuredAllDone', { n: s.featured.length })}`,
        ),
        ...s.featured.map((id) => {
          const done = d.featured.some((f) => f.customer === id);
          return h(
            'button',
            { type: 'button', 'data-testid': `featured-${id}`, onclick: () => void import('./featured').then((m) => m.openFeatured(id)) },
            `${t('plan.featuredOpen')} #${id}${done ? ` ✓ ${t('plan.featuredDone')}` : ''}`,
          );
        }),
      )
    : null;

  const play = h(
    'button',
    { type: 'button', class: 'primary big', disabled: issues.length > 0 || closedLater !== null || s.busy, 'data-testid': 'play-season' },
    t('plan.play'),
  );
  play.addEventListener('click', async () => {
    if (!(await confirmDialog(t('plan.confirm', { n })))) return;
    await playSeason();
  });
  const undo = h('button', { type: 'button', disabled: s.undo.length === 0, onclick: () => undoDraft() }, `↶ ${t('plan.undo')}`);
  const redo = h('button', { type: 'button', disabled: s.redo.length === 0, onclick: () => redoDraft() }, `↷ ${t('plan.redo')}`);

  root.append(
    h('h2', {}, t('plan.heading', { n })),
    h('p', { class: 'story' }, pick(sc.story)),
    briefCard(sc, n) ?? '',
    budget,
    featured ?? '',
    tablist,
    panel,
    issueList,
    h('div', { class: 'row between' }, h('div', { class: 'row' }, undo, redo), play),
  );
}

/** A number field with its unit beside it (¥ before the number, other units after), or the field alone. */
function withUnit(input: HTMLElement, unit: Unit | undefined, percent = false): HTMLElement {
  if (percent) return h('span', { class: 'with-unit' }, input, h('span', { class: 'unit' }, '%'));
  if (!unit) return input;
  const u = h('span', { class: 'unit' }, t(unit.key));
  return unit.before ? h('span', { class: 'with-unit' }, u, input) : h('span', { class: 'with-unit' }, input, u);
}

function leverRow(lever: Lever, d: Decisions, sc: Scenario): HTMLElement {
  const spec = lever.spec;
  const enabled = sc.levers.includes(lever.area);
  if (spec.kind === 'audience') return audienceRow(lever, spec.use, d, sc, enabled);
  if (spec.kind === 'segments') return segmentsRow(lever, d, sc, enabled);
  const id = `lever-${lever.path.replace(/\./g, '-')}`;
  const value = getPath(d, lever.path);
  const commit = (v: unknown) => editDraft((draft) => setPath(draft, lever.path, v));
  let control: HTMLElement;
  const cost = enabled ? leverCost(lever.path, d, sc) : null;
  const common = { id, 'data-path': lever.path, disabled: !enabled, 'aria-describedby': cost ? `${id}-help ${id}-cost` : `${id}-help` };
  if (spec.kind === 'toggle') {
    const box = h('input', { ...common, type: 'checkbox' });
    box.checked = Boolean(value);
    box.addEventListener('change', () => commit(box.checked));
    control = box;
  } else if (spec.kind === 'select' || spec.kind === 'segment') {
    const options: [string, string][] =
      spec.kind === 'select'
        ? spec.options.map((o) => [o, t(`option.${o}`)])
        : [['all', t('option.all')], ...sc.segments.map((g): [string, string] => [g.id, pick(g.name)])];
    const sel = h('select', common, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
    sel.addEventListener('change', () => commit(sel.value));
    control = sel;
  } else {
    const pctKind = spec.kind === 'percent';
    const shown = pctKind ? Math.round(Number(value) * 100) : Number(value);
    const input = h('input', {
      ...common,
      type: 'number',
      min: pctKind ? 0 : spec.min,
      max: pctKind ? spec.max * 100 : spec.max,
      step: pctKind ? spec.step * 100 : spec.step,
      value: shown,
      inputmode: 'decimal',
    });
    numberField(input, lever.path, pctKind, () => commit(value));
    control = withUnit(input, leverUnit(lever.path), pctKind);
  }
  return h(
    'div',
    { class: `lever ${enabled ? '' : 'muted'}` },
    h('label', { for: id }, leverLabel(lever.path)),
    control,
    h('p', { id: `${id}-help`, class: 'hint' }, enabled ? leverHelp(lever, d, sc, session.getState().reports.at(-1)) : t('plan.unavailable')),
    cost ? h('p', { id: `${id}-cost`, class: 'cost', 'data-testid': `cost-${lever.path}` }, cost) : '',
  );
}

/**
 * A number field of the plan: its value goes into the draft when the field commits it (change), and every
 * keystroke before that is kept (autosave's pending edit), so a reload mid-typing does not lose the number.
 * Percent fields show 0–100 and hold 0–1. `onBlank` runs for a field left empty or unreadable.
 */
function numberField(input: HTMLInputElement, path: string, percent: boolean, onBlank?: () => void): void {
  const read = (): number | null => {
    const x = Number(input.value);
    return input.value === '' || !Number.isFinite(x) ? null : percent ? x / 100 : x;
  };
  input.addEventListener('input', () => {
    const v = read();
    const run = session.getState().run;
    if (v !== null && run) savePending({ season: run.seasons.length + 1, path, value: v });
  });
  input.addEventListener('change', () => {
    const v = read();
    if (v !== null) editDraft((draft) => setPath(draft, path, v));
    else onBlank?.();
    savePending(null);
  });
}

function tierEditor(d: Decisions, sc: Scenario): HTMLElement {
  const box = h('fieldset', { class: 'tiers' }, h('legend', {}, t('lever.tiers.levels')));
  d.tiers.levels.forEach((level, k) => {
    const row = h('div', { class: 'tier-row tier-grid', role: 'group', 'aria-label': t('lever.tiers.level', { n: k + 1 }) }, h('strong', {}, t('lever.tiers.level', { n: k + 1 })));
    for (const f of TIER_FIELDS) {
      const id = `tier-${k}-${f.key}`;
      const path = `tiers.levels.${k}.${f.key}`;
      const v = level[f.key];
      const cost = tierFieldCost(f.key, level, sc);
      const described = cost ? { 'aria-describedby': `${id}-cost` } : {};
      let input: HTMLInputElement;
      if (f.kind === 'toggle') {
        input = h('input', { id, type: 'checkbox', 'data-path': path, ...described });
        input.checked = Boolean(v);
        input.addEventListener('change', () => editDraft((dd) => setPath(dd, path, input.checked)));
      } else {
        const pctKind = f.kind === 'percent';
        input = h('input', {
          id,
          type: 'number',
          'data-path': path,
          ...described,
          min: 0,
          max: pctKind ? f.max * 100 : f.max,
          step: pctKind ? f.step * 100 : f.step,
          value: pctKind ? Math.round(Number(v) * 100) : Number(v),
        });
        numberField(input, path, pctKind);
      }
      row.append(
        h(
          'div',
          { class: 'tier-field' },
          h('label', { for: id, class: 'small' }, tierFieldLabel(f.key)),
          f.kind === 'toggle' ? input : withUnit(input, tierFieldUnit(f.key), f.kind === 'percent'),
          cost ? h('span', { id: `${id}-cost`, class: 'hint' }, cost) : '',
        ),
      );
    }
    row.append(
      h('button', { type: 'button', onclick: () => editDraft((dd) => void dd.tiers.levels.splice(k, 1)) }, t('lever.tiers.removeLevel')),
    );
    box.append(row);
  });
  if (d.tiers.levels.length < 5) {
    const last = d.tiers.levels[d.tiers.levels.length - 1];
    box.append(
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'add-level',
          onclick: () =>
            editDraft((dd) =>
              dd.tiers.levels.push({
                threshold: last ? last.threshold * 2 + 100 : 200,
                discount: 0.03,
                // Never below what walk-ins get: members served worse than ordinary customers feel slighted.
                service: Math.max(0.6, dd.tiers.baseService),
                birthdayGift: false,
                giftPack: 0,
                priority: false,
                manager: false,
              }),
            ),
        },
        `+ ${t('lever.tiers.addLevel')}`,
      ),
    );
  }
  return box;
}
