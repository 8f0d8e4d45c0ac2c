// A typed question answered from the portal: its filters become the portal's own filters (one batch, pages
// in one more), what the portal cannot filter is done here, and the money measures follow PRODUCT.md's
// definitions. A name that fits nobody, or several, is said or offered as a pick list: a filter is never
// dropped silently.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import { type Period, periodOf, periodWindow, type Query, type QueryGroup } from '../../vocabulary/query.ts';
import type {
  Amount,
  GroupRow,
  QueryFilters,
  QueryResult,
  RecordItem,
  ViewModel,
} from '../../vocabulary/view-models.ts';
import { findReads, foundRecords } from '../clients/find-records.ts';
import { leadSelect, toLeadItems } from '../clients/leads.ts';
import type { ScenarioContext } from '../context.ts';
import { activitySelect, byRecency, toActivityItem } from '../deals/deal-card.ts';
import {
  dealNamesFor,
  dealSelect,
  lastMovements,
  movementCommands,
  stuckDaysOf,
  sumsOf,
  toDealItem,
} from '../deals/open-deals.ts';
import { matchesName, sameName, womansForm } from '../matcher.ts';
import {
  activitySchema,
  companySchema,
  contactSchema,
  dealSchema,
  eventSchema,
  leadSchema,
  type PortalDeal,
  parseItems,
  personName,
  stageHistorySchema,
  taskSchema,
} from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { withSubdepartments } from '../reports/team-status.ts';
import { isoOf, toDirectorTime } from '../schedule/day-window.ts';
import { calendarCommand, DAYS_AHEAD, DAYS_BACK, eventsIn } from '../schedule/events.ts';
import { byDeadline, openTaskFilter, taskSelect, toTaskItem } from '../tasks/open-tasks.ts';
import { amountFilter, between, closedInPeriod, closedInPeriodReads, inAmount, people } from './query-filters.ts';

/** How many items one part of a long list shows; «ещё» shows the next part. */
export const QUERY_PAGE = 20;

type Who = { ids: number[]; shown: QueryFilters['person'] };
type Resolved<T> = { ok: T } | { view: ViewModel };

// ─── who and which client ────────────────────────────────────────────────

export async function resolvePerson(context: ScenarioContext, query: Query): Promise<Resolved<Who | undefined>> {
  const { names, director, at } = context;
  const said = query.person;
  if (!said) return { ok: undefined };
  if (said === 'me') return { ok: { ids: [director.portalUserId], shown: { kind: 'me' } } };
  if (said === 'team' || said === 'sales') {
    const [departments, profiles] = await Promise.all([names.departments(), names.profiles()]);
    const roots =
      said === 'sales'
        ? departments.filter((department) => /продаж|sales/iu.test(department.name)).map((department) => department.id)
        : departments
            .filter((department) => department.headId === director.portalUserId)
            .map((department) => department.id);
    const own = profiles.find((profile) => profile.ID === director.portalUserId)?.UF_DEPARTMENT ?? [];
    const scope = withSubdepartments(roots.length ? roots : own, departments);
    const ids = profiles
      .filter((profile) => (profile.UF_DEPARTMENT ?? []).some((id) => scope.has(id)))
      .map((profile) => profile.ID);
    return { ok: { ids, shown: { kind: said } } };
  }
  const several = await severalPeople(context, said);
  if (several) return { ok: several };
  const exact = /^#(\d+)$/u.exec(said);
  if (exact) {
    const id = Number(exact[1]);
    const person = (await names.users([id])).get(id);
    if (!person) return { view: { view: 'queryNotFound', at, query, about: 'person', name: said } };
    return { ok: { ids: [id], shown: { kind: 'person', person } } };
  }
  const found = await names.findUsers(said);
  if (found.length === 1) return { ok: { ids: [found[0]!.id], shown: { kind: 'person', person: found[0]! } } };
  if (found.length === 0) return { ok: undefined };
  return { view: { view: 'queryChoice', at, about: 'person', name: said, options: personOptions(query, found) } };
}

/** «Соколова и Морозовой», «Орловой, Попова»: each part one employee, or this is no list of people. */
async function severalPeople(context: ScenarioContext, said: string): Promise<Who | undefined> {
  const parts = said.split(/\s*,\s*|\s+(?:и|and)\s+/u).filter(Boolean);
  if (parts.length < 2) return undefined;
  const found = await Promise.all(parts.map((part) => context.names.findUsers(part)));
  if (!found.every((people) => people.length === 1)) return undefined;
  const people = found.map((one) => one[0]!);
  return { ids: people.map((person) => person.id), shown: { kind: 'people', people } };
}

const personOptions = (query: Query, people: { id: number; name: string; position?: string }[]) =>
  people.slice(0, 8).map((person) => ({
    label: person.position ? `${person.name}, ${person.position}` : person.name,
    query: { ...query, person: `#${person.id}` },
  }));

/** «сделки Соколва»: nobody and no client is called so, but an employee nearly is — offered, never assumed. */
async function nearlyNamed(context: ScenarioContext, query: Query, said: string): Promise<ViewModel | undefined> {
  const near = await context.names.nearUsers(said);
  if (near.length === 0) return undefined;
  return {
    view: 'queryChoice',
    at: context.at,
    about: 'person',
    name: said,
    near: true,
    options: personOptions(query, near),
  };
}

type Client = { field: 'COMPANY_ID' | 'CONTACT_ID'; id: number; title: string };

async function resolveClient(
  context: ScenarioContext,
  query: Query,
  said: string,
): Promise<Resolved<Client | undefined>> {
  const { at } = context;
  const exact = /^#(co|c)(\d+)$/u.exec(said);
  const reads = exact
    ? exact[1] === 'co'
      ? { company: { method: 'crm.company.get', params: { id: Number(exact[2]) } } }
      : { contact: { method: 'crm.contact.get', params: { id: Number(exact[2]) } } }
    : findReads(said, ['company', 'contact']);
  const results = await readTogether(context, reads as Record<string, Read>);
  const found = exact
    ? {
        companies: exact[1] === 'co' ? parseItems(companySchema, [results.company?.result]) : [],
        contacts: exact[1] === 'c' ? parseItems(contactSchema, [results.contact?.result]) : [],
      }
    : foundRecords(said, results);
  const clients: Client[] = [
    ...found.companies.map((company) => ({ field: 'COMPANY_ID' as const, id: company.ID, title: company.TITLE })),
    ...found.contacts.map((contact) => ({ field: 'CONTACT_ID' as const, id: contact.ID, title: personName(contact) })),
  ];
  // «Ромашка» is the company «Ромашка», not every contact whose company name has the word.
  const same = clients.filter((client) => sameName(client.title, said));
  const fitting = same.length ? same : clients;
  if (fitting.length === 1) return { ok: fitting[0] };
  if (fitting.length === 0) return { ok: undefined };
  return {
    view: {
      view: 'queryChoice',
      at,
      about: 'client',
      name: said,
      options: fitting.slice(0, 8).map((client) => ({
        label: client.title,
        query: { ...query, client: `#${client.field === 'COMPANY_ID' ? 'co' : 'c'}${client.id}` },
      })),
    },
  };
}

// ─── the question ────────────────────────────────────────────────────────

const PERIOD_DEFAULTS: Partial<Record<string, (now: DateTime) => Period>> = {
  // Money and conversion are about a period; none said means this month so far, and the header says so.
  money: (now) => periodOf(now.startOf('month'), now),
  // Lead sources: the last 30 days.
  sources: (now) => periodOf(now.minus({ days: 29 }), now),
  // By month or by week: a year of months, a quarter of weeks, so the breakdown has something to compare.
  month: (now) => periodOf(now.startOf('month').minus({ months: 11 }), now),
  week: (now) => periodOf(now.startOf('week').minus({ weeks: 12 }), now),
};

const isMoney = (query: Query) =>
  query.subject === 'deals' &&
  (query.measure === 'sum' ||
    query.measure === 'average' ||
    query.measure === 'conversion' ||
    // «кто больше всех продал»: the leaderboard; open or stuck deals by manager are no money question.
    (query.groupBy === 'manager' && (!query.status || query.status === 'won')));

/** The question as it will be answered: the defaults it implies, filled in and shown in the header. */
export function withDefaults(query: Query, now: DateTime): Query {
  const out: Query = { ...query };
  if (isMoney(out) && out.measure !== 'conversion' && !out.status) out.status = 'won';
  // Tasks by week or month are by their deadlines, ahead as much as behind: no year or quarter back.
  if (!out.period && (out.groupBy === 'month' || out.groupBy === 'week') && out.subject !== 'tasks')
    out.period = PERIOD_DEFAULTS[out.groupBy]!(now);
  if (!out.period && isMoney(out)) out.period = PERIOD_DEFAULTS.money!(now);
  if (!out.period && out.subject === 'leads' && out.groupBy === 'source') out.period = PERIOD_DEFAULTS.sources!(now);
  // Tasks are the director's own unless a person or a client is named («задачи по Ромашке»: everyone's);
  // by person («у кого просрочки»), counted («сколько задач») or done («что сделали») they are the team's.
  if (out.subject === 'tasks' && !out.person && !out.client)
    out.person = out.groupBy === 'manager' || out.measure === 'count' || out.status === 'done' ? 'team' : 'me';
  return out;
}

/**
 * «контакты Попова», «как дела у Орловой»: no client is called so, but an employee is — the same question about
 * that employee (their contacts, their tasks).
 */
export async function aboutEmployee(
  context: ScenarioContext,
  name: string,
  subject: Query['subject'],
): Promise<ViewModel | undefined> {
  // The words around the name were not read: only a woman's form («Орловой») tells Мария from Роман Орлов.
  const staff = (await context.names.findUsers(name, { anyForm: !womansForm(name) })).filter((person) =>
    matchesName(person.name, name),
  );
  if (staff.length === 0) return undefined;
  const query: Query = { subject, person: name };
  if (staff.length === 1) return runQuery(context, { ...query, person: `#${staff[0]!.id}` });
  return { view: 'queryChoice', at: context.at, about: 'person', name, options: personOptions(query, staff) };
}

/** Answers a typed question; a list shows `limit` items from `offset` (a spreadsheet takes the whole list). */
export async function runQuery(
  context: ScenarioContext,
  asked: Query,
  offset = 0,
  limit = QUERY_PAGE,
): Promise<ViewModel> {
  const { at, director } = context;
  const query = withDefaults(asked, DateTime.fromJSDate(context.now, { zone: director.timeZone }));
  const filters: QueryFilters = {};
  const who = await resolvePerson(context, query);
  if ('view' in who) return who.view;
  let clientSaid = query.client;
  if (who.ok) filters.person = who.ok.shown;
  else if (query.person) {
    // A name that is nobody on the staff may be a client: «сделки Ромашки».
    if (clientSaid)
      return (
        (await nearlyNamed(context, query, query.person)) ?? {
          view: 'queryNotFound',
          at,
          query,
          about: 'person',
          name: query.person,
        }
      );
    clientSaid = query.person;
  }
  let client: Client | undefined;
  if (clientSaid && query.subject === 'meetings') {
    // Meetings name their clients in words («Встреча с банком»): searched for in the titles, never refused.
    const found = await resolveClient(context, query, clientSaid);
    if ('ok' in found && found.ok) filters.client = found.ok.title;
    else filters.named = clientSaid;
  } else if (clientSaid) {
    const found = await resolveClient(context, { ...query, person: who.ok ? query.person : undefined }, clientSaid);
    if ('view' in found) return found.view;
    const near = !found.ok && query.person && !who.ok ? await nearlyNamed(context, query, clientSaid) : undefined;
    if (near) return near;
    if (!found.ok)
      return {
        view: 'queryNotFound',
        at,
        query,
        about: query.person && !who.ok ? 'someone' : 'client',
        name: clientSaid,
      };
    client = found.ok;
    filters.client = client.title;
  }
  const run: Run = { context, query, who: who.ok, client, filters, offset, limit };
  const stagesAndPipeline = await stageFilters(run);
  if ('view' in stagesAndPipeline) return stagesAndPipeline.view;
  const result = await answer(run, stagesAndPipeline.ok);
  return { view: 'query', at, query, filters, offset, ...result };
}

interface Run {
  context: ScenarioContext;
  query: Query;
  who: Who | undefined;
  client: Client | undefined;
  filters: QueryFilters;
  offset: number;
  limit: number;
}

interface DealFilter {
  params: Params;
  stageIds?: string[];
}

async function stageFilters(run: Run): Promise<Resolved<DealFilter>> {
  const { query, context, filters } = run;
  const params: Params = {};
  if (query.subject !== 'deals') return { ok: { params } };
  const { names, at } = context;
  if (query.pipeline) {
    const pipelines = (await names.pipelines()).filter((pipeline) =>
      matchesName(pipeline.name, query.pipeline!, { prefix: true }),
    );
    if (pipelines.length !== 1)
      return { view: { view: 'queryNotFound', at, query, about: 'pipeline', name: query.pipeline } };
    params.CATEGORY_ID = pipelines[0]!.id;
    filters.pipeline = pipelines[0]!.name;
  }
  if (query.stage) {
    const stages = (await names.stages(params.CATEGORY_ID as number | undefined)).filter(
      (stage) => stage.semantics === 'process' && matchesName(stage.name, query.stage!, { prefix: true }),
    );
    if (stages.length === 0) return { view: { view: 'queryNotFound', at, query, about: 'stage', name: query.stage } };
    filters.stage = [...new Set(stages.map((stage) => stage.name))].join(', ');
    return { ok: { params, stageIds: stages.map((stage) => stage.id) } };
  }
  return { ok: { params } };
}

type Answer = { result: QueryResult; total: number };

async function answer(run: Run, deal: DealFilter): Promise<Answer> {
  switch (run.query.subject) {
    case 'tasks':
      return tasks(run);
    case 'deals':
      return deals(run, deal);
    case 'leads':
      return leads(run);
    case 'meetings':
      return meetings(run);
    case 'calls':
    case 'activities':
      return activities(run);
    case 'contacts':
    case 'companies':
      return clients(run);
  }
}

const window = (run: Run) =>
  run.query.period ? periodWindow(run.query.period, run.context.director.timeZone) : undefined;
const part = <T>(items: T[], run: Run) => items.slice(run.offset, run.offset + run.limit);

// ─── tasks ───────────────────────────────────────────────────────────────

async function tasks(run: Run): Promise<Answer> {
  const { context, query, who } = run;
  const range = window(run);
  const now = isoOf(DateTime.fromJSDate(context.now));
  const status = query.status;
  const filter: Params = { ...people('RESPONSIBLE_ID', who) };
  // A client's tasks are the ones bound to its card in the portal (CO_12 a company, C_5 a contact).
  if (run.client) filter.UF_CRM_TASK = [`${run.client.field === 'COMPANY_ID' ? 'CO' : 'C'}_${run.client.id}`];
  if (status === 'done') Object.assign(filter, { REAL_STATUS: 5 }, between('CLOSED_DATE', range));
  else {
    // «задачи на завтра»: every task due then; otherwise the open ones.
    if (status !== undefined || !range) Object.assign(filter, openTaskFilter);
    if (status === 'new') filter.REAL_STATUS = 1;
    Object.assign(filter, between('DEADLINE', range));
    if (status === 'overdue') filter['<DEADLINE'] = range && isoOf(range.end) < now ? isoOf(range.end) : now;
  }
  const reads = await readTogether(context, {
    tasks: {
      method: 'tasks.task.list',
      params: { filter, select: taskSelect, order: { DEADLINE: 'ASC', ID: 'ASC' } },
      all: true,
      byId: true,
    },
  });
  const raw = parseItems(taskSchema, reads.tasks.items);
  const names = await context.names.users(raw.map((task) => task.responsibleId ?? 0).filter((id) => id > 0));
  const items = raw.map((task) => toTaskItem(task, context.now, context.director.timeZone, names)).sort(byDeadline);
  if (status === 'done') items.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  if (query.groupBy) {
    const rows = countRows(items, query.groupBy, context.director.timeZone, (task) => ({
      person: task.responsible,
      date: status === 'done' ? task.closedAt : task.deadline,
    }));
    return { result: { kind: 'groups', rows }, total: items.length };
  }
  const overdue = items.filter((task) => task.overdue).length;
  return { result: { kind: 'tasks', items: part(items, run), overdue }, total: items.length };
}

/**
 * Items counted by the person responsible or by a name (a source, a status), the most first, or by the week or
 * month of their date, in order: «у кого просрочки», «кто больше всех звонил», «задачи по неделям».
 */
function countRows<T>(
  items: T[],
  by: QueryGroup,
  zone: string,
  of: (item: T) => { person?: { id: number; name: string }; date?: string; name?: string },
): GroupRow[] {
  const groups = new Map<string, GroupRow>();
  for (const item of items) {
    const { person, date, name } = of(item);
    // Without a date (a task with no deadline): the key is empty, and the row comes last.
    const key =
      by === 'week' || by === 'month'
        ? (DateTime.fromISO(toDirectorTime(date, zone) ?? '', { zone })
            .startOf(by)
            .toISODate() ?? '')
        : by === 'manager'
          ? String(person?.id ?? 0)
          : (name ?? '—');
    const row = groups.get(key) ?? {
      key,
      label: by === 'manager' ? (person?.name ?? '—') : key,
      count: 0,
      sums: [],
      averages: [],
    };
    row.count += 1;
    groups.set(key, row);
  }
  const rows = [...groups.values()];
  if (by === 'week' || by === 'month') return rows.sort((a, b) => (a.key || '~').localeCompare(b.key || '~'));
  return rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ru'));
}

// ─── deals and money ─────────────────────────────────────────────────────

async function deals(run: Run, stage: DealFilter): Promise<Answer> {
  const { context, query, who, client } = run;
  const range = window(run);
  const filter: Params = {
    ...stage.params,
    ...people('ASSIGNED_BY_ID', who),
    ...(client ? { [client.field]: client.id } : {}),
    ...(stage.stageIds ? { STAGE_ID: stage.stageIds.length === 1 ? stage.stageIds[0] : stage.stageIds } : {}),
    ...amountFilter(query),
  };
  const status = query.status;
  let chosen: PortalDeal[];
  let stuck: Map<number, number> | undefined;
  if (query.measure === 'conversion' && range) {
    const reads = await readTogether(context, closedInPeriodReads(['S', 'F'], range, filter));
    const items = (name: string) => reads[name]?.items ?? [];
    const history = parseItems(stageHistorySchema, [...items('historyS'), ...items('historyF')]);
    const won = closedInPeriod(history, parseItems(dealSchema, items('dealsS')), 'S').filter(inAmount(query));
    const lost = closedInPeriod(history, parseItems(dealSchema, items('dealsF')), 'F').filter(inAmount(query));
    // Conversion: won ÷ (won + lost) among the deals closed in the period.
    return { result: { kind: 'conversion', won: won.length, lost: lost.length }, total: won.length + lost.length };
  }
  if ((status === 'won' || status === 'lost') && range) {
    const letter = status === 'won' ? 'S' : 'F';
    const reads = await readTogether(context, closedInPeriodReads([letter], range, filter));
    const history = parseItems(stageHistorySchema, reads[`history${letter}`]!.items);
    chosen = closedInPeriod(history, parseItems(dealSchema, reads[`deals${letter}`]!.items), letter);
  } else {
    const semantic =
      status === 'won'
        ? 'S'
        : status === 'lost'
          ? 'F'
          : status === 'open' || status === 'stuck' || !range
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
        parseItems(stageHistorySchema, result.stageHistory!.items),
        parseItems(activitySchema, [...(result.dealActivities?.items ?? [])]),
      );
      const movements = stuck;
      // «без движения больше месяца»: stuck for at least that long.
      const idle = query.idleDays ?? 0;
      chosen = chosen.filter((deal) => (stuckDaysOf(deal, movements, context.now) ?? -1) >= idle);
    }
  }
  chosen = chosen.filter(inAmount(query));
  return dealAnswer(run, chosen, stuck);
}

const amountOf = (deal: PortalDeal): Amount => ({ amount: deal.OPPORTUNITY, currency: deal.CURRENCY_ID || 'RUB' });

/** Average deal: earned ÷ number of deals won — per currency, each over its own deals. */
function averagesOf(chosen: PortalDeal[]): Amount[] {
  return sumsOf(chosen.map(amountOf)).map((sum) => {
    const deals = chosen.filter((deal) => amountOf(deal).currency === sum.currency).length;
    return { currency: sum.currency, amount: Math.round(sum.amount / deals) };
  });
}

async function dealAnswer(run: Run, chosen: PortalDeal[], stuck: Map<number, number> | undefined): Promise<Answer> {
  const { context, query } = run;
  // Sums per currency, never added across currencies.
  const sums = sumsOf(chosen.map(amountOf));
  if (query.groupBy) return { result: await dealGroups(run, chosen), total: chosen.length };
  if (query.measure === 'sum' || query.measure === 'average' || query.measure === 'count')
    return {
      result: { kind: 'total', count: chosen.length, sums, averages: averagesOf(chosen) },
      total: chosen.length,
    };
  const named = await dealNamesFor(context.names, chosen);
  const items = chosen
    .map((deal) => toDealItem(deal, { ...named, stuckDays: stuck ? stuckDaysOf(deal, stuck, context.now) : undefined }))
    .sort((a, b) => b.amount.amount - a.amount.amount || a.id - b.id);
  return { result: { kind: 'deals', items: part(items, run), sums }, total: items.length };
}

async function dealGroups(run: Run, chosen: PortalDeal[]): Promise<QueryResult> {
  const { context, query } = run;
  const zone = context.director.timeZone;
  const groups = new Map<string, { label: string; deals: PortalDeal[] }>();
  const stages = await context.names.stages();
  const people = await context.names.users(chosen.map((deal) => deal.ASSIGNED_BY_ID ?? 0).filter((id) => id > 0));
  for (const deal of chosen) {
    let key: string;
    let label: string;
    switch (query.groupBy) {
      case 'manager':
        key = String(deal.ASSIGNED_BY_ID ?? 0);
        label = people.get(deal.ASSIGNED_BY_ID ?? 0)?.name ?? '—';
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
  return { kind: 'groups', rows };
}

// ─── leads ───────────────────────────────────────────────────────────────

async function leads(run: Run): Promise<Answer> {
  const { context, query, who } = run;
  const range = window(run);
  const filter: Params = { ...people('ASSIGNED_BY_ID', who), ...between('DATE_CREATE', range), ...amountFilter(query) };
  if (query.status === 'new') filter.STATUS_ID = 'NEW';
  if (query.status === 'open') filter.STATUS_SEMANTIC_ID = 'P';
  if (query.status === 'won' || query.status === 'done') filter.STATUS_SEMANTIC_ID = 'S';
  if (query.status === 'lost') filter.STATUS_SEMANTIC_ID = 'F';
  const reads = await readTogether(context, {
    leads: {
      method: 'crm.lead.list',
      params: { order: { DATE_CREATE: 'DESC', ID: 'DESC' }, filter, select: leadSelect },
      all: true,
      byId: true,
    },
  });
  // Read by ID windows; the newest first.
  const raw = parseItems(leadSchema, reads.leads.items).sort(
    (a, b) => (b.DATE_CREATE ?? '').localeCompare(a.DATE_CREATE ?? '') || b.ID - a.ID,
  );
  if (query.groupBy) {
    const by = query.groupBy;
    const owners = await context.names.users(raw.map((lead) => lead.ASSIGNED_BY_ID ?? 0).filter((id) => id > 0));
    // Sources and statuses by the portal's own names, never their codes.
    const named = new Map<number, string>();
    for (const lead of raw)
      if (by === 'source' || by === 'stage')
        named.set(
          lead.ID,
          (by === 'source'
            ? await context.names.sourceName(lead.SOURCE_ID)
            : await context.names.leadStatusName(lead.STATUS_ID)) ?? '—',
        );
    const rows = countRows(raw, by, context.director.timeZone, (lead) => ({
      person: owners.get(lead.ASSIGNED_BY_ID ?? 0),
      date: lead.DATE_CREATE,
      name: named.get(lead.ID),
    }));
    return { result: { kind: 'groups', rows }, total: raw.length };
  }
  if (query.measure === 'count')
    return { result: { kind: 'total', count: raw.length, sums: [], averages: [] }, total: raw.length };
  const items = await toLeadItems(context, part(raw, run));
  return { result: { kind: 'leads', items }, total: raw.length };
}

// ─── meetings, activities, contacts and companies ────────────────────────

async function meetings(run: Run): Promise<Answer> {
  const { context, query, who } = run;
  const zone = context.director.timeZone;
  const today = DateTime.fromJSDate(context.now, { zone }).startOf('day');
  // A meeting asked by name may be any day around today, as the write lookup looks for it.
  const named = run.filters.client ?? run.filters.named;
  const period =
    query.period ??
    (named ? periodOf(today.minus({ days: DAYS_BACK }), today.plus({ days: DAYS_AHEAD })) : periodOf(today, today));
  const range = periodWindow(period, zone);
  // Each person's own calendar («встречи Орловой и Попова», «встречи команды»), in one batch; a meeting two of
  // them share is shown once.
  const owners = who?.ids.length ? who.ids : [context.director.portalUserId];
  const bounds = { start: range.start, end: range.end, from: isoOf(range.start), to: isoOf(range.end) };
  const reads = await readTogether(
    context,
    Object.fromEntries(owners.map((owner) => [`events${owner}`, calendarCommand(owner, bounds)])),
  );
  const seen = new Set<number>();
  const events = owners
    .flatMap((owner) => eventsIn(parseItems(eventSchema, reads[`events${owner}`]?.items ?? []), bounds, zone, owner))
    .filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id)))
    .filter((event) => !named || matchesName(`${event.title} ${event.location ?? ''}`, named, { prefix: true }))
    .sort((a, b) => a.from.localeCompare(b.from));
  return { result: { kind: 'events', items: part(events, run) }, total: events.length };
}

const CALL = 2;
/** The portal's DIRECTION of an activity: 1 incoming, 2 outgoing. */
const DIRECTION = { incoming: 1, outgoing: 2 } as const;

/**
 * Calls (or every activity): by whom (the responsible), when they take place (their start), done or not. A
 * client's are the ones on the client itself and on its deals, as its card in the portal shows them.
 */
async function activities(run: Run): Promise<Answer> {
  const { context, query, who, client } = run;
  const filter: Params = {
    ...people('RESPONSIBLE_ID', who),
    ...between('START_TIME', window(run)),
    ...(query.subject === 'calls' ? { TYPE_ID: CALL } : {}),
    ...(query.direction ? { DIRECTION: DIRECTION[query.direction] } : {}),
  };
  if (query.status === 'done') filter.COMPLETED = 'Y';
  if (query.status === 'open' || query.status === 'overdue') filter.COMPLETED = 'N';
  if (query.status === 'overdue') filter['<DEADLINE'] = isoOf(DateTime.fromJSDate(context.now));
  const list = (owner: Params): Read => ({
    method: 'crm.activity.list',
    params: { order: { ID: 'DESC' }, filter: { ...filter, ...owner }, select: activitySelect },
    all: true,
    byId: true,
  });
  const reads: Record<string, Read> = {};
  if (client) {
    reads.own = list({ OWNER_TYPE_ID: client.field === 'COMPANY_ID' ? 4 : 3, OWNER_ID: client.id });
    const deals = await readTogether(context, {
      deals: {
        method: 'crm.deal.list',
        params: { order: { ID: 'ASC' }, filter: { [client.field]: client.id }, select: ['ID'] },
        all: true,
        byId: true,
      },
    });
    const dealIds = parseItems(dealSchema, deals.deals.items).map((deal) => deal.ID);
    if (dealIds.length) reads.deals = list({ OWNER_TYPE_ID: 2, OWNER_ID: dealIds });
  } else reads.all = list({});
  const found = await readTogether(context, reads);
  const raw = parseItems(
    activitySchema,
    Object.values(found).flatMap((read) => read.items),
  );
  if (query.groupBy) {
    const people = await context.names.users(raw.flatMap((activity) => activity.RESPONSIBLE_ID ?? []));
    const rows = countRows(raw, query.groupBy, context.director.timeZone, (activity) => ({
      person: people.get(activity.RESPONSIBLE_ID ?? 0),
      date: activity.START_TIME ?? activity.CREATED,
    }));
    return { result: { kind: 'groups', rows }, total: raw.length };
  }
  // Still to do: the nearest first; the rest: the latest first.
  const upcoming = query.status === 'open' || query.status === 'overdue';
  const items = raw
    .map((activity) => toActivityItem(activity, context.director.timeZone))
    .sort((a, b) => (upcoming ? -byRecency(a, b) : byRecency(a, b)));
  return { result: { kind: 'activities', items: part(items, run) }, total: items.length };
}

async function clients(run: Run): Promise<Answer> {
  const { context, query, who, client } = run;
  const companies = query.subject === 'companies';
  const filter: Params = { ...people('ASSIGNED_BY_ID', who), ...between('DATE_CREATE', window(run)) };
  if (client && !companies) filter[client.field === 'COMPANY_ID' ? 'COMPANY_ID' : 'ID'] = client.id;
  if (client && companies && client.field === 'COMPANY_ID') filter.ID = client.id;
  const reads = await readTogether(context, {
    records: {
      method: companies ? 'crm.company.list' : 'crm.contact.list',
      params: {
        order: { ID: 'DESC' },
        filter,
        select: companies ? ['ID', 'TITLE'] : ['ID', 'NAME', 'LAST_NAME', 'POST', 'COMPANY_ID'],
      },
      all: true,
      byId: true,
    },
  });
  // Read by ID windows; the newest first.
  const records = [...reads.records.items].reverse();
  const items: RecordItem[] = companies
    ? parseItems(companySchema, records).map((company) => ({
        kind: 'company' as const,
        id: company.ID,
        label: company.TITLE,
      }))
    : parseItems(contactSchema, records).map((contact) => ({
        kind: 'contact' as const,
        id: contact.ID,
        label: personName(contact),
        ...(contact.POST ? { detail: contact.POST } : {}),
      }));
  if (query.measure === 'count')
    return { result: { kind: 'total', count: items.length, sums: [], averages: [] }, total: items.length };
  return { result: { kind: 'records', items: part(items, run) }, total: items.length };
}
