// «у кого нет ни одной закрытой задачи за неделю», «кто без задач»: the employees in scope (the team unless someone
// is named) who have none of the tasks asked about, from one read of those tasks' responsibles.
import type { Params } from '../../portal/port.ts';
import { periodWindow, type Query } from '../../vocabulary/query.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { parseItems, taskSchema } from '../portal-data.ts';
import { readTogether } from '../reads.ts';
import { openTaskFilter } from '../tasks/open-tasks.ts';
import { between } from './query-filters.ts';
import { resolvePerson, saidAs } from './query-who.ts';

export async function withNone(context: ScenarioContext, asked: Query): Promise<ViewModel> {
  const { at, director, names } = context;
  const query: Query = { ...asked, subject: 'tasks', person: asked.person ?? 'team' };
  const who = await resolvePerson(context, query);
  if ('view' in who) return who.view;
  if (!who.ok) return { view: 'queryNotFound', at, query, about: 'person', name: saidAs(query.person!) };
  const ids = who.ok.ids.filter((id) => id !== director.portalUserId);
  const range = query.period ? periodWindow(query.period, director.timeZone) : undefined;
  const filter: Params = { RESPONSIBLE_ID: ids };
  if (query.status === 'done') Object.assign(filter, { REAL_STATUS: 5 }, between('CLOSED_DATE', range));
  else Object.assign(filter, openTaskFilter, between('DEADLINE', range));
  const reads = await readTogether(context, {
    tasks: {
      method: 'tasks.task.list',
      params: { filter, select: ['ID', 'RESPONSIBLE_ID'], order: { ID: 'ASC' } },
      all: true,
      byId: true,
    },
  });
  const busy = new Set(parseItems(taskSchema, reads.tasks.items).map((task) => task.responsibleId));
  const people = [...(await names.users(ids.filter((id) => !busy.has(id)))).values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'ru'),
  );
  return { view: 'withNone', at, query, filters: { person: who.ok.shown }, people, scope: ids.length };
}
