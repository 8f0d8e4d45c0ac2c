// What the forecast and the deals at risk read from the portal, in as few requests as the reads allow: the
// won moves of the period, the open deals, the activities and (once a day per company) the stage history of
// the last 12 months go in one call of readTogether, the large lists in windows of IDs.
import { DateTime } from 'luxon';
import type { PortalClient } from '../../portal/port.ts';
import type { PlanPeriod } from '../../vocabulary/plan-view-model.ts';
import type { ScenarioContext } from '../context.ts';
import { dealSelect } from '../deals/open-deals.ts';
import { activitySchema, dealSchema, type PortalDeal, parseItems } from '../portal-data.ts';
import { closedInPeriodReads, historySelect } from '../questions/query-filters.ts';
import { type Read, type ReadResult, readTogether } from '../reads.ts';
import { isoOf } from '../schedule/day-window.ts';
import { periodRange } from './periods.ts';
import { SILENT_DAYS } from './risk.ts';
import { HISTORY_MONTHS, type StageOddsTable, stageEntriesOf, stageOdds } from './stage-odds.ts';

const forecastDealSelect = [...dealSelect, 'CLOSEDATE'];

// Stage probabilities change slowly: learned once a day per company (one portal client serves one company).
const oddsOfTheDay = new WeakMap<PortalClient, { day: string; odds: StageOddsTable }>();

const todayOf = (context: ScenarioContext): string => context.at.today;

function cachedOdds(context: ScenarioContext): StageOddsTable | undefined {
  const kept = oddsOfTheDay.get(context.portal);
  return kept && kept.day === todayOf(context) ? kept.odds : undefined;
}

/** The stage history of the last 12 months, when today's probabilities are not known yet. */
function historyReads(context: ScenarioContext): Record<string, Read> {
  if (cachedOdds(context)) return {};
  const since = DateTime.fromJSDate(context.now, { zone: context.director.timeZone }).minus({ months: HISTORY_MONTHS });
  return {
    history: {
      method: 'crm.stagehistory.list',
      params: { entityTypeId: 2, filter: { '>=CREATED_TIME': isoOf(since) }, select: historySelect },
      all: true,
      byId: true,
    },
  };
}

async function oddsFrom(context: ScenarioContext, reads: Record<string, ReadResult>): Promise<StageOddsTable> {
  const known = cachedOdds(context);
  if (known) return known;
  const odds = stageOdds(stageEntriesOf(reads.history?.items ?? []), await context.names.stages());
  oddsOfTheDay.set(context.portal, { day: todayOf(context), odds });
  return odds;
}

const managerFilter = (managerId: number | undefined) => (managerId === undefined ? {} : { ASSIGNED_BY_ID: managerId });

export interface ForecastData {
  won: PortalDeal[];
  /** Open deals whose expected close date falls in the rest of the period. */
  open: PortalDeal[];
  odds: StageOddsTable;
}

/** The reads of a forecast: the period's won moves and deals, the open deals due in its rest, the history if needed. */
export function forecastReads(context: ScenarioContext, period: PlanPeriod, managerId?: number): Record<string, Read> {
  const range = periodRange(period, context.director.timeZone);
  const today = DateTime.fromJSDate(context.now, { zone: context.director.timeZone }).startOf('day');
  const restFrom = DateTime.max(today, range.start);
  const reads: Record<string, Read> = {
    ...closedInPeriodReads(['S'], range, managerFilter(managerId)),
    ...historyReads(context),
  };
  if (restFrom < range.end) {
    reads.open = {
      method: 'crm.deal.list',
      params: {
        filter: {
          STAGE_SEMANTIC_ID: 'P',
          ...managerFilter(managerId),
          '>=CLOSEDATE': isoOf(restFrom),
          '<CLOSEDATE': isoOf(range.end),
        },
        select: forecastDealSelect,
      },
      all: true,
      byId: true,
    };
  }
  return reads;
}

/** What the forecast's reads brought: the won deals (by the stage history), the open deals due, the odds. */
export async function forecastDataFrom(
  context: ScenarioContext,
  results: Record<string, ReadResult>,
): Promise<ForecastData> {
  return { ...dealsOfForecast(results), odds: await oddsFrom(context, results) };
}

/**
 * Won in the period: moved to a success stage then (stage history) and standing there still; only those deals are
 * checked row by row (a month of a big portal's wins is thousands of rows).
 */
export function dealsOfForecast(results: Record<string, ReadResult>): Omit<ForecastData, 'odds'> {
  const moved = new Set(
    stageEntriesOf(results.historyS?.items ?? [])
      .filter((entry) => entry.semantic === 'S')
      .map((entry) => entry.dealId),
  );
  const rows = (results.dealsS?.items ?? []).filter((row) => moved.has(Number((row as { ID?: unknown }).ID)));
  return {
    won: parseItems(dealSchema, rows).filter((deal) => deal.STAGE_SEMANTIC_ID === 'S'),
    open: parseItems(dealSchema, results.open?.items),
  };
}

/** The period's won deals, the open deals expected to close in its rest, and the stage probabilities. */
export async function readForecastData(
  context: ScenarioContext,
  period: PlanPeriod,
  managerId?: number,
): Promise<ForecastData> {
  return forecastDataFrom(context, await readTogether(context, forecastReads(context, period, managerId)));
}

export interface RiskData {
  open: PortalDeal[];
  planned: Set<number>;
  lastActivity: Map<number, number>;
  odds: StageOddsTable;
}

/** Every open deal (one manager's or all), the deals with something planned, the latest activities, the odds. */
export async function readRiskData(context: ScenarioContext, managerId?: number): Promise<RiskData> {
  const since = DateTime.fromJSDate(context.now).minus({ days: SILENT_DAYS });
  const activities = (filter: Record<string, unknown>): Read => ({
    method: 'crm.activity.list',
    params: { filter: { OWNER_TYPE_ID: 2, ...filter }, select: ['ID', 'OWNER_ID', 'OWNER_TYPE_ID', 'CREATED'] },
    all: true,
    byId: true,
  });
  const results = await readTogether(context, {
    open: {
      method: 'crm.deal.list',
      params: { filter: { STAGE_SEMANTIC_ID: 'P', ...managerFilter(managerId) }, select: forecastDealSelect },
      all: true,
      byId: true,
    },
    planned: activities({ COMPLETED: 'N' }),
    recent: activities({ '>=CREATED': isoOf(since) }),
    ...historyReads(context),
  });
  const lastActivity = new Map<number, number>();
  for (const activity of parseItems(activitySchema, results.recent?.items)) {
    const at = Date.parse(activity.CREATED ?? '');
    if (Number.isFinite(at))
      lastActivity.set(activity.OWNER_ID, Math.max(lastActivity.get(activity.OWNER_ID) ?? 0, at));
  }
  return {
    open: parseItems(dealSchema, results.open?.items),
    planned: new Set(parseItems(activitySchema, results.planned?.items).map((activity) => activity.OWNER_ID)),
    lastActivity,
    odds: await oddsFrom(context, results),
  };
}
