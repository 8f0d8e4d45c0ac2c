// The portal's ways of writing time: ISO with its offset for CRM and tasks, a display format for the calendar.
import { DateTime } from 'luxon';

// Zone offsets change rarely: caching them by day (by hour on a day with a change) keeps 10,000 records cheap.
const offsets = new Map<string, number>();
const DAY_MS = 86_400_000;

function cached(key: string, compute: () => number): number {
  let value = offsets.get(key);
  if (value === undefined) {
    value = compute();
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, value);
  }
  return value;
}

function offsetMinutes(ms: number, zone: string): number {
  const day = Math.floor(ms / DAY_MS);
  const steady = cached(`${zone}|d${day}`, () => {
    const first = DateTime.fromMillis(day * DAY_MS, { zone }).offset;
    return first === DateTime.fromMillis(day * DAY_MS + DAY_MS - 1, { zone }).offset ? first : Number.NaN;
  });
  if (!Number.isNaN(steady)) return steady;
  return cached(`${zone}|h${Math.floor(ms / 3_600_000)}`, () => DateTime.fromMillis(ms, { zone }).offset);
}

const pad = (n: number) => String(n).padStart(2, '0');

// Every answer's time block writes the current second twice: the last one written is kept.
let lastWritten = { second: Number.NaN, zone: '', text: '' };

/** `2026-11-24T18:00:00+03:00`: how CRM and tasks write a moment, in the portal's zone. */
export function isoIn(moment: number | Date | DateTime, zone: string): string {
  const ms = typeof moment === 'number' ? moment : moment.valueOf();
  const second = Math.floor(ms / 1000);
  if (second === lastWritten.second && zone === lastWritten.zone) return lastWritten.text;
  const offset = offsetMinutes(ms, zone);
  const local = new Date(second * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const text = `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  lastWritten = { second, zone, text };
  return text;
}

/** `24.11.2026 09:00:00`: the calendar's display format on a Russian portal. */
export function calendarText(ms: number, zone: string, withTime = true): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(withTime ? 'dd.MM.yyyy HH:mm:ss' : 'dd.MM.yyyy');
}

/** The calendar's `DATE_FROM_FORMATTED` form, the wall time written the JavaScript way: `Wed Dec 11 2024 17:59:00`. */
export function formattedText(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).setLocale('en-US').toFormat('ccc LLL dd yyyy HH:mm:ss');
}

const isoLike = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** True for a field value that the portal stores as a date-time. */
export function looksLikeDateTime(value: unknown): value is string {
  return typeof value === 'string' && isoLike.test(value);
}

const moments = new Map<string, number | null>();
const instants = new Map<string, number>();
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

/**
 * A filter or argument value read as epoch milliseconds. With an offset it is that instant; without one (a plain
 * date, a local date-time, the Russian `dd.mm.yyyy` form) it is local time in the portal's zone, so a bare date is
 * 00:00 of that day.
 */
export function momentOf(value: unknown, zone: string): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value * 1000;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  // Records keep their date-time strings, so each is parsed once however many filters read it.
  const instant = instants.get(value);
  if (instant !== undefined) return instant;
  if (withOffset.test(value)) {
    if (instants.size > 200_000) instants.clear();
    const parsed = Date.parse(value);
    instants.set(value, parsed);
    return parsed;
  }
  const key = `${zone}|${value}`;
  const known = moments.get(key);
  if (known !== undefined) return known ?? undefined;
  const text = value.trim();
  const parsed = [
    () => DateTime.fromISO(text, { zone, setZone: true }),
    () => DateTime.fromSQL(text, { zone }),
    () => DateTime.fromFormat(text, 'dd.MM.yyyy HH:mm:ss', { zone }),
    () => DateTime.fromFormat(text, 'dd.MM.yyyy HH:mm', { zone }),
    () => DateTime.fromFormat(text, 'dd.MM.yyyy', { zone }),
  ]
    .map((attempt) => attempt())
    .find((candidate) => candidate.isValid);
  const ms = parsed ? parsed.toMillis() : null;
  if (moments.size > 10_000) moments.clear();
  moments.set(key, ms);
  return ms ?? undefined;
}

/** Midnight of the local day that holds `ms`, without building a DateTime per record. */
export function startOfDayIn(ms: number, zone: string): number {
  const local = ms + offsetMinutes(ms, zone) * 60_000;
  const midnight = ms - (((local % 86_400_000) + 86_400_000) % 86_400_000);
  // Across a zone change the offset at midnight may differ from the one at `ms`.
  return midnight + (offsetMinutes(ms, zone) - offsetMinutes(midnight, zone)) * 60_000;
}
