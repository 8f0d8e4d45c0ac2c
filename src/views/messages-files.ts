// The pictures' and spreadsheets' fixed words, in Russian and English (the messages table's own file).
import type { ChartData } from '../vocabulary/charts.ts';
import type { Texts } from './messages.ts';

/** A picture's file name, before the day it shows. */
export const PICTURE_TITLES: Record<ChartData['chart'], Texts> = {
  funnel: { ru: 'Воронка', en: 'Pipeline' },
  revenue: { ru: 'Выручка', en: 'Money won' },
  leaderboard: { ru: 'Лидеры продаж', en: 'Sales leaders' },
  sources: { ru: 'Источники лидов', en: 'Lead sources' },
  plan: { ru: 'План и прогноз', en: 'Plan and forecast' },
};

export const CHART_BUTTON: Texts = {
  ru: '📈 График',
  en: '📈 Chart',
};
