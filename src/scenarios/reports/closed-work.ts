// What got done in a window: the director's tasks closed in it and the deals that changed stage in it.
// Shared by the day results (and the evening digest) and the weekly report.

import type { DealMove, TaskItem } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { dealMoves, movesCommand, previousStagesCommand } from '../deals/deal-movement.ts';
import { dealSchema, earlierStageSchema, parseItems, stageHistorySchema, taskSchema } from '../portal-data.ts';
import type { Read, ReadResult } from '../reads.ts';
import type { Window } from '../schedule/day-window.ts';
import { completedStatus, taskSelect, toTaskItem } from '../tasks/open-tasks.ts';

export type ClosedWorkReads = Record<'closedTasks' | 'moves' | 'earlierStages' | 'movedDeals', Read>;

export function closedWorkReads(responsibleId: number, window: Window): ClosedWorkReads {
  return {
    closedTasks: {
      method: 'tasks.task.list',
      params: {
        order: { CLOSED_DATE: 'ASC' },
        filter: {
          RESPONSIBLE_ID: responsibleId,
          REAL_STATUS: completedStatus,
          '>=CLOSED_DATE': window.from,
          '<CLOSED_DATE': window.to,
        },
        select: taskSelect,
      },
      all: true,
    },
    moves: { ...movesCommand(window), all: true },
    earlierStages: { ...previousStagesCommand(window), all: true },
    // A stage change modifies the deal, so every moved deal is among those modified since the window began.
    movedDeals: {
      method: 'crm.deal.list',
      params: {
        order: { ID: 'ASC' },
        filter: { '>=DATE_MODIFY': window.from },
        select: ['ID', 'TITLE', 'OPPORTUNITY', 'CURRENCY_ID', 'STAGE_ID'],
      },
      all: true,
    },
  };
}

export interface ClosedWork {
  closedTasks: TaskItem[];
  moves: DealMove[];
  /** The sums of deals won in the window. */
  won: { amount: number; currency: string }[];
}

export async function closedWorkFrom(
  context: ScenarioContext,
  reads: Record<keyof ClosedWorkReads, ReadResult>,
): Promise<ClosedWork> {
  const { names, director, now } = context;
  const deals = new Map(parseItems(dealSchema, reads.movedDeals.items).map((deal) => [deal.ID, deal]));
  const history = parseItems(stageHistorySchema, reads.moves.items);
  // Months of earlier history arrive to name where the moved deals came from: only their rows are checked.
  const moved = new Set(history.map((entry) => String(entry.OWNER_ID)));
  const earlier = reads.earlierStages.items.filter((item) =>
    moved.has(String((item as { OWNER_ID?: unknown }).OWNER_ID)),
  );
  const moves = dealMoves(
    history,
    parseItems(earlierStageSchema, earlier),
    deals,
    await names.stages(),
    director.timeZone,
  ).filter((move) => move.dealTitle !== '' || move.toStage !== '');
  const wonIds = new Set(moves.filter((move) => move.outcome === 'success').map((move) => move.dealId));
  const won = [...wonIds].flatMap((id) => {
    const deal = deals.get(id);
    return deal ? [{ amount: deal.OPPORTUNITY, currency: deal.CURRENCY_ID || 'RUB' }] : [];
  });
  const closedTasks = parseItems(taskSchema, reads.closedTasks.items)
    .map((task) => toTaskItem(task, now, director.timeZone))
    .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? '') || a.id - b.id);
  return { closedTasks, moves, won };
}
