// Deals and money for a typed question: won or lost in the period by the stage history, stuck by the last
// movement, conversion, sums and averages per currency, and the deals grouped.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import type { Amount, QueryResult } from '../../vocabulary/view-models.ts';
import {
  dealNamesFor,
  dealSelect,
  lastMovements,
  movementCommands,
  stuckDaysOf,
  sumsOf,
  toDealItem,
} from '../deals/open-deals.ts';
import { recordsWithIds } from '../files/exports.ts';
import {
  activityMoveSchema,
  companySchema,
  contactSchema,
  dealSchema,
  type PortalDeal,
  parseItems,
  personName,
  stageHistorySchema,
  stageMoveSchema,
} from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { toDirectorTime } from '../schedule/day-window.ts';
import { type Answer, type DealFilter, part, type Run, ranked, titledAbout, window } from './query-answer.ts';
import { amountFilter, between, closedInPeriod, closedInPeriodReads, inAmount, people } from './query-filters.ts';
import { clientParams, ofClients } from './query-who.ts';
import { withoutRelated } from './query-without.ts';

export async function deals(run: Run, stage: DealFilter): Promise<Answer> {
  const { context, query, who, clients } = run;
  const range = window(run);
  const filter: Params = {
    ...stage.params,
    ...people('ASSIGNED_BY_ID', who),
    ...clientParams(clients),
    ...(stage.stageIds ? { STAGE_ID: stage.stageIds.length === 1 ? stage.stageIds[0] : stage.stageIds } : {}),
    ...amountFilter(query),
  };
  const status = query.status;
  let chosen: PortalDeal[];
  let stuck: Map<number, number> | undefined;
  if (query.measure === 'conversion' && range) return conversion(run, filter, range);
  // «закрытые сделки»: won and lost both.
  const letters = status === 'won' ? ['S' as const] : status === 'lost' ? ['F' as const] : (['S', 'F'] as const);
  if ((status === 'won' || status === 'lost' || status === 'done') && range) {
    const reads = await readTogether(context, closedInPeriodReads([...letters], range, filter));
    chosen = letters.flatMap((letter) =>
      closedInPeriod(
        parseItems(stageHistorySchema, reads[`history${letter}`]!.items),
        parseItems(dealSchema, reads[`deals${letter}`]!.items),
        letter,
      ),
    );
  } else {
    const semantic =
      status === 'won' || status === 'lost' || status === 'done'
        ? [...letters]
        : status === 'open' || status === 'stuck' || status === 'overdue' || !range
          ? 'P'
          : undefined;
    const reads: Record<string, Read> = {
      deals: {
        method: 'crm.deal.list',
        params: {
          order: { ID: 'ASC' },
          filter: {
            ...filter,
            ...(semantic ? { STAGE_SEMANTIC_ID: semantic } : {}),
            // «новые сделки за неделю», «сделки за ноябрь»: created in the period.
            ...between('DATE_CREATE', range),
            // «просроченные сделки»: still open after the day they were to close.
            ...(status === 'overdue' ? { '<CLOSEDATE': context.at.today } : {}),
          },
          select: dealSelect,
        },
        all: true,
        byId: true,
      },
    };
    if (status === 'stuck') {
      const movement = movementCommands(context.now);
      reads.stageHistory = { ...movement.stageHistory, all: true, byId: true };
      reads.dealActivities = { ...movement.dealActivities, all: true, byId: true };
    }
    const result = await readTogether(context, reads);
    chosen = parseItems(dealSchema, result.deals!.items);
    if (status === 'stuck') {
      stuck = lastMovements(
        parseItems(stageMoveSchema, result.stageHistory!.items),
        parseItems(activityMoveSchema, [...(result.dealActivities?.items ?? [])]),
      );
      const movements = stuck;
      // «без движения больше месяца»: stuck for at least that long.
      const idle = query.idleDays ?? 0;
      chosen = chosen.filter((deal) => (stuckDaysOf(deal, movements, context.now) ?? -1) >= idle);
    }
  }
  // Clients of both kinds («Альфа» a company, «Бета» a contact) are told apart here.
  chosen = chosen
    .filter(inAmount(query))
    .filter(ofClients(clients))
    .filter(titledAbout(query, (deal) => deal.TITLE));
  // «сделки без задач»: of these, the ones with none.
  return dealAnswer(run, await withoutRelated(run, 'deal', chosen, (deal) => deal.ID), stuck);
}

/** Conversion: won ÷ (won + lost) among the deals closed in the period; by manager, each one's own. */
async function conversion(run: Run, filter: Params, range: NonNullable<ReturnType<typeof window>>): Promise<Answer> {
  const { context, query, clients } = run;
  const reads = await readTogether(context, closedInPeriodReads(['S', 'F'], range, filter));
  const items = (name: string) => reads[name]?.items ?? [];
  const history = parseItems(stageHistorySchema, [...items('historyS'), ...items('historyF')]);
  const fits = (deal: PortalDeal) => inAmount(query)(deal) && ofClients(clients)(deal);
  const won = closedInPeriod(history, parseItems(dealSchema, items('dealsS')), 'S').filter(fits);
  const lost = closedInPeriod(history, parseItems(dealSchema, items('dealsF')), 'F').filter(fits);
  const total = won.length + lost.length;
  if (query.groupBy !== 'manager') return { result: { kind: 'conversion', won: won.length, lost: lost.length }, total };
  const managerOf = (deal: PortalDeal) => deal.ASSIGNED_BY_ID ?? 0;
  const people = await context.names.users([...won, ...lost].map(managerOf).filter((id) => id > 0));
  const rows = [...new Set([...won, ...lost].map(managerOf))].map((id) => ({
    label: people.get(id)?.name ?? '—',
    won: won.filter((deal) => managerOf(deal) === id).length,
    lost: lost.filter((deal) => managerOf(deal) === id).length,
  }));
  const rate = (row: { won: number; lost: number }) => row.won / (row.won + row.lost);
  rows.sort((a, b) => rate(b) - rate(a) || b.won + b.lost - (a.won + a.lost) || a.label.localeCompare(b.label, 'ru'));
  return { result: { kind: 'conversion', won: won.length, lost: lost.length, rows }, total };
}

const amountOf = (deal: PortalDeal): Amount => ({ amount: deal.OPPORTUNITY, currency: deal.CURRENCY_ID || 'RUB' });

/** Average deal: earned ÷ number of deals won — per currency, each over its own deals. */
function averagesOf(chosen: PortalDeal[]): Amount[] {
  return sumsOf(chosen.map(amountOf)).map((sum) => {
    const deals = chosen.filter((deal) => amountOf(deal).currency === sum.currency).length;
    return { currency: sum.currency, amount: Math.round(sum.amount / deals) };
  });
}

/** Deals by their sum, the largest first, unless another order is asked. */
const DEAL_RANKING = {
  id: (deal: PortalDeal) => deal.ID,
  created: (deal: PortalDeal) => deal.DATE_CREATE,
  amount: (deal: PortalDeal) => deal.OPPORTUNITY,
};

async function dealAnswer(run: Run, found: PortalDeal[], stuck: Map<number, number> | undefined): Promise<Answer> {
  const { context, query } = run;
  // «топ-5 сделок»: the five, and their sums.
  // Grouped, the limit is on the groups («топ-3 клиента»), not on the deals.
  const chosen = ranked(
    found,
    { ...query, sort: query.sort ?? 'largest', limit: query.groupBy ? undefined : query.limit },
    DEAL_RANKING,
  );
  // Sums per currency, never added across currencies.
  const sums = sumsOf(chosen.map(amountOf));
  if (query.groupBy) return { result: await dealGroups(run, chosen), total: chosen.length };
  if (query.measure === 'sum' || query.measure === 'average' || query.measure === 'count')
    return {
      result: { kind: 'total', count: chosen.length, sums, averages: averagesOf(chosen) },
      total: chosen.length,
    };
  const named = await dealNamesFor(context.names, chosen);
  const items = chosen.map((deal) =>
    toDealItem(deal, { ...named, stuckDays: stuck ? stuckDaysOf(deal, stuck, context.now) : undefined }),
  );
  return { result: { kind: 'deals', items: part(items, run), sums }, total: items.length };
}

async function dealGroups(run: Run, chosen: PortalDeal[]): Promise<QueryResult> {
  const { context, query } = run;
  const zone = context.director.timeZone;
  const groups = new Map<string, { label: string; deals: PortalDeal[] }>();
  const stages = await context.names.stages();
  const people = await context.names.users(chosen.map((deal) => deal.ASSIGNED_BY_ID ?? 0).filter((id) => id > 0));
  const clientOf = query.groupBy === 'client' ? await clientNames(run, chosen) : undefined;
  for (const deal of chosen) {
    let key: string;
    let label: string;
    switch (query.groupBy) {
      case 'manager':
        key = String(deal.ASSIGNED_BY_ID ?? 0);
        label = people.get(deal.ASSIGNED_BY_ID ?? 0)?.name ?? '—';
        break;
      case 'client':
        [key, label] = clientOf!(deal);
        break;
      case 'stage':
        key = deal.STAGE_ID;
        label = stages.find((stage) => stage.id === deal.STAGE_ID)?.name ?? '—';
        break;
      case 'source':
        key = String((deal as { SOURCE_ID?: unknown }).SOURCE_ID ?? '');
        label = (await context.names.sourceName(key)) ?? '—';
        break;
      default: {
        const when = DateTime.fromISO(toDirectorTime(deal.MOVED_TIME ?? deal.DATE_CREATE, zone) ?? '', { zone });
        const start = when.startOf(query.groupBy === 'week' ? 'week' : 'month');
        key = start.toISODate() ?? '';
        label = key;
      }
    }
    const group = groups.get(key) ?? { label, deals: [] };
    group.deals.push(deal);
    groups.set(key, group);
  }
  const rows = [...groups.entries()].map(([key, group]) => ({
    key,
    label: group.label,
    count: group.deals.length,
    sums: sumsOf(group.deals.map(amountOf)),
    averages: averagesOf(group.deals),
  }));
  // The leaderboard ranks by the won sum (the biggest currency's first), then by count, unless the question counts
  // («у кого больше всего сделок»); weeks and months in order.
  const bySum = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    (b.sums[0]?.amount ?? 0) - (a.sums[0]?.amount ?? 0);
  if (query.groupBy === 'week' || query.groupBy === 'month') rows.sort((a, b) => a.key.localeCompare(b.key));
  else if (query.measure === 'count') rows.sort((a, b) => b.count - a.count || bySum(a, b));
  else rows.sort((a, b) => bySum(a, b) || b.count - a.count);
  // «топ-3 клиента»: the first rows of the ranking.
  return { kind: 'groups', rows: query.limit ? rows.slice(0, query.limit) : rows };
}

/** A deal's client: its company, or else its contact; a deal with neither has an empty key (the view names it). */
async function clientNames(run: Run, deals: PortalDeal[]): Promise<(deal: PortalDeal) => [string, string]> {
  const [companies, contacts] = await Promise.all([
    recordsWithIds(
      run.context,
      companySchema,
      'crm.company.list',
      deals.map((deal) => deal.COMPANY_ID ?? undefined),
      ['ID', 'TITLE'],
    ),
    recordsWithIds(
      run.context,
      contactSchema,
      'crm.contact.list',
      deals.filter((deal) => !deal.COMPANY_ID).map((deal) => deal.CONTACT_ID ?? undefined),
      ['ID', 'NAME', 'LAST_NAME'],
    ),
  ]);
  const company = new Map(companies.map((one) => [one.ID, one.TITLE]));
  const contact = new Map(contacts.map((one) => [one.ID, personName(one)]));
  return (deal) => {
    if (deal.COMPANY_ID) return [`co${deal.COMPANY_ID}`, company.get(deal.COMPANY_ID) ?? '—'];
    if (deal.CONTACT_ID) return [`c${deal.CONTACT_ID}`, contact.get(deal.CONTACT_ID) ?? '—'];
    return ['', ''];
  };
}
