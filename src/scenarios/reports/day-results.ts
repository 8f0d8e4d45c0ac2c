import { DateTime } from 'luxon';
import type { LocalDate } from '../../vocabulary/requests.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { eventSchema, parseItems } from '../portal-data.ts';
import { readTogether } from '../reads.ts';
import { dayWindow } from '../schedule/day-window.ts';
import { calendarCommand, eventsIn } from '../schedule/events.ts';
import { closedWorkFrom, closedWorkReads } from './closed-work.ts';

/** A day's results: tasks closed, meetings held (ended by now), deals moved. */
export async function dayResults(
  context: ScenarioContext,
  date: LocalDate = context.at.today,
  digest?: 'eveningSummary',
): Promise<ViewModel> {
  const { director, now, at } = context;
  const window = dayWindow(date, director.timeZone);
  const reads = await readTogether(context, {
    ...closedWorkReads(director.portalUserId, window),
    events: calendarCommand(director.portalUserId, window),
  });
  const work = await closedWorkFrom(context, reads);
  const meetingsHeld = eventsIn(
    parseItems(eventSchema, reads.events.items),
    window,
    director.timeZone,
    director.portalUserId,
  ).filter((event) => !event.allDay && DateTime.fromISO(event.to).toMillis() <= now.getTime());
  return {
    view: 'dayResults',
    at,
    date,
    ...(digest ? { digest } : {}),
    closedTasks: { items: work.closedTasks, total: work.closedTasks.length },
    meetingsHeld,
    moves: { items: work.moves, total: work.moves.length },
  };
}
