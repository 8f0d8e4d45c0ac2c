// Calendar events in the director's zone. The portal answers `from`/`to` as whole dates in its own zone,
// so a day is asked with a day's margin on each side and cut to the director's window by the UTC timestamps.
import { DateTime } from 'luxon';
import type { BatchCommand } from '../../portal/port.ts';
import type { LocalDate } from '../../vocabulary/requests.ts';
import type { Clash, EventItem } from '../../vocabulary/view-models.ts';
import { matchesName } from '../matcher.ts';
import type { PortalEvent } from '../portal-data.ts';
import { daysAround, dayWindow, instantOf, inWindow, isoOf, type Window } from './day-window.ts';

export function calendarCommand(ownerId: number, window: Window): BatchCommand {
  return {
    method: 'calendar.event.get',
    params: {
      type: 'user',
      ownerId,
      from: window.start.minus({ days: 1 }).toISODate(),
      to: window.end.plus({ days: 1 }).toISODate(),
    },
  };
}

// The Russian portal's form, read by hand: luxon builds its parser anew for every date and format it tries.
const russianDate = /^(\d\d)\.(\d\d)\.(\d{4})(?: (\d\d):(\d\d):(\d\d))?$/;

/** «24.11.2026 09:00:00» (Russian portal) or «11/24/2026 09:00:00 am» (English one) in a zone. */
function displayDate(text: string | undefined, zone: string): DateTime | undefined {
  if (!text) return undefined;
  const [, day, month, year, hour = 0, minute = 0, second = 0] = russianDate.exec(text) ?? [];
  if (day) {
    const units = { year: Number(year), month: Number(month), day: Number(day) };
    const time = { hour: Number(hour), minute: Number(minute), second: Number(second) };
    const parsed = DateTime.fromObject({ ...units, ...time }, { zone, locale: 'en-US' });
    if (parsed.isValid) return parsed;
  }
  for (const format of ['dd.MM.yyyy HH:mm:ss', 'dd.MM.yyyy', 'MM/dd/yyyy hh:mm:ss a', 'MM/dd/yyyy']) {
    const parsed = DateTime.fromFormat(text, format, { zone, locale: 'en-US' });
    if (parsed.isValid) return parsed;
  }
  const iso = DateTime.fromISO(text, { zone });
  return iso.isValid ? iso : undefined;
}

interface Timed {
  event: PortalEvent;
  start: DateTime;
  end: DateTime;
}

export function timeOfEvent(event: PortalEvent, timeZone: string): Timed | undefined {
  if (event.DT_SKIP_TIME) {
    // An all-day event is a date, the same date wherever the director is.
    const start = displayDate(event.DATE_FROM?.slice(0, 10), timeZone)?.startOf('day');
    const last = displayDate((event.DATE_TO ?? event.DATE_FROM)?.slice(0, 10), timeZone)?.startOf('day');
    if (!start) return undefined;
    return { event, start, end: (last ?? start).plus({ days: 1 }) };
  }
  const start =
    event.DATE_FROM_TS_UTC !== undefined
      ? DateTime.fromSeconds(event.DATE_FROM_TS_UTC, { zone: timeZone })
      : displayDate(event.DATE_FROM, event.TZ_FROM ?? timeZone)?.setZone(timeZone);
  const end =
    event.DATE_TO_TS_UTC !== undefined
      ? DateTime.fromSeconds(event.DATE_TO_TS_UTC, { zone: timeZone })
      : displayDate(event.DATE_TO, event.TZ_TO ?? timeZone)?.setZone(timeZone);
  if (!start) return undefined;
  return { event, start, end: end && end >= start ? end : start };
}

const declinedBy = (event: PortalEvent, userId: number): boolean =>
  event.ATTENDEE_LIST?.some((attendee) => attendee.id === userId && attendee.status === 'N') ?? false;

/**
 * The director's events of a window, in order: a timed event belongs to the day it starts on; an all-day
 * event to every day it covers. Declined and deleted events are left out.
 */
export function eventsIn(events: PortalEvent[], window: Window, timeZone: string, ownerId: number): EventItem[] {
  const seen = new Set<number>();
  return events
    .filter((event) => !event.DELETED && !declinedBy(event, ownerId))
    .map((event) => timeOfEvent(event, timeZone))
    .filter((timed): timed is Timed => {
      if (!timed || seen.has(timed.event.ID)) return false;
      const inside = timed.event.DT_SKIP_TIME
        ? timed.start < window.end && timed.end > window.start
        : inWindow(timed.start, window);
      if (inside) seen.add(timed.event.ID);
      return inside;
    })
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || a.event.ID - b.event.ID)
    .map(({ event, start, end }) => {
      const item: EventItem = {
        id: event.ID,
        title: event.NAME,
        from: isoOf(start),
        to: isoOf(end),
        allDay: event.DT_SKIP_TIME,
      };
      if (event.LOCATION) item.location = event.LOCATION;
      return item;
    });
}

/** Meetings that overlap in time, named in pairs (all-day events clash with nothing). */
export function clashesOf(events: EventItem[]): Clash[] {
  const timed = events.filter((event) => !event.allDay);
  const clashes: Clash[] = [];
  for (let i = 0; i < timed.length; i++) {
    for (let j = i + 1; j < timed.length; j++) {
      const first = timed[i]!;
      const second = timed[j]!;
      if (instantOf(second.from) < instantOf(first.to) && instantOf(first.from) < instantOf(second.to)) {
        clashes.push({ first, second });
      }
    }
  }
  return clashes;
}

/** A meeting as the director names it: an exact event, a start time `HH:mm`, part of its title, or none (the next). */
export interface MeetingQuery {
  eventId?: number;
  time?: string;
  query?: string;
}

// A meeting named without a day is looked for from a week back to two weeks ahead.
export const DAYS_BACK = 7;
export const DAYS_AHEAD = 14;

/** The day asked for, or the window around today where a meeting named without a day is looked for. */
export const meetingWindow = (date: LocalDate | undefined, now: Date, timeZone: string): Window =>
  date ? dayWindow(date, timeZone) : daysAround(now, timeZone, DAYS_BACK, DAYS_AHEAD);

const startsAt = (event: EventItem, hours: number, minutes: number) => {
  const from = DateTime.fromISO(event.from, { setZone: true });
  return !event.allDay && from.hour === hours && from.minute === minutes;
};

const goingOnAt = (event: EventItem, hours: number, minutes: number) => {
  if (event.allDay) return false;
  const at = DateTime.fromISO(event.from, { setZone: true }).set({ hour: hours, minute: minutes });
  return DateTime.fromISO(event.from) <= at && at < DateTime.fromISO(event.to);
};

/**
 * The events that fit, nearest first: those not over yet (soonest first), then past ones (latest first).
 * «в 14:00» is a meeting starting then, else one going on then; no time and no name is the next meeting.
 */
export function meetingsMatching(events: EventItem[], wanted: MeetingQuery, now: Date): EventItem[] {
  let fitting: EventItem[];
  if (wanted.eventId) fitting = events.filter((event) => event.id === wanted.eventId);
  else if (wanted.time) {
    const [hours = 0, minutes = 0] = wanted.time.split(':').map(Number);
    const starting = events.filter((event) => startsAt(event, hours, minutes));
    fitting = starting.length ? starting : events.filter((event) => goingOnAt(event, hours, minutes));
  } else if (wanted.query) {
    const { query } = wanted;
    fitting = events.filter((event) => matchesName(event.title, query, { prefix: true }));
  } else fitting = events.filter((event) => !event.allDay && instantOf(event.to) > now.getTime());
  const upcoming = fitting.filter((event) => instantOf(event.to) > now.getTime());
  const past = fitting.filter((event) => instantOf(event.to) <= now.getTime()).reverse();
  return wanted.query || wanted.time || wanted.eventId ? [...upcoming, ...past] : upcoming.slice(0, 1);
}

/** The upcoming ones of the fitting meetings when there are any, else the past ones. */
export function soonestFitting(fitting: EventItem[], now: Date): EventItem[] {
  const upcoming = fitting.filter((event) => instantOf(event.to) > now.getTime());
  return upcoming.length ? upcoming : fitting;
}
