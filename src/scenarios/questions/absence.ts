// Who is away: the absence chart has no method of its own, but its entries stand in each employee's calendar marked
// «absent» (calendar.accessibility.get, every employee at once); «кто сегодня не работает» adds the ones who have
// not opened their work day (timeman.status). One batch. The reason is read from the entry's name.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { LocalDate } from '../../vocabulary/requests.ts';
import type { AbsenceReason, Person, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { personName } from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { workDayOf } from '../reports/team-status.ts';
import { dayWindow } from '../schedule/day-window.ts';
import { staffNamed } from './absence-who.ts';

/** What was asked: one kind of absence, anyone away, or also whoever has not started the day. */
export type AbsenceAsked = AbsenceReason | 'away' | 'notWorking';

const REASONS: [RegExp, AbsenceReason][] = [
  [/отпуск|vacation|holiday/iu, 'vacation'],
  [/больнич|болезн|болеет|sick|illness/iu, 'sick'],
  [/командиров|trip/iu, 'trip'],
];

const reasonOf = (name: string): AbsenceReason => REASONS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';

const entrySchema = z
  .object({
    NAME: z.string().catch(''),
    ACCESSIBILITY: z.string().catch(''),
    DATE_FROM: z.string().catch(''),
    DATE_TO: z.string().catch(''),
    DT_SKIP_TIME: z.string().catch('N'),
    DATE_FROM_TS_UTC: z.coerce.number().catch(0),
    DATE_TO_TS_UTC: z.coerce.number().catch(0),
  })
  .loose();

/** An entry's first and last local day: a whole-day entry by its own dates, another by its moments in the zone. */
function daysOf(entry: z.output<typeof entrySchema>, zone: string): { first: LocalDate; last: LocalDate } {
  if (entry.DT_SKIP_TIME === 'Y') {
    const day = (text: string) => DateTime.fromFormat(text.slice(0, 10), 'dd.MM.yyyy').toISODate() ?? '';
    return { first: day(entry.DATE_FROM), last: day(entry.DATE_TO) };
  }
  const local = (seconds: number) => DateTime.fromSeconds(seconds, { zone }).toISODate() ?? '';
  return { first: local(entry.DATE_FROM_TS_UTC), last: local(entry.DATE_TO_TS_UTC - 1) };
}

/** One person's absences among their busy times (the absence chart's entries), each with its reason and days. */
export function absencesIn(
  rows: unknown,
  zone: string,
): { name: string; reason: AbsenceReason; first: LocalDate; last: LocalDate }[] {
  return z
    .array(entrySchema)
    .catch([])
    .parse(rows)
    .filter((candidate) => candidate.ACCESSIBILITY === 'absent')
    .map((candidate) => ({ name: candidate.NAME, reason: reasonOf(candidate.NAME), ...daysOf(candidate, zone) }));
}

export async function absence(
  context: ScenarioContext,
  request: { date: LocalDate; to?: LocalDate; reason?: string; who?: string },
): Promise<ViewModel> {
  const { names, director, at } = context;
  const from = request.date;
  const to = request.to && request.to > from ? request.to : from;
  const asked = (['vacation', 'sick', 'trip', 'away', 'notWorking'] as const).find((one) => one === request.reason);
  let staff = (await names.profiles()).filter((profile) => profile.ID !== director.portalUserId);
  const whose = request.who ? await staffNamed(context, request.who, staff) : undefined;
  if (whose && 'view' in whose) return whose.view;
  if (whose) staff = whose.staff;
  const reads: Record<string, Read> = {
    absent: { method: 'calendar.accessibility.get', params: { users: staff.map((one) => one.ID), from, to } },
  };
  // Whether the day was opened is known for today only.
  const today = asked === 'notWorking' && from === at.today && to === at.today;
  if (today)
    for (const one of staff)
      reads[`day${one.ID}`] = { method: 'timeman.status', params: { USER_ID: one.ID }, optional: true };
  const results = await readTogether(context, reads);
  const byUser = (results.absent?.result ?? {}) as Record<string, unknown>;
  const person = (id: number): Person => {
    const profile = staff.find((one) => one.ID === id)!;
    return { id, name: personName(profile), position: profile.WORK_POSITION ?? '' };
  };
  const away = staff.flatMap((one) => {
    const entry = absencesIn(byUser[String(one.ID)], director.timeZone).find(
      (candidate) => candidate.first <= to && candidate.last >= from,
    );
    if (!entry) return [];
    const { reason } = entry;
    if (asked && asked !== 'away' && asked !== 'notWorking' && asked !== reason) return [];
    return [{ person: person(one.ID), reason, title: entry.name, first: entry.first, last: entry.last }];
  });
  const absentIds = new Set(away.map((one) => one.person.id));
  const day = dayWindow(at.today, director.timeZone);
  const notStarted = today
    ? staff
        .filter((one) => !absentIds.has(one.ID))
        .filter((one) => workDayOf(results[`day${one.ID}`]?.result, day) === 'notStarted')
        .map((one) => person(one.ID))
    : undefined;
  const scope = whose ? { scope: whose.scope } : {};
  return {
    view: 'absence',
    at,
    from,
    to,
    asked: asked ?? 'away',
    away,
    ...scope,
    ...(notStarted ? { notStarted } : {}),
  };
}
