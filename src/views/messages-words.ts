// Sentences of the follow-ups that open an item of the last list («открой третью»).
import type { Language } from '../scenarios/director.ts';
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
