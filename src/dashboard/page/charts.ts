// The funnel, drawn by ECharts with only the parts it uses (the funnel series, SVG), in a script of its own: the
// numbers are on screen before it has even loaded (the managers' bars are plain blocks of the page). Colours come
// from Telegram's theme; a tap opens the stage's list.
import { FunnelChart } from 'echarts/charts';
import { type ECharts, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { StageBar } from './payload.ts';

use([FunnelChart, SVGRenderer]);

const color = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(`--tg-theme-${name}`).trim() || fallback;

const charts: ECharts[] = [];

function chartIn(box: HTMLElement): ECharts {
  const chart = init(box, undefined, { renderer: 'svg' });
  charts.push(chart);
  return chart;
}

/** Charts follow the screen's width (a phone turned) and are dropped with the view they belong to. */
export function disposeCharts(): void {
  for (const chart of charts.splice(0)) chart.dispose();
}
window.addEventListener('resize', () => {
  for (const chart of charts) chart.resize();
});

export function drawFunnel(box: HTMLElement, stages: StageBar[], open: (stage: StageBar) => void): void {
  const chart = chartIn(box);
  const text = color('text-color', '#1f2328');
  const max = Math.max(1, ...stages.map((stage) => stage.count));
  chart.setOption({
    animation: false,
    color: [color('button-color', '#2f80ed')],
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: 0,
        right: 0,
        top: 4,
        bottom: 4,
        min: 0,
        max,
        minSize: '18%',
        gap: 3,
        label: { position: 'inside', color: color('button-text-color', '#ffffff'), fontSize: 12, formatter: '{c}' },
        itemStyle: { borderWidth: 0, opacity: 0.9 },
        emphasis: { disabled: true },
        data: stages.map((stage, index) => ({ name: String(index), value: stage.count })),
      },
    ],
    textStyle: { color: text },
  });
  chart.on('click', (event) => {
    const stage = stages[Number(event.name)];
    if (stage) open(stage);
  });
}

export interface Charts {
  drawFunnel: typeof drawFunnel;
  disposeCharts: typeof disposeCharts;
}

(window as unknown as { dashboardCharts: Charts }).dashboardCharts = { drawFunnel, disposeCharts };
