import type { Choice, CompanyCard, ContactCard, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import {
  activitiesRead,
  byRecency,
  dealCard,
  dealCardFrom,
  dealCardReads,
  toActivityItem,
} from '../deals/deal-card.ts';
import { dealNamesFor, dealSelect, openDealFilter, toDealItem } from '../deals/open-deals.ts';
import { companyPeopleRead, personCard } from '../people.ts';
import {
  activitySchema,
  companySchema,
  contactSchema,
  dealSchema,
  type PortalCompany,
  type PortalContact,
  parseItems,
  personName,
} from '../portal-data.ts';
import { aboutEmployee } from '../questions/query-run.ts';
import { type Read, type ReadResult, readTogether } from '../reads.ts';
import { findReads, foundRecords } from './find-records.ts';

const choiceLimit = 10;

export const contactChoice = (contact: PortalContact): Choice => ({
  kind: 'contact',
  id: contact.ID,
  label: personName(contact),
  ...(contact.POST ? { detail: contact.POST } : {}),
});
export const companyChoice = (company: PortalCompany): Choice => ({
  kind: 'company',
  id: company.ID,
  label: company.TITLE,
});

type ClientKind = 'contact' | 'company';
type CardPart = 'record' | 'company' | 'people' | 'deals' | 'activities';

/**
 * The reads of a client's card. `id` is a number, or a batch reference to an id found earlier in the same
 * request (`$result[…][0][ID]`); `prefix` keeps the names apart from the other reads of that request.
 */
function clientCardReads(kind: ClientKind, id: number | string, prefix = ''): Record<string, Read> {
  const isContact = kind === 'contact';
  // Read ahead of the search's result, a failure only means the card is read again afterwards.
  const speculative = prefix !== '';
  return {
    [`${prefix}record`]: { method: isContact ? 'crm.contact.get' : 'crm.company.get', params: { id }, optional: true },
    // A contact's company, by reference to the contact's own field (a company answers with itself).
    [`${prefix}company`]: {
      method: 'crm.company.get',
      params: { id: isContact ? `$result[${prefix}record][COMPANY_ID]` : id },
      optional: true,
    },
    // A company card lists its people.
    ...(isContact ? {} : { [`${prefix}people`]: companyPeopleRead(id, speculative) }),
    [`${prefix}deals`]: {
      method: 'crm.deal.list',
      params: {
        order: { ID: 'ASC' },
        filter: { ...openDealFilter, [isContact ? 'CONTACT_ID' : 'COMPANY_ID']: id },
        select: dealSelect,
      },
      optional: speculative,
    },
    [`${prefix}activities`]: activitiesRead(isContact ? 3 : 4, id, speculative),
  };
}

/** The card from its reads, or undefined when the record is not the one wanted (or not there at all). */
async function clientCardFrom(
  context: ScenarioContext,
  kind: ClientKind,
  reads: Record<CardPart, ReadResult | undefined>,
  wantedId?: number,
): Promise<ViewModel | undefined> {
  const { names, director, at } = context;
  const company = companySchema.safeParse(reads.company?.result).data;
  let card: ContactCard | CompanyCard | undefined;
  if (kind === 'contact') {
    const contact = contactSchema.safeParse(reads.record?.result).data;
    if (contact) card = personCard(contact, company && contact.COMPANY_ID === company.ID ? company.TITLE : undefined);
  } else if (company) {
    card = { kind: 'company', id: company.ID, title: company.TITLE, phones: company.PHONE, emails: company.EMAIL };
  }
  if (
    !card ||
    (wantedId !== undefined && card.id !== wantedId) ||
    reads.deals?.failed ||
    reads.activities?.failed ||
    reads.people?.failed
  ) {
    return undefined;
  }
  const raw = parseItems(dealSchema, reads.deals?.items);
  const named = await dealNamesFor(names, raw);
  const deals = raw
    .map((deal) => toDealItem(deal, named))
    .sort((a, b) => b.amount.amount - a.amount.amount || a.id - b.id);
  return {
    view: 'dossier',
    at,
    card,
    ...(card.kind === 'company' && reads.people
      ? {
          people: {
            items: parseItems(contactSchema, reads.people.items).map((contact) => personCard(contact)),
            total: reads.people.total,
          },
        }
      : {}),
    deals: { items: deals, total: reads.deals?.total ?? deals.length },
    activities: parseItems(activitySchema, reads.activities?.items)
      .map((activity) => toActivityItem(activity, director.timeZone))
      .sort(byRecency)
      .slice(0, 5),
  };
}

const partsOf = (results: Record<string, ReadResult>, prefix: string): Record<CardPart, ReadResult | undefined> => ({
  record: results[`${prefix}record`],
  company: results[`${prefix}company`],
  people: results[`${prefix}people`],
  deals: results[`${prefix}deals`],
  activities: results[`${prefix}activities`],
});

/** A contact's or a company's card: who, how to reach them, their open deals, their latest activities. */
async function clientCard(
  context: ScenarioContext,
  record: { contactId: number } | { companyId: number },
): Promise<ViewModel> {
  const kind: ClientKind = 'contactId' in record ? 'contact' : 'company';
  const id = 'contactId' in record ? record.contactId : record.companyId;
  const reads = await readTogether(context, clientCardReads(kind, id));
  return (
    (await clientCardFrom(context, kind, partsOf(reads, ''))) ?? {
      view: 'notFound',
      at: context.at,
      about: 'dossier',
      query: '',
    }
  );
}

// The card of the first company and the first contact a search finds ride in the search's own request, by
// reference: when exactly that one record matches, its card is ready without asking the portal again.
const firstFound: Record<ClientKind, { search: string; prefix: string }> = {
  company: { search: 'company_TITLE_0', prefix: 'companyCard_' },
  contact: { search: 'contact_LAST_NAME_0', prefix: 'contactCard_' },
};

/** Reads for a search with the cards of its first company, first contact (and first deal) read ahead. */
export function searchWithCards(reads: Record<string, Read>): Record<string, Read> {
  const out = { ...reads };
  for (const [kind, { search, prefix }] of Object.entries(firstFound) as [
    ClientKind,
    (typeof firstFound)[ClientKind],
  ][]) {
    if (search in reads) Object.assign(out, clientCardReads(kind, `$result[${search}][0][ID]`, prefix));
  }
  if (firstDeal.search in reads)
    Object.assign(out, dealCardReads(`$result[${firstDeal.search}][0][ID]`, firstDeal.prefix));
  return out;
}

const firstDeal = { search: 'deal_TITLE_0', prefix: 'dealCard_' };

/** The card of the one deal a search found: from the search's own request when it was the first found. */
export async function foundDealCard(
  context: ScenarioContext,
  id: number,
  results: Record<string, ReadResult>,
): Promise<ViewModel> {
  return (await dealCardFrom(context, results, firstDeal.prefix, id)) ?? dealCard(context, id);
}

/** The card of the one client a search found: from the search's own request when it was the first found. */
export async function foundClientCard(
  context: ScenarioContext,
  kind: ClientKind,
  id: number,
  results: Record<string, ReadResult>,
): Promise<ViewModel> {
  const ready = await clientCardFrom(context, kind, partsOf(results, firstFound[kind].prefix), id);
  return ready ?? clientCard(context, kind === 'contact' ? { contactId: id } : { companyId: id });
}

/** A client by any part of the name: one match shows the card, several a list to pick from. */
export async function dossier(
  context: ScenarioContext,
  request: { query?: string; contactId?: number; companyId?: number },
): Promise<ViewModel> {
  if (request.contactId) return clientCard(context, { contactId: request.contactId });
  if (request.companyId) return clientCard(context, { companyId: request.companyId });
  const query = (request.query ?? '').trim();
  const reads = await readTogether(context, searchWithCards(findReads(query, ['contact', 'company'])));
  const found = foundRecords(query, reads);
  const choices = [...found.companies.map(companyChoice), ...found.contacts.map(contactChoice)];
  const only = choices.length === 1 ? choices[0] : undefined;
  if (only?.kind === 'contact' || only?.kind === 'company') return foundClientCard(context, only.kind, only.id, reads);
  // «расскажи про Орлову», «как дела у Соколова»: an employee, not a client — their tasks.
  const employee = choices.length === 0 && query ? await aboutEmployee(context, query, 'tasks') : undefined;
  return employee ?? choiceOrNotFound(context, 'dossier', query, choices, choiceLimit);
}

/** What the search found, to pick from (the first `limit` of them), or a plain "not found". */
export function choiceOrNotFound(
  context: ScenarioContext,
  about: 'dossier' | 'search',
  query: string,
  choices: Choice[],
  limit: number,
): ViewModel {
  if (choices.length === 0) {
    // The router takes a lower-case word for a name only by its place («что с ромашкой»): found nothing, it may
    // have been no name at all («что с оплатами»).
    const guessed = about === 'dossier' && query !== '' && !/\p{Lu}/u.test(query);
    return { view: 'notFound', at: context.at, about, query, ...(guessed ? { guessed } : {}) };
  }
  return {
    view: 'choice',
    at: context.at,
    about,
    query,
    choices: { items: choices.slice(0, limit), total: choices.length },
  };
}
