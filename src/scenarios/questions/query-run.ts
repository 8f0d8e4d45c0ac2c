// A typed question answered from the portal: its filters become the portal's own filters (one batch, pages
// in one more), what the portal cannot filter is done here, and the money measures follow PRODUCT.md's
// definitions. A name that fits nobody, or several, is said or offered as a pick list: a filter is never
// dropped silently.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import { type Names, namesOf, type Period, periodOf, type Query } from '../../vocabulary/query.ts';
import type { QueryFilters, QueryResult, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { matchesName, womansForm } from '../matcher.ts';
import { portalValue, valueParams } from './portal-values.ts';
import type { DealFilter, Run } from './query-answer.ts';
import { deals } from './query-deals.ts';
import { leads } from './query-leads.ts';
import { activities, clients, meetings } from './query-records.ts';
import { tasks } from './query-tasks.ts';
import {
  type Client,
  nearlyNamed,
  personOptions,
  type Resolved,
  resolveClient,
  resolveClients,
  resolvePerson,
  saidAs,
  staffNamed,
  topicOrName,
} from './query-who.ts';
import { knownTopic } from './topics.ts';

/** How many items one part of a long list shows; «ещё» shows the next part. */
export const QUERY_PAGE = 20;

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
    // Won deals by manager are the leaderboard; «сделки по менеджерам» (no status) are the open ones.
    (query.groupBy === 'manager' && query.status === 'won'));

/** The question as it will be answered: the defaults it implies, filled in and shown in the header. */
export function withDefaults(query: Query, now: DateTime): Query {
  const out: Query = { ...query };
  if (isMoney(out) && out.measure !== 'conversion' && !out.status) out.status = 'won';
  // Tasks by week or month are by their deadlines, ahead as much as behind: no year or quarter back.
  if (!out.period && (out.groupBy === 'month' || out.groupBy === 'week') && out.subject !== 'tasks')
    out.period = PERIOD_DEFAULTS[out.groupBy]!(now);
  // Earned money is this month's unless said, a client's all it ever brought; open, stuck and lost deals are added
  // up whenever they were made.
  if (!out.period && !out.client && isMoney(out) && (out.status === undefined || out.status === 'won'))
    out.period = PERIOD_DEFAULTS.money!(now);
  if (!out.period && out.subject === 'leads' && out.groupBy === 'source') out.period = PERIOD_DEFAULTS.sources!(now);
  // Tasks are the director's own unless a person, a client or a topic is named («задачи по Ромашке»: everyone's);
  // by person («у кого просрочки»), counted («сколько задач») or done («что сделали») they are the team's.
  if (out.subject === 'tasks' && !out.person && !out.client && !out.topic)
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
  const named = await topicOrName(context, (await portalValue(context, asked)) ?? asked);
  if ('view' in named) return named.view;
  const query = withDefaults(named.ok, DateTime.fromJSDate(context.now, { zone: director.timeZone }));
  const filters: QueryFilters = {};
  const who = await resolvePerson(context, query);
  if ('view' in who) return who.view;
  let clientSaid = query.client;
  if (who.ok) filters.person = who.ok.shown;
  else if (query.person) {
    // A name that is nobody on the staff may be a client: «сделки Ромашки».
    const name = saidAs(query.person);
    if (clientSaid)
      return (await nearlyNamed(context, query, name)) ?? { view: 'queryNotFound', at, query, about: 'person', name };
    clientSaid = query.person;
  }
  let clients: Client[] = [];
  if (clientSaid && query.subject === 'meetings') {
    // Meetings name their clients in words («Встреча с банком»): searched for in the titles, never refused.
    const found = await resolveClient(context, query, saidAs(clientSaid));
    if ('ok' in found && found.ok) filters.client = found.ok.title;
    else filters.named = saidAs(clientSaid);
  } else if (clientSaid) {
    const found = await clientsOf(context, query, who.ok !== undefined, clientSaid);
    if ('view' in found) return found.view;
    if ('again' in found) return runQuery(context, found.again, offset, limit);
    clients = found.ok;
    if (clients.length > 1) filters.clients = clients.map((client) => client.title);
    else filters.client = clients[0]!.title;
  }
  // «сколько мы заработали на Ромашке»: a client's money with no period said is all that client ever brought.
  const allTime =
    clients.length > 0 && isMoney(query) && !asked.period && !['month', 'week'].includes(query.groupBy ?? '');
  const asRun = allTime ? { ...query, period: undefined } : query;
  const run: Run = { context, query: asRun, who: who.ok, clients, filters, offset, limit };
  const stagesAndPipeline = await stageFilters(run);
  if ('view' in stagesAndPipeline) return stagesAndPipeline.view;
  const result = await answer(run, stagesAndPipeline.ok);
  // «задачи по ремонту»: a word neither the directory nor any title holds is said plainly, not answered with 0.
  if (result.total === 0 && query.topic && !knownTopic(query.topic) && !narrowed(query))
    return { view: 'queryNotFound', at, query, about: 'topic', name: query.topic };
  return { view: 'query', at, query: run.query, filters, offset, ...result };
}

/**
 * The clients a question names («сделки Ромашки», «сделки Альфы и Беты»), or what to show instead: a pick list, a
 * name nearly an employee's, the employee so called («задачи по Орловой»: again, about her), or a name found nowhere.
 */
async function clientsOf(
  context: ScenarioContext,
  query: Query,
  personFound: boolean,
  said: Names,
): Promise<Resolved<Client[]> | { again: Query }> {
  const { person: _, client: __, ...rest } = query;
  const asked = personFound ? { ...rest, person: query.person } : rest;
  const found = await resolveClients(context, asked, said);
  if (!('missing' in found)) return found;
  const name = found.missing;
  const near = query.person && !personFound ? await nearlyNamed(context, query, name) : undefined;
  if (near) return { view: near };
  // «задачи по Орловой»: no client, but an employee is called so.
  const staff = !query.person && namesOf(said).length === 1 ? await staffNamed(context, rest, name) : undefined;
  if (staff) return 'view' in staff ? staff : { again: staff.ok };
  const about = query.person && !personFound ? 'someone' : 'client';
  return { view: { view: 'queryNotFound', at: context.at, query, about, name } };
}

/** Whether anything but the subject, a topic and a measure narrows the question: then 0 is an answer of its own. */
function narrowed(query: Query): boolean {
  const { subject: _, topic: __, measure: ___, ...rest } = query;
  return Object.keys(rest).length > 0;
}

async function stageFilters(run: Run): Promise<Resolved<DealFilter>> {
  const { query, context, filters } = run;
  if (query.subject !== 'deals') return { ok: { params: {} } };
  const params: Params = await valueParams(context, query, filters);
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
  // «новые сделки» with no period: the deals still at their pipeline's first stage, so «Новые» in the header is
  // what was shown (with a period they are the deals created in it).
  if (query.status === 'new' && !query.period) return { ok: { params, stageIds: await firstStages(run, params) } };
  return { ok: { params } };
}

async function firstStages(run: Run, params: Params): Promise<string[]> {
  const stages = (await run.context.names.stages(params.CATEGORY_ID as number | undefined)).filter(
    (stage) => stage.semantics === 'process',
  );
  const first = new Map<number, (typeof stages)[number]>();
  for (const stage of stages) {
    const known = first.get(stage.categoryId);
    if (!known || stage.sort < known.sort) first.set(stage.categoryId, stage);
  }
  return [...first.values()].map((stage) => stage.id);
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
