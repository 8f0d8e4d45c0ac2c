// What the portal shows against a proposed write, said in one line under its question: the person a task goes
// to is away (the absence chart), or someone at a new or moved meeting (the director included) is busy then.
// Only reads; the director still decides.
import { DateTime, Interval } from 'luxon';
import type { PortalClient } from '../../portal/port.ts';
import type { Director } from '../../vocabulary/director.ts';
import type { LocalDate } from '../../vocabulary/requests.ts';
import type { AbsenceReason } from '../../vocabulary/view-models.ts';
import type { WriteRequest } from '../../vocabulary/writes.ts';
import type { NameDirectory } from '../names.ts';
import { eventSchema, parseItems } from '../portal-data.ts';
import { absencesIn } from '../questions/absence.ts';
import { timeOfEvent } from '../schedule/events.ts';

export type WriteNote =
  /** The person responsible is away on the deadline's day (or today, with no deadline), until `until`. */
  | { kind: 'away'; name: string; reason: AbsenceReason; until: LocalDate }
  /** Someone (`name`; none: the director) has `title` from `from` to `to` (local `HH:mm`) at the same time. */
  | { kind: 'busy'; name?: string; title: string; from: string; to: string };

export async function writeNotes(
  portal: PortalClient,
  names: NameDirectory,
  director: Director,
  write: WriteRequest,
  now: Date,
): Promise<WriteNote[]> {
  if (write.type === 'createTask' && write.responsibleId && write.responsibleId !== director.portalUserId)
    return responsibleAway(portal, names, director, write.responsibleId, write.deadline, now);
  if (write.type === 'createMeeting')
    return busyThen(portal, names, director, [director.portalUserId, ...(write.attendeeIds ?? [])], write);
  if (write.type === 'moveMeeting') {
    const { result } = await portal.call('calendar.event.getbyid', { id: write.eventId });
    const attendees = eventSchema.safeParse(result).data?.ATTENDEE_LIST ?? [];
    const people = attendees.filter((one) => one.status !== 'N').map((one) => one.id);
    return busyThen(portal, names, director, [director.portalUserId, ...people], write, write.eventId);
  }
  return [];
}

async function responsibleAway(
  portal: PortalClient,
  names: NameDirectory,
  director: Director,
  personId: number,
  deadline: string | undefined,
  now: Date,
): Promise<WriteNote[]> {
  const today = DateTime.fromJSDate(now, { zone: director.timeZone }).toISODate()!;
  const due = deadline ? DateTime.fromISO(deadline, { zone: director.timeZone }).toISODate()! : today;
  const { result } = await portal.call<Record<string, unknown>>('calendar.accessibility.get', {
    users: [personId],
    from: today,
    to: due,
  });
  const away = absencesIn(result?.[String(personId)], director.timeZone).find(
    (entry) => entry.first <= due && entry.last >= today,
  );
  const name = away && (await names.users([personId])).get(personId)?.name;
  return away && name ? [{ kind: 'away', name, reason: away.reason, until: away.last }] : [];
}

/** The first busy time of the people at the meeting that overlaps it (the meeting itself left out). */
async function busyThen(
  portal: PortalClient,
  names: NameDirectory,
  director: Director,
  people: number[],
  meeting: { from: string; to: string },
  meetingId?: number,
): Promise<WriteNote[]> {
  const zone = director.timeZone;
  const span = Interval.fromDateTimes(DateTime.fromISO(meeting.from, { zone }), DateTime.fromISO(meeting.to, { zone }));
  const users = [...new Set(people)];
  const day = span.start!.startOf('day');
  const { result } = await portal.call<Record<string, unknown>>('calendar.accessibility.get', {
    users,
    from: day.toISODate(),
    to: day.plus({ days: 1 }).toISODate(),
  });
  for (const user of users) {
    const clash = parseItems(eventSchema, result?.[String(user)])
      .filter((event) => event.ID !== meetingId && event.ACCESSIBILITY !== 'absent' && !event.DT_SKIP_TIME)
      .map((event) => ({ event, time: timeOfEvent(event, zone) }))
      .find(({ time }) => time && span.overlaps(Interval.fromDateTimes(time.start, time.end)));
    if (!clash?.time) continue;
    const name = user === director.portalUserId ? undefined : (await names.users([user])).get(user)?.name;
    const times = { from: clash.time.start.toFormat('HH:mm'), to: clash.time.end.toFormat('HH:mm') };
    return [{ kind: 'busy', ...(name ? { name } : {}), title: clash.event.NAME, ...times }];
  }
  return [];
}
