import type { LocalDate } from '../../vocabulary/requests.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { eventSchema, parseItems, taskSchema } from '../portal-data.ts';
import type { Read } from '../reads.ts';
import { readTogether } from '../reads.ts';
import { byDeadline, openTaskFilter, taskSelect, toTaskItem } from '../tasks/open-tasks.ts';
import { dayWindow, localDateAt, shiftDay, type Window } from './day-window.ts';
import { calendarCommand, clashesOf, eventsIn } from './events.ts';

/** Open tasks of a person with a deadline within the director's local day. */
function tasksDueCommand(responsibleId: number, window: { from: string; to: string }): Read {
  return {
    method: 'tasks.task.list',
    params: {
      order: { DEADLINE: 'ASC' },
      filter: { ...openTaskFilter, RESPONSIBLE_ID: responsibleId, '>=DEADLINE': window.from, '<DEADLINE': window.to },
      select: taskSelect,
    },
    all: true,
  };
}

/** The longest schedule shown at once: a month of days (a longer one would not read on a phone). */
const MOST_DAYS = 31;

/** The days from `from` to `to`, both included, as one window [from 00:00, day after `to` 00:00). */
function daysWindow(from: LocalDate, to: LocalDate, timeZone: string): Window {
  const last = to > from ? (to < shiftDay(from, MOST_DAYS - 1) ? to : shiftDay(from, MOST_DAYS - 1)) : from;
  const start = dayWindow(from, timeZone);
  const end = dayWindow(last, timeZone);
  return { start: start.start, end: end.end, from: start.from, to: end.to };
}

/**
 * Calendar events and tasks due on a day (or on each day from `date` to `to`); overlapping meetings named in
 * pairs.
 */
export async function scheduleFor(context: ScenarioContext, date: LocalDate, to?: LocalDate): Promise<ViewModel> {
  const { director, now, at } = context;
  const window = daysWindow(date, to ?? date, director.timeZone);
  const last = localDateAt(new Date(window.end.minus({ days: 1 }).toMillis()), director.timeZone);
  const reads = await readTogether(context, {
    events: calendarCommand(director.portalUserId, window),
    tasks: tasksDueCommand(director.portalUserId, window),
  });
  const events = eventsIn(
    parseItems(eventSchema, reads.events.items),
    window,
    director.timeZone,
    director.portalUserId,
  );
  const tasks = parseItems(taskSchema, reads.tasks.items)
    .map((task) => toTaskItem(task, now, director.timeZone))
    .sort(byDeadline);
  return {
    view: 'schedule',
    at,
    date,
    ...(last > date ? { to: last } : {}),
    events,
    tasks,
    clashes: clashesOf(events),
  };
}
