// Sentences of understanding without a model: thanks, and a word not understood with the nearest question offered.
import type { Language } from '../vocabulary/director.ts';
import type { Texts } from './messages.ts';

/** «спасибо», «благодарю». */
export const YOU_ARE_WELCOME: Texts = { ru: 'Пожалуйста!', en: 'You are welcome!' };

/** «Не понял «зачем». Показать «выигранные сделки за неделю»?», the nearest question being a button. */
export const notUnderstood = (words: string[], nearest: string, language: Language): string => {
  const said = words.map((word) => (language === 'ru' ? `«${word}»` : `“${word}”`)).join(', ');
  // A follow-up («а по менеджерам?») leaves no words of its own: the nearest is what the last answer can show.
  if (!nearest)
    return language === 'ru'
      ? `❔ Так я не умею: ${said}. Показать ближайшее, что могу?`
      : `❔ I cannot do that: ${said}. Show the nearest I can?`;
  return language === 'ru'
    ? `❔ Не понял ${said}. Показать «${nearest}»?`
    : `❔ I did not understand ${said}. Show “${nearest}”?`;
};

export const SHOW_NEAREST: Texts = { ru: 'Показать', en: 'Show' };
