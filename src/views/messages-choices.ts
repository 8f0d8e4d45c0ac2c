// The fixed sentences of a choice between records and of a search that found nothing, in Russian and English
// (the messages table's own file). `query` arrives quoted and escaped, with its leading space, or empty.
import type { Language } from '../vocabulary/director.ts';
import type { ViewModel } from '../vocabulary/view-models.ts';
import { CAN_HELP_WITH, type Texts } from './messages.ts';

type NotFound = Extract<ViewModel, { view: 'notFound' }>['about'];

export const SEVERAL_MEETINGS_MATCH: Texts = { ru: 'Подходят несколько встреч', en: 'Several meetings match' };

export const foundFor = (query: string, language: Language): string =>
  language === 'ru' ? `По запросу${query} нашлось` : `Found for${query}`;

export const NARROW_OR_PICK: Texts = {
  ru: 'Уточните запрос или выберите запись кнопкой ниже.',
  en: 'Narrow the search, or pick one below.',
};

export const PICK_ONE: Texts = { ru: 'Выберите нужную запись кнопкой ниже.', en: 'Pick one below.' };

/** The days a meeting was looked for when none were named. */
export const AROUND_NOW: Texts = { ru: 'неделя назад и две недели вперёд', en: 'the past week and the next two weeks' };

/** `day`: the days the meeting was looked for. */
export function notFoundSentence(about: NotFound, query: string, day: string, language: Language): string {
  const ru = language === 'ru';
  switch (about) {
    case 'dossier':
      return ru ? `Не нашёл клиента${query} среди контактов и компаний.` : `No contact or company matches${query}.`;
    case 'search':
      return ru ? `По запросу${query} ничего не нашлось.` : `Nothing matches${query}.`;
    case 'meeting':
      return ru ? `Не нашёл такой встречи в календаре (${day}).` : `No such meeting in the calendar (${day}).`;
    case 'deal':
      return ru ? 'Такой сделки нет: возможно, её удалили.' : 'There is no such deal: it may have been deleted.';
  }
}

/** A lower-case word searched for as a name found nothing: maybe the director meant something else. */
export const guessedNotFound = (query: string, language: Language): string =>
  language === 'ru'
    ? `❔ Не понял${query}: среди контактов и компаний такого клиента нет. ${CAN_HELP_WITH.ru}`
    : `❔ I did not understand${query}: no contact or company goes by it. ${CAN_HELP_WITH.en}`;

const TRY_PART_OF_NAME: Texts = {
  ru: 'Попробуйте часть имени, фамилии или названия компании.',
  en: 'Try part of a name, a surname or a company name.',
};

export const NOT_FOUND_HINTS: Record<NotFound, Texts> = {
  dossier: TRY_PART_OF_NAME,
  search: TRY_PART_OF_NAME,
  meeting: {
    ru: 'Скажите время или часть названия встречи, например «подготовь к встрече в 14:00».',
    en: 'Give me the time or part of the title, e.g. “prepare me for the 14:00 meeting”.',
  },
  deal: { ru: 'Скажите «покажи сделки», чтобы увидеть открытые.', en: 'Say “show deals” to see the open ones.' },
};
