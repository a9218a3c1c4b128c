import { answerFeatured } from '../store/actions';
import { session } from '../store/session';
import { openModal } from './dialog';
import { h } from './dom';
import { pick, t, weekName } from './i18n';
import { stageName } from './badges';
import { getHost } from '../store/host-instance';

// The featured complaint dialogue: five LSCPA steps, four possible answers each, chosen one step at a time.
// The answers become part of next season's decisions, so the outcome is simulated and replayable like any other.

/** The five LSCPA steps and the four answers of each: the locale keys featured.step.<k> and featured.<k>.<o>. */
const STEP_IDS = [0, 1, 2, 3, 4] as const;
const OPTION_IDS = [0, 1, 2, 3] as const;
const STEPS = STEP_IDS.length;

export function openFeatured(customer: number): void {
  const existing = session.getState().draft.featured.find((f) => f.customer === customer);
  const choices: number[] = existing ? [...existing.choices] : [];
  const body = h('div', { class: 'featured' });
  let close: () => void = () => undefined;

  const context = h('p', { class: 'case-context', 'data-testid': 'featured-context' });
  void getHost()
    .customer(customer)
    .then((p) => {
      if (!p) return;
      const sc = session.getState().scenario;
      const seg = sc?.segments.find((g) => g.id === p.segment);
      const last = [...p.history].reverse().find((e) => e.kind === 4);
      context.textContent = t('featured.context', {
        segment: seg ? pick(seg.name) : p.segment,
        stage: stageName(p.stage),
        purchases: p.purchases,
        spend: p.spendTotal,
        cause: t(`cause.${last?.cause ?? 'quality-shortfall'}`),
        when: weekName(last?.week ?? 0, sc?.weeksPerSeason, true),
      });
    });
  const render = () => {
    body.replaceChildren();
    body.append(h('p', {}, t('featured.intro')), context);
    const step = Math.min(choices.length, STEPS - 1);
    for (const k of STEP_IDS) {
      const answered = choices[k] !== undefined;
      const visible = k <= choices.length;
      if (!visible) break;
      const group = h('fieldset', { class: 'step', 'data-testid': `featured-step-${k}` }, h('legend', {}, `${k + 1}. ${t(`featured.step.${k}`)}`));
      for (const o of OPTION_IDS) {
        const id = `featured-${customer}-${k}-${o}`;
        const radio = h('input', { type: 'radio', name: `step-${k}`, id, value: o });
        radio.checked = choices[k] === o;
        radio.addEventListener('change', () => {
          choices[k] = o;
          choices.length = k + 1;
          render();
          body.querySelector<HTMLInputElement>(`input[name="step-${Math.min(k + 1, STEPS - 1)}"]`)?.focus();
        });
        group.append(h('div', { class: 'option' }, radio, h('label', { for: id }, t(`featured.${k}.${o}`))));
      }
      if (!answered && k === step) group.classList.add('current');
      body.append(group);
    }
    const save = h('button', { type: 'button', class: 'primary', disabled: choices.length < STEPS, 'data-testid': 'featured-save' }, t('featured.save'));
    save.addEventListener('click', () => {
      answerFeatured(customer, choices.slice(0, STEPS));
      close();
    });
    body.append(h('div', { class: 'row end' }, h('button', { type: 'button', onclick: () => close() }, t('featured.cancel')), save));
  };
  render();
  close = openModal(t('featured.heading', { id: customer }), body);
  body.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
}
