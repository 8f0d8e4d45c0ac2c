// Sentences of the yes/no questions about writes answered in words: a typed «да» or «нет» with nothing to answer.
import type { Texts } from './messages.ts';

/** «да» with no yes/no question waiting. */
export const NOTHING_TO_CONFIRM: Texts = {
  ru: 'Сейчас нечего подтверждать: я ничего не предлагал. Напишите, что сделать или показать.',
  en: 'There is nothing to confirm right now: I have not proposed anything. Tell me what to do or show.',
};

/** «нет» with nothing waiting. */
export const NOTHING_TO_CANCEL: Texts = {
  ru: 'Хорошо, ничего не меняю.',
  en: 'All right, nothing is changed.',
};

/** «да» while a pick list waits: a yes does not say which. */
export const PICK_ABOVE: Texts = {
  ru: 'Выберите вариант кнопкой выше или напишите его.',
  en: 'Pick an option with a button above, or type it.',
};

/** «да» while a question waits for a word (what to do, which deal): the word is needed. */
export const ANSWER_ABOVE: Texts = {
  ru: 'Напишите, пожалуйста, ответ на вопрос выше.',
  en: 'Please type the answer to the question above.',
};
