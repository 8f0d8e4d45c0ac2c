// One typed question: a subject, filters and a measure. The ready-made scenarios are forms of it; the
// router (no model) and the model's read tool both produce it, validated by this one zod schema.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { field } from './fields.ts';
import type { LocalDate } from './requests.ts';

const localDate = field.date();

// Limits checked but not sent: every schema keyword costs the model's prompt tokens on each request.
const name = z
  .string()
  .refine((value) => value.trim() !== '' && value.length <= 100, 'expected a name up to 100 characters');
/** One name, or several asked about together («сделки Альфы и Беты»): any of them. */
const names = z.union([
  name,
  z.array(name).refine((list) => list.length > 0 && list.length <= 10, 'expected one to ten names'),
]);
// A whole number above 0, checked but not sent (as the names' limits).
const count = z
  .number()
  .int()
  .refine((value) => value > 0, 'expected a number above 0');

/** `calls` are the activities that are phone calls; `activities` every kind (calls, meetings, e-mails). */
export const SUBJECTS = [
  'tasks',
  'deals',
  'leads',
  'meetings',
  'contacts',
  'companies',
  'calls',
  'activities',
] as const;
export const STATUSES = ['open', 'overdue', 'done', 'won', 'lost', 'stuck', 'new'] as const;
export const MEASURES = ['list', 'count', 'sum', 'average', 'conversion'] as const;
export const GROUPS = ['manager', 'client', 'stage', 'source', 'week', 'month'] as const;
/** «самые крупные», «самые старые»: by the sum or by when the record was created. */
export const SORTS = ['largest', 'smallest', 'oldest', 'newest'] as const;
/** What a record may have none of: «сделки без задач», «клиенты без сделок», «сделки ни одной активности». */
export const RELATED = ['tasks', 'deals', 'activities'] as const;
/** Calls (and e-mails) come in or go out. */
export const DIRECTIONS = ['incoming', 'outgoing'] as const;

/** Who: «мои», the director's whole team («команды»), the sales department, or an employee by name. */
export const PEOPLE_SCOPES = ['me', 'team', 'sales'] as const;

export const querySchema = z.object({
  subject: z.enum(SUBJECTS),
  /** An employee's name as said (any case), several employees' names, or me / team / sales. */
  person: names.optional(),
  /** A client (company or contact) as said, in any case, or several clients. */
  client: names.optional(),
  status: z.enum(STATUSES).optional(),
  /** Calls or activities only: incoming or outgoing. */
  direction: z.enum(DIRECTIONS).optional(),
  /** Local dates in the director's zone, both days included. */
  period: z.object({ from: localDate, to: localDate }).optional(),
  /** What the titles are about, in full («коммерческое предложение» for «КП»). */
  topic: name.optional(),
  stage: name.optional(),
  pipeline: name.optional(),
  /** Stuck deals: not moved for at least this many days («без движения больше месяца»); overdue tasks: late by them. */
  idleDays: count.optional(),
  /** Deal or lead sum bounds, in the deal's currency. */
  amount: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
  measure: z.enum(MEASURES).optional(),
  groupBy: z.enum(GROUPS).optional(),
  sort: z.enum(SORTS).optional(),
  /** «топ-5», «три самых старых»: only the first so many, in `sort`'s order. */
  limit: count.optional(),
  /**
   * The records that have none of these: open tasks, open activities, or deals at all («сделки без задач», «клиенты
   * без сделок»). Tasks without tasks are the employees (of `person`, the team by default) with none of the tasks
   * asked («у кого нет ни одной закрытой задачи»).
   */
  without: z.enum(RELATED).optional(),
  /** Another period side by side with `period` (money, deals, leads or tasks done), with the change. */
  compare: z.object({ from: localDate, to: localDate }).optional(),
});

/**
 * Values the portal itself names in its own lists — a lead's or deal's source («с сайта»), a deal's currency («в
 * долларах») — as the portal codes them. The answer finds them from the words said (the router and the model say them
 * as a topic): never sent to the model, so its prompt does not grow.
 */
export const askedQuerySchema = querySchema.extend({
  source: z.array(name).optional(),
  currency: z.array(name).optional(),
});

export type Query = z.output<typeof askedQuerySchema>;

/**
 * A question as kept in the memory and the stored answers: older ones said «у кого нет ни одной задачи» with a flag
 * of its own (`none`), read now as tasks without tasks.
 */
export const storedQuerySchema = askedQuerySchema
  .extend({ none: z.boolean().optional() })
  .transform(({ none, ...query }): Query => (none ? { ...query, without: 'tasks' } : query));

/** «у кого нет ни одной закрытой задачи»: the question is about the employees with none of the tasks. */
export const employeesWithNone = (query: Query): boolean => query.subject === 'tasks' && query.without === 'tasks';
/** A person or a client as the query holds it: one name, or several. */
export type Names = NonNullable<Query['client']>;

/**
 * The names asked about, one each: a list as it is; one name as said, or — as older stored questions and the model
 * may write several in one («Попова и Морозовой», «Ромашки, Ориона») — each of its parts.
 */
export const namesOf = (said: Names | undefined): string[] =>
  said === undefined ? [] : typeof said === 'string' ? said.split(/\s*,\s*|\s+(?:и|and)\s+/u).filter(Boolean) : said;
export type QuerySubject = Query['subject'];
export type QueryStatus = NonNullable<Query['status']>;
export type Period = NonNullable<Query['period']>;
/** The first day of a period said only by its end («до 1 декабря»): everything before that day. */
export const SINCE_EVER: LocalDate = '2000-01-01';
export type QueryGroup = NonNullable<Query['groupBy']>;

/** The period's first and last local day as one window [from 00:00, day after `to` 00:00) in the zone. */
export function periodWindow(period: Period, timeZone: string): { start: DateTime; end: DateTime } {
  const start = DateTime.fromISO(period.from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(period.to, { zone: timeZone }).startOf('day').plus({ days: 1 });
  return { start, end };
}

const iso = (date: DateTime): LocalDate => date.toISODate() ?? '';
export const periodOf = (from: DateTime, to: DateTime): Period => ({ from: iso(from), to: iso(to) });
