// The grammar's parts of a typed question: what it is about and how it is measured, statuses, groupings,
// directions and whose, each with the words that say it.

import { letters } from '../../letters.ts';
import { TOPICS, topicWords } from '../../scenarios/questions/topics.ts';
import type { Period, Query, QueryStatus } from '../../vocabulary/query.ts';
import { rule, type Span } from './spans.ts';

/** What the parser found, before it becomes a query. */
export interface Found {
  subject?: Query['subject'];
  status?: Query['status'];
  direction?: Query['direction'];
  /** The words that said the direction, handed back when the subject has none. */
  directionSaid?: string;
  measure?: Query['measure'];
  groupBy?: Query['groupBy'];
  /** The words that said the grouping, handed back when the subject cannot be grouped so. */
  groupSaid?: string;
  person?: Query['person'];
  client?: Query['client'];
  period?: Period;
  /** The words of a period that names no days («с 31 по 32 ноября», «за зиму» in December), said back. */
  unclear?: string[];
  stage?: string;
  pipeline?: string;
  amount?: Query['amount'];
  idleDays?: number;
  topic?: string;
  topicSaid?: string;
  without?: Query['without'];
  withoutSaid?: string;
  sort?: Query['sort'];
  limit?: number;
  /** The words that said the order, handed back when the subject cannot be ordered so. */
  orderSaid?: string;
  spans: Span[];
}

// ─── what the question is about, and how it is measured ──────────────────

export const MONEY: { pattern: RegExp; set: Partial<Found> }[] = [
  {
    pattern: rule(
      '(?:сам\\p{L}*\\s+)?(?:худш|результативн|эффективн|продуктивн|сильн|слаб)\\p{L}*\\s+(?:менеджер\\p{L}*|продав\\p{L}*|продаж\\p{L}*)|кто\\s+(?:больше\\s+всех|лучше\\s+всех|сильнее\\s+всех|больше|лучше)\\s+(?:продал\\p{L}*|прода[её]т|продают|заработал\\p{L}*|зарабатыва\\p{L}*|закрыл\\p{L}*|выиграл\\p{L}*)(?:\\s+сделок)?|лучш\\p{L}*\\s+(?:менеджер\\p{L}*|продав\\p{L}*|продаж\\p{L}*)|кто\\s+из\\s+(?:менеджер\\p{L}*|продав\\p{L}*|сотрудник\\p{L}*)\\s+(?:самый\\s+)?лучш\\p{L}*|рейтинг\\p{L}*(?:\\s+(?:менеджер\\p{L}*|продаж\\p{L}*|продав\\p{L}*))?|топ(?:\\s*-?\\s*\\d+)?\\s+(?:менеджер\\p{L}*|продав\\p{L}*)|лидер\\p{L}*(?:\\s+продаж|\\s+по\\s+(?:выручк|продаж|деньг|сумм|сделк)\\p{L}*)|who\\s+sold\\s+(?:the\\s+)?most|top\\s+(?:sellers|salespeople|managers)|leaderboard|best\\s+(?:sellers|salespeople|managers)',
    ),
    set: { subject: 'deals', status: 'won', measure: 'sum', groupBy: 'manager' },
  },
  {
    pattern: rule(
      'средн\\p{L}*\\s+(?:чек\\p{L}*|сделк\\p{L}*|сумм\\p{L}*(?:\\s+сделк\\p{L}*)?|размер\\p{L}*\\s+сделк\\p{L}*)|average\\s+(?:deal(?:\\s+size)?|check|ticket)|avg\\s+deal',
    ),
    set: { subject: 'deals', status: 'won', measure: 'average' },
  },
  {
    // «конверсия лидов в сделки»: how the leads ended, by status (not the deals' win rate).
    pattern: rule(
      'конверси\\p{L}*\\s+(?:лид\\p{L}*|заявок)(?:\\s+в\\s+сделк\\p{L}*)?|(?:лид\\p{L}*|заявк\\p{L}*)\\s+в\\s+сделк\\p{L}*|lead\\s+conversion',
    ),
    set: { subject: 'leads', groupBy: 'stage' },
  },
  {
    pattern: rule('конверси\\p{L}*|conversion(?:\\s+rate)?|win\\s+rate'),
    set: { subject: 'deals', measure: 'conversion' },
  },
  {
    pattern: rule(
      'продаж\\p{L}*(?=\\s+(?:по\\s+(?:месяц|недел|менеджер)|за\\s|в\\s+(?:эт|прошл|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)))|(?:сколько\\s+)?(?:мы\\s+)?(?:заработал\\p{L}*|продал\\p{L}*\\s+на\\s+сумму|наторговал\\p{L}*)|(?:сколько\\s+)?(?:денег\\s+)?(?:принес|принёс|принесл)\\p{L}*(?:\\s+денег)?|сколько\\s+денег|выручк\\p{L}*|доход\\p{L}*|оборот\\p{L}*|revenue|earnings|earn|how\\s+much\\s+money|how\\s+much\\s+(?:did\\s+)?we\\s+(?:earn|make|made|sell|sold)\\p{L}*|earned|sales\\s+total',
    ),
    set: { subject: 'deals', status: 'won', measure: 'sum' },
  },
  {
    pattern: rule(
      'откуда\\s+(?:к\\s+нам\\s+)?(?:наши\\s+)?(?:лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|клиент\\p{L}*|заявк\\p{L}*)|(?:откуда|как|где)\\s+(?:к\\s+нам\\s+)?(?:приход\\p{L}*|ид\\p{L}*|бер\\p{L}*|появля\\p{L}*|приход\\p{L}*)\\s+(?:к\\s+нам\\s+)?(?:лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|клиент\\p{L}*|заявк\\p{L}*)|источник\\p{L}*\\s+(?:лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|клиент\\p{L}*|заявок)|(?:лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|заявк\\p{L}*)\\s+по\\s+источник\\p{L}*|lead\\s+sources?|where\\s+do\\s+(?:the\\s+|our\\s+)?leads\\s+come\\s+from|leads\\s+by\\s+source',
    ),
    set: { subject: 'leads', groupBy: 'source' },
  },
];

export const SUBJECTS: { pattern: RegExp; subject: Query['subject'] }[] = [
  { pattern: rule('задач\\p{L}*|таск\\p{L}*|tasks?|to-?dos?'), subject: 'tasks' },
  // «кто ведёт Ромашку»: the client's deals, by whom.
  {
    pattern: rule('сделк\\p{L}*|сделок|сделоч\\p{L}*|deals?|вед[её]т|ведут|куриру\\p{L}*|отвечает\\s+за'),
    subject: 'deals',
  },
  { pattern: rule('лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|заявк\\p{L}*|заявок|leads?'), subject: 'leads' },
  {
    pattern: rule(
      'встреч\\p{L}*|расписани\\p{L}*|календар\\p{L}*|созвон\\p{L}*|совещани\\p{L}*|meetings?|schedule|calendar|agenda',
    ),
    subject: 'meetings',
  },
  { pattern: rule('контакт\\p{L}*|contacts?'), subject: 'contacts' },
  { pattern: rule('компани\\p{L}*|клиент(?:ы|ов|ам|ами)|companies|clients|customers'), subject: 'companies' },
  {
    pattern: rule('звонк\\p{L}*|звонок|(?:по)?звонил\\p{L}*|calls|phone\\s+calls|called|made\\s+calls'),
    subject: 'calls',
  },
  { pattern: rule('активност\\p{L}*|дела\\s+по\\s+клиент\\p{L}*|activities'), subject: 'activities' },
];

// «новые», «новых», «новую»: the adjective's own forms only, so «Новиков», «Новикова» stay names.
export const NEW_FORMS = 'нов(?:ые|ых|ый|ая|ое|ую|ой|ого|ым|ыми|ом|ому|еньк\\p{L}*)';

export const STATUSES: { pattern: RegExp; status: NonNullable<Query['status']> }[] = [
  { pattern: rule('просроч\\p{L}*|overdue|late|горящ\\p{L}*|горит'), status: 'overdue' },
  {
    pattern: rule(
      'выигран\\p{L}*|выиграл\\p{L}*|сконвертир\\p{L}*|конвертирован\\p{L}*|converted|успешн\\p{L}*|won|win|wins|продал\\p{L}*|закрыли\\s+успешно',
    ),
    status: 'won',
  },
  {
    pattern: rule(
      'проигран\\p{L}*|проиграл\\p{L}*|провален\\p{L}*|провалил\\p{L}*|потерян\\p{L}*|потеряли|слили|lost|(?:в\\s+)?брак[еу]?|бракован\\p{L}*|junk',
    ),
    status: 'lost',
  },
  { pattern: rule('завис\\p{L}*|застрял\\p{L}*|застрявш\\p{L}*|stuck|без\\s+движения|stalled'), status: 'stuck' },
  {
    pattern: rule(
      'выполнен\\p{L}*|выполнил\\p{L}*|сделан\\p{L}*|сделали|заверш[её]н\\p{L}*|закрыт\\p{L}*|закрыл\\p{L}*|done|completed|finished|closed',
    ),
    status: 'done',
  },
  { pattern: rule(`${NEW_FORMS}|свеж\\p{L}*|new`), status: 'new' },
  { pattern: rule('открыт\\p{L}*|активн\\p{L}*|текущ\\p{L}*|в\\s+работе|open|active|current'), status: 'open' },
];

export const OPEN_KINDS: QueryStatus[] = ['overdue', 'stuck', 'new'];

/** Two statuses said of one subject, as one: «просроченные открытые» are overdue; «выигранные зависшие», none. */
export function together(a: QueryStatus, b: QueryStatus): QueryStatus | undefined {
  if (a === b) return a;
  if ((a === 'won' && b === 'done') || (a === 'done' && b === 'won')) return 'won';
  if (a === 'open' && OPEN_KINDS.includes(b)) return b;
  return b === 'open' && OPEN_KINDS.includes(a) ? a : undefined;
}

// «кто не закрыл задачи», «невыполненные»: open, read before «закрыл» could read as done.
export const NOT_DONE = rule(
  'не\\s+(?:выполн|сделал|сделан|закрыл|закрыт|заверш|заканчива|законч)\\p{L}*|не(?:выполнен|сделан|закрыт|заверш[её]н|законч)\\p{L}*|(?:not|never)\\s+(?:done|completed|closed|finished)|unfinished|incomplete|undone|outstanding|pending',
);
// «без движения больше месяца», «которые стоят больше двух недель», «без движения 30 дней»: stuck deals, idle at
// least that long.
export const IDLE = rule(
  '(?:котор\\p{L}*\\s+)?(?:стоят|стоит|висят|висит|лежат|лежит|без\\s+движения|не\\s+двига\\p{L}*)\\s+(?:(?:больше|более|дольше|свыше|старше)\\s+(?:чем\\s+)?|(?=\\d))(?:(\\d{1,3}|двух|трех|одного)\\s+)?(дн\\p{L}*|день|недел\\p{L}*|месяц\\p{L}*)',
);
export const COUNT_WORDS: Record<string, number> = { одного: 1, двух: 2, трех: 3 };
// «просроченные больше недели», «старше недели», «просрочены более чем на 5 дней», «overdue by more than a week»:
// late by that long, not a period («недели» alone is this week's).
export const LATE = rule(
  '(?:просроч\\p{L}*|overdue)(?:\\s+(?:задач\\p{L}*|tasks?))?\\s+(?:на\\s+|by\\s+)?(?:больше|более|свыше|дольше|старше|over|more\\s+than|older\\s+than)\\s+(?:чем\\s+)?(?:на\\s+)?(?:an?\\s+)?(?:(\\d{1,3}|двух|трех|одного)\\s+)?(дн\\p{L}*|день|недел\\p{L}*|месяц\\p{L}*|days?|weeks?|months?)',
);

export function idleDaysOf(match: RegExpExecArray): number {
  const n = match[1] ? (COUNT_WORDS[match[1]] ?? Number(match[1])) : 1;
  const unit = match[2]!;
  return n * (/^(?:месяц|month)/u.test(unit) ? 30 : /^(?:недел|week)/u.test(unit) ? 7 : 1);
}

// Any other status denied («не просроченные», «не выигранные»): never applied as said, and never dropped.
export const NEGATED = rule(`не\\s+(?:${STATUSES.map(({ pattern }) => pattern.source).join('|')})`);

const CLIENTS = 'клиент\\p{L}*|компани\\p{L}*|контрагент\\p{L}*|заказчик\\p{L}*|покупател\\p{L}*';

export const GROUPS: { pattern: RegExp; groupBy: NonNullable<Query['groupBy']> }[] = [
  {
    pattern: rule(
      '(?:по|в\\s+разрезе)\\s+(?:(?:кажд\\p{L}*|всем)\\s+)?(?:менеджер\\p{L}*|сотрудник\\p{L}*|продав\\p{L}*)|у\\s+(?:кажд|всех)\\p{L}*\\s+(?:менеджер\\p{L}*|сотрудник\\p{L}*|продав\\p{L}*)|by\\s+(?:manager|salesperson|person)s?',
    ),
    groupBy: 'manager',
  },
  {
    // «по клиентам», «по каждому клиенту»; «топ-3 клиента», «самые крупные клиенты»: the clients ranked.
    pattern: rule(
      `(?:по|в\\s+разрезе)\\s+(?:кажд\\p{L}*\\s+(?:${CLIENTS})|(?:всем\\s+)?(?:клиентам|компаниям|контрагентам|заказчикам|покупателям))|в\\s+разрезе\\s+(?:клиентов|компаний|контрагентов|заказчиков|покупателей)|(?<=(?:топ|top)(?:\\s*-?\\s*\\d+)?\\s+|(?:сам\\p{L}*\\s+)?(?:крупн|больш|лучш|выгодн|доходн|ценн)\\p{L}*\\s+|(?:крупнейш|лучш)\\p{L}*\\s+|(?:\\d+|три|пять|десять)\\s+)(?:${CLIENTS})|by\\s+(?:clients?|customers?|compan(?:y|ies))|(?:biggest|largest|top|best)\\s+(?:clients|customers)`,
    ),
    groupBy: 'client',
  },
  {
    pattern: rule('(?:по|в\\s+разрезе)\\s+(?:стади|этап|статус)\\p{L}*|by\\s+(?:stage|status)(?:es|s)?'),
    groupBy: 'stage',
  },
  { pattern: rule('(?:по|в\\s+разрезе)\\s+источник\\p{L}*|by\\s+sources?'), groupBy: 'source' },
  { pattern: rule('по\\s+недел\\p{L}*|by\\s+weeks?|weekly'), groupBy: 'week' },
  { pattern: rule('по\\s+месяц\\p{L}*|by\\s+months?|monthly'), groupBy: 'month' },
];

// Calls come in or go out («входящие звонки», «кто нам звонил»).
export const DIRECTIONS: { pattern: RegExp; direction: NonNullable<Query['direction']> }[] = [
  {
    pattern: rule('входящ\\p{L}*|incoming|inbound|кто\\s+(?:нам|мне)\\s+звонил\\p{L}*|who\\s+called\\s+(?:us|me)'),
    direction: 'incoming',
  },
  {
    pattern: rule('исходящ\\p{L}*|outgoing|outbound|кому\\s+(?:мы|я)\\s+звонил\\p{L}*|who\\s+did\\s+(?:we|i)\\s+call'),
    direction: 'outgoing',
  },
];

// «кто не закрыл задачи», «у кого просрочки», «чьи сделки зависли»: the answer is by person.
export const MOST = letters(/(?<![\p{L}])(?:больше|меньше|most|fewest|least)(?![\p{L}])/u);
export const MONEY_WORDS = letters(
  /(?<![\p{L}])(?:денег|деньг\p{L}*|сумм\p{L}*|выручк\p{L}*|продал\p{L}*|заработал\p{L}*|money|revenue|sold|earned)(?![\p{L}])/u,
);
export const WHOSE = rule('^(?:а\\s+)?(?:кто|у\\s+кого|чь[иейя]|who(?:se)?|which\\s+(?:employees|people|managers))');

/** The groupings each subject can be counted by; another is said back, never dropped. */
export const GROUPINGS: Record<Query['subject'], NonNullable<Query['groupBy']>[]> = {
  tasks: ['manager', 'week', 'month'],
  deals: ['manager', 'client', 'stage', 'source', 'week', 'month'],
  leads: ['manager', 'stage', 'source', 'week', 'month'],
  meetings: [],
  contacts: [],
  companies: [],
  calls: ['manager', 'week', 'month'],
  activities: ['manager', 'week', 'month'],
};

// ─── whose ────────────────────────────────────────────────────────────────

export const PEOPLE: { pattern: RegExp; person: 'me' | 'team' | 'sales' }[] = [
  {
    pattern: rule(
      '(?:у\\s+|в\\s+|of\\s+(?:the\\s+)?)?(?:отдел\\p{L}*\\s+продаж|продажник\\p{L}*|менеджер\\p{L}*\\s+по\\s+продажам|sales\\s+(?:team|department))',
    ),
    person: 'sales',
  },
  {
    pattern: rule(
      '(?:у\\s+|в\\s+|of\\s+(?:the\\s+|my\\s+)?)?(?:(?:мо\\p{L}*|наш\\p{L}*)\\s+)?(?:команд\\p{L}*|отдел\\p{L}*|сотрудник\\p{L}*|подчин[её]нн\\p{L}*|team|staff|employees)',
    ),
    person: 'team',
  },
  // «сколько я продал», «что я закрыл»: «я» before a verb in the past.
  {
    pattern: rule('у\\s+меня|мо[йяеи]|моих|мою|моё|мое|я(?=\\s+\\p{L}+л[аи]?(?![\\p{L}]))|mine|my|i\\s+have'),
    person: 'me',
  },
];

export const CREATED = letters(
  /^(?:созда\p{L}*|заведен\p{L}*|заведён\p{L}*|добавлен\p{L}*|появил\p{L}*|created|added)$/iu,
);
export const CREATED_IN_PERIOD = new Set<Query['subject']>(['deals', 'leads', 'contacts', 'companies']);

export const FITTING: Record<Query['subject'], NonNullable<Query['status']>[]> = {
  tasks: ['open', 'overdue', 'done', 'new'],
  // «закрытые сделки» are won and lost both.
  deals: ['open', 'won', 'lost', 'stuck', 'new', 'done', 'overdue'],
  leads: ['open', 'new', 'won', 'lost', 'done'],
  meetings: [],
  contacts: ['new'],
  companies: ['new'],
  calls: ['open', 'overdue', 'done'],
  activities: ['open', 'overdue', 'done'],
};

// ─── order and how many ──────────────────────────────────────────────────

export const NUMBER_WORDS: Record<string, number> = {
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
};

/** «самые крупные», «на большую сумму», «самые старые»: the order asked for. */
export const ORDERS: { pattern: RegExp; sort: NonNullable<Query['sort']> }[] = [
  {
    pattern: rule(
      'сам\\p{L}*\\s+(?:крупн|больш|дорог)\\p{L}*|крупнейш\\p{L}*|(?:(?:от)?сортир\\p{L}*\\s+)?по\\s+(?:сумм|размер)\\p{L}*|на\\s+(?:сам\\p{L}*\\s+)?(?:больш|крупн)\\p{L}*\\s+сумм\\p{L}*|biggest|largest|most\\s+expensive',
    ),
    sort: 'largest',
  },
  {
    pattern: rule(
      'сам\\p{L}*\\s+(?:мелк|маленьк|дешев|дешёв)\\p{L}*|на\\s+(?:сам\\p{L}*\\s+)?(?:маленьк|мелк)\\p{L}*\\s+сумм\\p{L}*|smallest|cheapest',
    ),
    sort: 'smallest',
  },
  { pattern: rule('сам\\p{L}*\\s+(?:стар|давн|ранн)\\p{L}*|старейш\\p{L}*|oldest'), sort: 'oldest' },
  {
    pattern: rule(
      'сам\\p{L}*\\s+(?:нов|свеж|последн|поздн)\\p{L}*|(?:(?:от)?сортир\\p{L}*\\s+)?по\\s+дат\\p{L}*|последн\\p{L}*\\s+(\\d{1,3})|newest|latest|most\\s+recent',
    ),
    sort: 'newest',
  },
];

/** «топ-5», «первые 10», «пять самых …»: how many. */
export const LIMIT = rule(
  `(?:топ|top)(?:\\s*-?\\s*(\\d{1,3}))?|(?:первы\\p{L}*|first)\\s+(\\d{1,3})|(\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})(?=\\s+(?:сам|крупнейш|старейш|biggest|largest|oldest|newest|latest))`,
);

export function limitOf(match: RegExpExecArray): number {
  const said = match[1] ?? match[2] ?? match[3];
  return said ? (NUMBER_WORDS[said] ?? Number(said)) : 10;
}

/** The orders each subject has: deals by sum and age, tasks and leads by age. */
export const ORDERINGS: Record<Query['subject'], NonNullable<Query['sort']>[]> = {
  tasks: ['oldest', 'newest'],
  deals: ['largest', 'smallest', 'oldest', 'newest'],
  leads: ['oldest', 'newest'],
  meetings: [],
  contacts: [],
  companies: [],
  calls: [],
  activities: [],
};

/** «по КП», «техническое задание»: what the titles are about, the longer topics first (ТКП before КП). */
export const TOPIC_RULES = [...TOPICS]
  .sort((a, b) => b.full.length - a.full.length)
  .map((topic) => ({ pattern: rule(topicWords(topic)), topic: topic.full }));

/** The subjects whose titles a topic is looked for in. */
export const TITLED = new Set<Query['subject']>(['tasks', 'deals', 'leads', 'meetings']);

/** «без задач», «нет ни одной активности», «ни одной сделки»: what a record has none of. */
export const WITHOUT: { pattern: RegExp; without: NonNullable<Query['without']> }[] = [
  ['tasks', 'задач\\p{L}*|tasks?'],
  ['deals', 'сделок|сделки|deals?'],
  ['activities', 'активност\\p{L}*|дел|дела|activit\\p{L}*'],
].map(([without, words]) => ({
  pattern: rule(
    `(?:без|нет(?:\\s+ни)?|ни|with\\s+no|without|no)\\s+(?:(?:одн|един)\\p{L}*\\s+|single\\s+)?(?:${words})`,
  ),
  without: without as NonNullable<Query['without']>,
}));

/** What each subject may have none of. */
export const WITHOUTS: Record<Query['subject'], NonNullable<Query['without']>[]> = {
  tasks: [],
  deals: ['tasks', 'activities'],
  leads: ['tasks', 'activities'],
  meetings: [],
  contacts: ['tasks', 'deals', 'activities'],
  companies: ['tasks', 'deals', 'activities'],
  calls: [],
  activities: [],
};
