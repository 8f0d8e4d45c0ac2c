// «открой третью», «подробнее о первой»: the items of the last list shown, in the order shown, kept in the
// conversation memory so a follow-up opens the n-th of them.
import { z } from 'zod';
import { dealsAsShown } from '../scenarios/deals/deals-view.ts';
import type { ScenarioRequest } from '../vocabulary/requests.ts';
import type { ViewModel } from '../vocabulary/view-models.ts';

export const shownItemSchema = z.object({
  kind: z.enum(['deal', 'company', 'contact', 'event', 'task', 'lead']),
  id: z.number().int().positive(),
  title: z.string(),
  /** A meeting's day, so its preparation opens on it. */
  date: z.string().optional(),
});
export type ShownItem = z.output<typeof shownItemSchema>;

/** The items a list view shows, in its order; undefined for a view that is no list of records. */
export function shownItemsOf(model: ViewModel): ShownItem[] | undefined {
  switch (model.view) {
    case 'deals':
      return dealsAsShown(model.deals.items).map((deal) => ({ kind: 'deal', id: deal.id, title: deal.title }));
    case 'tasks':
      return model.tasks.items.map((task) => ({ kind: 'task', id: task.id, title: task.title }));
    case 'newLeads':
      return model.leads.items.map((lead) => ({ kind: 'lead', id: lead.id, title: lead.title }));
    case 'query':
      return queryItems(model.result);
    default:
      return undefined;
  }
}

function queryItems(result: Extract<ViewModel, { view: 'query' }>['result']): ShownItem[] | undefined {
  switch (result.kind) {
    case 'deals':
      return result.items.map((deal) => ({ kind: 'deal', id: deal.id, title: deal.title }));
    case 'tasks':
      return result.items.map((task) => ({ kind: 'task', id: task.id, title: task.title }));
    case 'leads':
      return result.items.map((lead) => ({ kind: 'lead', id: lead.id, title: lead.title }));
    case 'events':
      return result.items.map((event) => ({
        kind: 'event',
        id: event.id,
        title: event.title,
        date: event.from.slice(0, 10),
      }));
    case 'records':
      return result.items.map((record) => ({ kind: record.kind, id: record.id, title: record.label }));
    default:
      return undefined;
  }
}

/** The view that opens one item: a deal's card, a client's dossier, a meeting's preparation, a lead by its name. */
export function openingOf(item: ShownItem): ScenarioRequest | undefined {
  switch (item.kind) {
    case 'deal':
      return { scenario: 'dealCard', dealId: item.id };
    case 'company':
      return { scenario: 'dossier', companyId: item.id };
    case 'contact':
      return { scenario: 'dossier', contactId: item.id };
    case 'event':
      return { scenario: 'meetingPrep', eventId: item.id, ...(item.date ? { date: item.date } : {}) };
    case 'lead':
      return { scenario: 'search', query: item.title };
    case 'task':
      return undefined;
  }
}
