// Moving a meeting to another day without a time: it keeps its own time when everyone is free then; when
// someone is busy, the free times of that day (from the attendees' calendars) are offered as buttons.
import { DateTime, Interval } from 'luxon';
import type { Director } from '../../../vocabulary/director.ts';
import type { WriteDraft } from '../../../vocabulary/drafts.ts';
import type { WriteRequest } from '../../../vocabulary/writes.ts';
import { eventSchema, parseItems } from '../../portal-data.ts';
import { isoOf } from '../../schedule/day-window.ts';
import { timeOfEvent } from '../../schedule/events.ts';
import { meetingLabel, meetingsOf, movedMeeting } from './existing.ts';
import type { FoundMeeting } from './finders.ts';
import { type LookupContext, label, MAX_OPTIONS, outcome, type WriteLookup } from './types.ts';

type MoveDraft = Extract<WriteDraft, { type: 'moveMeeting' }>;
type Move = Extract<WriteRequest, { type: 'moveMeeting' }>;

// The working day free times are offered in, and their step.
const DAY_STARTS = 9;
const DAY_ENDS = 19;
const STEP_MINUTES = 30;

export async function meetingToMove(
  context: LookupContext,
  director: Director,
  draft: MoveDraft,
): Promise<WriteLookup> {
  const meetings = await meetingsOf(context, director, draft);
  const [only] = meetings;
  // Only a new day was said: the meeting's own time, if the attendees are free then.
  if (only && meetings.length === 1 && draft.toDate && !draft.toTime && !draft.from)
    return keptTimeOrFreeSlots(context, director, only, movedMeeting(director, draft, only));
  return outcome(
    'meeting',
    draft.meetingQuery,
    meetings.map((meeting) => ({
      label: meetingLabel(context, director, meeting.from, meeting.event.title),
      write: movedMeeting(director, draft, meeting),
    })),
  );
}

async function keptTimeOrFreeSlots(
  context: LookupContext,
  director: Director,
  meeting: FoundMeeting,
  move: Move,
): Promise<WriteLookup> {
  const from = DateTime.fromISO(move.from, { zone: director.timeZone });
  const length = meeting.to.diff(meeting.from);
  const busy = await busyTimes(context, director, meeting.event.id, from.startOf('day'));
  const clash = (start: DateTime) => busy.find(({ time }) => time.overlaps(Interval.after(start, length)));
  const fits = (start: DateTime) => !clash(start);
  const busyNow = clash(from);
  if (!busyNow) return { kind: 'ready', write: move };
  const earliest = DateTime.fromJSDate(context.now(), { zone: director.timeZone });
  const slots: DateTime[] = [];
  for (
    let start = from.set({ hour: DAY_STARTS, minute: 0, second: 0, millisecond: 0 });
    start.plus(length) <= from.set({ hour: DAY_ENDS, minute: 0, second: 0, millisecond: 0 });
    start = start.plus({ minutes: STEP_MINUTES })
  )
    if (start > earliest && fits(start)) slots.push(start);
  // No free time that day: the move is asked as said; the question shows the time, the director decides.
  if (slots.length === 0) return { kind: 'ready', write: move };
  const options = spread(slots, MAX_OPTIONS).map((start) => ({
    label: label(start.toFormat('HH:mm')),
    write: { ...move, from: isoOf(start), to: isoOf(start.plus(length)) },
  }));
  const asked = outcome('time', meeting.event.title, options);
  if (asked.kind !== 'choose') return asked;
  // Who is busy then, so the question can say so (the director: «у вас»).
  const name =
    busyNow.userId === director.portalUserId
      ? undefined
      : (await context.names.users([busyNow.userId])).get(busyNow.userId)?.name;
  return { ...asked, busy: { ...(name ? { name } : {}), title: busyNow.title } };
}

/** At most `count` of the times, spread over the day rather than the first few in a row. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

/** When the meeting's attendees (the director included) are busy that day, apart from the meeting itself. */
async function busyTimes(
  context: LookupContext,
  director: Director,
  eventId: number,
  day: DateTime,
): Promise<{ time: Interval; userId: number; title: string }[]> {
  const { portal } = context;
  const { result: event } = await portal.call('calendar.event.getbyid', { id: eventId });
  const attendees = eventSchema.safeParse(event).data?.ATTENDEE_LIST ?? [];
  const users = [...new Set([director.portalUserId, ...attendees.filter((a) => a.status !== 'N').map((a) => a.id)])];
  const { result } = await portal.call<Record<string, unknown>>('calendar.accessibility.get', {
    users,
    from: day.toISODate(),
    to: day.plus({ days: 1 }).toISODate(),
  });
  return Object.entries(result ?? {}).flatMap(([userId, rows]) =>
    parseItems(eventSchema, rows)
      .filter((busy) => busy.ID !== eventId)
      .flatMap((busy) => {
        const time = timeOfEvent(busy, director.timeZone);
        const at = time && Interval.fromDateTimes(time.start, time.end);
        return at ? [{ time: at, userId: Number(userId), title: busy.NAME }] : [];
      }),
  );
}
