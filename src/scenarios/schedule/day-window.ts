// Definition: a day is the director's local day, [00:00, next 00:00) in the director's zone, sent to the
// portal as date-times with the offset. A bare date as an upper bound would mean 00:00 and lose the day.
import { DateTime } from 'luxon';
import { asWritten } from '../../views/format.ts';
import type { LocalDate } from '../../vocabulary/requests.ts';
import type { Moment } from '../../vocabulary/view-models.ts';

export interface Window {
  start: DateTime;
  end: DateTime;
  /** The bounds as the portal wants them: ISO with the director's offset. */
  from: string;
  to: string;
}

export const isoOf = (time: DateTime): string => time.toISO({ suppressMilliseconds: true }) ?? '';

function windowOf(start: DateTime, end: DateTime): Window {
  return { start, end, from: isoOf(start), to: isoOf(end) };
}

/** [00:00, next 00:00) of a local date in the director's zone. */
export function dayWindow(date: LocalDate, timeZone: string): Window {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  return windowOf(start, start.plus({ days: 1 }));
}

/** The local date `days` after (or before, when negative) the given one. */
export const shiftDay = (date: LocalDate, days: number): LocalDate =>
  DateTime.fromISO(date).plus({ days }).toISODate() ?? date;

/** The director's local date at an instant. */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

/** Monday 00:00 to the next Monday 00:00 of the director's current week. */
export function weekWindow(now: Date, timeZone: string): Window {
  const start = DateTime.fromJSDate(now, { zone: timeZone }).startOf('week');
  return windowOf(start, start.plus({ weeks: 1 }));
}

/** From `before` days ago to `after` days ahead, whole local days: where a meeting named without a day is. */
export function daysAround(now: Date, timeZone: string, before: number, after: number): Window {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  return windowOf(today.minus({ days: before }), today.plus({ days: after + 1 }));
}

/** The last `hours` up to now. */
export function lastHours(now: Date, timeZone: string, hours: number): Window {
  const end = DateTime.fromJSDate(now, { zone: timeZone });
  return windowOf(end.minus({ hours }), end);
}

export const inWindow = (time: DateTime, window: Window): boolean =>
  time.toMillis() >= window.start.toMillis() && time.toMillis() < window.end.toMillis();

// The portal's usual form, which the engine's own parser reads far faster than luxon (thousands of deals a view).
const plainIso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,3})?(?:Z|[+-]\d\d:\d\d)$/;

/** The instant (ms) of a portal date-time, NaN when there is none or it makes no sense. */
export function instantOf(iso: string | undefined): number {
  if (!iso) return Number.NaN;
  return plainIso.test(iso) ? Date.parse(iso) : DateTime.fromISO(iso).toMillis();
}

/** A portal date-time (ISO with the portal's offset) re-expressed in the director's zone. */
export function toDirectorTime(iso: string | undefined, timeZone: string): string | undefined {
  if (!iso) return undefined;
  // The portal's usual form: its instant read by the engine, the director's time made from it at once.
  if (asWritten(iso)) return isoOf(DateTime.fromMillis(Date.parse(iso), { zone: timeZone }));
  const time = DateTime.fromISO(iso, { setZone: true });
  return time.isValid ? isoOf(time.setZone(timeZone)) : undefined;
}

export function momentOf(now: Date, timeZone: string): Moment {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return { now: isoOf(local), today: local.toISODate() ?? '', timeZone };
}
