import type { Decisions } from '../scenario/decisions';
import type { Scenario } from '../scenario/schema';
import type { Score, SeasonReport } from '../sim';
import { decisionChanges } from './decision-labels';
import { h } from './dom';
import { t } from './i18n';
import { scoreText, signed } from './report';
import { scoreMoves, type PartMove } from './score-moves';

// "Why the score moved": each score part's change against last season and its share of the total's change, what
// doing nothing scored on the same seed, and the levers changed since last season. During the game only the
// profit part is known (the others wait for the debrief), so only it is shown; no verdict on what to do.

export interface WhyInputs {
  /** Every season's decisions of the run shown. */
  decisions: readonly Decisions[];
  /** Doing nothing's season scores on the same seed (null where no host holds this game). */
  baseline: Promise<Score[]> | null;
}

const MAX_CHANGED = 8;

function partLine(p: PartMove, weighted: boolean): HTMLElement {
  const text = t('why.part', { part: t(`report.part.${p.part}`), before: scoreText(p.before), after: scoreText(p.after) });
  return h('li', { 'data-part': p.part }, weighted ? `${text} ${t('why.effect', { effect: signed(p.effect) })}` : text);
}

export function scoreMovesCard(r: SeasonReport, history: readonly SeasonReport[], why: WhyInputs, sc: Scenario, reveal: boolean): HTMLElement {
  const k = r.season - 1;
  const prev = k > 0 && history[k - 1] && why.decisions[k - 1] ? { score: history[k - 1].score, decisions: why.decisions[k - 1] } : null;
  const now = why.decisions[k];
  const box = h('section', { class: 'card', 'data-testid': 'why-score' }, h('h3', {}, t('why.title')));
  if (!now) return box;
  const m = scoreMoves(prev, { score: r.score, decisions: now }, sc.scoring, null);
  const shown = reveal ? m.parts : m.parts.filter((p) => p.part === 'profit');
  box.append(
    reveal ? h('p', {}, t(prev ? 'why.total' : 'why.totalFirst', { before: scoreText(m.before), after: scoreText(m.after) })) : h('p', { class: 'hint' }, t('why.hidden')),
    h('ul', {}, ...shown.map((p) => partLine(p, reveal))),
  );
  const baseline = h('p', { 'data-testid': 'why-baseline' });
  box.append(baseline);
  void why.baseline?.then((scores) => {
    const b = scores[k];
    if (!b) return;
    baseline.textContent = reveal ? t('why.baseline', { total: scoreText(b.total), profit: scoreText(b.profit) }) : t('why.baselineProfit', { profit: scoreText(b.profit) });
  });
  if (prev) {
    // The featured cases are answered anew each season: not a lever that changed.
    const lines = decisionChanges({ ...prev.decisions, featured: [] }, { ...now, featured: [] }, sc).map((c) => t('final.change', c));
    box.append(
      h('h4', {}, t('why.changed')),
      lines.length === 0
        ? h('p', {}, t('why.nothingChanged'))
        : h(
            'ul',
            { 'data-testid': 'why-changed' },
            ...lines.slice(0, MAX_CHANGED).map((line) => h('li', {}, line)),
            ...(lines.length > MAX_CHANGED ? [h('li', {}, t('why.more', { n: lines.length - MAX_CHANGED }))] : []),
          ),
    );
  }
  return box;
}
