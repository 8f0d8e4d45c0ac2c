// The director's zone and today in it. A DateTime never changes, so the ones of the director's now are shared. The
// zone's offsets are kept per quarter of an hour by the app (keepZoneOffsets in scenarios/schedule/zone-offsets.ts).
import { DateTime, Info, type Zone } from 'luxon';
import { remembered } from '../../remembered.ts';
import type { LocalDate } from '../../vocabulary/requests.ts';

/** The director's zone as luxon reads it. */
export const zoneOf = remembered((timeZone: string): Zone => Info.normalizeZone(timeZone), 100);

// One message asks for the director's local now many times (its days, its periods, its follow-up, a name read
// at the epoch in UTC among them): once per instant and zone.
interface LocalNow {
  local: DateTime;
  day?: DateTime;
  date?: LocalDate;
}
const nowIn = remembered((key: string): LocalNow => {
  const bar = key.indexOf('|');
  return { local: DateTime.fromJSDate(new Date(Number(key.slice(0, bar))), { zone: zoneOf(key.slice(bar + 1)) }) };
}, 16);
let lastNow: { at: number; timeZone: string; known: LocalNow } | undefined;

function localNow(now: Date, timeZone: string): LocalNow {
  const at = now.getTime();
  if (lastNow?.at !== at || lastNow.timeZone !== timeZone)
    lastNow = { at, timeZone, known: nowIn(`${at}|${timeZone}`) };
  return lastNow.known;
}

export function zonedNow(now: Date, timeZone: string): DateTime {
  return localNow(now, timeZone).local;
}

/** The start of the director's today, in their zone. */
export function zonedToday(now: Date, timeZone: string): DateTime {
  const known = localNow(now, timeZone);
  known.day ??= known.local.startOf('day');
  return known.day;
}

export function todayIn(now: Date, timeZone: string): LocalDate {
  const known = localNow(now, timeZone);
  known.date ??= known.local.toISODate()!;
  return known.date;
}

// The days a message names are read back into DateTimes by its periods, each as often as they are asked.
const dayIn = remembered((key: string) => {
  const bar = key.lastIndexOf('|');
  return DateTime.fromISO(key.slice(bar + 1), { zone: zoneOf(key.slice(0, bar)) });
}, 1_000);

/** The start of a local date in the zone. */
export function localDay(date: LocalDate, timeZone: string): DateTime {
  return dayIn(`${timeZone}|${date}`);
}
