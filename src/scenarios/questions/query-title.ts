// A typed question's header in words: what, whose, about whom, where, when, in what order — every filter the
// answer applied, so it never passes for another question's.
import { DateTime } from 'luxon';
import { countOf, money } from '../../views/format.ts';
import { nameQuoted, portalText, quoted } from '../../views/lines.ts';
import {
  ABOUT_TOPIC,
  AT_STAGE,
  EXACTLY,
  FOR_CLIENT,
  FOR_CLIENTS,
  FROM_SOURCE,
  FROM_SOURCES,
  firstOnes,
  IN_CURRENCY,
  IN_PIPELINE,
  IN_STATUS,
  idleForDays,
  lateForDays,
  MATCHING_WORDS,
  OF_ALL_TIME,
  OF_DEPARTMENT,
  OF_SALES_TEAM,
  ORDER_WORDS,
  untilDay,
} from '../../views/messages-questions.ts';
import { WITHOUT_WORDS } from '../../views/messages-words.ts';
import { nouns, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import { type Period, type Query, SINCE_EVER } from '../../vocabulary/query.ts';
import type { QueryFilters, ViewModel } from '../../vocabulary/view-models.ts';
import { knownTopic } from './topics.ts';

type QueryView = Extract<ViewModel, { view: 'query' }>;

export const SUBJECT_WORDS: Record<Query['subject'], Record<Language, string>> = {
  tasks: { ru: 'Задачи', en: 'Tasks' },
  deals: { ru: 'Сделки', en: 'Deals' },
  leads: { ru: 'Лиды', en: 'Leads' },
  meetings: { ru: 'Встречи', en: 'Meetings' },
  contacts: { ru: 'Контакты', en: 'Contacts' },
  companies: { ru: 'Компании', en: 'Companies' },
  calls: { ru: 'Звонки', en: 'Calls' },
  activities: { ru: 'Дела', en: 'Activities' },
};

const STATUS_WORDS: Record<NonNullable<Query['status']>, Record<Language, string>> = {
  open: { ru: 'Открытые', en: 'Open' },
  overdue: { ru: 'Просроченные', en: 'Overdue' },
  done: { ru: 'Завершённые', en: 'Completed' },
  won: { ru: 'Выигранные', en: 'Won' },
  lost: { ru: 'Проигранные', en: 'Lost' },
  stuck: { ru: 'Зависшие', en: 'Stuck' },
  new: { ru: 'Новые', en: 'New' },
};

const DIRECTION_WORDS: Record<NonNullable<Query['direction']>, Record<Language, string>> = {
  incoming: { ru: 'Входящие', en: 'Incoming' },
  outgoing: { ru: 'Исходящие', en: 'Outgoing' },
};

// ─── names in the genitive: «задачи Марии Орловой» ───────────────────────

const IRREGULAR: Record<string, string> = { Пётр: 'Петра', Петр: 'Петра', Павел: 'Павла', Лев: 'Льва' };
const MALE_IN_A = new Set(['Никита', 'Илья', 'Кузьма', 'Лука', 'Фома', 'Савва', 'Данила']);

function genitiveWord(word: string, female: boolean, first: boolean): string {
  if (IRREGULAR[word]) return IRREGULAR[word];
  // A first name is never declined as a surname: «Екатерина» → «Екатерины», «Марина» → «Марины».
  if (!first && /(?:ов|ев|ёв|ин|ын)$/u.test(word)) return female ? word : `${word}а`;
  if (!first && /(?:ова|ева|ёва|ина|ына)$/u.test(word)) return `${word.slice(0, -1)}ой`;
  if (/(?:ский|цкий)$/u.test(word)) return `${word.slice(0, -2)}ого`;
  if (/(?:ская|цкая)$/u.test(word)) return `${word.slice(0, -2)}ой`;
  if (/ия$/u.test(word)) return `${word.slice(0, -1)}и`;
  if (/[ья]$/u.test(word) && word.length > 2) return `${word.slice(0, -1)}${word.endsWith('ь') ? 'я' : 'и'}`;
  if (/й$/u.test(word)) return `${word.slice(0, -1)}я`;
  if (/[гкхжшщч]а$/u.test(word)) return `${word.slice(0, -1)}и`;
  if (/а$/u.test(word)) return `${word.slice(0, -1)}ы`;
  if (/[бвгджзклмнпрстфхцчшщ]$/u.test(word) && !female) return `${word}а`;
  return word;
}

/** «Мария Орлова» → «Марии Орловой», «Пётр Волков» → «Петра Волкова»; unknown forms stay as they are. */
export function genitiveName(name: string): string {
  const words = name.split(' ');
  const first = words[0] ?? '';
  const female = /[ая]$/u.test(first) && !MALE_IN_A.has(first);
  return words.map((word, index) => genitiveWord(word, female, index === 0 && words.length > 1)).join(' ');
}

// ─── the period in words ─────────────────────────────────────────────────

const QUARTERS = ['I', 'II', 'III', 'IV'];

/** «за ноябрь», «за IV квартал», «с 1 по 15 ноября», «на 28 ноября», «за сегодня». */
export function periodWords(period: Period, today: string, language: Language, on = false): string {
  const from = DateTime.fromISO(period.from).setLocale(language === 'ru' ? 'ru' : 'en-GB');
  const to = DateTime.fromISO(period.to).setLocale(language === 'ru' ? 'ru' : 'en-GB');
  const now = DateTime.fromISO(today);
  const year = (day: DateTime) => (day.year === now.year ? '' : ` ${day.year}`);
  if (period.from <= SINCE_EVER) return untilDay(`${to.toFormat('d MMMM')}${year(to)}`, language);
  const toDay = +to === +now || +to === +to.endOf('month').startOf('day');
  if (+from === +to) {
    const days = Math.round(from.diff(now, 'days').days);
    const near = (
      {
        ru: { [-1]: 'вчера', 0: 'сегодня', 1: 'завтра', 2: 'послезавтра' },
        en: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
      } as Record<Language, Record<number, string>>
    )[language][days];
    if (near) return language === 'ru' ? `${on ? 'на' : 'за'} ${near}` : near;
    return say(
      language,
      `${on ? 'на' : 'за'} ${from.toFormat('d MMMM')}${year(from)}`,
      `on ${from.toFormat('d MMMM')}${year(from)}`,
    );
  }
  // The last 7, 14, 30 or 90 days up to today say their dates too: on the 7th, «за 7 дней» and «за декабрь» are
  // the same days, and only the dates say which.
  if (+to === +now && from < to) {
    const days = Math.round(to.diff(from, 'days').days) + 1;
    if (days === 7 || days === 30 || days === 14 || days === 90)
      return from.day === 1
        ? say(
            language,
            `за ${countOf(days, nouns.day.ru, 'ru')} (${span(from, to, now, language)})`,
            `in the last ${days} days (${span(from, to, now, language)})`,
          )
        : say(language, `за ${countOf(days, nouns.day.ru, 'ru')}`, `in the last ${days} days`);
  }
  if (from.day === 1 && from.hasSame(to, 'month') && toDay)
    return say(language, `за ${from.toFormat('LLLL')}${year(from)}`, `in ${from.toFormat('LLLL')}${year(from)}`);
  if (
    +from === +from.startOf('quarter') &&
    from.hasSame(to, 'quarter') &&
    (+to === +now || +to === +to.endOf('quarter').startOf('day'))
  )
    return say(language, `за ${QUARTERS[from.quarter - 1]} квартал${year(from)}`, `in Q${from.quarter}${year(from)}`);
  if (
    +from === +from.startOf('year') &&
    from.hasSame(to, 'year') &&
    (+to === +now || +to === +to.endOf('year').startOf('day'))
  )
    return say(language, `за ${from.year} год`, `in ${from.year}`);
  return span(from, to, now, language);
}

/** «с 1 по 7 декабря»; a span across a new year names both years: «с 1 декабря 2025 по 29 ноября 2026». */
function span(from: DateTime, to: DateTime, now: DateTime, language: Language): string {
  const sameMonth = from.hasSame(to, 'month');
  const thisYear = now.year;
  const fromYear = from.year !== to.year ? ` ${from.year}` : '';
  const toYear = fromYear ? ` ${to.year}` : to.year === thisYear ? '' : ` ${to.year}`;
  return say(
    language,
    `с ${from.toFormat(sameMonth ? 'd' : 'd MMMM')}${fromYear} по ${to.toFormat('d MMMM')}${toYear}`,
    `from ${from.toFormat(sameMonth ? 'd' : 'd MMMM')}${fromYear} to ${to.toFormat('d MMMM')}${toYear}`,
  );
}

// ─── the header ──────────────────────────────────────────────────────────

export function whose(filters: QueryFilters, language: Language): string {
  const person = filters.person;
  if (!person || person.kind === 'me') return '';
  if (person.kind === 'team') return say(language, ' команды', ' of the team');
  if (person.kind === 'sales') return OF_SALES_TEAM[language];
  if (person.kind === 'department') return OF_DEPARTMENT[language] + nameQuoted(person.name, language);
  if (person.kind === 'people')
    return language === 'ru'
      ? ` ${listed(
          person.people.map((one) => portalText(genitiveName(one.name))),
          language,
        )}`
      : ` of ${listed(
          person.people.map((one) => portalText(one.name)),
          language,
        )}`;
  return language === 'ru'
    ? ` ${portalText(genitiveName(person.person.name))}`
    : ` of ${portalText(person.person.name)}`;
}

/** «А, Б и В»: several names in a row. */
const listed = (items: string[], language: Language): string =>
  items.length > 1
    ? `${items.slice(0, -1).join(', ')}${say(language, ' и ', ' and ')}${items.at(-1)}`
    : (items[0] ?? '');

/** The filters after the subject: whose, which client, pipeline, stage, amount, when. */
export function filterWords(view: Pick<QueryView, 'query' | 'filters' | 'at'>, language: Language): string {
  const { query, filters, at } = view;
  let words = whose(filters, language);
  if (filters.client) words += FOR_CLIENT[language] + nameQuoted(filters.client, language);
  if (filters.clients)
    words +=
      FOR_CLIENTS[language] +
      listed(
        filters.clients.map((client) => nameQuoted(client, language)),
        language,
      );
  if (query.without) words += WITHOUT_WORDS[query.without][language];
  // A known topic in full («по теме «коммерческое предложение»»); a word the director typed, as the search it is.
  if (query.topic)
    words +=
      (knownTopic(query.topic) ? ABOUT_TOPIC[language] : MATCHING_WORDS[language]) +
      quoted(portalText(query.topic), language);
  if (filters.named) words += MATCHING_WORDS[language] + quoted(portalText(filters.named), language);
  if (filters.pipeline) words += IN_PIPELINE[language] + quoted(portalText(filters.pipeline), language);
  if (filters.stage)
    words += (query.subject === 'leads' ? IN_STATUS : AT_STAGE)[language] + quoted(portalText(filters.stage), language);
  if (filters.source)
    words +=
      (filters.source.length > 1 ? FROM_SOURCES : FROM_SOURCE)[language] +
      listed(
        filters.source.map((source) => quoted(portalText(source), language)),
        language,
      );
  if (filters.currency) words += IN_CURRENCY[language] + listed(filters.currency, language);
  if (query.idleDays) words += (query.subject === 'tasks' ? lateForDays : idleForDays)(query.idleDays, language);
  // «на 7 140 000 ₽»: one sum exactly.
  if (query.amount?.min !== undefined && query.amount.min === query.amount.max)
    words += EXACTLY[language] + money(query.amount.min, 'RUB', language);
  else if (query.amount?.min !== undefined)
    words += say(language, ' от ', ' from ') + money(query.amount.min, 'RUB', language);
  if (query.amount?.max !== undefined && query.amount.max !== query.amount.min)
    words += say(language, ' до ', ' up to ') + money(query.amount.max, 'RUB', language);
  if (query.period) {
    const on = (query.subject === 'tasks' || query.subject === 'meetings') && query.status !== 'done';
    words += ` ${periodWords(query.period, at.today, language, on)}`;
  } else if (
    query.status === 'won' ||
    query.status === 'lost' ||
    (query.status === 'done' && query.subject === 'deals')
  )
    words += OF_ALL_TIME[language];
  return words;
}

/** The question in words: what, whose, about whom, where, when — everything it was filtered by. */
export function queryTitle(view: Pick<QueryView, 'query' | 'filters' | 'at'>, language: Language): string {
  const { query, filters } = view;
  const mine = filters.person?.kind === 'me';
  const subject = SUBJECT_WORDS[query.subject][language];
  // Deals asked without a status or a period are the open ones, and the header says so (promise 9).
  const counted = !query.measure || query.measure === 'count';
  const shown = query.status ?? (query.subject === 'deals' && !query.period && counted ? 'open' : undefined);
  const status =
    shown === 'done' && query.subject === 'deals'
      ? say(language, 'Закрытые', 'Closed')
      : shown
        ? STATUS_WORDS[shown][language]
        : '';
  const direction = query.direction ? DIRECTION_WORDS[query.direction][language] : '';
  const words = [mine ? say(language, 'Ваши', 'Your') : '', status, direction, subject].filter(Boolean);
  const title = words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(' ');
  return title + filterWords(view, language) + orderWords(query, language);
}

/** «, 5 самых крупных», «, сначала самые старые», «, первые 3»: the order and how many, as asked. */
function orderWords(query: Query, language: Language): string {
  const { sort, limit } = query;
  if (!sort) return limit ? firstOnes(limit, language) : '';
  const [some, all] = ORDER_WORDS[sort][language];
  if (!limit) return `, ${all}`;
  return language === 'ru' ? `, ${limit} ${some}` : `, ${some} ${limit}`;
}
