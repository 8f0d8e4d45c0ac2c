// «открой третью», «подробнее про неё»: the view that opens one record the director was just shown.
import type { ScenarioRequest } from '../vocabulary/requests.ts';
import type { ShownItem } from '../vocabulary/shown-items.ts';

/** A deal's card, a client's dossier, a meeting's preparation, a lead by its name, a person's open tasks. */
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
    case 'person':
      return { scenario: 'query', query: { subject: 'tasks', person: item.title, status: 'open' } };
    case 'task':
      return undefined;
  }
}
