// The dashboard's fixed sentences (the Mini App page and its buttons in the chat), in Russian and English.
// The page gets every text from the server, through the guard, so nothing technical can reach it either.
import type { Texts } from './messages.ts';

/** The menu button, the inline button under the briefing, and the page's own title. */
export const DASHBOARD_MENU_BUTTON: Texts = { ru: '📊 Панель', en: '📊 Dashboard' };
export const DASHBOARD_OPEN_BUTTON: Texts = { ru: '📊 Открыть панель', en: '📊 Open the dashboard' };
export const DASHBOARD_OFFER: Texts = {
  ru: 'Панель компании: план и факт, воронка, менеджеры, просроченные задачи и встречи сегодня — на одном экране.',
  en: 'The company dashboard: plan and fact, the pipeline, managers, overdue tasks and today’s meetings on one screen.',
};

/** The command Telegram lists under «/». */
export const DASHBOARD_COMMAND: Record<'ru' | 'en', { command: string; description: string }> = {
  ru: { command: 'dashboard', description: 'Панель: компания на одном экране' },
  en: { command: 'dashboard', description: 'Dashboard: the company at a glance' },
};

/** The page's words, sent with every answer of the page's data. */
export const DASHBOARD_TEXTS = {
  title: { ru: 'Панель', en: 'Dashboard' },
  month: { ru: 'Этот месяц', en: 'This month' },
  lastMonth: { ru: 'Прошлый месяц', en: 'Last month' },
  quarter: { ru: 'Квартал', en: 'Quarter' },
  custom: { ru: 'Свои даты', en: 'Custom' },
  show: { ru: 'Показать', en: 'Show' },
  allManagers: { ru: 'Все менеджеры', en: 'All managers' },
  plan: { ru: 'План и факт', en: 'Plan and fact' },
  fact: { ru: 'Заработано', en: 'Earned' },
  planSum: { ru: 'План', en: 'Plan' },
  forecast: { ru: 'Прогноз', en: 'Forecast' },
  noPlan: {
    ru: 'План на этот период не задан: его можно задать в чате, например «план на месяц 5 000 000».',
    en: 'No plan is set for this period: set one in the chat, e.g. “plan for the month 5,000,000”.',
  },
  funnel: { ru: 'Воронка: открытые сделки', en: 'Pipeline: open deals' },
  leaderboard: { ru: 'Менеджеры: выигранные сделки', en: 'Managers: deals won' },
  noWins: { ru: 'За этот период выигранных сделок нет.', en: 'No deals were won in this period.' },
  overdue: { ru: 'Просроченные задачи', en: 'Overdue tasks' },
  noOverdue: { ru: 'Просроченных задач нет.', en: 'No overdue tasks.' },
  atRisk: { ru: 'Сделки под риском', en: 'Deals at risk' },
  meetings: { ru: 'Встречи сегодня', en: 'Today’s meetings' },
  noMeetings: { ru: 'Сегодня встреч нет.', en: 'No meetings today.' },
  alerts: { ru: 'Последние уведомления', en: 'Latest alerts' },
  more: { ru: 'Ещё', en: 'More' },
  empty: { ru: 'Здесь ничего нет.', en: 'Nothing here.' },
  loading: { ru: 'Загружаю…', en: 'Loading…' },
} satisfies Record<string, Texts>;

/** A manager's fact against their own plan for the period, beside their row of the leaderboard. */
export const DASHBOARD_PLAN_SHARE: Texts = { ru: '{share} плана {plan}', en: '{share} of the {plan} plan' };

export type DashboardTextName = keyof typeof DASHBOARD_TEXTS;

/** What a page opened without Telegram's proof (or with a stale one) says: no data, one polite sentence. */
export const DASHBOARD_NOT_SIGNED: Texts = {
  ru: 'Откройте панель кнопкой «📊 Панель» в чате с помощником.',
  en: 'Please open the dashboard with the “📊 Dashboard” button in the chat with the assistant.',
};

/** Someone Telegram vouches for, but who may not use the assistant. */
export const DASHBOARD_STRANGER: Texts = {
  ru: 'Панель доступна только сотрудникам компании.',
  en: 'The dashboard is only for the company’s staff.',
};

/** The page could not reach the assistant (it says so itself, in the language of the last answer). */
export const NO_CONNECTION: Texts = { ru: 'Нет связи.', en: 'No connection.' };
