// Charts a student reads at 1366 px: every season labelled on the season axis (none dropped as crowded), and a
// legend kept to one scrolling row so it never wraps onto the plot's axis labels.
import { describe, expect, it, vi } from 'vitest';
import { playGame, decisions, smallBubbleTea } from '../sim/helpers';

const drawn: Record<string, unknown>[] = [];
vi.mock('../../src/ui/chart-mount', () => ({
  FONT: 'sans-serif',
  mountChart: (_el: unknown, option: Record<string, unknown>) => drawn.push(option),
}));
const { trendChart, trajectoriesChart } = await import('../../src/ui/charts');

describe('season charts', () => {
  const sc = smallBubbleTea(300);
  const g = playGame(sc, 'charts', Array.from({ length: sc.seasons }, () => decisions()));

  it('label every season and keep the legend to one row', () => {
    for (const reveal of [true, false]) {
      drawn.length = 0;
      trendChart({} as HTMLElement, g.reports, reveal);
      const o = drawn[0] as { xAxis: { data: string[]; axisLabel: { interval: number } }; legend: { type: string } };
      expect(o.xAxis.data).toHaveLength(sc.seasons);
      expect(o.xAxis.axisLabel.interval).toBe(0);
      expect(o.legend.type).toBe('scroll');
    }
    drawn.length = 0;
    trajectoriesChart({} as HTMLElement, [{ team: 'A', totals: [1, 2, 3, 4] }], 4);
    expect((drawn[0] as { xAxis: { axisLabel: { interval: number } } }).xAxis.axisLabel.interval).toBe(0);
  });
});
