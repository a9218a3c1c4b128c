import type { SeasonReport } from '../sim';
import { h } from './dom';
import { t } from './i18n';

// 客户流失管理 (unit 9) in the season report: the course's kinds of churn and what the win-back campaign did. During
// play the store knows who its records show lapsed, not which of them have really left; the debrief splits them
// into real and apparent churn.

export function churnCard(r: SeasonReport, reveal: boolean): HTMLElement {
  const k = r.customers.churnKinds;
  const w = r.retention;
  const lines: (HTMLElement | string)[] = [
    h('p', { 'data-testid': 'churn-kinds' }, t('report.churnKinds.real', { real: k.real, malicious: k.malicious })),
    h(
      'p',
      { 'data-testid': 'churn-lapsed' },
      reveal ? t('report.churnKinds.lapsed.reveal', { lapsed: k.lapsed, apparent: k.apparent }) : t('report.churnKinds.lapsed.play', { lapsed: k.lapsed }),
    ),
    h('p', { class: 'hint' }, t('report.churnKinds.help')),
  ];
  if (w.winBackAttempts > 0) {
    lines.push(
      h('p', { 'data-testid': 'win-back-line' }, t('report.winBack.line', { attempts: w.winBackAttempts, won: w.wonBack })),
      h('p', { 'data-testid': 'win-back-fixed' }, t('report.winBack.fixed', { attempts: w.causeFixed.attempts, won: w.causeFixed.won })),
      reveal && w.apparent > 0 ? h('p', { 'data-testid': 'win-back-apparent' }, t('report.winBack.apparent', { n: w.apparent })) : '',
    );
  }
  return h('section', { class: 'card', 'data-testid': 'churn-card' }, h('h3', {}, t('report.churnKinds')), ...lines);
}
