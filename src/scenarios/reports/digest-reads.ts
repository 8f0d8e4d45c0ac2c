// The digests that are sent only when there is something to say: null means "send nothing at all".

import type { ViewModel } from '../../vocabulary/view-models.ts';
import { newLeadsRead, toLeadItems } from '../clients/leads.ts';
import type { ScenarioContext } from '../context.ts';
import { openDealReads, openDealsFrom } from '../deals/deal-list.ts';
import { leadSchema, parseItems, taskSchema } from '../portal-data.ts';
import { readTogether } from '../reads.ts';
import { lastHours } from '../schedule/day-window.ts';
import { sortForDirector } from '../tasks/my-tasks.ts';
import { overdueTaskFilter, taskSelect, toTaskItem } from '../tasks/open-tasks.ts';

/** Overdue tasks and stuck deals; null when there are neither. */
export async function overdueAlert(context: ScenarioContext): Promise<ViewModel | null> {
  const { director, now, at } = context;
  const reads = await readTogether(context, {
    overdue: {
      method: 'tasks.task.list',
      params: { order: { DEADLINE: 'ASC' }, filter: overdueTaskFilter(director.portalUserId, now), select: taskSelect },
      all: true,
    },
    ...openDealReads(now),
  });
  const overdue = sortForDirector(
    parseItems(taskSchema, reads.overdue.items)
      .map((task) => toTaskItem(task, now, director.timeZone))
      .filter((task) => task.overdue),
  );
  const { stuck } = await openDealsFrom(context, reads);
  if (overdue.length === 0 && stuck.length === 0) return null;
  return {
    view: 'overdueAlert',
    at,
    overdue: { items: overdue, total: overdue.length },
    stuck: { items: stuck, total: stuck.length },
  };
}

/** Leads of the last 24 hours; null when there are none. */
export async function newLeads(context: ScenarioContext): Promise<ViewModel | null> {
  const window = lastHours(context.now, context.director.timeZone, 24);
  const reads = await readTogether(context, { leads: newLeadsRead(window) });
  const leads = await toLeadItems(context, parseItems(leadSchema, reads.leads.items));
  if (leads.length === 0) return null;
  return { view: 'newLeads', at: context.at, leads: { items: leads, total: leads.length } };
}
