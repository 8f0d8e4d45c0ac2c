// When each digest runs: its local time on its days, in the director's own zone, as UTC instants.
import { DateTime, IANAZone } from 'luxon';
import type { DigestName, LocalDate } from '../vocabulary/requests.ts';

export { DIGEST_NAMES } from '../vocabulary/requests.ts';

export const DEFAULT_TIMES: Readonly<Record<DigestName, string>> = {
  dayPlan: '08:30',
  morningBriefing: '09:00',
  overdueAlert: '10:00',
  newLeads: '12:00',
  eveningSummary: '18:00',
  weeklyReport: '17:00',
};

const FRIDAY = 5;

/** Workdays Monday to Friday; the weekly report on Friday only. `weekday` is ISO: 1 = Monday … 7 = Sunday. */
function runsOn(digest: DigestName, weekday: number): boolean {
  return digest === 'weeklyReport' ? weekday === FRIDAY : weekday <= FRIDAY;
}

/** `8:15`, `08.15` or `08:15` → `08:15`; anything that is not a time of day → undefined. */
export function normalizeTime(text: string): string | undefined {
  const match = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$/.exec(text);
  if (!match) return undefined;
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

// The portal's own default zone is not known here; a zone the clock library cannot read falls back to Moscow.
const FALLBACK_ZONE = 'Europe/Moscow';
const zoneOrFallback = (zone: string) => (IANAZone.isValidZone(zone) ? zone : FALLBACK_ZONE);

export interface Slot {
  /** The UTC instant the digest is due. */
  at: Date;
  /** The director's local date of that slot: the key that makes a slot unique. */
  localDate: LocalDate;
}

function slotOn(digest: DigestName, localTime: string, day: DateTime): Slot | undefined {
  if (!runsOn(digest, day.weekday)) return undefined;
  const [hour, minute] = localTime.split(':').map(Number);
  // In a spring-forward gap luxon moves the time forward, so a slot is never lost to DST.
  const at = day.set({ hour, minute, second: 0, millisecond: 0 });
  return { at: at.toJSDate(), localDate: day.toISODate()! };
}

/** The first slot strictly after `after`. */
export function nextSlot(digest: DigestName, localTime: string, timeZone: string, after: Date): Slot {
  const start = DateTime.fromJSDate(after, { zone: zoneOrFallback(timeZone) }).startOf('day');
  for (let days = 0; ; days++) {
    const slot = slotOn(digest, localTime, start.plus({ days }));
    if (slot && slot.at > after) return slot;
  }
}

/** The last slot at or before `atOrBefore`. */
export function latestSlot(digest: DigestName, localTime: string, timeZone: string, atOrBefore: Date): Slot {
  const start = DateTime.fromJSDate(atOrBefore, { zone: zoneOrFallback(timeZone) }).startOf('day');
  for (let days = 0; ; days++) {
    const slot = slotOn(digest, localTime, start.minus({ days }));
    if (slot && slot.at <= atOrBefore) return slot;
  }
}

/** The next local midnight after `at`: a missed slot is never caught up on another day. */
export function endOfLocalDay(at: Date, timeZone: string): Date {
  return DateTime.fromJSDate(at, { zone: zoneOrFallback(timeZone) })
    .startOf('day')
    .plus({ days: 1 })
    .toJSDate();
}
