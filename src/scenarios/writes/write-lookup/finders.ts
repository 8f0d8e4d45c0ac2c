// The records a write names, found in the portal by the words the director used: their tasks, deals, contacts,
// companies and meetings. Every comparison of names goes through the record matcher.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { PortalClient } from '../../../portal/port.ts';
import type { Director } from '../../../vocabulary/director.ts';
import type { LocalDate } from '../../../vocabulary/requests.ts';
import { matchesName, needlesOf, sameName } from '../../matcher.ts';
import { eventSchema, parseItems, personName } from '../../portal-data.ts';
import { calendarCommand, eventsIn, meetingsMatching, meetingWindow, soonestFitting } from '../../schedule/events.ts';

// Only the fields a lookup selects: a write needs an id and the name the director knows it by.
const id = z.coerce.number().int();
const words = z.string().catch('');
export const taskSchema = z.object({ id, title: words, deadline: z.string().optional().catch(undefined) }).loose();
export const dealSchema = z
  .object({ ID: id, TITLE: words, STAGE_ID: words, CATEGORY_ID: z.coerce.number().int().catch(0) })
  .loose();
export const contactSchema = z.object({ ID: id, NAME: words, LAST_NAME: words }).loose();
export const companySchema = z.object({ ID: id, TITLE: words }).loose();

export type FoundTask = z.infer<typeof taskSchema>;
export type FoundDeal = z.infer<typeof dealSchema>;
export type FoundContact = z.infer<typeof contactSchema>;
export type FoundCompany = z.infer<typeof companySchema>;

/** True when every word of the query names a word of the text, in any case («Кузнецовым» fits «Кузнецов»). */
export const matchesQuery = (text: string, query: string) => matchesName(text, query, { prefix: true });

/** One list command per needle, all in one round trip; the union of their first pages. */
export async function listByNeedles(
  portal: PortalClient,
  method: string,
  field: string,
  needles: string[],
  params: { filter?: Record<string, unknown>; select: string[]; order?: Record<string, string> },
): Promise<unknown[]> {
  const commands = Object.fromEntries(
    needles.map((needle, index) => [
      `n${index}`,
      { method, params: { ...params, filter: { ...params.filter, [`%${field}`]: needle } } },
    ]),
  );
  const { results } = await portal.batch(commands);
  return Object.values(results).flatMap((result) => (Array.isArray(result) ? result : []));
}

export const uniqueBy = <T>(items: T[], key: (item: T) => number): T[] => [
  ...new Map(items.map((item) => [key(item), item])).values(),
];

/** Of the matches: the exact one if there is exactly one, else those matching by whole words, else all. */
function narrowed<T>(items: T[], titleOf: (item: T) => string, query: string): T[] {
  const exact = items.filter((item) => sameName(titleOf(item), query));
  if (exact.length === 1) return exact;
  // Every word of the query a whole word of the text («Иванов Пётр» fits «Пётр Иванов», not «Иван Петров»).
  const whole = items.filter((item) => matchesName(titleOf(item), query));
  return whole.length ? whole : items;
}

/** The director's own tasks and the ones they set for others, in one round trip; nobody else's. */
export async function findTasks(
  portal: PortalClient,
  director: Director,
  query: string,
  openOnly: boolean,
): Promise<FoundTask[]> {
  const filter: Record<string, unknown> = { '%TITLE': needlesOf(query, 1)[0] };
  if (openOnly) filter['<REAL_STATUS'] = 5;
  const params = (role: string) => ({
    filter: { ...filter, [role]: director.portalUserId },
    select: ['ID', 'TITLE', 'DEADLINE', 'STATUS', 'RESPONSIBLE_ID'],
    order: { DEADLINE: 'ASC' },
  });
  const { results } = await portal.batch({
    mine: { method: 'tasks.task.list', params: params('RESPONSIBLE_ID') },
    set: { method: 'tasks.task.list', params: params('CREATED_BY') },
  });
  const found = new Map<number, FoundTask>();
  for (const task of [...parseItems(taskSchema, results.mine), ...parseItems(taskSchema, results.set)])
    if (matchesQuery(task.title, query)) found.set(task.id, task);
  return narrowed([...found.values()], (task) => task.title, query);
}

const DEAL_FIELDS = ['ID', 'TITLE', 'STAGE_ID', 'CATEGORY_ID', 'OPPORTUNITY', 'CURRENCY_ID'];

/** The deals the words name; with `id` (a deal picked from a list just shown), that deal alone. */
export async function findDeals(
  portal: PortalClient,
  query: string,
  openOnly: boolean,
  id?: number,
): Promise<FoundDeal[]> {
  const filter = openOnly ? { STAGE_SEMANTIC_ID: 'P' } : {};
  if (id !== undefined)
    return parseItems(
      dealSchema,
      (await portal.call('crm.deal.list', { filter: { ...filter, ID: id }, select: DEAL_FIELDS })).result,
    );
  const raw = await listByNeedles(portal, 'crm.deal.list', 'TITLE', needlesOf(query), {
    filter,
    select: DEAL_FIELDS,
    order: { ID: 'DESC' },
  });
  const deals = uniqueBy(parseItems(dealSchema, raw), (deal) => deal.ID).filter((deal) =>
    matchesQuery(deal.TITLE, query),
  );
  if (deals.length === 0) return dealsOfCompanies(portal, query, filter);
  return narrowed(deals, (deal) => deal.TITLE, query);
}

/** «сделка с Ромашкой» whose title does not name the client: the deals of the companies that fit the name. */
async function dealsOfCompanies(
  portal: PortalClient,
  query: string,
  filter: Record<string, unknown>,
): Promise<FoundDeal[]> {
  const companies = await findCompanies(portal, query);
  if (companies.length === 0) return [];
  const { result } = await portal.call('crm.deal.list', {
    filter: { ...filter, '@COMPANY_ID': companies.map((company) => company.ID) },
    select: DEAL_FIELDS,
    order: { ID: 'DESC' },
  });
  return parseItems(dealSchema, result);
}

export async function findContacts(portal: PortalClient, query: string): Promise<FoundContact[]> {
  const [needle] = needlesOf(query, 1);
  const select = ['ID', 'NAME', 'LAST_NAME', 'POST', 'COMPANY_ID'];
  // A person may be named by the first or the last name: both in one round trip.
  const { results } = await portal.batch({
    byLast: { method: 'crm.contact.list', params: { filter: { '%LAST_NAME': needle }, select } },
    byFirst: { method: 'crm.contact.list', params: { filter: { '%NAME': needle }, select } },
  });
  const seen = new Map<number, FoundContact>();
  for (const contact of [...parseItems(contactSchema, results.byLast), ...parseItems(contactSchema, results.byFirst)])
    if (matchesQuery(personName(contact), query)) seen.set(contact.ID, contact);
  return narrowed([...seen.values()], personName, query);
}

export async function findCompanies(portal: PortalClient, query: string): Promise<FoundCompany[]> {
  const raw = await listByNeedles(portal, 'crm.company.list', 'TITLE', needlesOf(query), { select: ['ID', 'TITLE'] });
  const companies = uniqueBy(parseItems(companySchema, raw), (company) => company.ID).filter((company) =>
    matchesQuery(company.TITLE, query),
  );
  return narrowed(companies, (company) => company.TITLE, query);
}

export interface FoundMeeting {
  event: ReturnType<typeof eventsIn>[number];
  from: DateTime;
  to: DateTime;
}

/** The director's meetings that fit: on the day said, else the nearest ones around today (upcoming first). */
export async function findMeetings(
  portal: PortalClient,
  director: Director,
  query: string,
  date: LocalDate | undefined,
  now: Date,
): Promise<FoundMeeting[]> {
  const { timeZone, portalUserId } = director;
  const window = meetingWindow(date, now, timeZone);
  const read = calendarCommand(portalUserId, window);
  const { result } = await portal.call(read.method, read.params);
  const events = eventsIn(parseItems(eventSchema, result), window, timeZone, portalUserId);
  const time = /^\d{1,2}:\d{2}$/.test(query.trim()) ? query.trim().padStart(5, '0') : undefined;
  // A day with no name or time: every meeting of that day is a candidate, never just the next one.
  const fitting =
    !query.trim() && date
      ? events.filter((event) => !event.allDay)
      : meetingsMatching(events, time ? { time } : { query }, now);
  return soonestFitting(fitting, now).map((event) => ({
    event,
    from: DateTime.fromISO(event.from, { setZone: true }),
    to: DateTime.fromISO(event.to, { setZone: true }),
  }));
}
