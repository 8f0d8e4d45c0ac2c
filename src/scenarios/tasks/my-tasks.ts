import type { TaskItem, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { parseItems, taskSchema } from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { byDeadline, openTaskFilter, taskSelect, toTaskItem } from './open-tasks.ts';

export function openTasksCommand(responsibleId: number): Read {
  return {
    method: 'tasks.task.list',
    params: {
      order: { DEADLINE: 'ASC' },
      filter: { ...openTaskFilter, RESPONSIBLE_ID: responsibleId },
      select: taskSelect,
    },
    all: true,
  };
}

/** The director's open tasks, overdue ones first. */
export function sortForDirector(tasks: TaskItem[]): TaskItem[] {
  return [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || byDeadline(a, b));
}

export async function myTasks(context: ScenarioContext): Promise<ViewModel> {
  const { director, now, at } = context;
  const reads = await readTogether(context, { tasks: openTasksCommand(director.portalUserId) });
  const tasks = sortForDirector(
    parseItems(taskSchema, reads.tasks.items).map((task) => toTaskItem(task, now, director.timeZone)),
  );
  return {
    view: 'tasks',
    at,
    tasks: { items: tasks, total: tasks.length },
    overdue: tasks.filter((task) => task.overdue).length,
  };
}
