import * as echarts from 'echarts/core';
import { BarChart, LineChart, SankeyChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { FONT, mountChart } from './chart-mount';
import { type SeasonReport, type StageId, CHURN_IDS, COST_KEYS } from '../sim';
import { STAGE_ORDER, STAGE_STYLE, stageName } from './badges';
import { t } from './i18n';

// Report charts with tree-shaken ECharts on the SVG renderer: crisp at any zoom, and with ARIA descriptions and
// decal patterns so no series depends on colour alone. Loaded only when a report is shown.

echarts.use([BarChart, LineChart, SankeyChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export function stagesChart(el: HTMLElement, r: SeasonReport): void {
  const stages = STAGE_ORDER.filter((s) => s !== 'prospect');
  mountChart(el, {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: stages.map((s) => `${STAGE_STYLE[s].shape} ${stageName(s)}`) },
    tooltip: { trigger: 'axis' },
    series: [
      {
        type: 'bar',
        label: { show: true, position: 'right' },
        data: stages.map((s) => ({ value: r.customers.byStage[s], itemStyle: { color: STAGE_STYLE[s].color } })),
      },
    ],
  });
}

export function flowsChart(el: HTMLElement, r: SeasonReport): void {
  const start = (s: StageId) => `${stageName(s)} ▸`;
  const end = (s: StageId) => `▸ ${stageName(s)}`;
  const links = r.customers.flows.map((f) => ({ source: start(f.from), target: end(f.to), value: f.count }));
  const names = new Set<string>();
  for (const l of links) {
    names.add(l.source);
    names.add(l.target);
  }
  const colorOf = (n: string) => STAGE_STYLE[STAGE_ORDER.find((s) => n.includes(stageName(s))) ?? 'prospect'].color;
  mountChart(el, {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 90,
        nodeGap: 10,
        data: [...names].map((n) => ({ name: n, itemStyle: { color: colorOf(n) } })),
        links,
        lineStyle: { color: 'gradient', opacity: 0.35 },
        label: { fontFamily: FONT },
      },
    ],
  });
}

/**
 * A score axis from 0 (or below the lowest negative score) to 100, in round steps: losses stay in view, never
 * clamped at zero.
 */
export function scoreAxis(values: readonly (number | null)[]): { type: 'value'; min: number; max: number; interval: number } {
  const xs = values.filter((x): x is number => x !== null && Number.isFinite(x));
  const low = Math.min(0, ...xs);
  const high = Math.max(100, ...xs);
  const step = [10, 20, 25, 50, 100, 200, 250, 500].find((k) => Math.ceil(high / k) - Math.floor(low / k) <= 8) ?? 10 ** Math.ceil(Math.log10((high - low) / 5));
  return { type: 'value', min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, interval: step };
}

/** Seasons on a category axis: every season labelled (ECharts would otherwise drop labels it finds crowded). */
export function seasonAxis(labels: readonly string[]): { type: 'category'; data: string[]; axisLabel: { interval: 0; rotate: number; hideOverlap: false } } {
  return { type: 'category', data: [...labels], axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0, hideOverlap: false } };
}

/**
 * Scores season by season. `reveal` (the debrief) draws the total and every part; during play only the profit
 * part, which comes from the books, and the survey's satisfaction index in the seasons the team surveyed (gaps
 * where it did not): the other parts are computed from hidden truth.
 */
export function trendChart(el: HTMLElement, reports: readonly SeasonReport[], reveal: boolean): void {
  const seasons = reports.map((r) => t('final.seasonLine', { n: r.season }));
  const parts = ['satisfaction', 'loyalty', 'churn', 'profit', 'residual'] as const;
  const series = reveal
    ? [
        { type: 'line', name: t('report.total'), data: reports.map((r) => r.score.total), lineStyle: { width: 4 }, symbol: 'circle', symbolSize: 9 },
        ...parts.map((p, k) => ({
          type: 'line',
          name: t(`report.part.${p}`),
          data: reports.map((r) => r.score[p]),
          symbol: ['rect', 'triangle', 'diamond', 'pin', 'arrow'][k],
          symbolSize: 8,
          lineStyle: { type: k % 2 ? 'dashed' : 'solid' },
        })),
      ]
    : [
        { type: 'line', name: t('report.part.profit'), data: reports.map((r) => r.score.profit), lineStyle: { width: 3 }, symbol: 'pin', symbolSize: 9, color: '#009E73' },
        {
          type: 'line',
          name: t('report.series.surveyIndex'),
          data: reports.map((r) => r.satisfaction.measured?.satisfaction ?? null),
          connectNulls: false,
          symbol: 'rect',
          symbolSize: 8,
          lineStyle: { type: 'dashed' },
          color: '#0072B2',
        },
      ];
  mountChart(el, {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    // One row of legend that scrolls, so a narrow card never wraps it onto the plot and its axis labels.
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: seasonAxis(seasons),
    yAxis: scoreAxis(series.flatMap((x) => x.data)),
    series,
  });
}

export function churnChart(el: HTMLElement, r: SeasonReport): void {
  const entries = CHURN_IDS.filter((k) => k !== 'none').map((k) => [k, r.customers.churnByReason[k]] as const);
  mountChart(el, {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: entries.map(([k]) => t(`churn.${k}`)) },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'bar', data: entries.map(([, v]) => v), itemStyle: { color: '#D55E00' }, label: { show: true, position: 'right' } }],
  });
}

/** The season's costs; one can be below zero (points released when customers leave), drawn left of zero. */
export function costsChart(el: HTMLElement, r: SeasonReport): void {
  const keys = COST_KEYS.filter((k) => Math.round(r.economics.costs[k]) !== 0);
  mountChart(el, {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: keys.map((k) => t(`cost.${k}`)) },
    tooltip: { trigger: 'axis' },
    series: [
      {
        type: 'bar',
        data: keys.map((k) => {
          const v = Math.round(r.economics.costs[k]);
          return { value: v, itemStyle: { color: v < 0 ? '#56B4E9' : '#E69F00' }, label: { position: v < 0 ? 'left' : 'right' } };
        }),
        label: { show: true, position: 'right' },
      },
    ],
  });
}

/** The customer pyramid by membership level: ordinary customers at the base, the top level on top, centred. */
export function pyramidChart(el: HTMLElement, r: SeasonReport, tierName: (k: number) => string): void {
  const tiers = r.customers.byTier.map((n, k) => ({ name: tierName(k), n }));
  const max = Math.max(1, ...tiers.map((x) => x.n));
  mountChart(el, {
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false, min: -max, max },
    yAxis: { type: 'category', data: tiers.map((x) => x.name), axisTick: { show: false } },
    tooltip: { trigger: 'axis' },
    series: [
      { type: 'bar', stack: 'p', data: tiers.map((x) => -x.n / 2), itemStyle: { color: '#0072B2' }, tooltip: { show: false } },
      { type: 'bar', stack: 'p', data: tiers.map((x) => x.n / 2), itemStyle: { color: '#0072B2' }, label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => String(tiers[p.dataIndex].n) } },
    ],
  });
}

/** The store's CLV estimate against what each customer really spent afterwards; the diagonal is a perfect guess. */
export function clvScatter(el: HTMLElement, points: readonly { estimate: number; actual: number }[], xName: string, yName: string): void {
  const max = Math.max(1, ...points.map((p) => Math.max(p.estimate, p.actual)));
  mountChart(el, {
    grid: { left: 8, right: 24, top: 16, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 24, max },
    yAxis: { type: 'value', name: yName, max },
    tooltip: { trigger: 'item' },
    series: [
      { type: 'scatter', symbolSize: 6, data: points.map((p) => [p.estimate, p.actual]), itemStyle: { color: '#0072B2', opacity: 0.6 } },
      { type: 'line', data: [[0, 0], [max, max]], symbol: 'none', lineStyle: { type: 'dashed', color: '#5c677d' }, tooltip: { show: false } },
    ],
  });
}

/** Every ranked team's total score season by season. */
export function trajectoriesChart(el: HTMLElement, teams: readonly { team: string; totals: number[] }[], seasons: number): void {
  const symbols = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
  mountChart(el, {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: seasonAxis(Array.from({ length: seasons }, (_, k) => t('final.seasonLine', { n: k + 1 }))),
    yAxis: scoreAxis(teams.flatMap((x) => x.totals)),
    series: teams.map((x, k) => ({ type: 'line', name: x.team, data: x.totals, symbol: symbols[k % symbols.length], symbolSize: 8 })),
  });
}
