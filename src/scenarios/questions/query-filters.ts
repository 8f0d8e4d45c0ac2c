// The portal's own filters a typed question is made of, and which deals were won or lost in a period (PRODUCT.md's
// definition, by the stage history): shared by the question's answer and by the comparison of two periods.
import type { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import type { Query } from '../../vocabulary/query.ts';
import { dealSelect } from '../deals/open-deals.ts';
import type { PortalDeal, PortalStageHistory } from '../portal-data.ts';
import type { Read } from '../reads.ts';
import { isoOf } from '../schedule/day-window.ts';

/** A field within a window [start, end), as the portal's own filter. */
export const between = (field: string, range: { start: DateTime; end: DateTime } | undefined): Params =>
  range ? { [`>=${field}`]: isoOf(range.start), [`<${field}`]: isoOf(range.end) } : {};
/** The records of these employees (one id, or a list). */
export const people = (field: string, who: { ids: number[] } | undefined): Params =>
  who ? { [field]: who.ids.length === 1 ? who.ids[0] : who.ids } : {};

export const historySelect = [
  'ID',
  'TYPE_ID',
  'OWNER_ID',
  'CREATED_TIME',
  'STAGE_ID',
  'STAGE_SEMANTIC_ID',
  'CATEGORY_ID',
];

/**
 * Won (lost) in a period: the deal moved to a success (failure) stage in that period, by the stage history,
 * and stands there still — not "modified then" (DATE_MODIFY changes with any edit) and not its planned close
 * date. The deals are read with the history in one batch: a deal that moved then has its last stage move
 * (MOVED_TIME) in the period or after it.
 */
export function closedInPeriodReads(
  semantics: ('S' | 'F')[],
  range: { start: DateTime; end: DateTime },
  filter: Params,
): Record<string, Read> {
  const reads: Record<string, Read> = {};
  for (const letter of semantics) {
    reads[`history${letter}`] = {
      method: 'crm.stagehistory.list',
      params: {
        entityTypeId: 2,
        order: { ID: 'ASC' },
        filter: { STAGE_SEMANTIC_ID: letter, ...between('CREATED_TIME', range) },
        select: historySelect,
      },
      all: true,
      byId: true,
    };
    reads[`deals${letter}`] = {
      method: 'crm.deal.list',
      params: {
        order: { ID: 'ASC' },
        filter: { ...filter, STAGE_SEMANTIC_ID: letter, '>=MOVED_TIME': isoOf(range.start) },
        select: dealSelect,
      },
      all: true,
      byId: true,
    };
  }
  return reads;
}

export function closedInPeriod(history: PortalStageHistory[], deals: PortalDeal[], letter: 'S' | 'F'): PortalDeal[] {
  const moved = new Set(history.filter((entry) => entry.STAGE_SEMANTIC_ID === letter).map((entry) => entry.OWNER_ID));
  return deals.filter((deal) => deal.STAGE_SEMANTIC_ID === letter && moved.has(deal.ID));
}

/** A deal's or lead's sum bounds, as the portal's own filter. */
export const amountFilter = (query: Query): Params => ({
  ...(query.amount?.min !== undefined ? { '>=OPPORTUNITY': query.amount.min } : {}),
  ...(query.amount?.max !== undefined ? { '<=OPPORTUNITY': query.amount.max } : {}),
});

export const inAmount = (query: Query) => (deal: PortalDeal) =>
  (query.amount?.min === undefined || deal.OPPORTUNITY >= query.amount.min) &&
  (query.amount?.max === undefined || deal.OPPORTUNITY <= query.amount.max);
