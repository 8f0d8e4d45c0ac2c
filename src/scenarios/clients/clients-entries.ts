// The clients: a dossier, a search across the CRM, the people to reach.
import { READS } from '../../vocabulary/catalogue.ts';
import { defineScenario, renders } from '../entry.ts';
import { renderLeadCard } from '../reports/leads-view.ts';
import { SHOWN_CONTACTS, SHOWN_DOSSIER, SHOWN_LEAD } from '../shown-lists.ts';
import { contacts } from './contacts.ts';
import { renderContacts } from './contacts-view.ts';
import { dossier } from './dossier.ts';
import { renderDossier } from './dossier-view.ts';
import { search } from './search.ts';

export const DOSSIER = defineScenario({
  name: 'dossier',
  request: READS.dossier,
  run: (context, request) => dossier(context, request),
  views: renders({ dossier: renderDossier }),
  shown: { dossier: SHOWN_DOSSIER },
  status: { ru: 'Собираю досье…', en: 'Gathering the dossier…' },
  code: 'ds',
});

export const SEARCH = defineScenario({
  name: 'search',
  request: READS.search,
  run: (context, request) => search(context, request.query),
  views: renders({ leadCard: renderLeadCard }),
  shown: { leadCard: SHOWN_LEAD },
  status: { ru: 'Ищу…', en: 'Searching…' },
  code: 'se',
  tool: 'Поиск по контактам, компаниям, сделкам',
});

export const CONTACTS = defineScenario({
  name: 'contacts',
  request: READS.contacts,
  run: (context, request) => contacts(context, request.query),
  views: renders({ contacts: renderContacts }),
  shown: { contacts: SHOWN_CONTACTS },
  status: { ru: 'Ищу контакты…', en: 'Looking up the contacts…' },
  code: 'cn',
  exportList: 'contacts',
});
