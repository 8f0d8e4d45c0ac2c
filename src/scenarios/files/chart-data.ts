// What a picture plots: plain series in the director's words (stage, manager and source names, local dates).
// A view's picture comes from the view itself where it holds the numbers (the pipeline), or from one more read
// (won money over the weeks, the managers' won deals, where the month's leads came from).
import { DateTime } from 'luxon';
import type { ChartData } from '../../vocabulary/charts.ts';
import type { Query } from '../../vocabulary/query.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { dealSchema, leadSchema, parseItems } from '../portal-data.ts';
import { isoOf } from '../schedule/day-window.ts';

/** Weeks shown on the weekly report's picture. */
export const REVENUE_WEEKS = 8;
const SOURCES_DAYS = 30;
const MAIN_CURRENCY = 'RUB';

/** The stages of a pipeline view with their count and sum (in the pipeline's main currency). */
export function funnelOf(view: Extract<ViewModel, { view: 'pipeline' }>): ChartData {
  const currency = view.sums[0]?.currency ?? MAIN_CURRENCY;
  return {
    chart: 'funnel',
    pipelineName: view.pipelineName,
    currency,
    stages: view.stages.map((stage) => ({
      name: stage.name,
      count: stage.count,
      amount: stage.sums.find((sum) => sum.currency === currency)?.amount ?? 0,
    })),
  };
}

const wonDeals = async (context: ScenarioContext, from: DateTime) =>
  parseItems(
    dealSchema,
    await context.portal.list('crm.deal.list', {
      filter: { STAGE_SEMANTIC_ID: 'S', '>=CLOSEDATE': isoOf(from) },
      select: ['ID', 'TITLE', 'STAGE_ID', 'OPPORTUNITY', 'CURRENCY_ID', 'ASSIGNED_BY_ID', 'CLOSEDATE'],
      order: { ID: 'ASC' },
    }),
  );

const localNow = (context: ScenarioContext) => DateTime.fromJSDate(context.now, { zone: context.director.timeZone });

/** Money won in each of the last weeks (this one included), Monday to Monday in the director's zone. */
export async function wonByWeek(context: ScenarioContext, weeks = REVENUE_WEEKS): Promise<ChartData> {
  const first = localNow(context)
    .startOf('week')
    .minus({ weeks: weeks - 1 });
  const deals = await wonDeals(context, first);
  const points = Array.from({ length: weeks }, (_, index) => ({
    start: first.plus({ weeks: index }).toISODate() ?? '',
    amount: 0,
  }));
  for (const deal of deals) {
    if ((deal.CURRENCY_ID || MAIN_CURRENCY) !== MAIN_CURRENCY) continue;
    const closed = DateTime.fromISO(String(deal.CLOSEDATE ?? ''), { zone: context.director.timeZone });
    const index = Math.floor(closed.diff(first, 'weeks').weeks);
    if (closed.isValid && index >= 0 && index < weeks) points[index]!.amount += deal.OPPORTUNITY;
  }
  return { chart: 'revenue', period: 'week', currency: MAIN_CURRENCY, points };
}

/** The managers by money won this month, best first. */
export async function leaderboard(context: ScenarioContext): Promise<ChartData> {
  const from = localNow(context).startOf('month');
  const deals = (await wonDeals(context, from)).filter((deal) => (deal.CURRENCY_ID || MAIN_CURRENCY) === MAIN_CURRENCY);
  const byManager = new Map<number, { amount: number; count: number }>();
  for (const deal of deals) {
    const id = deal.ASSIGNED_BY_ID ?? 0;
    const row = byManager.get(id) ?? { amount: 0, count: 0 };
    row.amount += deal.OPPORTUNITY;
    row.count += 1;
    byManager.set(id, row);
  }
  const people = await context.names.users([...byManager.keys()]);
  const managers = [...byManager.entries()]
    .map(([id, row]) => ({ name: people.get(id)?.name ?? '—', ...row }))
    .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name, 'ru'));
  return { chart: 'leaderboard', from: from.toISODate() ?? '', currency: MAIN_CURRENCY, managers };
}

/** Where the leads of the last 30 days came from, most first. */
export async function leadSources(context: ScenarioContext): Promise<ChartData> {
  const from = localNow(context).startOf('day').minus({ days: SOURCES_DAYS });
  const leads = parseItems(
    leadSchema,
    await context.portal.list('crm.lead.list', {
      filter: { '>=DATE_CREATE': isoOf(from) },
      select: ['ID', 'TITLE', 'NAME', 'LAST_NAME', 'STATUS_ID', 'SOURCE_ID', 'DATE_CREATE'],
      order: { ID: 'ASC' },
    }),
  );
  const counts = new Map<string, number>();
  for (const lead of leads) counts.set(lead.SOURCE_ID, (counts.get(lead.SOURCE_ID) ?? 0) + 1);
  const sources = await Promise.all(
    [...counts.entries()].map(async ([code, count]) => ({
      name: (code && (await context.names.sourceName(code))) || '',
      count,
    })),
  );
  sources.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'ru'));
  return { chart: 'sources', from: from.toISODate() ?? '', sources };
}

/** A grouped answer («выручка по месяцам», «лидеры продаж», «источники лидов») as the matching picture. */
export function chartOfGroups(view: Extract<ViewModel, { view: 'query' }>): ChartData | undefined {
  if (view.result.kind !== 'groups') return undefined;
  const { rows } = view.result;
  const currency = rows.flatMap((row) => row.sums)[0]?.currency ?? MAIN_CURRENCY;
  const money = (row: (typeof rows)[number]) => row.sums.find((sum) => sum.currency === currency)?.amount ?? 0;
  const from = view.query.period?.from ?? '';
  switch (view.query.groupBy) {
    case 'week':
    case 'month':
      return {
        chart: 'revenue',
        period: view.query.groupBy,
        currency,
        points: rows.map((row) => ({ start: row.key, label: row.label, amount: money(row) })),
      };
    case 'manager':
      return {
        chart: 'leaderboard',
        from,
        currency,
        managers: rows.map((row) => ({ name: row.label, amount: money(row), count: row.count })),
      };
    case 'source':
      return { chart: 'sources', from, sources: rows.map((row) => ({ name: row.label, count: row.count })) };
    case 'stage':
      return {
        chart: 'funnel',
        pipelineName: view.query.pipeline ?? '',
        currency,
        stages: rows.map((row) => ({ name: row.label, count: row.count, amount: money(row) })),
      };
    default:
      return undefined;
  }
}

// A period longer than this is drawn by month, a shorter one by week.
const WEEKLY_DAYS = 62;

/**
 * The question whose grouped answer is the picture of an answer: a grouped answer is its own picture; deals
 * (a list or a sum) over a period are drawn week by week (month by month), without a period stage by stage;
 * leads by their source. Only the grouping is added: the answer's filters stay exactly as they were.
 */
export function chartQueryOf(view: ViewModel): Query | undefined {
  if (view.view !== 'query') return undefined;
  const { query, result } = view;
  if (result.kind === 'groups') return chartOfGroups(view) ? query : undefined;
  if (result.kind !== 'deals' && result.kind !== 'leads' && result.kind !== 'total') return undefined;
  if (query.subject === 'leads') return { ...query, groupBy: 'source' };
  if (query.subject !== 'deals') return undefined;
  if (!query.period) return { ...query, groupBy: 'stage' };
  const days = DateTime.fromISO(query.period.to).diff(DateTime.fromISO(query.period.from), 'days').days;
  return { ...query, groupBy: days > WEEKLY_DAYS ? 'month' : 'week' };
}
