// The pictures from plain series: real PNGs, wide enough for a phone, with money written the Russian way.
import { describe, expect, it } from 'vitest';
import { drawChartOf, shortMoney } from '../../src/views/charts/charts.ts';
import type { ChartData } from '../../src/vocabulary/charts.ts';
import { decodePng } from './png.ts';

const charts: ChartData[] = [
  {
    chart: 'funnel',
    pipelineName: 'Продажи',
    currency: 'RUB',
    stages: [
      { name: 'Новая', count: 11, amount: 60_560_000 },
      { name: 'Подготовка документов', count: 18, amount: 101_520_000 },
      { name: 'Финальный счёт', count: 0, amount: 0 },
    ],
  },
  {
    chart: 'revenue',
    period: 'week',
    currency: 'RUB',
    points: [
      { start: '2026-11-16', amount: 4_000_000 },
      { start: '2026-11-23', amount: 0 },
    ],
  },
  {
    chart: 'leaderboard',
    from: '2026-11-01',
    currency: 'RUB',
    managers: [{ name: 'Игорь Соколов', amount: 1, count: 1 }],
  },
  {
    chart: 'sources',
    from: '2026-10-29',
    sources: [
      { name: '', count: 3 },
      { name: 'Звонок', count: 1 },
    ],
  },
];

describe('charts', () => {
  it.each(charts)('draws the $chart chart as a PNG at least 1000 px wide', (data) => {
    const { width, height } = decodePng(drawChartOf(data, 'ru'));
    expect(width).toBeGreaterThanOrEqual(1000);
    expect(height).toBeGreaterThanOrEqual(400);
  });

  it('draws even an empty funnel', () => {
    const empty: ChartData = { chart: 'funnel', pipelineName: '', currency: 'RUB', stages: [] };
    expect(decodePng(drawChartOf(empty, 'en')).width).toBeGreaterThanOrEqual(1000);
  });

  it('writes money short, the Russian way', () => {
    expect(shortMoney(1_234_567, 'RUB', 'ru')).toBe('1,2\u00a0млн\u00a0₽');
    expect(shortMoney(350_000, 'RUB', 'ru')).toBe('350\u00a0тыс.\u00a0₽');
    expect(shortMoney(980, 'RUB', 'ru')).toBe('980\u00a0₽');
    expect(shortMoney(1_500_000, 'USD', 'en')).toBe('1.5m\u00a0$');
  });
});
