// What the alerts read from a portal: the records an event names (an event is only a hint: the record is read
// again with the director's own rights), and the minute's look (records changed since the last one, new leads,
// tasks gone overdue, meetings of today and tomorrow), each in one batch request however many records it covers.
import { DateTime } from 'luxon';
import type { BatchCommand, BatchResult, PortalClient } from '../portal/port.ts';
import { STALL_DAYS } from './deal-moves.ts';

export type RecordType = 'deal' | 'lead' | 'task' | 'meeting';

export interface Hint {
  type: RecordType;
  id: number;
}

/** A record as the portal gave it (CRM and the calendar UPPER_CASE, tasks camelCase). */
export interface PortalRecord {
  type: RecordType;
  row: Record<string, unknown>;
}

const TYPE_OF_EVENT: [RegExp, RecordType][] = [
  [/^ONCRMDEAL(ADD|UPDATE)$/, 'deal'],
  [/^ONCRMLEAD(ADD|UPDATE)$/, 'lead'],
  [/^ONTASK(ADD|UPDATE)$/, 'task'],
  [/^ONCALENDARENTRY(ADD|UPDATE)$/, 'meeting'],
];

/** The portal's event names this product binds: a record added or changed (nothing to tell of a deletion). */
export const BOUND_EVENTS = [
  'ONCRMDEALADD',
  'ONCRMDEALUPDATE',
  'ONCRMLEADADD',
  'ONCRMLEADUPDATE',
  'ONTASKADD',
  'ONTASKUPDATE',
  'ONCALENDARENTRYADD',
  'ONCALENDARENTRYUPDATE',
];

const objectOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The record an event names: CRM `data.FIELDS.ID`, tasks `data.FIELDS_AFTER.ID`, the calendar `data.id`. */
export function hintOfEvent(event: string, data: unknown): Hint | undefined {
  const type = TYPE_OF_EVENT.find(([pattern]) => pattern.test(event.toUpperCase()))?.[1];
  const fields = objectOf(data);
  const raw = objectOf(fields.FIELDS).ID ?? objectOf(fields.FIELDS_AFTER).ID ?? fields.id ?? fields.ID;
  const id = Number(raw);
  return type && Number.isInteger(id) && id > 0 ? { type, id } : undefined;
}

const TASK_SELECT = [
  'ID',
  'TITLE',
  'STATUS',
  'DEADLINE',
  'CREATED_BY',
  'RESPONSIBLE_ID',
  'CLOSED_DATE',
  'CHANGED_DATE',
];

const readCommand = (hint: Hint): BatchCommand => {
  switch (hint.type) {
    case 'deal':
      return { method: 'crm.deal.get', params: { id: hint.id } };
    case 'lead':
      return { method: 'crm.lead.get', params: { id: hint.id } };
    case 'task':
      return { method: 'tasks.task.get', params: { taskId: hint.id, select: TASK_SELECT } };
    case 'meeting':
      return { method: 'calendar.event.getbyid', params: { id: hint.id } };
  }
};

/** A task's row whatever the method (`result.task` of get, `result.tasks` items of list). */
const rowsOf = (type: RecordType, result: unknown): Record<string, unknown>[] => {
  if (Array.isArray(result)) return result.map(objectOf);
  const object = objectOf(result);
  if (type === 'task')
    return Array.isArray(object.tasks) ? object.tasks.map(objectOf) : object.task ? [objectOf(object.task)] : [];
  return Object.keys(object).length > 0 ? [object] : [];
};

/**
 * The records the hints name, read again through `portal` (the director's own rights): one batch request per 50
 * records. A record the director may not see, or one deleted since, is left out.
 */
export async function readAgain(portal: PortalClient, hints: readonly Hint[]): Promise<PortalRecord[]> {
  const unique = new Map(hints.map((hint) => [`${hint.type}:${hint.id}`, hint]));
  if (unique.size === 0) return [];
  const commands = Object.fromEntries([...unique].map(([key, hint]) => [key.replace(':', '_'), readCommand(hint)]));
  const reply = await portal.batch(commands);
  const records: PortalRecord[] = [];
  for (const [name, result] of Object.entries(reply.results)) {
    const type = name.split('_')[0] as RecordType;
    for (const row of rowsOf(type, result)) records.push({ type, row });
  }
  return records;
}

/** The newest change date seen per kind of record: where the next look starts. */
export type Cursor = Partial<Record<'deal' | 'lead' | 'task', string>>;

export interface Look {
  records: PortalRecord[];
  cursor: Cursor;
  /** A page came back full: more changed than one look takes, so look again soon. */
  busy: boolean;
  /** The results of the commands that came along (`extra`), by name. */
  extra: BatchResult;
}

const CHANGED: Record<keyof Cursor, { method: string; field: string; extra?: Record<string, unknown> }> = {
  deal: { method: 'crm.deal.list', field: 'DATE_MODIFY', extra: { select: ['*'] } },
  lead: { method: 'crm.lead.list', field: 'DATE_MODIFY', extra: { select: ['*'] } },
  task: { method: 'tasks.task.list', field: 'CHANGED_DATE', extra: { select: TASK_SELECT } },
};

const PAGE = 50;

/** A date-time as the portal's filters take it: no milliseconds. */
const iso = (moment: DateTime) => moment.toISO({ suppressMilliseconds: true }) ?? '';

/** What every minute's look asks, whatever the source: new leads, deals just stalled, tasks just overdue. */
function everyMinute(now: DateTime): Record<string, BatchCommand> {
  const stalledSince = now.minus({ days: STALL_DAYS });
  return {
    lead_fresh: {
      method: 'crm.lead.list',
      params: { filter: { STATUS_ID: 'NEW', '>=DATE_CREATE': iso(now.minus({ days: 1 })) }, start: -1 },
    },
    // Deals that have just crossed two weeks without a stage change (a watched client's deal stalled).
    deal_stalled: {
      method: 'crm.deal.list',
      params: {
        filter: {
          STAGE_SEMANTIC_ID: 'P',
          '<MOVED_TIME': iso(stalledSince),
          '>=MOVED_TIME': iso(stalledSince.minus({ hours: 2 })),
        },
        select: ['*'],
        start: -1,
      },
    },
    task_overdue: {
      method: 'tasks.task.list',
      params: {
        filter: { '<DEADLINE': iso(now), '>=DEADLINE': iso(now.minus({ days: 1 })), '<REAL_STATUS': 5 },
        select: TASK_SELECT,
        start: -1,
      },
    },
  };
}

/**
 * The minute's look at a portal, in one batch: what changed since `cursor` (unless events bring the changes), new
 * leads of the last day, deals just stalled, tasks overdue since yesterday, and each director's meetings of today and tomorrow.
 */
export async function lookAt(
  portal: PortalClient,
  input: {
    cursor?: Cursor;
    directors: readonly number[];
    now: Date;
    zone: string;
    extra?: Record<string, BatchCommand>;
  },
): Promise<Look> {
  // Whole seconds: the portal's dates have none, and its filters take none.
  const now = DateTime.fromJSDate(input.now, { zone: input.zone }).startOf('second');
  const commands = everyMinute(now);
  const { cursor } = input;
  if (cursor) {
    for (const [type, { method, field, extra }] of Object.entries(CHANGED)) {
      const since = cursor[type as keyof Cursor] ?? iso(now);
      commands[`${type}_changed`] = {
        method,
        params: { ...extra, filter: { [`>=${field}`]: since }, order: { [field]: 'ASC' }, start: -1 },
      };
    }
    for (const user of input.directors) {
      const from = now.startOf('day');
      commands[`meeting_${user}`] = {
        method: 'calendar.event.get',
        params: { type: 'user', ownerId: user, from: from.toISODate(), to: from.plus({ days: 1 }).toISODate() },
      };
    }
  }
  const extra = input.extra ?? {};
  const reply = await portal.batch({ ...extra, ...commands });
  const records: PortalRecord[] = [];
  const next: Cursor = { ...cursor };
  let busy = false;
  const alongside: BatchResult = { results: {}, errors: {}, totals: {}, nexts: {} };
  for (const name of Object.keys(extra)) {
    if (name in reply.results) alongside.results[name] = reply.results[name];
    if (reply.errors[name]) alongside.errors[name] = reply.errors[name];
  }
  for (const [name, result] of Object.entries(reply.results)) {
    if (name in extra) continue;
    const type = name.split('_')[0] as RecordType;
    const rows = rowsOf(type, result);
    for (const row of rows) records.push({ type, row });
    if (name.endsWith('_changed')) {
      const key = type as keyof Cursor;
      const field = CHANGED[key].field;
      const field2 = type === 'task' ? 'changedDate' : field;
      next[key] = rows.map((row) => String(row[field2] ?? '')).reduce(later, cursor?.[key] ?? iso(now));
      busy ||= rows.length >= PAGE;
    }
  }
  return { records, cursor: next, busy, extra: alongside };
}

const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);
