import type { ScenarioContext } from './context.ts';
import { byRecency, toActivityItem } from './deal-card.ts';
import { findReads, foundRecords } from './find-records.ts';
import { dealSelect, openDealFilter, toDealItem } from './open-deals.ts';
import {
  activitySchema,
  companySchema,
  contactSchema,
  dealSchema,
  type PortalCompany,
  type PortalContact,
  parseItems,
  personName,
} from './portal-data.ts';
import { readTogether } from './reads.ts';
import type { Choice, CompanyCard, ContactCard, ViewModel } from './view-models.ts';

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

/** A contact's or a company's card: who, how to reach them, their open deals, their latest activities. */
export async function clientCard(
  context: ScenarioContext,
  record: { contactId: number } | { companyId: number },
): Promise<ViewModel> {
  const { names, director, at } = context;
  const isContact = 'contactId' in record;
  const id = isContact ? record.contactId : record.companyId;
  const reads = await readTogether(context, {
    record: { method: isContact ? 'crm.contact.get' : 'crm.company.get', params: { id }, optional: true },
    // A contact's company, by reference to the contact's own field (a company answers with itself).
    company: {
      method: 'crm.company.get',
      params: { id: isContact ? '$result[record][COMPANY_ID]' : id },
      optional: true,
    },
    deals: {
      method: 'crm.deal.list',
      params: {
        order: { OPPORTUNITY: 'DESC' },
        filter: { ...openDealFilter, [isContact ? 'CONTACT_ID' : 'COMPANY_ID']: id },
        select: dealSelect,
      },
    },
    activities: {
      method: 'crm.activity.list',
      params: {
        order: { ID: 'DESC' },
        filter: { OWNER_TYPE_ID: isContact ? 3 : 4, OWNER_ID: id },
        select: [
          'ID',
          'SUBJECT',
          'TYPE_ID',
          'OWNER_ID',
          'OWNER_TYPE_ID',
          'DEADLINE',
          'START_TIME',
          'CREATED',
          'COMPLETED',
        ],
      },
    },
  });
  const company = companySchema.safeParse(reads.company.result).data;
  let card: ContactCard | CompanyCard | undefined;
  if (isContact) {
    const contact = contactSchema.safeParse(reads.record.result).data;
    if (contact) {
      card = {
        kind: 'contact',
        id: contact.ID,
        name: personName(contact),
        phones: contact.PHONE,
        emails: contact.EMAIL,
      };
      if (contact.POST) card.position = contact.POST;
      if (company && contact.COMPANY_ID === company.ID) card.companyTitle = company.TITLE;
    }
  } else if (company) {
    card = { kind: 'company', id: company.ID, title: company.TITLE, phones: company.PHONE, emails: company.EMAIL };
  }
  if (!card) return { view: 'notFound', at, about: 'dossier', query: '' };
  const raw = parseItems(dealSchema, reads.deals.items);
  const [stages, pipelines, people] = await Promise.all([
    names.stages(),
    names.pipelines(),
    names.users(raw.map((deal) => deal.ASSIGNED_BY_ID ?? 0).filter((one) => one > 0)),
  ]);
  const deals = raw.map((deal) => toDealItem(deal, { stages, pipelines, people }));
  return {
    view: 'dossier',
    at,
    card,
    deals: { items: deals, total: reads.deals.total },
    activities: parseItems(activitySchema, reads.activities.items)
      .map((activity) => toActivityItem(activity, director.timeZone))
      .sort(byRecency)
      .slice(0, 5),
  };
}

/** A client by any part of the name: one match shows the card, several a list to pick from. */
export async function dossier(
  context: ScenarioContext,
  request: { query?: string; contactId?: number; companyId?: number },
): Promise<ViewModel> {
  if (request.contactId) return clientCard(context, { contactId: request.contactId });
  if (request.companyId) return clientCard(context, { companyId: request.companyId });
  const query = (request.query ?? '').trim();
  const reads = await readTogether(context, findReads(query, ['contact', 'company']));
  const found = foundRecords(query, reads);
  const choices = [...found.companies.map(companyChoice), ...found.contacts.map(contactChoice)];
  const only = choices.length === 1 ? choices[0] : undefined;
  if (only) return clientCard(context, only.kind === 'contact' ? { contactId: only.id } : { companyId: only.id });
  if (choices.length === 0) return { view: 'notFound', at: context.at, about: 'dossier', query };
  return {
    view: 'choice',
    at: context.at,
    about: 'dossier',
    query,
    choices: { items: choices.slice(0, choiceLimit), total: choices.length },
  };
}
