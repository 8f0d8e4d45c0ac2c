// The reports' fixed words and sentences (briefing, day and week results, the team), in Russian and English.
import type { Language } from '../vocabulary/director.ts';
import type { WorkDay } from '../vocabulary/view-models.ts';
import type { Texts } from './messages.ts';

export const PLAN_FOR_DAY: Texts = { ru: 'План на день', en: 'Plan for the day' };

export const GOOD_MORNING: Texts = { ru: 'Доброе утро! Утренний брифинг', en: 'Good morning! Your briefing' };

export const TODAY_SUMMARY: Texts = { ru: 'Сводка на сегодня', en: 'Today' };

export const BRIEFING_HINT: Texts = {
  ru: 'Скажите «расписание на завтра» или «воронка», чтобы посмотреть подробнее.',
  en: 'Say “schedule for tomorrow” or “pipeline” for more.',
};

export const NO_MEETINGS_TODAY: Texts = { ru: 'Встреч сегодня нет.', en: 'No meetings today.' };

export const NO_TASKS_DUE_TODAY: Texts = { ru: 'Задач со сроком на сегодня нет.', en: 'No tasks due today.' };

export const DUE_TODAY: Texts = { ru: 'Задачи на сегодня', en: 'Due today' };

export const ACTIVE_DEALS: Texts = { ru: 'Сделки в работе', en: 'Active deals' };

export const NO_NEW_LEADS: Texts = { ru: 'Новых лидов за вчера нет.', en: 'No new leads yesterday.' };

export const NEW_LEADS_YESTERDAY: Texts = { ru: 'Новые лиды за вчера', en: 'New leads yesterday' };

export const NEW_LEADS_DAY: Texts = { ru: 'Новые лиды за сутки', en: 'New leads in the last 24 hours' };

export const LEADS_HINT: Texts = {
  ru: 'Могу создать задачу по любому из них.',
  en: 'I can create a task for any of them.',
};

export const LEAD_HINT: Texts = { ru: 'Могу создать задачу по этому лиду.', en: 'I can create a task for this lead.' };

export const NEEDS_ATTENTION: Texts = { ru: 'Требует внимания', en: 'Needs attention' };

export const OVERDUE_HINT: Texts = {
  ru: 'Могу перевести сделку на другой этап или добавить комментарий.',
  en: 'I can move a deal to another stage or add a comment.',
};

export const WEEK_IN_REVIEW: Texts = { ru: 'Итоги недели', en: 'Week in review' };

export const NOTHING_DONE_THIS_WEEK: Texts = {
  ru: 'На этой неделе закрытых задач и движения по сделкам нет.',
  en: 'No tasks closed and no deals moved this week.',
};

export const WEEKLY_HINT: Texts = {
  ru: 'Могу показать воронку или статус команды.',
  en: 'I can show the pipeline or the team status.',
};

export const DAY_RESULTS: Texts = { ru: 'Итоги дня', en: 'Day results' };

export const DAY_RESULTS_HINT: Texts = {
  ru: 'Могу показать расписание на завтра.',
  en: 'I can show tomorrow’s schedule.',
};

export const TOMORROW_SCHEDULE_BUTTON: Texts = { ru: '📅 Расписание на завтра', en: '📅 Tomorrow’s schedule' };

export const NOTHING_DONE_TODAY: Texts = {
  ru: 'Закрытых задач, встреч и движения по сделкам за день нет.',
  en: 'No tasks closed, no meetings held, no deals moved.',
};

export const MEETINGS_HELD: Texts = { ru: 'Проведено встреч', en: 'Meetings held' };

export const NO_MEETINGS_HELD: Texts = { ru: 'Встреч не было.', en: 'No meetings held.' };

export const NO_TASKS_CLOSED: Texts = { ru: 'Ваших закрытых задач нет.', en: 'None of your tasks closed.' };

export const TASKS_CLOSED: Texts = { ru: 'Закрыто ваших задач', en: 'Your tasks closed' };

export const NO_DEALS_MOVED: Texts = { ru: 'Сделки компании не двигались.', en: 'No deals moved in the company.' };

export const DEAL_MOVEMENTS: Texts = { ru: 'Движение сделок по компании', en: 'Deal movements, whole company' };

export const NOBODY_IN_DEPARTMENT: Texts = { ru: 'В отделе пока никого нет.', en: 'Nobody in the department yet.' };

export const NOBODY_IN_DEPARTMENT_HINT: Texts = {
  ru: 'Могу показать ваши задачи или сделки.',
  en: 'I can show your tasks or deals.',
};

export const AT_WORK: Texts = { ru: 'на работе', en: 'working' };

export const TEAM_HINT: Texts = {
  ru: 'Могу поставить задачу любому сотруднику.',
  en: 'I can assign a task to anyone on the team.',
};

export const peopleWithOverdueTasks = (ofPeople: string, people: string, language: Language): string =>
  language === 'ru' ? `Просроченные задачи у ${ofPeople}` : `${people} with overdue tasks`;

/** A colleague's work day as the time tracking shows it, with its mark. */
export const WORK_DAYS: Record<WorkDay, { icon: string; ru: string; en: string }> = {
  working: { icon: '🟢', ...AT_WORK },
  paused: { icon: '⏸', ru: 'перерыв', en: 'on a break' },
  finished: { icon: '⚪️', ru: 'день завершён', en: 'day finished' },
  notStarted: { icon: '⚪️', ru: 'день не начат', en: 'not started' },
  leftOpen: { icon: '🟠', ru: 'день не закрыт', en: 'day left open' },
  unknown: { icon: '▫️', ru: '', en: '' },
};

/** A colleague's open tasks, counted («3 задачи в работе»). */
export const tasksOpen = (tasks: string, language: Language): string =>
  language === 'ru' ? `${tasks} в работе` : `${tasks} open`;

export const NO_OPEN_TASKS_NOW: Texts = { ru: 'нет задач в работе', en: 'no open tasks' };

/** Status words two scenarios share (the briefing and the morning digest; the day results and the evening one). */
export const PREPARING_BRIEFING: Texts = { ru: 'Собираю брифинг…', en: 'Preparing your briefing…' };
export const SUMMING_UP_DAY: Texts = { ru: 'Подвожу итоги дня…', en: 'Summing up the day…' };
