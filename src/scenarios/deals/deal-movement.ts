// Definition: a deal moves when its stage history says so (day results, weekly report), never when its
// modification date changes: an edited comment is not progress.
import type { BatchCommand } from '../../portal/port.ts';
import type { DealMove } from '../../vocabulary/view-models.ts';
import type { Stage } from '../names.ts';
import type { EarlierStage, PortalDeal, PortalStageHistory } from '../portal-data.ts';
import { isoOf, toDirectorTime, type Window } from '../schedule/day-window.ts';

/** The stage history of a window (its entries of type 1 are creations, not moves: `dealMoves` skips them). */
export function movesCommand(window: Window): BatchCommand {
  return {
    method: 'crm.stagehistory.list',
    params: {
      entityTypeId: 2,
      order: { ID: 'ASC' },
      filter: { '>=CREATED_TIME': window.from, '<CREATED_TIME': window.to },
      select: ['ID', 'TYPE_ID', 'OWNER_ID', 'CREATED_TIME', 'STAGE_ID', 'STAGE_SEMANTIC_ID', 'CATEGORY_ID'],
    },
  };
}

/** The history entries before the window, to name the stage each moved deal came from: the deal and the stage. */
export function previousStagesCommand(window: Window): BatchCommand {
  return {
    method: 'crm.stagehistory.list',
    params: {
      entityTypeId: 2,
      order: { ID: 'DESC' },
      filter: { '<CREATED_TIME': window.from, '>=CREATED_TIME': isoOf(window.start.minus({ days: 90 })) },
      select: ['ID', 'OWNER_ID', 'STAGE_ID'],
    },
  };
}

export function dealMoves(
  history: PortalStageHistory[],
  earlier: EarlierStage[],
  deals: Map<number, PortalDeal>,
  stages: Stage[],
  timeZone: string,
): DealMove[] {
  // The first stage of an id, as a search from the start finds it.
  const stageById = new Map([...stages].reverse().map((stage) => [stage.id, stage]));
  const stageOf = (id: string) => stageById.get(id);
  // Each deal's latest entry before the window: months of history, read once without sorting it.
  const latest = new Map<number, EarlierStage>();
  for (const entry of earlier) {
    const known = latest.get(entry.OWNER_ID);
    if (!known || known.ID < entry.ID) latest.set(entry.OWNER_ID, entry);
  }
  const lastStage = new Map<number, string>([...latest].map(([deal, entry]) => [deal, entry.STAGE_ID]));
  const moves: DealMove[] = [];
  for (const entry of [...history].sort((a, b) => a.ID - b.ID)) {
    const previous = lastStage.get(entry.OWNER_ID);
    lastStage.set(entry.OWNER_ID, entry.STAGE_ID);
    if (entry.TYPE_ID === 1) continue;
    const stage = stageOf(entry.STAGE_ID);
    const move: DealMove = {
      dealId: entry.OWNER_ID,
      dealTitle: deals.get(entry.OWNER_ID)?.TITLE ?? '',
      toStage: stage?.name ?? '',
      outcome: stage?.semantics ?? 'process',
      at: toDirectorTime(entry.CREATED_TIME, timeZone) ?? entry.CREATED_TIME,
    };
    const from = previous === undefined ? undefined : stageOf(previous)?.name;
    if (from) move.fromStage = from;
    moves.push(move);
  }
  return moves.sort((a, b) => a.at.localeCompare(b.at));
}
