import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import { conversion, improvisedQuality, OBJECTION_KINDS, scriptQuality, type ObjectionKindId } from '../sim';
import { editDraft } from '../store/actions';
import { prefs, session } from '../store/session';
import { openModal } from './dialog';
import type * as DialogueModule from './dialogue';
import { h } from './dom';
import { pick, t } from './i18n';
import type * as ScriptsModule from './objection-scripts';

// The sales script (销售话术, course unit 3) in the plan's acquisition area: the four objections a prospect the
// campaign reaches may raise, each with its state (no script, so the staff improvise; or the team's script, its
// quality and what it does to conversion), a button that opens the LSCPA dialogue with the prospect, and one that
// clears the script. Finishing the dialogue writes the five answers into the draft at acquisition.objections.<kind>,
// an edit like any other (undo, autosave). Quality and conversion are the engine's (scriptQuality, conversion),
// never copied. The dialogue and its texts are a chunk of their own, loaded when one is first opened.

const STEPS = 5;

/** The dialogue's modules, loaded on first use (or handed in by a test). */
export interface ObjectionModules {
  dialogue: typeof DialogueModule.dialogue;
  objectionScript: typeof ScriptsModule.objectionScript;
}

const kindName = (kind: ObjectionKindId) => t(`objections.kind.${kind}`);
const pct = (q: number) => Math.round(100 * q);
/** A conversion factor as the page shows it, always with two decimals (×0.70, ×1.20), so the factors line up. */
export const factor = (q: number) => new Intl.NumberFormat(prefs.getState().lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(conversion(q));

/** The customer group the campaign aims at, in the player's language; undefined when it aims at everybody. */
function targetSegment(d: Decisions, sc: Scenario): string | undefined {
  const seg = sc.segments.find((g) => g.id === d.acquisition.target);
  return seg ? pick(seg.name) : undefined;
}

/** What a script of this quality does to conversion, with the engine's range from no answer to the course's. */
function conversionLine(q: number): string {
  return t('objections.conversion', { c: factor(q), none: factor(0), best: factor(1) });
}

/** The sales-script section of the acquisition area; the staff's skill as the last season left it. */
export function objectionsSection(d: Decisions, sc: Scenario, staffSkill: number): HTMLElement {
  const scripts = d.acquisition.objections;
  const list = h('ul', { class: 'objection-list', style: 'list-style:none;padding:0;margin:0.3rem 0 0;display:grid;gap:0.4rem' });
  for (const [k, kind] of OBJECTION_KINDS.entries()) {
    const choices = scripts[kind];
    const q = choices ? scriptQuality(k, choices) : null;
    const stateId = `objection-state-${kind}`;
    const state =
      q === null
        ? h(
            'span',
            { id: stateId, 'data-testid': stateId, 'data-written': 'false', style: 'flex:1 1 16rem' },
            h('span', { style: 'display:block' }, `○ ${t('objections.notWritten')}`),
            h('span', { class: 'hint', style: 'display:block' }, conversionLine(improvisedQuality(staffSkill))),
          )
        : h(
            'span',
            { id: stateId, 'data-testid': stateId, 'data-written': 'true', 'data-quality': pct(q), style: 'flex:1 1 16rem' },
            h('span', { style: 'display:block' }, `✓ ${t('objections.written', { q: pct(q) })}`),
            h('span', { class: 'hint', style: 'display:block' }, conversionLine(q)),
          );
    const open = h(
      'button',
      { type: 'button', 'data-testid': `objection-open-${kind}`, 'aria-describedby': stateId },
      `${q === null ? t('objections.write') : t('objections.edit')} ▸`,
    );
    open.addEventListener('click', () => openObjection(kind));
    const clear =
      q === null
        ? ''
        : h(
            'button',
            {
              type: 'button',
              'data-testid': `objection-clear-${kind}`,
              'aria-label': `${t('objections.clear')}: ${kindName(kind)}`,
              onclick: () => {
                clearObjection(kind);
                refocus(kind);
              },
            },
            t('objections.clear'),
          );
    list.append(
      h(
        'li',
        { class: 'tier-row', style: 'align-items:center', 'data-testid': `objection-${kind}` },
        h('strong', { style: 'min-width:7.5rem' }, kindName(kind)),
        state,
        h('span', { class: 'row', style: 'margin-left:auto;flex-wrap:nowrap' }, open, clear),
      ),
    );
  }
  return h(
    'section',
    { class: 'lever audience', 'aria-labelledby': 'objections-title', 'data-testid': 'objections' },
    h('h3', { id: 'objections-title', style: 'margin:0 0 0.2rem;font-size:1.05rem' }, t('objections.title')),
    h('p', { class: 'hint' }, t('objections.intro')),
    list,
  );
}

/** Writes a script's five answers into the draft (acquisition.objections.<kind>). */
export function saveObjection(kind: ObjectionKindId, choices: readonly number[]): void {
  const answers = choices.slice(0, STEPS);
  if (answers.length < STEPS) return;
  editDraft((d) => {
    d.acquisition.objections[kind] = answers;
  });
}

/** Removes a script: the staff improvise again. */
export function clearObjection(kind: ObjectionKindId): void {
  editDraft((d) => {
    delete d.acquisition.objections[kind];
  });
}

/** Gives focus back to the objection's button once the plan has been redrawn. */
function refocus(kind: ObjectionKindId): void {
  document.querySelector<HTMLElement>(`[data-testid="objection-open-${kind}"]`)?.focus();
}

/**
 * The dialogue's window body: the prospect's objection as an LSCPA dialogue, feedback after each answer, the
 * outcome (the script's quality, what it does to conversion), and Save (enabled once all five are answered).
 */
export function objectionBody(kind: ObjectionKindId, mods: ObjectionModules, close: () => void): HTMLElement {
  const s = session.getState();
  const k = OBJECTION_KINDS.indexOf(kind);
  const existing = s.draft.acquisition.objections[kind];
  let choices: number[] = existing ? [...existing] : [];
  const segment = s.scenario ? targetSegment(s.draft, s.scenario) : undefined;
  const save = h('button', { type: 'button', class: 'primary', disabled: true, 'data-testid': 'objection-save' }, t('objections.save'));
  save.addEventListener('click', () => {
    saveObjection(kind, choices);
    close();
  });
  const view = mods.dialogue(mods.objectionScript({ kind, segment }), {
    initial: choices,
    testId: 'objection',
    onChange: (c) => {
      choices = c;
      save.disabled = c.length < STEPS;
    },
    outcome: (c) => {
      const q = scriptQuality(k, c);
      const lines = {
        quality: t('objections.outcome.quality', { q: pct(q) }),
        conversion: conversionLine(q),
        unwritten: t('objections.outcome.unwritten'),
        when: t('objections.outcome.when'),
      };
      const element = h(
        'div',
        {},
        h('h3', {}, t('objections.outcome.title')),
        h('p', { 'data-testid': 'objection-quality', 'data-quality': pct(q) }, h('strong', {}, lines.quality)),
        h('p', { 'data-testid': 'objection-conversion', 'data-conversion': conversion(q) }, h('strong', {}, lines.conversion)),
        h('p', {}, lines.unwritten),
        h('p', { class: 'hint' }, lines.when),
      );
      return { element, summary: `${lines.quality} ${lines.conversion}` };
    },
  });
  choices = view.choices();
  save.disabled = choices.length < STEPS;
  const body = h(
    'div',
    { class: 'featured', 'data-testid': 'objection-dialogue' },
    h('p', {}, t('objections.dialogIntro')),
    view.element,
    h('div', { class: 'row end' }, h('button', { type: 'button', onclick: () => close() }, t('objections.cancel')), save),
  );
  queueMicrotask(() => view.focus());
  return body;
}

/** Opens the dialogue for one objection, loading the dialogue engine and the scripts on first use. */
export function openObjection(kind: ObjectionKindId): void {
  void Promise.all([import('./dialogue'), import('./objection-scripts')]).then(([d, sc]) => {
    let close: () => void = () => undefined;
    const body = objectionBody(kind, { dialogue: d.dialogue, objectionScript: sc.objectionScript }, () => close());
    close = openModal(t('objections.heading', { kind: kindName(kind) }), body, () => refocus(kind));
  });
}
