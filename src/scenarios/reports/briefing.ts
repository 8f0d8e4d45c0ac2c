import { DateTime } from 'luxon';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { newLeadsRead, toLeadItems } from '../clients/leads.ts';
import type { ScenarioContext } from '../context.ts';
import { openDealReads, openDealsFrom } from '../deals/deal-list.ts';
import { eventSchema, leadSchema, parseItems, taskSchema } from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { dayWindow, shiftDay } from '../schedule/day-window.ts';
import { calendarCommand, clashesOf, eventsIn } from '../schedule/events.ts';
import { openTasksCommand, sortForDirector } from '../tasks/my-tasks.ts';
import { isOverdueTask, toTaskItem } from '../tasks/open-tasks.ts';

/**
 * Today at a glance: meetings, tasks due today and overdue, and (except in the day plan) the active deals;
 * the morning digest adds yesterday's new leads.
 */
export async function briefing(
  context: ScenarioContext,
  kind: 'briefing' | 'dayPlan' | 'morningDigest' = 'briefing',
): Promise<ViewModel> {
  const { director, now, at } = context;
  const today = dayWindow(at.today, director.timeZone);
  const yesterday = dayWindow(shiftDay(at.today, -1), director.timeZone);
  const withDeals = kind !== 'dayPlan';
  const reads: Record<string, Read> = {
    events: calendarCommand(director.portalUserId, today),
    // All open tasks: those due today and the overdue ones are both cut from it.
    tasks: openTasksCommand(director.portalUserId),
    ...(withDeals ? openDealReads(now) : {}),
    ...(kind === 'morningDigest' ? { leads: newLeadsRead(yesterday) } : {}),
  };
  const results = await readTogether(context, reads);
  const events = eventsIn(
    parseItems(eventSchema, results.events?.items),
    today,
    director.timeZone,
    director.portalUserId,
  );
  const tasks = parseItems(taskSchema, results.tasks?.items);
  const dueToday = sortForDirector(
    tasks
      .filter((task) => {
        if (!task.deadline || isOverdueTask(task, now)) return false;
        const deadline = DateTime.fromISO(task.deadline, { setZone: true });
        return deadline >= today.start && deadline < today.end;
      })
      .map((task) => toTaskItem(task, now, director.timeZone)),
  );
  const overdue = sortForDirector(
    tasks.filter((task) => isOverdueTask(task, now)).map((task) => toTaskItem(task, now, director.timeZone)),
  );
  const view: ViewModel = {
    view: 'briefing',
    at,
    events,
    clashes: clashesOf(events),
    dueToday,
    overdue: { items: overdue, total: overdue.length },
  };
  if (kind !== 'briefing') view.digest = kind;
  if (withDeals && results.deals && results.stageHistory && results.dealActivities) {
    const open = await openDealsFrom(context, {
      deals: results.deals,
      stageHistory: results.stageHistory,
      dealActivities: results.dealActivities,
    });
    view.deals = { deals: { items: open.deals, total: open.deals.length }, sums: open.sums, stuck: open.stuck.length };
  }
  if (kind === 'morningDigest') {
    const leads = await toLeadItems(context, parseItems(leadSchema, results.leads?.items));
    view.newLeads = { items: leads, total: leads.length };
  }
  return view;
}
