// Sentences of understanding composed questions: the follow-ups that open an item of the last list («открой
// третью»), and what a record has none of («без задач»).
import type { Language } from '../vocabulary/director.ts';
import type { Query } from '../vocabulary/query.ts';
import type { Texts } from './messages.ts';

/** «открой третью» with no list shown before, or a list shorter than that. */
export const NO_SUCH_ITEM: Texts = {
  ru: 'В последнем списке нет такой строки: попросите список, и я открою нужную.',
  en: 'The last list has no such line: ask for a list and I will open the one you need.',
};

/** A task has no card of its own in the chat; `title` is already escaped. */
export const taskNotOpened = (title: string, language: Language): string =>
  language === 'ru'
    ? `У задачи «${title}» нет своей карточки в чате. Могу перенести её срок или закрыть её.`
    : `The task “${title}” has no card of its own in the chat. I can move its deadline or close it.`;

/** «сделки без задач» are without open tasks; «клиенты без сделок», without any deal (after the subject). */
export const WITHOUT_WORDS: Record<NonNullable<Query['without']>, Texts> = {
  tasks: { ru: ' без открытых задач', en: ' with no open tasks' },
  activities: { ru: ' без запланированных дел', en: ' with no planned activities' },
  deals: { ru: ' без сделок', en: ' with no deals' },
};
