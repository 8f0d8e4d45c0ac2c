// Open deals with their stage names, people and stuck days: the part the deals view, the briefing, the
// pipeline and the overdue alert share. Its reads join the view's one batch.
import type { Params } from '../../portal/port.ts';
import type { Amount, DealItem } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { activityMoveSchema, dealSchema, type PortalDeal, parseItems, stageMoveSchema } from '../portal-data.ts';
import type { Read, ReadResult } from '../reads.ts';
import {
  dealNamesFor,
  dealSelect,
  lastMovements,
  movementCommands,
  openDealFilter,
  stuckDaysOf,
  sumsOf,
  toDealItem,
} from './open-deals.ts';

export function openDealReads(
  now: Date,
  filter: Params = {},
): Record<'deals' | 'stageHistory' | 'dealActivities', Read> {
  const movement = movementCommands(now);
  return {
    deals: {
      method: 'crm.deal.list',
      params: {
        // Sorted here by sum; by id the portal pages steadily.
        order: { ID: 'ASC' },
        filter: { ...openDealFilter, ...filter },
        select: dealSelect,
      },
      all: true,
    },
    stageHistory: { ...movement.stageHistory, all: true },
    dealActivities: { ...movement.dealActivities, all: true },
  };
}

export interface OpenDeals {
  deals: DealItem[];
  raw: PortalDeal[];
  sums: Amount[];
  stuck: DealItem[];
}

/** Biggest first; a deal's people and stages named from the warm caches. */
export async function openDealsFrom(
  context: ScenarioContext,
  reads: Record<'deals' | 'stageHistory' | 'dealActivities', ReadResult>,
): Promise<OpenDeals> {
  const raw = parseItems(dealSchema, reads.deals.items);
  const movements = lastMovements(
    parseItems(stageMoveSchema, reads.stageHistory.items),
    parseItems(activityMoveSchema, reads.dealActivities.items),
  );
  const named = await dealNamesFor(context.names, raw);
  const deals = raw
    .map((deal) => toDealItem(deal, { ...named, stuckDays: stuckDaysOf(deal, movements, context.now) }))
    .sort((a, b) => b.amount.amount - a.amount.amount || a.id - b.id);
  const stuck = deals
    .filter((deal) => deal.stuckDays !== undefined)
    .sort((a, b) => (b.stuckDays ?? 0) - (a.stuckDays ?? 0) || b.amount.amount - a.amount.amount);
  return { deals, raw, sums: sumsOf(deals.map((deal) => deal.amount)), stuck };
}
