import type { LocalDate } from '../../vocabulary/requests.ts';
import type { Choice, ViewModel } from '../../vocabulary/view-models.ts';
import { findReads, foundRecords } from '../clients/find-records.ts';
import type { ScenarioContext } from '../context.ts';
import { dealNamesFor, dealSelect, openDealFilter, toDealItem } from '../deals/open-deals.ts';
import { matchesName, wordsOf } from '../matcher.ts';
import { dealSchema, eventSchema, parseItems } from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { instantOf } from './day-window.ts';
import { calendarCommand, clashesOf, eventsIn, meetingsMatching, meetingWindow } from './events.ts';

/**
 * The words of a title that name a client: the quoted name first («Встреча с ООО «Ромашка»» → ромашка), else
 * the capitalised words after the first one. «Звонок инвестору» names nobody.
 */
function telling(title: string): string[] {
  const quoted = [...title.matchAll(/[«"“]([^«»"“”]+)[»"”]/g)].map((match) => match[1] ?? '');
  const source =
    quoted.length > 0
      ? quoted.join(' ')
      : title
          .split(/\s+/)
          .slice(1)
          .filter((word) => /^\p{Lu}/u.test(word))
          .join(' ');
  return wordsOf(source)
    .filter((word) => word.length >= 3)
    .slice(0, 3);
}

/** The meeting, who attends (name and position), the deals it is about, and what it clashes with. */
export async function meetingPrep(
  context: ScenarioContext,
  request: { time?: string; query?: string; eventId?: number; date?: LocalDate },
): Promise<ViewModel> {
  const { names, director, now, at } = context;
  const window = meetingWindow(request.date, now, director.timeZone);
  const openDeals: Read = {
    method: 'crm.deal.list',
    params: { order: { OPPORTUNITY: 'DESC' }, filter: openDealFilter, select: dealSelect },
    all: true,
  };
  const first = await readTogether(context, {
    events: calendarCommand(director.portalUserId, window),
    deals: openDeals,
    // When the meeting is asked by a name, its client can be looked up at once.
    ...(request.query ? findReads(request.query, ['company']) : {}),
  });
  const raw = parseItems(eventSchema, first.events.items);
  const events = eventsIn(raw, window, director.timeZone, director.portalUserId);
  const fitting = meetingsMatching(events, request, now);
  // A day said: each fitting meeting of that day is a choice. No day: the nearest one.
  const picked = request.date ? fitting.sort((a, b) => instantOf(a.from) - instantOf(b.from)) : fitting.slice(0, 1);
  const query = request.query ?? request.time ?? '';
  if (picked.length === 0)
    return { view: 'notFound', at, about: 'meeting', query, ...(request.date ? { date: request.date } : {}) };
  if (picked.length > 1) {
    const choices: Choice[] = picked.map((event) => ({
      kind: 'event',
      id: event.id,
      label: event.title,
      detail: event.from,
    }));
    return { view: 'choice', at, about: 'meeting', query, choices: { items: choices, total: choices.length } };
  }
  const event = picked[0]!;
  const source = raw.find((one) => one.ID === event.id);
  const words = telling(event.title);
  const candidates = parseItems(dealSchema, first.deals.items);
  const byTitle = candidates.filter((deal) => words.some((word) => matchesName(deal.TITLE, word, { prefix: true })));
  // The client's company: found at once when the meeting was asked by name; otherwise looked up only when
  // no deal's title names the client (one more request).
  const companies = request.query
    ? foundRecords(request.query, first).companies
    : byTitle.length === 0 && words.length > 0
      ? foundRecords(words.join(' '), await readTogether(context, findReads(words.join(' '), ['company']))).companies
      : [];
  const companyIds = new Set(companies.map((company) => company.ID));
  const related = candidates.filter(
    (deal) => byTitle.includes(deal) || (deal.COMPANY_ID !== undefined && companyIds.has(deal.COMPANY_ID)),
  );
  const attendeeIds = [
    ...(source?.MEETING_HOST ? [source.MEETING_HOST] : []),
    ...(source?.ATTENDEE_LIST ?? []).filter((attendee) => attendee.status !== 'N').map((attendee) => attendee.id),
  ].filter((id) => id !== director.portalUserId);
  const named = await dealNamesFor(names, related, attendeeIds);
  const attendees = [...new Set(attendeeIds)].flatMap((id) => {
    const person = named.people.get(id);
    return person ? [person] : [];
  });
  const clashes = clashesOf(events)
    .filter((clash) => clash.first.id === event.id || clash.second.id === event.id)
    .map((clash) => (clash.first.id === event.id ? clash.second : clash.first));
  return {
    view: 'meetingPrep',
    at,
    event: { ...event, ...(source?.DESCRIPTION ? { description: source.DESCRIPTION } : {}) },
    attendees,
    deals: related.map((deal) => {
      const company = companies.find((one) => one.ID === deal.COMPANY_ID);
      return toDealItem(deal, { ...named, ...(company ? { companyTitle: company.TITLE } : {}) });
    }),
    clashes,
  };
}
