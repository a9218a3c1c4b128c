import { rfmSegment } from '../analytics/rfm';
import { h } from './dom';
import { num, t } from './i18n';

// The R×F heat grid, for the season report's store analytics and for the Analytics Lab: recency 5 (recent) at
// the top, frequency 1–5 across; each cell says its count, and its segment in a tooltip and to screen readers,
// so the shading is never the only carrier of the number.

export function rfmGridTable(grid: readonly (readonly number[])[], caption: string, attrs: Record<string, string>): HTMLElement {
  const max = Math.max(1, ...grid.flat());
  return h(
    'table',
    { class: 'rfm', ...attrs },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'R \\ F'), ...[1, 2, 3, 4, 5].map((f) => h('th', { scope: 'col' }, String(f))))),
    h(
      'tbody',
      {},
      ...grid.map((row, k) => {
        const r = 5 - k;
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, String(r)),
          ...row.map((n, j) => {
            const seg = t(`rfm.${rfmSegment(r, j + 1)}`);
            const alpha = 0.08 + (0.8 * n) / max;
            return h(
              'td',
              { title: seg, 'aria-label': t('lab.rfm.cell', { r, f: j + 1, n: num(n), segment: seg }), style: `background: rgba(0, 114, 178, ${alpha.toFixed(2)}); color: ${alpha > 0.5 ? '#fff' : '#1b1b1b'}` },
              num(n),
            );
          }),
        );
      }),
    ),
  );
}
