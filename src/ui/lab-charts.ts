import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { mountChart } from './chart-mount';

// The Analytics Lab's two charts (CLV distribution, ABC pyramid): tree-shaken ECharts on the SVG renderer,
// loaded only once results are shown. Every bar carries its number as a label, so no value is told by colour.

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** Customers per CLV band, bands on the x axis. */
export function clvChart(el: HTMLElement, labels: readonly string[], counts: readonly number[], xName: string, yName: string): void {
  mountChart(el, {
    grid: { left: 8, right: 16, top: 28, bottom: 28, containLabel: true },
    xAxis: { type: 'category', data: [...labels], name: xName, nameLocation: 'middle', nameGap: 40, axisLabel: { rotate: labels.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: yName, minInterval: 1 },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'bar', data: [...counts], itemStyle: { color: '#009E73' }, label: { show: true, position: 'top' } }],
  });
}

/** The ABC pyramid: A on top, bar width = customers, label = customers and revenue share. */
export function abcPyramidChart(el: HTMLElement, levels: readonly { name: string; customers: number; label: string }[]): void {
  const max = Math.max(1, ...levels.map((l) => l.customers));
  const colors = ['#0072B2', '#56B4E9', '#B8D9EE'];
  mountChart(el, {
    // The levels are named on the axis and labelled with their numbers, so no pattern is needed to tell them apart.
    aria: { enabled: true, decal: { show: false } },
    grid: { left: 8, right: 130, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false, min: -max / 2, max: max / 2 },
    yAxis: { type: 'category', inverse: true, data: levels.map((l) => l.name), axisTick: { show: false } },
    tooltip: { show: false },
    series: [
      { type: 'bar', stack: 'p', barCategoryGap: '15%', data: levels.map((l, k) => ({ value: -l.customers / 2, itemStyle: { color: colors[k] } })) },
      {
        type: 'bar',
        stack: 'p',
        data: levels.map((l, k) => ({ value: l.customers / 2, itemStyle: { color: colors[k] } })),
        label: { show: true, position: 'right', color: '#1b1b1b', formatter: (p: { dataIndex: number }) => levels[p.dataIndex].label },
      },
    ],
  });
}
