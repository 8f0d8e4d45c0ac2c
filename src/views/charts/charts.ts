// The pictures of the product, from plain series: the funnel by stage, money won by week or month, the managers'
// leaderboard and the lead sources. Each is a PNG with Russian (or English) labels, money as «1,2 млн ₽».
import type { ChartData } from '../../vocabulary/charts.ts';
import type { Language } from '../../vocabulary/director.ts';
import { dateInWords } from '../format.ts';
import type { Texts } from '../messages.ts';
import { CHART_TITLES, GROUPS, NO_SOURCE, SINCE, WON_SINCE } from '../messages-files.ts';
import { count } from '../words.ts';
import { type ChartOption, drawChart } from './draw.ts';
import { drawPlanChart } from './plan-drawing.ts';

const locales: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };
const ACCENT = '#2563eb';
const symbols: Record<string, string> = { RUB: '₽', USD: '$', EUR: '€', KZT: '₸', BYN: 'Br', UAH: '₴' };

/** «1,2 млн ₽», «350 тыс. ₽», «980 ₽». */
export function shortMoney(amount: number, currency: string, language: Language): string {
  const number = new Intl.NumberFormat(locales[language], { notation: 'compact', maximumFractionDigits: 1 }).format(
    amount,
  );
  return `${number}\u00a0${symbols[currency] ?? currency}`;
}

interface Bars {
  title: string;
  subtitle?: string;
  names: string[];
  values: number[];
  labels: string[];
  axis: (value: number) => string;
}

const titleOf = (bars: Bars) => ({
  text: bars.title,
  subtext: bars.subtitle ?? '',
  left: 32,
  top: 24,
  textStyle: { fontSize: 34, fontWeight: 'bold' },
  subtextStyle: { fontSize: 22, color: '#6b7280' },
});

const HEADER = 140;

/** Bars from left to right, one row per name: long Russian names stay readable. */
function horizontalBars(bars: Bars): Uint8Array {
  const height = Math.max(520, HEADER + 60 + bars.names.length * 64);
  const option: ChartOption = {
    title: titleOf(bars),
    grid: { left: 32, right: 230, top: HEADER, bottom: 40, containLabel: true },
    xAxis: {
      type: 'value',
      splitNumber: 4,
      axisLabel: { fontSize: 18, formatter: bars.axis },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.names,
      axisLabel: { fontSize: 20, width: 430, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: bars.values,
        barMaxWidth: 44,
        itemStyle: { color: ACCENT, borderRadius: [0, 6, 6, 0] },
        label: {
          show: true,
          position: 'right',
          fontSize: 20,
          formatter: (point: { dataIndex: number }) => bars.labels[point.dataIndex] ?? '',
        },
      },
    ],
  };
  return drawChart(option, height);
}

/** Bars standing in a row over time. */
function columns(bars: Bars): Uint8Array {
  const option: ChartOption = {
    title: titleOf(bars),
    grid: { left: 32, right: 32, top: HEADER + 20, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      data: bars.names,
      axisLabel: { fontSize: 17, interval: 0 },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      axisLabel: { fontSize: 18, formatter: bars.axis },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    series: [
      {
        type: 'bar',
        data: bars.values,
        barMaxWidth: 90,
        itemStyle: { color: ACCENT, borderRadius: [6, 6, 0, 0] },
        label: {
          show: true,
          position: 'top',
          fontSize: 19,
          formatter: (point: { dataIndex: number }) => bars.labels[point.dataIndex] ?? '',
        },
      },
    ],
  };
  return drawChart(option, 700);
}

const shortDate = (date: string, language: Language) => dateInWords(date, language);

/** «с 1 ноября»; nothing when the period is not known. */
const since = (from: string, language: Language, words: Texts) =>
  from ? `${words[language]} ${shortDate(from, language)}` : '';

/** The PNG of a chart's data. */
export function drawChartOf(data: ChartData, language: Language): Uint8Array {
  switch (data.chart) {
    case 'funnel': {
      // Counts carry the picture when the deals have no sums yet.
      const bySum = data.stages.some((stage) => stage.amount > 0);
      return horizontalBars({
        title: CHART_TITLES.funnel[language],
        subtitle: data.pipelineName,
        names: data.stages.map((stage) => stage.name),
        values: data.stages.map((stage) => (bySum ? stage.amount : stage.count)),
        labels: data.stages.map(
          (stage) => `${count(stage.count, 'deal', language)} · ${shortMoney(stage.amount, data.currency, language)}`,
        ),
        axis: (value) => (bySum ? shortMoney(value, data.currency, language) : String(value)),
      });
    }
    case 'revenue':
      return columns({
        title: CHART_TITLES.revenue[language],
        subtitle: GROUPS[data.period === 'week' ? 'week' : 'month'].by[language],
        names: data.points.map((point) => point.label ?? shortDate(point.start, language)),
        values: data.points.map((point) => point.amount),
        labels: data.points.map((point) => (point.amount > 0 ? shortMoney(point.amount, data.currency, language) : '')),
        axis: (value) => shortMoney(value, data.currency, language),
      });
    case 'leaderboard':
      return horizontalBars({
        title: CHART_TITLES.leaderboard[language],
        subtitle: since(data.from, language, WON_SINCE),
        names: data.managers.map((manager) => manager.name),
        values: data.managers.map((manager) => manager.amount),
        labels: data.managers.map(
          (manager) =>
            `${shortMoney(manager.amount, data.currency, language)} · ${count(manager.count, 'deal', language)}`,
        ),
        axis: (value) => shortMoney(value, data.currency, language),
      });
    case 'plan':
      return drawPlanChart(data, language);
    case 'sources': {
      const total = data.sources.reduce((sum, source) => sum + source.count, 0);
      return horizontalBars({
        title: CHART_TITLES.sources[language],
        subtitle: since(data.from, language, SINCE),
        names: data.sources.map((source) => source.name || NO_SOURCE[language]),
        values: data.sources.map((source) => source.count),
        labels: data.sources.map((source) => `${source.count} (${Math.round((source.count / total) * 100)}%)`),
        axis: (value) => String(value),
      });
    }
  }
}
