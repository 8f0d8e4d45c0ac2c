import type { ScenarioContext } from './context.ts';
import { dayWindow } from './day-window.ts';
import { calendarCommand, clashesOf, eventsIn } from './events.ts';
import { byDeadline, openTaskFilter, taskSelect, toTaskItem } from './open-tasks.ts';
import { eventSchema, parseItems, taskSchema } from './portal-data.ts';
import type { Read } from './reads.ts';
import { readTogether } from './reads.ts';
import type { LocalDate } from './requests.ts';
import type { ViewModel } from './view-models.ts';

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

/** Calendar events of the day and tasks due that day; overlapping meetings named in pairs. */
export async function scheduleForDay(context: ScenarioContext, date: LocalDate): Promise<ViewModel> {
  const { director, now, at } = context;
  const window = dayWindow(date, director.timeZone);
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
  return { view: 'schedule', at, date, events, tasks, clashes: clashesOf(events) };
}
