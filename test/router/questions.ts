// The qualified phrase pack: questions with a person, client, status, period, amount, measure or grouping,
// in every case and word order, some English and some typos, each with the typed query it must become.
// Expected periods are computed here with plain luxon arithmetic at PACK_NOW in PACK_ZONE.
import { DateTime } from 'luxon';
import { understand } from '../../src/understanding/router/index.ts';
import type { Query } from '../../src/vocabulary/query.ts';
import { PACK_NOW, PACK_ZONE, sameIntent } from './phrases.ts';

export interface QuestionPhrase {
  text: string;
  query: Query;
}

const day = DateTime.fromJSDate(PACK_NOW, { zone: PACK_ZONE }).startOf('day');
const d = (date: DateTime) => date.toISODate()!;
const range = (from: DateTime, to: DateTime) => ({ from: d(from), to: d(to) });

/** The periods as a director says them, with the window each one means. */
export const PERIODS: [string, Query['period']][] = [
  ['за неделю', range(day.minus({ days: 6 }), day)],
  ['за месяц', range(day.minus({ days: 29 }), day)],
  ['в этом месяце', range(day.startOf('month'), day)],
  ['в ноябре', range(day.startOf('month'), day)],
  ['за октябрь', range(day.minus({ months: 1 }).startOf('month'), day.minus({ months: 1 }).endOf('month'))],
  ['за прошлый месяц', range(day.minus({ months: 1 }).startOf('month'), day.minus({ months: 1 }).endOf('month'))],
  ['за квартал', range(day.startOf('quarter'), day)],
  [
    'за прошлый квартал',
    range(day.startOf('quarter').minus({ quarters: 1 }), day.startOf('quarter').minus({ days: 1 })),
  ],
  ['в этом году', range(day.startOf('year'), day)],
  ['на этой неделе', range(day.startOf('week'), day.startOf('week').plus({ days: 6 }))],
  ['на прошлой неделе', range(day.startOf('week').minus({ weeks: 1 }), day.startOf('week').minus({ days: 1 }))],
  ['с 1 по 15 ноября', range(day.set({ month: 11, day: 1 }), day.set({ month: 11, day: 15 }))],
  ['вчера', range(day.minus({ days: 1 }), day.minus({ days: 1 }))],
  ['за последние 14 дней', range(day.minus({ days: 13 }), day)],
];

/** Employees in the forms directors use: [as written, the router's person]. */
const PEOPLE: string[] = [
  'Орловой',
  'Марии Орловой',
  'Попова',
  'Дмитрия Попова',
  'Волкова',
  'Петра Волкова',
  'Васильевой',
  'Соколова',
  'Морозовой',
  'Кузнецовой',
  'Яковлева',
];

export function questionPack(): QuestionPhrase[] {
  const pack: QuestionPhrase[] = [];
  const add = (text: string, query: Query) => pack.push({ text, query });
  for (const person of PEOPLE) {
    add(`задачи ${person}`, { subject: 'tasks', person });
    add(`просроченные задачи ${person}`, { subject: 'tasks', person, status: 'overdue' });
    add(`что просрочено у ${person}`, { subject: 'tasks', person, status: 'overdue' });
    add(`сделки ${person}`, { subject: 'deals', person });
    add(`выигранные сделки ${person} за квартал`, {
      subject: 'deals',
      person,
      status: 'won',
      period: PERIODS[6]![1],
    });
  }
  for (const person of ['Орловой', 'Попова', 'Волкова']) {
    add(`что у ${person} по задачам`, { subject: 'tasks', person });
    add(`сколько задач у ${person}`, { subject: 'tasks', person, measure: 'count' });
    add(`${person} задачи покажи`, { subject: 'tasks', person });
    add(`лиды ${person} за месяц`, { subject: 'leads', person, period: PERIODS[1]![1] });
  }
  for (const [words, period] of PERIODS) {
    add(`лиды ${words}`, { subject: 'leads', period });
    add(`выигранные сделки ${words}`, { subject: 'deals', status: 'won', period });
    add(`проигранные сделки ${words}`, { subject: 'deals', status: 'lost', period });
    add(`выручка ${words}`, { subject: 'deals', status: 'won', measure: 'sum', period });
    add(`сколько заработали ${words}`, { subject: 'deals', status: 'won', measure: 'sum', period });
    add(`кто больше всех продал ${words}`, {
      subject: 'deals',
      status: 'won',
      measure: 'sum',
      groupBy: 'manager',
      period,
    });
    add(`конверсия ${words}`, { subject: 'deals', measure: 'conversion', period });
    add(`средний чек ${words}`, { subject: 'deals', status: 'won', measure: 'average', period });
    add(`${words} сколько сделок выиграли`, { subject: 'deals', status: 'won', measure: 'count', period });
  }
  const plain: [string, Query][] = [
    ['выигранные сделки', { subject: 'deals', status: 'won' }],
    ['проигранные сделки', { subject: 'deals', status: 'lost' }],
    ['просроченные задачи', { subject: 'tasks', status: 'overdue' }],
    ['сколько заработали', { subject: 'deals', status: 'won', measure: 'sum' }],
    ['кто больше всех продал', { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager' }],
    ['рейтинг менеджеров', { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager' }],
    ['лучшие продавцы', { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager' }],
    ['откуда приходят лиды', { subject: 'leads', groupBy: 'source' }],
    ['источники лидов', { subject: 'leads', groupBy: 'source' }],
    ['средний чек', { subject: 'deals', status: 'won', measure: 'average' }],
    ['конверсия', { subject: 'deals', measure: 'conversion' }],
    ['сделки по Ромашке', { subject: 'deals', client: 'Ромашке' }],
    ['сделки с Ромашкой', { subject: 'deals', client: 'Ромашкой' }],
    ['сделки клиента Ромашка', { subject: 'deals', client: 'Ромашка' }],
    ['сделки больше миллиона', { subject: 'deals', amount: { min: 1_000_000 } }],
    ['сделки дороже 500 тысяч', { subject: 'deals', amount: { min: 500_000 } }],
    ['сделки на стадии «Финальный счёт»', { subject: 'deals', stage: 'Финальный счёт' }],
    ['задачи команды', { subject: 'tasks', person: 'team' }],
    ['задачи отдела продаж', { subject: 'tasks', person: 'sales' }],
    ['сделки отдела продаж', { subject: 'deals', person: 'sales' }],
    ['выполненные задачи за неделю', { subject: 'tasks', status: 'done', period: PERIODS[0]![1] }],
    ['встречи на неделю', { subject: 'meetings', period: PERIODS[9]![1] }],
    [
      'встречи на следующей неделе',
      {
        subject: 'meetings',
        period: range(day.startOf('week').plus({ weeks: 1 }), day.startOf('week').plus({ weeks: 1, days: 6 })),
      },
    ],
    [
      'продажи по месяцам в этом году',
      { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'month', period: PERIODS[8]![1] },
    ],
    [
      'выигранные сделки по менеджерам за квартал',
      { subject: 'deals', status: 'won', groupBy: 'manager', period: PERIODS[6]![1] },
    ],
    ['зависшие сделки Попова', { subject: 'deals', status: 'stuck', person: 'Попова' }],
    // An outside tester's wording: another verb form, a short question, «за год», «у» after a subject.
    ['кто лучше всех продаёт', { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager' }],
    ['откуда лиды', { subject: 'leads', groupBy: 'source' }],
    [
      'средний чек за год',
      { subject: 'deals', status: 'won', measure: 'average', period: range(day.minus({ days: 364 }), day) },
    ],
    ['что с задачами у Морозовой', { subject: 'tasks', person: 'Морозовой' }],
    ['что по сделкам у Соколова', { subject: 'deals', person: 'Соколова' }],
    [
      'выручка за октябрь по менеджерам',
      { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager', period: PERIODS[4]![1] },
    ],
    [
      'won deals of Morozova this month',
      { subject: 'deals', status: 'won', person: 'Morozova', period: PERIODS[2]![1] },
    ],
    // Calls and activities are their own subject, never the schedule.
    ['звонки', { subject: 'calls' }],
    ['звонки на этой неделе', { subject: 'calls', period: PERIODS[9]![1] }],
    ['мои звонки за неделю', { subject: 'calls', person: 'me', period: PERIODS[0]![1] }],
    ['звонки Попова', { subject: 'calls', person: 'Попова' }],
    ['calls this week', { subject: 'calls', period: PERIODS[9]![1] }],
    ['активности по Ромашке', { subject: 'activities', client: 'Ромашке' }],
    ['выполненные активности за месяц', { subject: 'activities', status: 'done', period: PERIODS[1]![1] }],
    ['новые компании за месяц', { subject: 'companies', status: 'new', period: PERIODS[1]![1] }],
    ['новые лиды за неделю', { subject: 'leads', status: 'new', period: PERIODS[0]![1] }],
    ['а выигранные сделки в октябре', { subject: 'deals', status: 'won', period: PERIODS[4]![1] }],
    // English
    ['won deals last month', { subject: 'deals', status: 'won', period: PERIODS[5]![1] }],
    ['lost deals this quarter', { subject: 'deals', status: 'lost', period: PERIODS[6]![1] }],
    ['revenue this month', { subject: 'deals', status: 'won', measure: 'sum', period: PERIODS[2]![1] }],
    [
      'who sold the most this quarter',
      { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager', period: PERIODS[6]![1] },
    ],
    ['where do leads come from', { subject: 'leads', groupBy: 'source' }],
    ['average deal size this year', { subject: 'deals', status: 'won', measure: 'average', period: PERIODS[8]![1] }],
    ['overdue tasks of Popov', { subject: 'tasks', status: 'overdue', person: 'Popov' }],
    ['conversion rate last month', { subject: 'deals', measure: 'conversion', period: PERIODS[5]![1] }],
    ['leads this week', { subject: 'leads', period: PERIODS[9]![1] }],
    // Typos
    ['выиграные сделки за квартал', { subject: 'deals', status: 'won', period: PERIODS[6]![1] }],
    ['просроченые задачи Попова', { subject: 'tasks', status: 'overdue', person: 'Попова' }],
    ['выручко за ноябрь', { subject: 'deals', status: 'won', measure: 'sum', period: PERIODS[3]![1] }],
    ['конверсиа за месяц', { subject: 'deals', measure: 'conversion', period: PERIODS[1]![1] }],
    ['ЛИДЫ ЗА НЕДЕЛЮ', { subject: 'leads', period: PERIODS[0]![1] }],
    // A name that fits several people: the bot asks which one.
    ['задачи Марии', { subject: 'tasks', person: 'Марии' }],
    ['сделки Орлова', { subject: 'deals', person: 'Орлова' }],
  ];
  for (const [text, query] of plain) add(text, query);
  return pack;
}

export interface QuestionMiss {
  text: string;
  expected: Query;
  got: unknown;
}

/** The pack's phrases the router does not turn into exactly their query. */
export function questionMisses(phrases: QuestionPhrase[] = questionPack()): QuestionMiss[] {
  return phrases.flatMap(({ text, query }) => {
    const { intent } = understand(text, { now: PACK_NOW, timeZone: PACK_ZONE });
    const got = intent.kind === 'view' && intent.request.scenario === 'query' ? intent.request.query : intent;
    return sameIntent(got, query) ? [] : [{ text, expected: query, got }];
  });
}

/** The share (0…1) of qualified phrases understood exactly, without a model. */
export const questionsUnderstoodShare = (): number => 1 - questionMisses().length / questionPack().length;
