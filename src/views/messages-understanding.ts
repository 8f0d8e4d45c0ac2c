// Sentences of understanding without a model: thanks, and a word not understood with the nearest question offered.
import type { Language } from '../vocabulary/director.ts';
import { CAN_HELP_WITH, type Texts } from './messages.ts';

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

/** What a message of small talk is: «ты кто?», «как дела?», «пока», «не то», «отмена», «класс», «ок». */
export type SmallTalk = 'who' | 'howAreYou' | 'bye' | 'complaint' | 'cancel' | 'praise' | 'ok';

/** Small talk, answered in a line: who the assistant is, a goodbye, «ок», praise, a complaint. */
export const SMALL_TALK: Record<SmallTalk, Texts> = {
  who: {
    ru: 'Я бот — помощник по Битрикс24: показываю расписание, задачи, сделки и отчёты по команде, а по вашей просьбе ставлю задачи и создаю сделки.',
    en: 'I am a bot, your Bitrix24 assistant: I show your schedule, tasks, deals and team reports, and create tasks and deals when you ask.',
  },
  howAreYou: { ru: 'Всё хорошо, спасибо! Чем помочь?', en: 'All good, thank you! How can I help?' },
  bye: { ru: 'До встречи! Пишите, когда что-то понадобится.', en: 'Bye! Write whenever you need something.' },
  complaint: {
    ru: 'Жаль, что вышло не то. Напишите, что нужно, другими словами — попробую ещё раз.',
    en: 'Sorry that was not it. Please say what you need in other words and I will try again.',
  },
  cancel: {
    ru: 'Отменять нечего: я ничего не жду в ответ.',
    en: 'There is nothing to cancel: no question is waiting.',
  },
  praise: { ru: 'Рад помочь!', en: 'Glad to help!' },
  ok: { ru: '👍', en: '👍' },
};

/**
 * A message not understood at all, said back honestly (not the first greeting): «Не понял «…»», and what can be
 * asked instead.
 */
export const notUnderstoodAtAll = (said: string, language: Language): string => {
  const words = said.length > 60 ? `${said.slice(0, 57).trimEnd()}…` : said;
  return language === 'ru'
    ? `❔ Не понял «${words}». ${CAN_HELP_WITH.ru}`
    : `❔ I did not understand “${words}”. ${CAN_HELP_WITH.en}`;
};
