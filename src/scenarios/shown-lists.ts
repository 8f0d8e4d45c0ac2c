// What each view shows of records, in the order and up to the length the director sees them, so «открой
// третью», «закрой её», «перенеси срок второй» refer to a line on the screen. Each entry names the parts of
// its views (entry.ts `shown`); the registry reads them for every view alike.
import { localDateOf } from '../views/format.ts';
import { listLimit, totalOf } from '../views/lines.ts';
import type { ShownItem } from '../vocabulary/shown-items.ts';
import type {
  ContactCard,
  DealItem,
  EventItem,
  LeadItem,
  Person,
  TaskItem,
  TeamMember,
} from '../vocabulary/view-models.ts';
import { dealsAsShown } from './deals/deals-view.ts';
import type { ShownParts, ViewOf } from './entry.ts';

const deal = (one: DealItem): ShownItem => ({ kind: 'deal', id: one.id, title: one.title });
const task = (one: TaskItem): ShownItem => ({ kind: 'task', id: one.id, title: one.title });
const lead = (one: LeadItem): ShownItem => ({ kind: 'lead', id: one.id, title: one.title });
const contact = (one: ContactCard): ShownItem => ({ kind: 'contact', id: one.id, title: one.name });
const someone = (one: Person): ShownItem => ({ kind: 'person', id: one.id, title: one.name });
const member = (one: TeamMember): ShownItem => someone(one.person);
const event = (one: EventItem): ShownItem => ({
  kind: 'event',
  id: one.id,
  title: one.title,
  date: one.from.slice(0, 10),
});

/** The first `limit` of a list, as shown. */
const first = <T>(items: readonly T[], as: (item: T) => ShownItem, limit = listLimit) => items.slice(0, limit).map(as);

export const SHOWN_DEALS: ShownParts<'deals'> = (view) => {
  // The stuck ones stand first, under their warning; the rest follow, and go on by sum from the first not shown.
  const items = dealsAsShown(view.deals.items).map(deal);
  const others =
    items.length - Math.min(view.deals.items.filter((one) => one.stuckDays !== undefined).length, listLimit);
  return { items, total: view.deals.total, more: { query: { subject: 'deals', status: 'open' }, from: others } };
};

export const SHOWN_DEAL_CARD: ShownParts<'dealCard'> = (view) => ({ one: deal(view.deal) });

export const SHOWN_PIPELINE: ShownParts<'pipeline'> = (view) => ({
  items: first(view.stuck.items, deal, 10),
  total: totalOf(view.stuck),
});

export const SHOWN_TASKS: ShownParts<'tasks'> = (view) => ({
  items: first(view.tasks.items, task),
  total: view.tasks.total,
  more: { query: { subject: 'tasks', person: 'me' }, from: listLimit },
});

export const SHOWN_SCHEDULE: ShownParts<'schedule'> = (view) => {
  if (!view.to || view.to === view.date)
    return { items: [...first(view.events, event, 30), ...first(view.tasks, task)] };
  // Several days: day by day, each day's meetings before its tasks (a task without a deadline is not shown).
  // A task overdue from before the first day stands under the first day.
  const dayOf = (date: string) => [view.date, localDateOf(date)].sort().at(-1)!;
  const lines = [
    ...view.events.map((one) => ({ day: dayOf(one.from), item: event(one) })),
    ...view.tasks.flatMap((one) => (one.deadline ? [{ day: dayOf(one.deadline), item: task(one) }] : [])),
  ];
  const days = [...new Set(lines.map((line) => line.day))].sort();
  return { items: days.flatMap((day) => lines.filter((line) => line.day === day).map((line) => line.item)) };
};

export const SHOWN_MEETING: ShownParts<'meetingPrep'> = (view) => ({ one: event(view.event) });

export const SHOWN_DOSSIER: ShownParts<'dossier'> = (view) => ({
  one:
    view.card.kind === 'company'
      ? { kind: 'company', id: view.card.id, title: view.card.title }
      : { kind: 'contact', id: view.card.id, title: view.card.name },
  items: [...first(view.people?.items ?? [], contact, 8), ...first(view.deals.items, deal, 10)],
  total: (view.people ? totalOf(view.people) : 0) + totalOf(view.deals),
});

export const SHOWN_CONTACTS: ShownParts<'contacts'> = (view) => ({
  items: first(view.people.items, contact, 15),
  total: totalOf(view.people),
});

export const SHOWN_LEAD: ShownParts<'leadCard'> = (view) => ({ one: lead(view.lead) });

// The new leads of the last day: no question in words covers that span, so the list does not go on in parts.
export const SHOWN_NEW_LEADS: ShownParts<'newLeads'> = (view) => ({
  items: first(view.leads.items, lead),
  total: totalOf(view.leads),
});

export const SHOWN_OVERDUE: ShownParts<'overdueAlert'> = (view) => ({
  items: [...first(view.overdue.items, task, 10), ...first(view.stuck.items, deal, 10)],
  total: totalOf(view.overdue) + totalOf(view.stuck),
});

export const SHOWN_TEAM: ShownParts<'teamStatus'> = (view) => ({
  items: first(
    [...view.members].sort((a, b) => b.overdueTasks - a.overdueTasks),
    member,
    40,
  ),
});

export const SHOWN_RISKS: ShownParts<'dealsAtRisk'> = (view) => ({
  items: first(view.deals.items, deal, 10),
  total: totalOf(view.deals),
});

export const SHOWN_ABSENT: ShownParts<'absence'> = (view) => ({
  items: [...view.away.map((one) => someone(one.person)), ...(view.notStarted ?? []).map(someone)],
});

export const SHOWN_PEOPLE_WITH_NONE: ShownParts<'withNone'> = (view) => ({ items: view.people.map(someone) });

export const SHOWN_QUERY: ShownParts<'query'> = (view) => {
  const items = queryItems(view.result);
  return items
    ? { items, total: view.total, more: { query: view.query, from: view.offset + items.length } }
    : { total: view.total };
};

function queryItems(result: ViewOf<'query'>['result']): ShownItem[] | undefined {
  switch (result.kind) {
    case 'deals':
      return result.items.map(deal);
    case 'tasks':
      return result.items.map(task);
    case 'leads':
      return result.items.map(lead);
    case 'events':
      return result.items.map(event);
    case 'records':
      return result.items.map((record) => ({ kind: record.kind, id: record.id, title: record.label }));
    default:
      return undefined;
  }
}
