// The nouns the views count, in both languages, and the small phrases several views share.
import type { Language } from '../vocabulary/director.ts';
import { countOf, type PluralForms } from './format.ts';

type Noun = Record<Language, PluralForms>;

export const nouns = {
  task: { ru: { one: 'задача', few: 'задачи', many: 'задач', other: 'задачи' }, en: { one: 'task', other: 'tasks' } },
  deal: { ru: { one: 'сделка', few: 'сделки', many: 'сделок', other: 'сделки' }, en: { one: 'deal', other: 'deals' } },
  meeting: {
    ru: { one: 'встреча', few: 'встречи', many: 'встреч', other: 'встречи' },
    en: { one: 'meeting', other: 'meetings' },
  },
  call: { ru: { one: 'звонок', few: 'звонка', many: 'звонков', other: 'звонка' }, en: { one: 'call', other: 'calls' } },
  lead: { ru: { one: 'лид', few: 'лида', many: 'лидов', other: 'лида' }, en: { one: 'lead', other: 'leads' } },
  day: { ru: { one: 'день', few: 'дня', many: 'дней', other: 'дня' }, en: { one: 'day', other: 'days' } },
  workingDay: {
    ru: { one: 'рабочий день', few: 'рабочих дня', many: 'рабочих дней', other: 'рабочего дня' },
    en: { one: 'working day', other: 'working days' },
  },
  // «из 21 рабочего дня», «из 23 рабочих дней».
  workingDayOf: {
    ru: { one: 'рабочего дня', few: 'рабочих дней', many: 'рабочих дней', other: 'рабочего дня' },
    en: { one: 'working day', other: 'working days' },
  },
  person: {
    ru: { one: 'сотрудник', few: 'сотрудника', many: 'сотрудников', other: 'сотрудника' },
    en: { one: 'person', other: 'people' },
  },
  // «у 3 сотрудников»
  personOf: {
    ru: { one: 'сотрудника', few: 'сотрудников', many: 'сотрудников', other: 'сотрудника' },
    en: { one: 'person', other: 'people' },
  },
  contact: {
    ru: { one: 'контакт', few: 'контакта', many: 'контактов', other: 'контакта' },
    en: { one: 'contact', other: 'contacts' },
  },
  row: { ru: { one: 'строка', few: 'строки', many: 'строк', other: 'строки' }, en: { one: 'row', other: 'rows' } },
  record: {
    ru: { one: 'запись', few: 'записи', many: 'записей', other: 'записи' },
    en: { one: 'match', other: 'matches' },
  },
  // «3 задачи просрочены», «1 задача просрочена», «5 задач просрочено».
  overdue: {
    ru: { one: 'просрочена', few: 'просрочены', many: 'просрочено', other: 'просрочены' },
    en: { one: 'overdue', other: 'overdue' },
  },
  stuck: {
    ru: { one: 'без движения', other: 'без движения' },
    en: { one: 'without movement', other: 'without movement' },
  },
} satisfies Record<string, Noun>;

export type NounName = keyof typeof nouns;

export const count = (n: number, noun: NounName, language: Language): string =>
  countOf(n, nouns[noun][language], language);

export const say = (language: Language, ru: string, en: string): string => (language === 'ru' ? ru : en);
