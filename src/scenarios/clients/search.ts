import type { Choice, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { personName } from '../portal-data.ts';
import { readTogether } from '../reads.ts';
import {
  choiceOrNotFound,
  companyChoice,
  contactChoice,
  foundClientCard,
  foundDealCard,
  searchWithCards,
} from './dossier.ts';
import { findReads, foundRecords } from './find-records.ts';
import { toLeadItems } from './leads.ts';

const choiceLimit = 15;

/** Contacts, companies, deals and leads matching every word of the query; one match shows its card. */
export async function search(context: ScenarioContext, query: string): Promise<ViewModel> {
  const reads = await readTogether(context, searchWithCards(findReads(query, ['contact', 'company', 'deal', 'lead'])));
  const found = foundRecords(query, reads);
  const choices: Choice[] = [
    ...found.companies.map(companyChoice),
    ...found.contacts.map(contactChoice),
    ...found.deals.map((deal): Choice => ({ kind: 'deal', id: deal.ID, label: deal.TITLE })),
    ...found.leads.map((lead): Choice => ({ kind: 'lead', id: lead.ID, label: lead.TITLE || personName(lead) })),
  ];
  const only = choices.length === 1 ? choices[0] : undefined;
  if (only?.kind === 'contact' || only?.kind === 'company') return foundClientCard(context, only.kind, only.id, reads);
  if (only?.kind === 'deal') return foundDealCard(context, only.id, reads);
  const lead = only?.kind === 'lead' ? found.leads[0] : undefined;
  if (lead) {
    const [item] = await toLeadItems(context, [lead]);
    if (item) {
      const name = personName(lead);
      return {
        view: 'leadCard',
        at: context.at,
        lead: { ...item, ...(name ? { name } : {}), phones: lead.PHONE, emails: lead.EMAIL },
      };
    }
  }
  return choiceOrNotFound(context, 'search', query, choices, choiceLimit);
}
