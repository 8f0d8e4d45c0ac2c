// Definition: an open task has a status below 5 (new, pending, in progress, awaiting approval); completed
// (5), deferred (6) and declined (7) are not open. Overdue: open, and its deadline is before now.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import type { Person, TaskItem } from '../../vocabulary/view-models.ts';
import type { PortalTask } from '../portal-data.ts';
import { instantOf, isoOf, toDirectorTime } from '../schedule/day-window.ts';

export const completedStatus = 5;

/** Filters on the true status: `STATUS` alone would also report "overdue" as a status of its own. */
export const openTaskFilter: Params = { '<REAL_STATUS': completedStatus };

export const taskSelect = ['ID', 'TITLE', 'DEADLINE', 'STATUS', 'RESPONSIBLE_ID', 'CLOSED_DATE', 'CREATED_DATE'];

const isOpenTask = (task: Pick<PortalTask, 'status'>): boolean => task.status > 0 && task.status < 5;

export function isOverdueTask(task: Pick<PortalTask, 'status' | 'deadline'>, now: Date): boolean {
  // An absent or senseless deadline is NaN, which is before nothing.
  return isOpenTask(task) && instantOf(task.deadline) < now.getTime();
}

/** The portal filter for overdue tasks of one person. */
export function overdueTaskFilter(responsibleId: number, now: Date): Params {
  return { ...openTaskFilter, RESPONSIBLE_ID: responsibleId, '<DEADLINE': isoOf(DateTime.fromJSDate(now)) };
}

export function toTaskItem(task: PortalTask, now: Date, timeZone: string, people?: Map<number, Person>): TaskItem {
  const item: TaskItem = { id: task.id, title: task.title, overdue: isOverdueTask(task, now) };
  const deadline = toDirectorTime(task.deadline, timeZone);
  if (deadline) item.deadline = deadline;
  const closedAt = toDirectorTime(task.closedDate, timeZone);
  if (closedAt && !isOpenTask(task)) item.closedAt = closedAt;
  const responsible = task.responsibleId === undefined ? undefined : people?.get(task.responsibleId);
  if (responsible) item.responsible = responsible;
  return item;
}

/** Earliest deadline first; tasks without a deadline last. */
export function byDeadline(a: TaskItem, b: TaskItem): number {
  if (a.deadline && b.deadline) return a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id - b.id;
  if (a.deadline) return -1;
  if (b.deadline) return 1;
  return a.id - b.id;
}
