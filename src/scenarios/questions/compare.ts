// Two periods side by side: earned (PRODUCT.md: deals won then, by the stage history), new deals, new leads or tasks
// done, for the company or the people named. Both periods are read in one batch; counts take the portal's own total.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import type { ChartData } from '../../vocabulary/charts.ts';
import type { ExportTable } from '../../vocabulary/export-tables.ts';
import { type Period, periodOf, periodWindow, type Query } from '../../vocabulary/query.ts';
import type { ComparedMeasure, ComparedPeriod, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { sumsOf } from '../deals/open-deals.ts';
import { dealSchema, parseItems, stageHistorySchema } from '../portal-data.ts';
import { type Read, type ReadResult, readTogether } from '../reads.ts';
import { amountFilter, between, closedInPeriod, closedInPeriodReads, inAmount, people } from './query-filters.ts';
import { resolvePerson, saidAs } from './query-who.ts';

/** What the question counts: money unless it names deals, leads or tasks. */
export function comparedMeasure(query: Query): ComparedMeasure {
  if (query.subject === 'leads') return 'leads';
  if (query.subject === 'tasks') return 'tasksDone';
  const money = query.status === 'won' || query.measure === 'sum' || query.measure === 'average';
  return query.subject === 'deals' && !money ? 'deals' : 'earned';
}

const UNITS = ['year', 'quarter', 'month', 'week'] as const;

/**
 * The period compared with another one that was not named («как мы по сравнению с октябрём»): the same kind of
 * period running now (this month so far against a whole month), else as many days ending today.
 */
export function currentLike(other: Period, today: DateTime): Period {
  const from = DateTime.fromISO(other.from, { zone: today.zone });
  const to = DateTime.fromISO(other.to, { zone: today.zone });
  for (const unit of UNITS)
    if (+from === +from.startOf(unit) && +to.startOf('day') === +from.endOf(unit).startOf('day'))
      return periodOf(today.startOf(unit), today);
  const days = Math.round(to.diff(from, 'days').days);
  return periodOf(today.minus({ days }), today);
}

const countRead = (method: string, filter: Params): Read => ({
  method,
  // The first page is enough: the portal counts the rest.
  params: { order: { ID: 'ASC' }, filter, select: ['ID'] },
});

function readsFor(measure: ComparedMeasure, range: { start: DateTime; end: DateTime }, filter: Params) {
  switch (measure) {
    case 'earned':
      return closedInPeriodReads(['S'], range, filter);
    case 'deals':
      return { count: countRead('crm.deal.list', { ...filter, ...between('DATE_CREATE', range) }) };
    case 'leads':
      return { count: countRead('crm.lead.list', { ...filter, ...between('DATE_CREATE', range) }) };
    case 'tasksDone':
      return { count: countRead('tasks.task.list', { ...filter, REAL_STATUS: 5, ...between('CLOSED_DATE', range) }) };
  }
}

function sideOf(query: Query, measure: ComparedMeasure, period: Period, read: (name: string) => ReadResult) {
  if (measure !== 'earned') return { period, count: read('count').total, sums: [] };
  const history = parseItems(stageHistorySchema, read('historyS').items);
  const won = closedInPeriod(history, parseItems(dealSchema, read('dealsS').items), 'S').filter(inAmount(query));
  const sums = sumsOf(won.map((deal) => ({ amount: deal.OPPORTUNITY, currency: deal.CURRENCY_ID || 'RUB' })));
  return { period, count: won.length, sums };
}

/** The question's period and the one it is compared with, side by side. */
export async function comparePeriods(context: ScenarioContext, asked: Query): Promise<ViewModel> {
  const { at, director } = context;
  const today = DateTime.fromJSDate(context.now, { zone: director.timeZone }).startOf('day');
  const other = asked.compare ?? periodOf(today.minus({ months: 1 }).startOf('month'), today.minus({ months: 1 }));
  const query: Query = { ...asked, period: asked.period ?? currentLike(other, today), compare: other };
  const measure = comparedMeasure(query);
  const who = await resolvePerson(context, query);
  if ('view' in who) return who.view;
  if (query.person && !who.ok) return { view: 'queryNotFound', at, query, about: 'person', name: saidAs(query.person) };
  const owner = measure === 'tasksDone' ? 'RESPONSIBLE_ID' : 'ASSIGNED_BY_ID';
  const filter: Params = { ...people(owner, who.ok), ...(measure === 'tasksDone' ? {} : amountFilter(query)) };
  const periods = [query.period!, other] as const;
  const reads: Record<string, Read> = {};
  periods.forEach((period, side) => {
    const range = periodWindow(period, director.timeZone);
    for (const [name, read] of Object.entries(readsFor(measure, range, filter))) reads[`${side}${name}`] = read;
  });
  const results = await readTogether(context, reads);
  const sides = periods.map((period, side) => sideOf(query, measure, period, (name) => results[`${side}${name}`]!)) as [
    ComparedPeriod,
    ComparedPeriod,
  ];
  return {
    view: 'comparison',
    at,
    query,
    filters: who.ok ? { person: who.ok.shown } : {},
    measure,
    periods: sides,
  };
}

/** Earned in the two periods as the money picture draws it (the older first); counts have no picture. */
export function comparisonChart(view: Extract<ViewModel, { view: 'comparison' }>): ChartData | undefined {
  if (view.measure !== 'earned') return undefined;
  const sides = [...view.periods].sort((a, b) => a.period.from.localeCompare(b.period.from));
  const currency = sides.flatMap((side) => side.sums)[0]?.currency ?? 'RUB';
  const months = sides.every((side) => side.period.from.endsWith('-01'));
  return {
    chart: 'revenue',
    period: months ? 'month' : 'week',
    currency,
    points: sides.map((side) => ({
      start: side.period.from,
      amount: side.sums.find((sum) => sum.currency === currency)?.amount ?? 0,
    })),
  };
}

/** The two periods as rows of a spreadsheet: each period's days, how many, and its sum per currency. */
export function comparisonTable(view: ViewModel): ExportTable | undefined {
  if (view.view !== 'comparison') return undefined;
  const rows = view.periods.flatMap(({ period, count, sums }) => {
    const row = { label: `${period.from} — ${period.to}`, start: period.from, count };
    return sums.length ? sums.map((sum) => ({ ...row, amount: sum.amount, currency: sum.currency })) : [row];
  });
  return { list: 'groups', subject: view.query.subject, groupBy: 'month', rows };
}
