// A question with qualifiers in the director's words becomes a typed query: «задачи Орловой», «выигранные
// сделки за квартал», «кто больше всех продал в ноябре», «откуда приходят лиды». Every word is either
// understood (a subject, status, period, person, client, amount, measure) or a small word, or it is handed
// back as not applied, so no reply passes unfiltered data off as the answer.

import { letters } from '../../letters.ts';
import type { Query } from '../../vocabulary/query.ts';
import { takeDepartment } from './department-words.ts';
import { looksAhead, periods } from './period-words.ts';
import { amounts, stagesAndPipelines, untaken } from './query-amounts.ts';
import { rest } from './query-names.ts';
import {
  CREATED,
  CREATED_IN_PERIOD,
  DIRECTIONS,
  FITTING,
  type Found,
  GROUPINGS,
  GROUPS,
  IDLE,
  idleDaysOf,
  LATE,
  LIMIT,
  limitOf,
  MONEY,
  MONEY_WORDS,
  MOST,
  NEGATED,
  NOT_DONE,
  ORDERINGS,
  ORDERS,
  PEOPLE,
  STATUSES,
  SUBJECTS,
  TITLED,
  TOPIC_RULES,
  together,
  WHOSE,
  WITHOUT,
  WITHOUTS,
} from './query-parts.ts';
import { rule, take } from './spans.ts';
import type { Message } from './text.ts';
import { statusWordIn, withoutWholePipeline } from './value-words.ts';
import type { Clock } from './write-drafts.ts';

const COUNT_WORD = letters(/(?<![\p{L}])(?:сколько|how\s+many|число|количество)(?![\p{L}])/u);

export type ParsedQuery = { query: Query; unapplied: string[]; said: boolean; doubtful: number };

// The views ask a message's query more than once (is it a question, which words did a plain view leave); it is
// read once per message and instant.
const parsed = new WeakMap<Message, { at: number; timeZone: string; asked: ParsedQuery | undefined }>();

/** The typed query a message asks, with the words it could not apply; undefined when it asks none. */
export function parseQuery(message: Message, clock: Clock): ParsedQuery | undefined {
  const known = parsed.get(message);
  if (known?.at === clock.now.getTime() && known.timeZone === clock.timeZone) return known.asked;
  const asked = readQuery(message, clock);
  parsed.set(message, { at: clock.now.getTime(), timeZone: clock.timeZone, asked });
  return asked;
}

function readQuery(message: Message, clock: Clock): ParsedQuery | undefined {
  const found: Found = { spans: [] };
  const denied = readParts(message, found, clock);
  // «что просрочено у Попова»: overdue things are tasks, won ones deals.
  const said = found.subject !== undefined;
  if (!found.subject) {
    if (found.status === 'overdue' || found.status === 'done') found.subject = 'tasks';
    else if (found.status === 'won' || found.status === 'lost' || found.status === 'stuck') found.subject = 'deals';
    else if (found.direction) found.subject = 'calls';
    // «топ-3 клиента», «самые крупные клиенты»: clients ranked by what they brought.
    else if (found.groupBy === 'client') {
      found.subject = 'deals';
      found.status = 'won';
      found.measure = 'sum';
    } else return undefined;
  }
  const subject = found.subject;
  // «сколько задач», «how many deals»: a count.
  if (!found.measure && COUNT_WORD.test(message.light)) found.measure = 'count';
  if (found.status === 'new' && subject === 'meetings') found.status = undefined;
  const read = withoutWholePipeline(rest(message, found), found);
  const { name: named, topic, unapplied: unknown, doubtful } = read;
  if (read.person && named?.client) found.person ??= read.person;
  // «задачи по ремонту»: what the titles are about; a subject with no titles looks the word up as a name.
  const titled = topic !== undefined && TITLED.has(subject) && !found.topic;
  if (titled) found.topic = topic;
  else if (subject === 'leads' && topic === undefined && !found.stage) found.topic ??= statusWordIn(unknown);
  const name = named ?? (topic && !titled ? { names: [topic], client: false } : undefined);
  if (topic && !titled && named) unknown.push(topic);
  // «сделки, созданные на этой неделе»: a deal's, lead's or client's period is when it was created already.
  const created = CREATED_IN_PERIOD.has(subject) ? unknown.filter((word) => !CREATED.test(word)) : unknown;
  const unapplied = [...denied, ...(found.unclear ?? []), ...created];
  settle(message, found, subject, unapplied);
  // A status the subject cannot have («клиенты горят») is not a question the router can answer.
  if (found.status && !FITTING[subject].includes(found.status))
    return { query: { subject }, unapplied: [UNFIT], said, doubtful };
  if (name) {
    // One name as said; several («Альфы и Беты», «Орловой и Кузнецова») as a list, each looked up.
    const said = name.names.length > 1 ? name.names : name.names[0]!;
    if (name.client) found.client = said;
    else found.person = found.person && found.person !== 'me' ? found.person : said;
  }
  const query: Query = { subject };
  for (const key of QUERY_KEYS) if (found[key] !== undefined) (query as Record<string, unknown>)[key] = found[key];
  return { query, unapplied, said, doubtful };
}

const QUERY_KEYS = [
  'person',
  'client',
  'status',
  'direction',
  'period',
  'topic',
  'without',
  'stage',
  'pipeline',
  'amount',
  'idleDays',
  'sort',
  'limit',
  'measure',
  'groupBy',
] as const;

const BY_DAYS = rule('по\\s+дн(?:ям|ю)|по\\s+кажд\\p{L}*\\s+дн\\p{L}*|by\\s+days?|daily');

/** Takes each part the message says, in the order that keeps one part from reading as another; the statuses
 * denied or contradicting are handed back. */
function readParts(message: Message, found: Found, clock: Clock): string[] {
  // «сделки отдела продаж за октябрь»: the department, before «продаж за …» could read as money.
  const [sales, ...others] = PEOPLE;
  take(message, found, sales!.pattern, () => (found.person ??= sales!.person));
  takeDepartment(message, found);
  take(message, found, IDLE, (match) => Object.assign(found, { status: 'stuck', idleDays: idleDaysOf(match) }));
  take(message, found, LATE, (match) =>
    Object.assign(found, { subject: 'tasks', status: 'overdue', idleDays: idleDaysOf(match) }),
  );
  for (const { pattern, set } of MONEY) if (take(message, found, pattern, () => Object.assign(found, set))) break;
  for (const { pattern, groupBy } of GROUPS)
    take(message, found, pattern, (match) => {
      found.groupSaid ??= match[0];
      found.groupBy ??= groupBy;
    });
  for (const { pattern, person } of others) take(message, found, pattern, () => (found.person ??= person));
  // Before the period and the subjects: in «сделки без задач в ноябре» the tasks are what the deals have none
  // of, so November is not read as tasks' (ahead).
  for (const { pattern, without } of WITHOUT)
    take(message, found, pattern, (match) => {
      found.without ??= without;
      found.withoutSaid ??= match[0];
    });
  periods(message, found, clock, looksAhead(untaken(message, found).light));
  // Before the amounts: «самые крупные» is an order, «крупные» alone a sum from a million.
  for (const { pattern, sort } of ORDERS)
    take(message, found, pattern, (match) => {
      found.sort ??= sort;
      // «последние 5 лидов»: the order and how many in one.
      if (match[1]) found.limit ??= Number(match[1]);
      found.orderSaid ??= match[0];
    });
  take(message, found, LIMIT, (match) => {
    found.limit ??= limitOf(match);
    found.orderSaid ??= match[0];
  });
  amounts(message, found);
  stagesAndPipelines(message, found);
  for (const { pattern, topic } of TOPIC_RULES)
    take(message, found, pattern, (match) => {
      found.topic ??= topic;
      found.topicSaid ??= match[0];
    });
  // Before the subjects: «кто нам звонил» is the incoming calls, not calls by person.
  for (const { pattern, direction } of DIRECTIONS)
    take(message, found, pattern, (match) => {
      found.direction ??= direction;
      found.directionSaid ??= match[0];
    });
  for (const { pattern, subject } of SUBJECTS) take(message, found, pattern, () => (found.subject ??= subject));
  take(message, found, NOT_DONE, () => (found.status ??= 'open'));
  const denied: string[] = [];
  // «по дням»: a breakdown no subject has is said back, and its word is no name.
  take(message, found, BY_DAYS, (match) => denied.push(match[0]));
  take(message, found, NEGATED, (match) => denied.push(match[0]));
  // A second status that contradicts the first («выигранные … без движения») is said back, never dropped.
  for (const { pattern, status } of STATUSES)
    take(message, found, pattern, (match) => {
      const both = found.status ? together(found.status, status) : status;
      if (both) found.status = both;
      else denied.push(match[0]);
    });
  return denied;
}

/** «кто», «у кого» make it by person; a grouping or a direction the subject cannot have is said, not dropped. */
function settle(message: Message, found: Found, subject: Query['subject'], unapplied: string[]): void {
  if (!found.groupBy && GROUPINGS[subject].includes('manager'))
    take(message, found, WHOSE, () => {
      found.groupBy = 'manager';
      // «у кого больше всего сделок» is about the deals in hand; who sold most says «продал».
      if (subject === 'deals') found.status ??= 'open';
      // «больше всего сделок» ranks by how many; «больше всего денег», «на большую сумму» by the sum.
      if (MOST.test(message.light) && !MONEY_WORDS.test(message.light)) found.measure ??= 'count';
    });
  // «встречи по менеджерам», «конверсия по этапам»: a grouping the subject or the measure cannot have is said, not
  // dropped; conversion is by manager only.
  const conversionBy = found.measure !== 'conversion' || found.groupBy === 'manager';
  if (found.groupBy && (!GROUPINGS[subject].includes(found.groupBy) || !conversionBy)) {
    unapplied.unshift(found.groupSaid ?? '');
    found.groupBy = undefined;
  }
  // «топ-5 сделок» are the biggest five; «самые крупные встречи» are no order a meeting has.
  if (found.limit && !found.sort && subject === 'deals') found.sort = 'largest';
  // Deals ranked in groups keep their top-N («топ-3 клиента»); other groupings have no such order.
  const rankedGroups = subject === 'deals' && found.groupBy !== 'week' && found.groupBy !== 'month';
  if ((found.sort && !ORDERINGS[subject].includes(found.sort)) || (found.limit && found.groupBy && !rankedGroups)) {
    unapplied.unshift(found.orderSaid ?? '');
    found.sort = undefined;
    found.limit = undefined;
  }
  // «задачи без сделок»: what the subject cannot lack is said back.
  if (found.without && !WITHOUTS[subject].includes(found.without)) {
    unapplied.unshift(found.withoutSaid ?? '');
    found.without = undefined;
  }
  // «клиенты по КП»: only what has a title is about a topic.
  if (found.topic && !TITLED.has(subject)) {
    unapplied.unshift(found.topicSaid ?? '');
    found.topic = undefined;
  }
  // «входящие лиды»: only calls and activities come in or go out; the word is said, never dropped.
  if (found.direction && subject !== 'calls' && subject !== 'activities') {
    unapplied.unshift(found.directionSaid ?? '');
    found.direction = undefined;
  }
}

/** Handed back for a status its subject cannot have: the whole question is the model's. */
export const UNFIT = '\u0000';

/** Whether a message's words say anything a ready-made view would not show. */
export function isQualified(query: Query): boolean {
  const { subject, status, person, period, measure, groupBy } = query;
  const extra = Boolean(
    query.client ||
      query.stage ||
      query.pipeline ||
      query.amount ||
      query.sort ||
      query.limit ||
      query.topic ||
      query.without ||
      groupBy ||
      (measure && measure !== 'list'),
  );
  if (extra || (person && person !== 'me')) return true;
  // The ready-made deals and leads are everyone's: «мои сделки» is a question of its own.
  if (person === 'me' && (subject === 'deals' || subject === 'leads')) return true;
  switch (subject) {
    case 'tasks':
      return status !== undefined && status !== 'open' ? true : Boolean(period && period.from !== period.to);
    case 'deals':
      return (status !== undefined && status !== 'open') || period !== undefined;
    case 'leads':
      return period !== undefined || (status !== undefined && status !== 'new');
    case 'meetings':
      return period !== undefined && period.from !== period.to;
    default:
      return true;
  }
}
