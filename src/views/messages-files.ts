// The pictures' and spreadsheets' fixed words, in Russian and English (the messages table's own file).
import type { ChartData } from '../vocabulary/charts.ts';
import type { Language } from '../vocabulary/director.ts';
import type { ExportList } from '../vocabulary/export-tables.ts';
import type { QueryGroup } from '../vocabulary/query.ts';
import type { Texts } from './messages.ts';
import { PLAN_AND_FORECAST } from './messages-plan.ts';

/** A picture's title, drawn on it. */
export const CHART_TITLES: Record<ChartData['chart'], Texts> = {
  funnel: { ru: 'Воронка продаж', en: 'Sales pipeline' },
  revenue: { ru: 'Выиграно денег', en: 'Money won' },
  leaderboard: { ru: 'Лидеры продаж', en: 'Sales leaders' },
  sources: { ru: 'Источники лидов', en: 'Lead sources' },
  plan: { ru: 'План, факт и прогноз', en: 'Plan, fact and forecast' },
};

/** The plan picture's three bars. */
export const PLAN_SERIES = {
  plan: { ru: 'План', en: 'Plan' },
  fact: { ru: 'Факт', en: 'Won' },
  forecast: { ru: 'Прогноз', en: 'Forecast' },
} satisfies Record<string, Texts>;

/** Under a picture's title, before the first day it counts. */
export const WON_SINCE: Texts = { ru: 'выиграно с', en: 'won since' };
export const SINCE: Texts = { ru: 'с', en: 'since' };
export const NO_SOURCE: Texts = { ru: 'Без источника', en: 'No source' };

/** A picture's file name, before the day it shows. */
export const PICTURE_TITLES: Record<ChartData['chart'], Texts> = {
  funnel: { ru: 'Воронка', en: 'Pipeline' },
  revenue: { ru: 'Выручка', en: 'Money won' },
  leaderboard: CHART_TITLES.leaderboard,
  sources: CHART_TITLES.sources,
  plan: PLAN_AND_FORECAST,
};

export const CHART_BUTTON: Texts = { ru: '📈 График', en: '📈 Chart' };

/** A spreadsheet's column headers. */
export const COLUMN_HEADERS = {
  linkInBitrix24: { ru: 'Ссылка в Битрикс24', en: 'Link in Bitrix24' },
  deal: { ru: 'Сделка', en: 'Deal' },
  stage: { ru: 'Стадия', en: 'Stage' },
  pipeline: { ru: 'Воронка', en: 'Pipeline' },
  amount: { ru: 'Сумма', en: 'Amount' },
  currency: { ru: 'Валюта', en: 'Currency' },
  company: { ru: 'Компания', en: 'Company' },
  responsible: { ru: 'Ответственный', en: 'Responsible' },
  created: { ru: 'Создана', en: 'Created' },
  closeDate: { ru: 'Дата закрытия', en: 'Close date' },
  stageProbability: { ru: 'Вероятность этапа, %', en: 'Stage probability, %' },
  weighted: { ru: 'С учётом вероятности', en: 'Weighted' },
  task: { ru: 'Задача', en: 'Task' },
  deadline: { ru: 'Крайний срок', en: 'Deadline' },
  overdueTask: { ru: 'Просрочена', en: 'Overdue' },
  /** The overdue column's mark. */
  yes: { ru: 'да', en: 'yes' },
  lead: { ru: 'Лид', en: 'Lead' },
  name: { ru: 'Имя', en: 'Name' },
  status: { ru: 'Статус', en: 'Status' },
  source: { ru: 'Источник', en: 'Source' },
  phone: { ru: 'Телефон', en: 'Phone' },
  createdLead: { ru: 'Создан', en: 'Created' },
  contact: { ru: 'Контакт', en: 'Contact' },
  position: { ru: 'Должность', en: 'Position' },
  employee: { ru: 'Сотрудник', en: 'Employee' },
  activeTasks: { ru: 'Задач в работе', en: 'Active tasks' },
  overdueCount: { ru: 'Просрочено', en: 'Overdue' },
  count: { ru: 'Количество', en: 'Count' },
} satisfies Record<string, Texts>;

/** A list's spreadsheet: its title, and its file name before the day. */
export const SHEET_TITLES: Record<ExportList, Texts> = {
  deals: { ru: 'Сделки', en: 'Deals' },
  forecast: { ru: 'Сделки в прогнозе', en: 'Deals in the forecast' },
  tasks: { ru: 'Задачи', en: 'Tasks' },
  leads: { ru: 'Лиды', en: 'Leads' },
  contacts: { ru: 'Контакты', en: 'Contacts' },
  team: { ru: 'Команда', en: 'Team' },
};

/** A grouped answer's spreadsheet: the title's «по менеджерам» and the group column's header. */
export const GROUPS: Record<QueryGroup, { by: Texts; header: Texts }> = {
  manager: { by: { ru: 'по менеджерам', en: 'by manager' }, header: { ru: 'Менеджер', en: 'Manager' } },
  client: { by: { ru: 'по клиентам', en: 'by client' }, header: { ru: 'Клиент', en: 'Client' } },
  stage: { by: { ru: 'по стадиям', en: 'by stage' }, header: { ru: 'Стадия', en: 'Stage' } },
  source: { by: { ru: 'по источникам', en: 'by source' }, header: { ru: 'Источник', en: 'Source' } },
  week: { by: { ru: 'по неделям', en: 'by week' }, header: { ru: 'Неделя с', en: 'Week from' } },
  month: { by: { ru: 'по месяцам', en: 'by month' }, header: { ru: 'Месяц', en: 'Month' } },
};

/** A grouped answer's title when its subject has no list of its own. */
export const SUMMARY: Texts = { ru: 'Итоги', en: 'Summary' };

/** A record's link in a spreadsheet cell. */
export const OPEN_LINK: Texts = { ru: 'Открыть', en: 'Open' };

/** The caption's note that a longer list was cut. */
export const firstRows = (limit: number, language: Language): string =>
  language === 'ru' ? ` (первые ${limit})` : ` (the first ${limit})`;
