// The pictures' and spreadsheets' fixed words, in Russian and English (the messages table's own file).
import type { ChartData } from '../vocabulary/charts.ts';
import type { Texts } from './messages.ts';
import { PLAN_AND_FORECAST } from './messages-plan.ts';

/** A picture's file name, before the day it shows. */
export const PICTURE_TITLES: Record<ChartData['chart'], Texts> = {
  funnel: { ru: 'Воронка', en: 'Pipeline' },
  revenue: { ru: 'Выручка', en: 'Money won' },
  leaderboard: { ru: 'Лидеры продаж', en: 'Sales leaders' },
  sources: { ru: 'Источники лидов', en: 'Lead sources' },
  plan: PLAN_AND_FORECAST,
};

export const CHART_BUTTON: Texts = {
  ru: '📈 График',
  en: '📈 Chart',
};
