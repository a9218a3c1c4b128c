import { answerFeatured } from '../store/actions';
import { session } from '../store/session';
import { answerQuality, COMPLAINT_KINDS, featuredChance, type ComplaintKindId } from '../sim';
import { complaintScript } from './complaint-scripts';
import { openModal } from './dialog';
import { dialogue } from './dialogue';
import { h } from './dom';
import { pick, t, weekName } from './i18n';
import { stageName } from './badges';
import { getHost } from '../store/host-instance';

// The featured complaint case: the LSCPA dialogue (listen, share, clarify, present, ask) with the customer, one
// step at a time, with feedback after each answer and the outcome once all five are given. The answers become
// part of next season's decisions, so the outcome is simulated and replayable like any other; the chance shown is
// the engine's own (featuredChance of answerQuality for the complaint's kind), so what the student reads is what
// the season does.

const STEPS = 5;

export function openFeatured(customer: number): void {
  const existing = session.getState().draft.featured.find((f) => f.customer === customer);
  let choices: number[] = existing ? [...existing.choices] : [];
  const body = h('div', { class: 'featured' });
  let close: () => void = () => undefined;

  const context = h('p', { class: 'case-context', 'data-testid': 'featured-context' });
  const talk = h('div', { 'data-testid': 'featured-dialogue' }, h('p', { class: 'hint' }, t('featured.loading')));
  const save = h('button', { type: 'button', class: 'primary', disabled: true, 'data-testid': 'featured-save' }, t('featured.save'));
  save.addEventListener('click', () => {
    answerFeatured(customer, choices.slice(0, STEPS));
    close();
  });
  body.append(
    h('p', {}, t('featured.intro')),
    context,
    talk,
    h('div', { class: 'row end' }, h('button', { type: 'button', onclick: () => close() }, t('featured.cancel')), save),
  );
  close = openModal(t('featured.heading', { id: customer }), body);

  void getHost()
    .customer(customer)
    .then((p) => {
      if (!p) return;
      const sc = session.getState().scenario;
      const seg = sc?.segments.find((g) => g.id === p.segment);
      const segment = seg ? pick(seg.name) : p.segment;
      const last = [...p.history].reverse().find((e) => e.kind === 4);
      const when = weekName(last?.week ?? 0, sc?.weeksPerSeason, true);
      // A file from before the complaint kind was kept reads as a product complaint, the engine's default.
      const kind: ComplaintKindId = p.complaintKind ?? 'product';
      const kindIndex = COMPLAINT_KINDS.indexOf(kind);
      context.textContent = t('featured.context', {
        segment,
        stage: stageName(p.stage),
        purchases: p.purchases,
        spend: p.spendTotal,
        cause: t(`cause.${last?.cause ?? 'quality-shortfall'}`),
        when,
      });
      context.append(' ', h('strong', { 'data-testid': 'featured-kind', 'data-kind': kind }, t('featured.about', { kind: t(`featured.kind.${kind}`) })));
      const script = complaintScript({ id: customer, kind, segment, purchases: p.purchases, spendTotal: p.spendTotal });
      const view = dialogue(script, {
        initial: choices,
        testId: 'featured',
        onChange: (c) => {
          choices = c;
          save.disabled = c.length < STEPS;
        },
        outcome: (c) => {
          const q = answerQuality(c, kindIndex);
          const chance = featuredChance(q);
          const quality = Math.round(100 * q);
          const percent = Math.round(100 * chance);
          const lines = {
            quality: t('featured.outcome.quality', { q: quality }),
            chance: t('featured.outcome.chance', { p: percent }),
            who: t('featured.outcome.for', { segment, stage: stageName(p.stage) }),
            recovered: t('featured.outcome.recovered'),
            unresolved: t('featured.outcome.unresolved'),
            when: t('featured.outcome.when', { when }),
          };
          const element = h(
            'div',
            {},
            h('h3', {}, t('featured.outcome.title')),
            h('p', { 'data-testid': 'featured-quality', 'data-quality': quality }, h('strong', {}, lines.quality)),
            h('p', { 'data-testid': 'featured-chance', 'data-chance': percent }, h('strong', {}, lines.chance)),
            h('p', {}, lines.who),
            h('ul', {}, h('li', {}, lines.recovered), h('li', {}, lines.unresolved)),
            h('p', { class: 'hint' }, lines.when),
          );
          return { element, summary: `${lines.quality} ${lines.chance}` };
        },
      });
      choices = view.choices();
      save.disabled = choices.length < STEPS;
      talk.replaceChildren(view.element);
      view.focus();
    });
}
