// Sentences of references to what was just shown: an ordinal or a pronoun that points at nothing, a list that
// has no more to show, and «график» with nothing to draw.
import type { Language } from '../vocabulary/director.ts';
import type { Texts } from './messages.ts';
import { count } from './words.ts';

/** «закрой первую» with no list shown before. */
export const NO_LIST_SHOWN: Texts = {
  ru: 'Не понял, о какой записи речь: перед этим я не показывал списка. Назовите её, например «сделка с Ромашкой».',
  en: 'I am not sure which record you mean: I have not shown a list before. Name it, e.g. “the deal with Romashka”.',
};

/** «закрой её» after a list of several records and none opened. */
export const WHICH_OF_THEM: Texts = {
  ru: 'Не понял, о какой из записей списка речь: назовите её номер, например «вторую».',
  en: 'I am not sure which record of the list you mean: say its number, e.g. “the second one”.',
};

/** «открой седьмую» on a list of five lines. */
export const pastTheEnd = (lines: number, language: Language): string =>
  language === 'ru'
    ? `В последнем списке ${lines === 1 ? 'одна строка' : `только ${count(lines, 'row', language)}`}: такой по счёту там нет.`
    : `The last list has ${count(lines, 'row', language)} only: there is no such line in it.`;

/** «ещё» after a list shown whole. */
export const LIST_ENDED: Texts = {
  ru: 'Это весь список: больше в нём ничего нет.',
  en: 'That is the whole list: there is nothing more in it.',
};

/** «ещё» after a list cut short that does not go on in parts. */
export const LIST_NOT_PAGED: Texts = {
  ru: 'Этот список дальше по частям не показать: уточните вопрос, например по сотруднику или за период.',
  en: 'This list does not go on in parts: narrow the question, e.g. to one person or a period.',
};

/** «график» with nothing charted before and no day said. */
export const WHAT_TO_DRAW: Texts = {
  ru: 'Что нарисовать? Например: «продажи по месяцам графиком» или «воронка графиком». Расписание — «мой график на завтра».',
  en: 'What should I draw? E.g. “sales by month as a chart” or “the pipeline as a chart”. For the schedule: “my schedule for tomorrow”.',
};

/** «выгрузи это» after something that is no list, or with nothing shown. */
export const WHAT_TO_EXPORT: Texts = {
  ru: 'Что выгрузить в Excel? Выгружаю списки: например «сделки в Excel» или «мои задачи в Excel».',
  en: 'What should I export to Excel? I export lists: e.g. “deals to Excel” or “my tasks to Excel”.',
};
