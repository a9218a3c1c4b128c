import * as echarts from 'echarts/core';

// One way to put an ECharts chart on the page, for the report's charts and the Analytics Lab's: system fonts
// with Chinese fallbacks, ARIA descriptions and decal patterns (no series told by colour alone), no animation,
// disposed once its element leaves the page. Each caller registers the chart types it draws.

export const FONT = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Zen Hei', sans-serif";
const base = { textStyle: { fontFamily: FONT }, aria: { enabled: true, decal: { show: true } }, animation: false };

/** Draws into `el` if it is still on the page; the chart is disposed once the panel re-renders it away. */
export function mountChart(el: HTMLElement, option: echarts.EChartsCoreOption): void {
  if (!el.isConnected) return;
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  chart.setOption({ ...base, ...option });
  const ro = new ResizeObserver(() => {
    if (!el.isConnected) {
      ro.disconnect();
      chart.dispose();
    } else if (el.clientWidth > 0) chart.resize();
  });
  ro.observe(el);
}
