// What every step of the demo company's generation shares: one random sequence, the clock in the director's
// zone and the id counters. The steps draw from the sequence in a fixed order, so the same `now` gives the
// same company every time: a step must not draw more, less or earlier than it does.
import { DateTime } from 'luxon';
import { nextId } from '../company.ts';
import { isoIn } from '../dates.ts';
import type { Row } from '../filters.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Seed {
  zone: string;
  now: number;
  /** `now` in the director's zone. */
  local: DateTime;
  todayStart: number;
  tomorrowStart: number;
  weekStart: number;
  rnd: () => number;
  pick: <T>(list: readonly T[]) => T;
  between: (from: number, to: number) => number;
  /** A wall-clock time `days` from today in the director's zone, or in `where`. */
  at: (days: number, hour: number, minute?: number, where?: string) => number;
  iso: (ms: number) => string;
  /** The next id of a kind, shared with the portal's writes. */
  newId: (kind: string) => number;
  lastIds: Record<string, number>;
}

/** The company's sequence (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function createSeed(
  options: { now: Date; timeZone: string },
  rnd: () => number,
  lastIds: Record<string, number>,
): Seed {
  const zone = options.timeZone;
  const now = options.now.getTime();
  const local = DateTime.fromMillis(now, { zone });
  return {
    zone,
    now,
    local,
    todayStart: local.startOf('day').toMillis(),
    tomorrowStart: local.startOf('day').plus({ days: 1 }).toMillis(),
    weekStart: local.startOf('week').toMillis(),
    rnd,
    pick: (list) => list[Math.floor(rnd() * list.length)]!,
    between: (from, to) => Math.floor(from + rnd() * Math.max(0, to - from)),
    at: (days, hour, minute = 0, where = zone) =>
      DateTime.fromMillis(now, { zone }).setZone(where).startOf('day').plus({ days }).set({ hour, minute }).toMillis(),
    iso: (ms) => isoIn(ms, zone),
    newId: (kind) => nextId({ lastIds }, kind),
    lastIds,
  };
}

/** A phone or e-mail of a contact, company or lead, as the portal's multifields are. */
export const workField = (seed: Seed, type: 'PHONE' | 'EMAIL', value: string): Row => ({
  ID: String(seed.newId('multifield')),
  VALUE_TYPE: 'WORK',
  VALUE: value,
  TYPE_ID: type,
});
