// Tasks for a typed question: whose, a client's, due or closed in the period, open, overdue or new.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import { parseItems, taskSchema } from '../portal-data.ts';
import { readTogether } from '../reads.ts';
import { isoOf } from '../schedule/day-window.ts';
import { byDeadline, openTaskFilter, taskSelect, toTaskItem } from '../tasks/open-tasks.ts';
import { type Answer, countRows, part, type Run, ranked, titledAbout, window } from './query-answer.ts';
import { between, people } from './query-filters.ts';

export async function tasks(run: Run): Promise<Answer> {
  const { context, query, who } = run;
  const range = window(run);
  const status = query.status;
  const filter: Params = { ...people('RESPONSIBLE_ID', who) };
  // A client's tasks are the ones bound to its card in the portal (CO_12 a company, C_5 a contact).
  if (run.clients.length)
    filter.UF_CRM_TASK = run.clients.map((client) => `${client.field === 'COMPANY_ID' ? 'CO' : 'C'}_${client.id}`);
  if (status === 'done') Object.assign(filter, { REAL_STATUS: 5 }, between('CLOSED_DATE', range));
  else {
    // «задачи на завтра»: every task due then; otherwise the open ones.
    if (status !== undefined || !range) Object.assign(filter, openTaskFilter);
    if (status === 'new') filter.REAL_STATUS = 1;
    Object.assign(filter, between('DEADLINE', range));
    // «просроченные больше недели»: due before today a week ago.
    const late = isoOf(DateTime.fromJSDate(context.now).minus({ days: query.idleDays ?? 0 }));
    if (status === 'overdue') filter['<DEADLINE'] = range && isoOf(range.end) < late ? isoOf(range.end) : late;
  }
  const reads = await readTogether(context, {
    tasks: {
      method: 'tasks.task.list',
      params: { filter, select: taskSelect, order: { DEADLINE: 'ASC', ID: 'ASC' } },
      all: true,
      byId: true,
    },
  });
  const raw = parseItems(taskSchema, reads.tasks.items).filter(titledAbout(query, (task) => task.title));
  const names = await context.names.users(raw.map((task) => task.responsibleId ?? 0).filter((id) => id > 0));
  const listed = raw.map((task) => toTaskItem(task, context.now, context.director.timeZone, names)).sort(byDeadline);
  if (status === 'done') listed.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  // «самые старые задачи»: by when each was created.
  const created = new Map(raw.map((task) => [task.id, task.createdDate]));
  const items = ranked(listed, query, { id: (task) => task.id, created: (task) => created.get(task.id) });
  if (query.groupBy) {
    const rows = countRows(items, query.groupBy, context.director.timeZone, (task) => ({
      person: task.responsible,
      date: status === 'done' ? task.closedAt : task.deadline,
    }));
    return { result: { kind: 'groups', rows }, total: items.length };
  }
  const overdue = items.filter((task) => task.overdue).length;
  return { result: { kind: 'tasks', items: part(items, run), overdue }, total: items.length };
}
