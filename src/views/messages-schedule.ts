// The schedule's fixed words and sentences (a day, several days, meeting prep), in Russian and English.
import type { Language } from '../vocabulary/director.ts';
import type { Texts } from './messages.ts';

export const MEETING_PREP: Texts = { ru: 'Подготовка к встрече', en: 'Meeting prep' };

export const NO_OTHER_ATTENDEES: Texts = { ru: 'Других участников нет.', en: 'No other attendees.' };

export const RELATED_DEALS: Texts = { ru: 'Связанные сделки', en: 'Related deals' };

export const NO_RELATED_DEALS: Texts = { ru: 'Связанных сделок не нашёл.', en: 'No related deals found.' };

export const OVERLAPS_WITH: Texts = { ru: 'Пересекается с', en: 'Overlaps with' };

export const OVERLAP_HINT: Texts = {
  ru: 'Могу перенести одну из пересекающихся встреч.',
  en: 'I can move one of the overlapping meetings.',
};

export const MEETING_PREP_HINT: Texts = {
  ru: 'Могу перенести встречу или поставить задачу по её итогам.',
  en: 'I can move the meeting or create a follow-up task.',
};

export const PREVIOUS_DAY_BUTTON: Texts = { ru: '◀️ Предыдущий день', en: '◀️ Previous day' };

export const NEXT_DAY_BUTTON: Texts = { ru: 'Следующий день ▶️', en: 'Next day ▶️' };

export const EMPTY_DAY_HINT: Texts = {
  ru: 'Могу создать встречу или задачу на этот день.',
  en: 'I can add a meeting or a task for that day.',
};

export const NO_MEETINGS: Texts = { ru: 'Встреч нет.', en: 'No meetings.' };

export const TASKS_DUE_THAT_DAY: Texts = { ru: 'Задачи со сроком в этот день', en: 'Tasks due that day' };

export const NO_TASKS_DUE_THAT_DAY: Texts = { ru: 'Задач со сроком в этот день нет.', en: 'No tasks due that day.' };

export const SCHEDULE_HINT: Texts = {
  ru: 'Могу перенести встречу или добавить задачу.',
  en: 'I can move a meeting or add a task.',
};

export const EARLIER_BUTTON: Texts = { ru: '◀️ Раньше', en: '◀️ Earlier' };

export const LATER_BUTTON: Texts = { ru: 'Позже ▶️', en: 'Later ▶️' };

export const NOTHING_ON_THESE_DAYS: Texts = {
  ru: 'Встреч и задач со сроком в эти дни нет.',
  en: 'No meetings and no tasks due on these days.',
};

export const EMPTY_DAYS_HINT: Texts = { ru: 'Могу создать встречу или задачу.', en: 'I can add a meeting or a task.' };

export const nothingOnDay = (weekday: string, language: Language): string =>
  language === 'ru' ? `На ${weekday} встреч и задач нет.` : `Nothing on ${weekday}: no meetings, no tasks due.`;

export const scheduleHeadline = (days: string, eventsCount: number, tasksCount: number, language: Language): string =>
  language === 'ru'
    ? `📅 Встречи ${days}: ${eventsCount}, задач со сроком: ${tasksCount}`
    : `📅 Meetings ${days}: ${eventsCount}, tasks due: ${tasksCount}`;
