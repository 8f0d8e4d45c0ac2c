// The generated pack's parts: subjects with their forms, the demo company's people and clients, and the words of
// each qualifier, as the pack composes them (test/router/generated.ts).
import type { Query } from '../../src/vocabulary/query.ts';

export type Status = NonNullable<Query['status']>;
export type Group = NonNullable<Query['groupBy']>;

export interface SubjectPart {
  subject: Query['subject'];
  /** The forms of the noun: as a list, after «сколько», after «по». */
  nominative: string[];
  genitive: string;
  dative: string;
  instrumental: string;
  /** [the adjective in the list form, after «сколько», status] */
  statuses: [string, string, Status][];
  groups: Group[];
  amounts: boolean;
}

export const SUBJECTS: SubjectPart[] = [
  {
    subject: 'tasks',
    nominative: ['задачи', 'задачки'],
    genitive: 'задач',
    dative: 'задачам',
    instrumental: 'задачами',
    statuses: [
      ['просроченные', 'просроченных', 'overdue'],
      ['выполненные', 'выполненных', 'done'],
      ['завершённые', 'завершённых', 'done'],
      ['открытые', 'открытых', 'open'],
    ],
    groups: ['manager', 'week', 'month'],
    amounts: false,
  },
  {
    subject: 'deals',
    nominative: ['сделки'],
    genitive: 'сделок',
    dative: 'сделкам',
    instrumental: 'сделками',
    statuses: [
      ['выигранные', 'выигранных', 'won'],
      ['проигранные', 'проигранных', 'lost'],
      ['зависшие', 'зависших', 'stuck'],
      ['открытые', 'открытых', 'open'],
    ],
    groups: ['manager', 'client', 'stage', 'source', 'week', 'month'],
    amounts: true,
  },
  {
    subject: 'leads',
    nominative: ['лиды', 'заявки'],
    genitive: 'лидов',
    dative: 'лидам',
    instrumental: 'лидами',
    statuses: [['новые', 'новых', 'new']],
    groups: ['manager', 'source', 'week', 'month'],
    amounts: false,
  },
];

/** Employees of the demo company, as a director names them after a subject (genitive). */
export const PEOPLE = [
  'Кузнецовой',
  'Ольги Кузнецовой',
  'Попова',
  'Дмитрия Попова',
  'Васильевой',
  'Соколова',
  'Игоря Соколова',
  'Морозовой',
  'Анны Морозовой',
  'Волковой',
  'Лебедева',
  'Козловой',
  'Егорова',
  'Павловой',
  'Семёновой',
  'Степанова',
  'Макаровой',
  'Яковлева',
  'Фёдорова',
  'Захарова',
];

/** Clients of the demo company after a preposition: [as said, the client]. */
export const CLIENTS: [string, string][] = [
  ['по Ромашке', 'Ромашке'],
  ['с Гранитом', 'Гранитом'],
  ['по Техносфере', 'Техносфере'],
  ['с Кристаллом', 'Кристаллом'],
  ['по Ориону', 'Ориону'],
  ['клиента Меридиан', 'Меридиан'],
  ['у клиента Атлант', 'Атлант'],
];

/** Two or three clients or employees in one question: [as said, as the query holds them, one each]. */
export const PAIRS: { words: string; person?: string[]; client?: string[] }[] = [
  { words: 'по Ромашке и Ориону', client: ['Ромашке', 'Ориону'] },
  { words: 'по Техносфере и Кристаллу', client: ['Техносфере', 'Кристаллу'] },
  { words: 'с Гранитом и Атлантом', client: ['Гранитом', 'Атлантом'] },
  { words: 'по Ромашке, Граниту и Ориону', client: ['Ромашке', 'Граниту', 'Ориону'] },
  { words: 'Попова и Морозовой', person: ['Попова', 'Морозовой'] },
  { words: 'Кузнецовой и Соколова', person: ['Кузнецовой', 'Соколова'] },
  { words: 'Попова, Морозовой и Волковой', person: ['Попова', 'Морозовой', 'Волковой'] },
];

export const SCOPES: [string, 'team' | 'sales'][] = [
  ['команды', 'team'],
  ['отдела продаж', 'sales'],
];

export const AMOUNTS: [string, NonNullable<Query['amount']>][] = [
  ['больше миллиона', { min: 1_000_000 }],
  ['дороже 500 тысяч', { min: 500_000 }],
  ['меньше 100 тысяч', { max: 100_000 }],
  ['от 2 до 5 млн', { min: 2_000_000, max: 5_000_000 }],
];

/** How long a deal has not moved: [as said, days]. */
export const IDLE: [string, number][] = [
  ['без движения больше месяца', 30],
  ['которые стоят больше двух недель', 14],
  ['без движения больше 20 дней', 20],
];

/** An order and how many: [as said, sort, limit, whether the noun follows in the genitive]. */
export type OrderPart = [string, NonNullable<Query['sort']>, number | undefined, boolean];
export const ORDERS: Partial<Record<Query['subject'], OrderPart[]>> = {
  deals: [
    ['самые крупные', 'largest', undefined, false],
    ['5 самых крупных', 'largest', 5, true],
    ['топ-5', 'largest', 5, true],
    ['три самых крупных', 'largest', 3, true],
    ['самые мелкие', 'smallest', undefined, false],
    ['самые старые', 'oldest', undefined, false],
  ],
  tasks: [
    ['самые старые', 'oldest', undefined, false],
    ['три самых старых', 'oldest', 3, true],
    ['самые новые', 'newest', undefined, false],
  ],
  leads: [
    ['самые новые', 'newest', undefined, false],
    ['10 самых старых', 'oldest', 10, true],
  ],
};

/** What the titles are about: [as said, the topic in full]. */
export const TOPICS: [string, string][] = [
  ['по КП', 'коммерческое предложение'],
  ['по ТЗ', 'техническое задание'],
  ['по коммерческому предложению', 'коммерческое предложение'],
  ['про техническое задание', 'техническое задание'],
];

/** What a record has none of: [as said, what]. */
export const WITHOUTS: Partial<Record<Query['subject'], [string, NonNullable<Query['without']>][]>> = {
  deals: [
    ['без задач', 'tasks'],
    ['без активностей', 'activities'],
    ['по которым нет задач', 'tasks'],
    ['без единого дела', 'activities'],
  ],
  leads: [
    ['без задач', 'tasks'],
    ['у которых нет ни одной активности', 'activities'],
  ],
};

export const GROUP_WORDS: Record<Group, string> = {
  manager: 'по менеджерам',
  client: 'по клиентам',
  stage: 'по этапам',
  source: 'по источникам',
  week: 'по неделям',
  month: 'по месяцам',
};

export const LIST_VERBS = ['', 'покажи', 'дай', 'покажи мне', 'выведи'];
export const FILLERS = ['пожалуйста, ', 'слушай, ', 'а ', 'ну ', ''];
