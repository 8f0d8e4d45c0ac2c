// Meetings, calls and activities, contacts and companies for a typed question.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import { periodOf, periodWindow } from '../../vocabulary/query.ts';
import type { QueryResult, RecordItem } from '../../vocabulary/view-models.ts';
import { activitySelect, byRecency, toActivityItem } from '../deals/deal-card.ts';
import { matchesName } from '../matcher.ts';
import {
  activitySchema,
  companySchema,
  contactSchema,
  dealSchema,
  eventSchema,
  parseItems,
  personName,
} from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { isoOf } from '../schedule/day-window.ts';
import { calendarCommand, DAYS_AHEAD, DAYS_BACK, eventsIn } from '../schedule/events.ts';
import { type Answer, countRows, part, type Run, titledAbout, window } from './query-answer.ts';
import { between, people } from './query-filters.ts';
import { clientParams, ofClients } from './query-who.ts';
import { withoutRelated } from './query-without.ts';

export async function meetings(run: Run): Promise<Answer> {
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
    .filter(titledAbout(query, (event) => event.title))
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
export async function activities(run: Run): Promise<Answer> {
  const { context, query, who, clients } = run;
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
  if (clients.length) {
    clients.forEach((client, index) => {
      reads[`own${index}`] = list({ OWNER_TYPE_ID: client.field === 'COMPANY_ID' ? 4 : 3, OWNER_ID: client.id });
    });
    const deals = await readTogether(context, {
      deals: {
        method: 'crm.deal.list',
        params: { order: { ID: 'ASC' }, filter: clientParams(clients), select: ['ID', 'COMPANY_ID', 'CONTACT_ID'] },
        all: true,
        byId: true,
      },
    });
    const dealIds = parseItems(dealSchema, deals.deals.items)
      .filter(ofClients(clients))
      .map((deal) => deal.ID);
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

/** The companies the question names: a company itself, or a contact's own company. */
async function companiesNamed(run: Run): Promise<number[]> {
  const ids = run.clients.flatMap((client) => (client.field === 'COMPANY_ID' ? [client.id] : []));
  const contactIds = run.clients.flatMap((client) => (client.field === 'CONTACT_ID' ? [client.id] : []));
  if (!contactIds.length) return ids;
  const reads = await readTogether(run.context, {
    contacts: { method: 'crm.contact.list', params: { filter: { ID: contactIds }, select: ['ID', 'COMPANY_ID'] } },
  });
  const own = reads.contacts!.items.flatMap((item) => {
    const company = (item as { COMPANY_ID?: unknown }).COMPANY_ID;
    return Number(company) > 0 ? [Number(company)] : [];
  });
  return [...new Set([...ids, ...own])];
}

export async function clients(run: Run): Promise<Answer> {
  const { context, query, who, clients } = run;
  const companies = query.subject === 'companies';
  const filter: Params = { ...people('ASSIGNED_BY_ID', who), ...between('DATE_CREATE', window(run)) };
  // A company's contacts, or the contacts themselves; the companies asked about themselves. Both kinds at once
  // are told apart here.
  const bound = clientParams(clients);
  if (!companies && bound.COMPANY_ID !== undefined) filter.COMPANY_ID = bound.COMPANY_ID;
  if (!companies && bound.CONTACT_ID !== undefined) filter.ID = bound.CONTACT_ID;
  if (companies && clients.length) {
    // «компании Дарьи Петровой»: a contact's own company; none is none, never every company under her name.
    const companyIds = await companiesNamed(run);
    if (!companyIds.length) {
      const none: QueryResult = { kind: 'total', count: 0, sums: [], averages: [] };
      return { result: query.measure === 'count' ? none : { kind: 'records', items: [] }, total: 0 };
    }
    filter.ID = companyIds;
  }
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
    ? (await withoutRelated(run, 'company', parseItems(companySchema, records), (company) => company.ID)).map(
        (company) => ({
          kind: 'company' as const,
          id: company.ID,
          label: company.TITLE,
        }),
      )
    : (await withoutRelated(run, 'contact', parseItems(contactSchema, records), (contact) => contact.ID))
        .filter((contact) => ofClients(clients)({ COMPANY_ID: contact.COMPANY_ID, CONTACT_ID: contact.ID }))
        .map((contact) => ({
          kind: 'contact' as const,
          id: contact.ID,
          label: personName(contact),
          ...(contact.POST ? { detail: contact.POST } : {}),
        }));
  if (query.measure === 'count')
    return { result: { kind: 'total', count: items.length, sums: [], averages: [] }, total: items.length };
  return { result: { kind: 'records', items: part(items, run) }, total: items.length };
}
