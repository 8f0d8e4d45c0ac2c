// Definitions: an open deal is in progress (stage semantics P: neither won nor lost). A stuck deal is open
// and has had no stage change and no activity for 14 days or more — from the stage history and the
// activities of those 14 days; how long it has stood comes from the portal's own record of the deal's last
// stage move and last activity (MOVED_TIME, LAST_ACTIVITY_TIME). The modification date is only a fallback,
// since any field edit resets it.
import { DateTime } from 'luxon';
import type { BatchCommand, Params } from '../../portal/port.ts';
import type { Amount, DealItem, Person } from '../../vocabulary/view-models.ts';
import type { NameDirectory, Pipeline, Stage } from '../names.ts';
import type { ActivityMove, PortalDeal, StageMove } from '../portal-data.ts';
import { instantOf, isoOf } from '../schedule/day-window.ts';

const stuckAfterDays = 14;

export const openDealFilter: Params = { STAGE_SEMANTIC_ID: 'P' };

export const dealSelect = [
  'ID',
  'TITLE',
  'STAGE_ID',
  'CATEGORY_ID',
  'STAGE_SEMANTIC_ID',
  'OPPORTUNITY',
  'CURRENCY_ID',
  'ASSIGNED_BY_ID',
  'CONTACT_ID',
  'COMPANY_ID',
  'DATE_CREATE',
  'DATE_MODIFY',
  'MOVED_TIME',
  'LAST_ACTIVITY_TIME',
];

const isOpenDeal = (deal: Pick<PortalDeal, 'STAGE_SEMANTIC_ID'>): boolean => (deal.STAGE_SEMANTIC_ID ?? 'P') === 'P';

/**
 * The batch commands that tell which deals moved in the last 14 days: stage changes and deal activities
 * (all deals at once: one command each, not one per deal), each row only the deal and the moment.
 */
export function movementCommands(now: Date): Record<'stageHistory' | 'dealActivities', BatchCommand> {
  const since = isoOf(DateTime.fromJSDate(now).minus({ days: stuckAfterDays }));
  return {
    stageHistory: {
      method: 'crm.stagehistory.list',
      params: {
        entityTypeId: 2,
        order: { ID: 'DESC' },
        filter: { '>=CREATED_TIME': since },
        select: ['ID', 'OWNER_ID', 'CREATED_TIME'],
      },
    },
    dealActivities: {
      method: 'crm.activity.list',
      params: {
        order: { ID: 'DESC' },
        filter: { OWNER_TYPE_ID: 2, '>=CREATED': since },
        select: ['ID', 'OWNER_ID', 'CREATED'],
      },
    },
  };
}

/** Deal id → the instant of its last stage change or activity within the lookback period. */
export function lastMovements(history: StageMove[], activities: ActivityMove[]): Map<number, number> {
  const last = new Map<number, number>();
  const note = (dealId: number, iso: string | undefined) => {
    const at = instantOf(iso);
    if (Number.isFinite(at)) last.set(dealId, Math.max(last.get(dealId) ?? 0, at));
  };
  for (const entry of history) note(entry.OWNER_ID, entry.CREATED_TIME);
  for (const activity of activities) note(activity.OWNER_ID, activity.CREATED);
  return last;
}

/** Whole days the deal has not moved, or undefined when it is not stuck. */
export function stuckDaysOf(deal: PortalDeal, movements: Map<number, number>, now: Date): number | undefined {
  if (!isOpenDeal(deal)) return undefined;
  const known = [movements.get(deal.ID) ?? Number.NaN, instantOf(deal.MOVED_TIME), instantOf(deal.LAST_ACTIVITY_TIME)];
  let last = Math.max(...known.filter(Number.isFinite));
  if (!Number.isFinite(last)) {
    // A portal that keeps no move times: nothing in the last 14 days, so it moved before; the modification
    // date can only say how long before.
    const before = now.getTime() - stuckAfterDays * 86_400_000;
    const modified = instantOf(deal.DATE_MODIFY);
    last = Number.isFinite(modified) ? Math.min(modified, before) : before;
  }
  const created = instantOf(deal.DATE_CREATE);
  if (Number.isFinite(created)) last = Math.max(last, created);
  const days = Math.floor((now.getTime() - last) / 86_400_000);
  return days >= stuckAfterDays ? days : undefined;
}

export interface DealNames {
  stages: Stage[];
  pipelines: Pipeline[];
  people: Map<number, Person>;
}

/** What names a list of deals: every stage and pipeline, the deals' responsible people and any `others`. */
export async function dealNamesFor(
  names: NameDirectory,
  deals: readonly PortalDeal[],
  others: readonly number[] = [],
): Promise<DealNames> {
  const [stages, pipelines, people] = await Promise.all([
    names.stages(),
    names.pipelines(),
    names.users([...others, ...deals.map((deal) => deal.ASSIGNED_BY_ID ?? 0).filter((id) => id > 0)]),
  ]);
  return { stages, pipelines, people };
}

export function toDealItem(
  deal: PortalDeal,
  context: DealNames & {
    stuckDays?: number;
    companyTitle?: string;
    contactName?: string;
  },
): DealItem {
  const stage = context.stages.find((one) => one.id === deal.STAGE_ID);
  const pipeline = context.pipelines.find((one) => one.id === deal.CATEGORY_ID);
  const item: DealItem = {
    id: deal.ID,
    title: deal.TITLE,
    amount: { amount: deal.OPPORTUNITY, currency: deal.CURRENCY_ID || 'RUB' },
    // A stage the portal no longer names is shown as nothing rather than as its code.
    stageName: stage?.name ?? '',
    pipelineName: pipeline?.name ?? '',
  };
  if (context.stuckDays !== undefined) item.stuckDays = context.stuckDays;
  const responsible = deal.ASSIGNED_BY_ID === undefined ? undefined : context.people.get(deal.ASSIGNED_BY_ID);
  if (responsible) item.responsible = responsible;
  if (context.companyTitle) item.companyTitle = context.companyTitle;
  if (context.contactName) item.contactName = context.contactName;
  return item;
}

/** Totals per currency, the biggest first. */
export function sumsOf(amounts: readonly Amount[]): Amount[] {
  const totals = new Map<string, number>();
  for (const { amount, currency } of amounts) totals.set(currency, (totals.get(currency) ?? 0) + amount);
  return [...totals]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
}
