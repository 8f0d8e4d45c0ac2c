// The plan's picture: for the company and each manager, three bars side by side — plan, fact, forecast.

import type { PlanChart } from '../../vocabulary/charts.ts';
import type { Language } from '../../vocabulary/director.ts';
import { periodInWords } from '../format.ts';
import { CHART_TITLES, PLAN_SERIES } from '../messages-files.ts';
import { shortMoney } from './charts.ts';
import { drawChart } from './draw.ts';

const COLORS = { plan: '#9ca3af', fact: '#16a34a', forecast: '#2563eb' };

export function drawPlanChart(data: PlanChart, language: Language): Uint8Array {
  const money = (value: number) => (value > 0 ? shortMoney(value, data.currency, language) : '');
  const series = (key: 'plan' | 'fact' | 'forecast', name: string) => ({
    type: 'bar',
    name,
    data: data.rows.map((row) => row[key] ?? 0),
    barMaxWidth: 26,
    itemStyle: { color: COLORS[key], borderRadius: [0, 4, 4, 0] },
    label: { show: true, position: 'right', fontSize: 16, formatter: (point: { value: number }) => money(point.value) },
  });
  const height = Math.max(560, 220 + data.rows.length * 110);
  return drawChart(
    {
      title: {
        text: CHART_TITLES.plan[language],
        subtext: periodInWords(data.period, language),
        left: 32,
        top: 24,
        textStyle: { fontSize: 34, fontWeight: 'bold' },
        subtextStyle: { fontSize: 22, color: '#6b7280' },
      },
      legend: { top: 110, left: 32, textStyle: { fontSize: 20 } },
      grid: { left: 32, right: 160, top: 170, bottom: 40, containLabel: true },
      xAxis: {
        type: 'value',
        splitNumber: 4,
        axisLabel: { fontSize: 18, formatter: money },
        splitLine: { lineStyle: { color: '#e5e7eb' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.rows.map((row) => row.name),
        axisLabel: { fontSize: 20, width: 360, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        series('plan', PLAN_SERIES.plan[language]),
        series('fact', PLAN_SERIES.fact[language]),
        series('forecast', PLAN_SERIES.forecast[language]),
      ],
    },
    height,
  );
}
