// A plan's period (a month, a quarter or a year) and the share of its working days gone, in the director's zone.
// Definition: share of time = working days gone ÷ working days in the period; today counts as gone after 18:00.
// Working days are Monday to Friday: the portal keeps no holiday calendar that the assistant could read.
import { DateTime } from 'luxon';
import type { PeriodKind, PlanPeriod, TimeShare } from '../../vocabulary/plan-view-model.ts';

/** When the working day is over: from then on today counts as gone. */
export const DAY_END_HOUR = 18;

/** The period of a kind that holds a local moment. */
export function periodAt(kind: PeriodKind, local: DateTime): PlanPeriod {
  return { kind, start: local.startOf(kind).toISODate() ?? '' };
}

/** The period `steps` after (or before, when negative) this one. */
export function shiftPeriod(period: PlanPeriod, steps: number): PlanPeriod {
  const start = DateTime.fromISO(period.start).plus({ [`${period.kind}s`]: steps });
  return { kind: period.kind, start: start.toISODate() ?? period.start };
}

/** [first day 00:00, the next period's first day 00:00) in the zone. */
export function periodRange(period: PlanPeriod, timeZone: string): { start: DateTime; end: DateTime } {
  const start = DateTime.fromISO(period.start, { zone: timeZone }).startOf(period.kind);
  return { start, end: start.plus({ [`${period.kind}s`]: 1 }) };
}

const isWorkingDay = (day: DateTime): boolean => day.weekday <= 5;

/** Working days in [from, to), whole local days. */
export function workingDaysBetween(from: DateTime, to: DateTime): number {
  const first = from.startOf('day');
  const days = Math.max(0, Math.round(to.startOf('day').diff(first, 'days').days));
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = first.plus({ weeks }); day < to.startOf('day'); day = day.plus({ days: 1 })) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}

/** The period's working days gone and left at `now`, in the director's zone. */
export function timeShare(period: PlanPeriod, now: Date, timeZone: string): TimeShare {
  const { start, end } = periodRange(period, timeZone);
  const total = workingDaysBetween(start, end);
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = local.startOf('day');
  let gone: number;
  if (today >= end) gone = total;
  else if (today < start) gone = 0;
  else {
    gone = workingDaysBetween(start, today);
    if (isWorkingDay(today) && local.hour >= DAY_END_HOUR) gone += 1;
  }
  return { total, gone, left: total - gone };
}
