// calendar.*: events in the portal's display format with zones and UTC timestamps; `type` and `ownerId` required.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import { addCalendarEvent, zoneOfUser } from '../company.ts';
import { calendarText, formattedText, momentOf } from '../dates.ts';
import type { Row } from '../filters.ts';
import { RestError, requiredParameter } from '../rest-error.ts';
import { type Method, type MethodContext, param, positiveId } from './context.ts';

const TYPES = new Set(['user', 'group', 'company_calendar']);
const DAY = 86_400_000;

/** Checks `type` and `ownerId` the way the portal does and returns the owner (0 for the company calendar). */
function owner(params: Params, method: string): { type: string; ownerId: number } {
  const type = param(params, 'type');
  if (type === undefined || type === '') throw requiredParameter('type', method);
  if (!TYPES.has(String(type))) throw new RestError('', `Invalid value for the parameter "type"`, 400);
  const raw = param(params, 'ownerId');
  if (String(type) === 'company_calendar') return { type: 'company_calendar', ownerId: 0 };
  if (raw === undefined || raw === '') throw requiredParameter('ownerId', method);
  const ownerId = positiveId(raw);
  if (ownerId === undefined) throw new RestError('', `Invalid value for the parameter "ownerId"`, 400);
  return { type: String(type), ownerId };
}

const start = (event: Row) => Number(event.DATE_FROM_TS_UTC) * 1000;
const end = (event: Row) => Number(event.DATE_TO_TS_UTC) * 1000;

function belongsTo(event: Row, type: string, ownerId: number): boolean {
  if (event.CAL_TYPE !== type) return type === 'user' && attends(event, ownerId);
  return event.OWNER_ID === String(ownerId) || attends(event, ownerId);
}

function attends(event: Row, userId: number): boolean {
  return (
    Array.isArray(event.ATTENDEE_LIST) && (event.ATTENDEE_LIST as Row[]).some((attendee) => attendee.id === userId)
  );
}

const plainDate = /^\d{4}-\d{2}-\d{2}$|^\d{2}\.\d{2}\.\d{4}$/;

/** `from`/`to` are dates: a bare `to` date still includes that whole day. */
function bound(value: unknown, zone: string, fallback: number, endOfDay: boolean): number {
  const moment = momentOf(value, zone);
  if (moment === undefined) return fallback;
  return endOfDay && typeof value === 'string' && plainDate.test(value.trim()) ? moment + DAY : moment;
}

const byStart = (a: Row, b: Row) => start(a) - start(b) || Number(a.ID) - Number(b.ID);

const eventGet: Method = (params, context) => {
  const { type, ownerId } = owner(params, 'calendar.event.get');
  const zone = zoneOfUser(context.data, context.userId);
  const now = context.now().getTime();
  const from = bound(param(params, 'from'), zone, now - 31 * DAY, false);
  const to = bound(param(params, 'to'), zone, now + 92 * DAY, true);
  const sectionParam = param(params, 'section');
  const sections = (Array.isArray(sectionParam) ? sectionParam : sectionParam === undefined ? [] : [sectionParam]).map(
    String,
  );
  const events = context.data.events
    .filter((event) => belongsTo(event, type, ownerId))
    .filter((event) => sections.length === 0 || sections.includes(String(event.SECTION_ID)))
    .filter((event) => end(event) >= from && start(event) < to)
    .sort(byStart);
  return { result: events.map((event) => ({ ...event })) };
};

const eventNearest: Method = (params, context) => {
  const forCurrent = ['Y', 'true', '1'].includes(String(param(params, 'forCurrentUser') ?? ''));
  const { type, ownerId } = forCurrent
    ? { type: 'user', ownerId: context.userId }
    : owner(params, 'calendar.event.get.nearest');
  const days = positiveId(param(params, 'days')) ?? 60;
  const now = context.now().getTime();
  const events = context.data.events
    .filter((event) => belongsTo(event, type, ownerId))
    .filter((event) => end(event) > now && start(event) < now + days * DAY)
    .sort(byStart);
  return { result: events.map((event) => ({ ...event })) };
};

function findEvent(params: Params, context: MethodContext, method: string): Row {
  const raw = param(params, 'id');
  if (raw === undefined || raw === '') throw requiredParameter('id', method);
  const event = context.data.events.find((candidate) => candidate.ID === String(raw));
  if (!event) throw new RestError('', 'Event not found', 400);
  return event;
}

const eventGetById: Method = (params, context) => ({
  result: { ...findEvent(params, context, 'calendar.event.getbyid') },
});

function attendeeList(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
  return list.map(positiveId).filter((id): id is number => id !== undefined);
}

/** Reads `from`/`to` (or `from_ts`/`to_ts`) of an event as moments in its zone. */
function span(params: Params, zone: string, method: string, required: boolean): { start?: number; end?: number } {
  const read = (name: 'from' | 'to') => {
    const ts = param(params, `${name}_ts`);
    if (ts !== undefined && ts !== '') return Number(ts) * 1000;
    const value = param(params, name);
    if (value === undefined || value === '') {
      if (required) throw requiredParameter(name, method);
      return undefined;
    }
    const moment = momentOf(value, zone);
    if (moment === undefined) throw new RestError('', `Invalid value for the parameter "${name}"`, 400);
    return moment;
  };
  return { start: read('from'), end: read('to') };
}

function checkSection(params: Params, ownerId: number): void {
  const section = param(params, 'section');
  if (section !== undefined && section !== '' && String(section) !== String(ownerId)) {
    throw new RestError('', 'You specified an invalid calendar section ID or the user does not have access to it', 400);
  }
}

const eventAdd: Method = (params, context) => {
  const method = 'calendar.event.add';
  const { ownerId } = owner(params, method);
  const name = param(params, 'name');
  if (name === undefined || String(name).trim() === '') throw requiredParameter('name', method);
  checkSection(params, ownerId);
  const zone = String(param(params, 'timezone_from') ?? '') || zoneOfUser(context.data, ownerId);
  const { start: from, end: to } = span(params, zone, method, true) as { start: number; end: number };
  const allDay = String(param(params, 'skip_time') ?? 'N') === 'Y';
  if (to < from) throw new RestError('', 'An error occurred while creating the event', 400);
  const meeting = String(param(params, 'is_meeting') ?? 'N') === 'Y';
  const event = addCalendarEvent(context.data, {
    owner: ownerId,
    name: String(name),
    start: from,
    end: allDay ? DateTime.fromMillis(to, { zone }).startOf('day').toMillis() : to,
    zone,
    allDay,
    attendees: meeting ? attendeeList(param(params, 'attendees')) : [],
    location: String(param(params, 'location') ?? ''),
    description: String(param(params, 'description') ?? ''),
    importance: String(param(params, 'importance') ?? 'normal'),
    created: context.now().getTime(),
  });
  return { result: Number(event.ID) };
};

const eventUpdate: Method = (params, context) => {
  const method = 'calendar.event.update';
  const { ownerId } = owner(params, method);
  const event = findEvent(params, context, method);
  checkSection(params, ownerId);
  const zone = String(param(params, 'timezone_from') ?? '') || String(event.TZ_FROM);
  const { start: from = start(event), end: to = end(event) } = span(params, zone, method, false);
  if (to < from) throw new RestError('', 'An error occurred while updating the event', 400);
  const allDay = event.DT_SKIP_TIME === 'Y';
  const offset = (ms: number) => String(DateTime.fromMillis(ms, { zone }).offset * 60);
  Object.assign(event, {
    DATE_FROM: calendarText(from, zone, !allDay),
    DATE_TO: calendarText(to, zone, !allDay),
    TZ_FROM: zone,
    TZ_TO: zone,
    TZ_OFFSET_FROM: offset(from),
    TZ_OFFSET_TO: offset(to),
    DATE_FROM_TS_UTC: String(Math.floor(from / 1000)),
    DATE_TO_TS_UTC: String(Math.floor(to / 1000)),
    DT_LENGTH: Math.round((to - from) / 1000),
    TIMESTAMP_X: calendarText(context.now().getTime(), zone),
    DATE_FROM_FORMATTED: formattedText(from, zone),
    DATE_TO_FORMATTED: formattedText(to, zone),
  });
  for (const field of ['name', 'location', 'description', 'importance'] as const) {
    const value = param(params, field);
    if (value !== undefined) event[field.toUpperCase()] = String(value);
  }
  const attendees = param(params, 'attendees');
  if (attendees !== undefined) {
    const host = Number(event.OWNER_ID);
    const people = [host, ...attendeeList(attendees).filter((id) => id !== host)];
    event.ATTENDEE_LIST = people.map((id, index) => ({
      id,
      entryId: String(id === host ? event.ID : Number(event.ID) * 100 + index),
      status: id === host ? 'H' : 'Q',
    }));
    event.IS_MEETING = people.length > 1;
    event.ATTENDEES_CODES = people.map((id) => `U${id}`);
    event.attendeesEntityList = people.map((id) => ({ entityId: 'user', id }));
  }
  return { result: Number(event.ID) };
};

const eventDelete: Method = (params, context) => {
  owner(params, 'calendar.event.delete');
  const event = findEvent(params, context, 'calendar.event.delete');
  context.data.events.splice(context.data.events.indexOf(event), 1);
  return { result: true };
};

/** Busy time of each user: `{ "<id>": [{ ID, NAME, DATE_FROM, DATE_TO, … }] }`. */
const accessibility: Method = (params, context) => {
  const users = attendeeList(param(params, 'users'));
  if (users.length === 0) throw requiredParameter('users', 'calendar.accessibility.get');
  const zone = zoneOfUser(context.data, context.userId);
  const now = context.now().getTime();
  const from = bound(param(params, 'from'), zone, now, false);
  const to = bound(param(params, 'to'), zone, now + 7 * DAY, true);
  const result: Record<string, Row[]> = {};
  for (const userId of users) {
    result[String(userId)] = context.data.events
      .filter((event) => belongsTo(event, 'user', userId) && event.ACCESSIBILITY !== 'free')
      .filter((event) => end(event) >= from && start(event) < to)
      .sort(byStart)
      .map((event) => ({
        ID: event.ID,
        NAME: event.NAME,
        DATE_FROM: event.DATE_FROM,
        DATE_TO: event.DATE_TO,
        DATE_FROM_TS_UTC: event.DATE_FROM_TS_UTC,
        DATE_TO_TS_UTC: event.DATE_TO_TS_UTC,
        DT_SKIP_TIME: event.DT_SKIP_TIME,
        TZ_FROM: event.TZ_FROM,
        TZ_TO: event.TZ_TO,
        ACCESSIBILITY: event.ACCESSIBILITY,
        IMPORTANCE: event.IMPORTANCE,
        EVENT_TYPE: null,
      }));
  }
  return { result };
};

/** One personal calendar (section) per user; its id is the user's id. */
const sectionGet: Method = (params, context) => {
  const { type, ownerId } = owner(params, 'calendar.section.get');
  if (type !== 'user') return { result: [] };
  const user = context.data.users.find((candidate) => candidate.ID === String(ownerId));
  if (!user) return { result: [] };
  return {
    result: [
      {
        ID: String(ownerId),
        NAME: `${user.NAME} ${user.LAST_NAME}`,
        CAL_TYPE: 'user',
        OWNER_ID: String(ownerId),
        COLOR: '#9dcf00',
        TEXT_COLOR: '',
        ACTIVE: 'Y',
      },
    ],
  };
};

export const calendarMethods: Record<string, Method> = {
  'calendar.event.get': eventGet,
  'calendar.event.get.nearest': eventNearest,
  'calendar.event.getbyid': eventGetById,
  'calendar.event.add': eventAdd,
  'calendar.event.update': eventUpdate,
  'calendar.event.delete': eventDelete,
  'calendar.accessibility.get': accessibility,
  'calendar.section.get': sectionGet,
};
