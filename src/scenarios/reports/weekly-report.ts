import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { sumsOf } from '../deals/open-deals.ts';
import { readTogether } from '../reads.ts';
import { weekWindow } from '../schedule/day-window.ts';
import { closedWorkFrom, closedWorkReads } from './closed-work.ts';

/** A week (this one by default, Monday to now): the director's tasks closed and the deals' stage changes. */
export async function weeklyReport(context: ScenarioContext, weeksAgo = 0): Promise<ViewModel> {
  const thisWeek = weekWindow(context.now, context.director.timeZone);
  const week =
    weeksAgo > 0
      ? weekWindow(thisWeek.start.minus({ weeks: weeksAgo }).toJSDate(), context.director.timeZone)
      : thisWeek;
  const reads = await readTogether(context, closedWorkReads(context.director.portalUserId, week));
  const work = await closedWorkFrom(context, reads);
  return {
    view: 'weeklyReport',
    at: context.at,
    from: week.start.toISODate() ?? '',
    to: week.end.minus({ days: 1 }).toISODate() ?? '',
    closedTasks: { items: work.closedTasks, total: work.closedTasks.length },
    moves: { items: work.moves, total: work.moves.length },
    won: sumsOf(work.won),
  };
}
