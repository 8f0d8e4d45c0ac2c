// The people to reach at a client: «контакты Ромашки», «кто у нас в Ромашке», «телефон Ромашкина». One company
// found lists its people; people found by name are listed with their company; several companies are a choice.

import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { companyPeopleRead, personCard } from '../people.ts';
import { companySchema, contactSchema, parseItems } from '../portal-data.ts';
import { aboutEmployee } from '../questions/query-run.ts';
import { readTogether } from '../reads.ts';
import { choiceOrNotFound, companyChoice } from './dossier.ts';
import { findReads, foundRecords } from './find-records.ts';

const peopleLimit = 15;

export async function contacts(context: ScenarioContext, query: string): Promise<ViewModel> {
  const { at } = context;
  const found = foundRecords(query, await readTogether(context, findReads(query, ['contact', 'company'])));
  const [company] = found.companies;
  if (company && found.companies.length === 1) {
    const read = await readTogether(context, { people: companyPeopleRead(company.ID) });
    const people = parseItems(contactSchema, read.people.items).map((contact) => personCard(contact, company.TITLE));
    return {
      view: 'contacts',
      at,
      query,
      companyTitle: company.TITLE,
      people: { items: people.slice(0, peopleLimit), total: read.people.total ?? people.length },
    };
  }
  if (found.contacts.length > 0) {
    const companyIds = [...new Set(found.contacts.flatMap((contact) => contact.COMPANY_ID ?? []))];
    const titles = new Map<number, string>();
    if (companyIds.length) {
      const read = await readTogether(context, {
        companies: { method: 'crm.company.list', params: { filter: { ID: companyIds }, select: ['ID', 'TITLE'] } },
      });
      for (const item of parseItems(companySchema, read.companies.items)) titles.set(item.ID, item.TITLE);
    }
    const people = found.contacts.map((contact) =>
      personCard(contact, contact.COMPANY_ID ? titles.get(contact.COMPANY_ID) : undefined),
    );
    return { view: 'contacts', at, query, people: { items: people.slice(0, peopleLimit), total: people.length } };
  }
  // «контакты Попова», and Попов is no client but an employee: the contacts he is responsible for.
  const employee = found.companies.length === 0 ? await aboutEmployee(context, query, 'contacts') : undefined;
  if (employee) return employee;
  return choiceOrNotFound(context, 'dossier', query, found.companies.map(companyChoice), peopleLimit);
}
