// A client's people as the views show them: name, position, company, phones and e-mails.

import type { ContactCard } from '../vocabulary/view-models.ts';
import { type PortalContact, personName } from './portal-data.ts';
import type { Read } from './reads.ts';

export const contactSelect = ['ID', 'NAME', 'LAST_NAME', 'POST', 'COMPANY_ID', 'PHONE', 'EMAIL'];

/** The people of one company, by the company's id (or a batch reference to it). */
export const companyPeopleRead = (companyId: number | string, optional = false): Read => ({
  method: 'crm.contact.list',
  params: { order: { LAST_NAME: 'ASC' }, filter: { COMPANY_ID: companyId }, select: contactSelect },
  optional,
});

export const personCard = (contact: PortalContact, companyTitle?: string): ContactCard => ({
  kind: 'contact',
  id: contact.ID,
  name: personName(contact),
  ...(contact.POST ? { position: contact.POST } : {}),
  ...(companyTitle ? { companyTitle } : {}),
  phones: contact.PHONE,
  emails: contact.EMAIL,
});
