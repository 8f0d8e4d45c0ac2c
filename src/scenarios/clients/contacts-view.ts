// The people to reach at a client: one line each with position, company, phone and e-mail.

import {
  buttonLabel,
  hintLine,
  listLines,
  opens,
  type Page,
  portalText,
  quoted,
  sections,
  titleText,
  totalOf,
} from '../../views/lines.ts';
import {
  CONTACTS_EMPTY_HINT,
  CONTACTS_HINT,
  contactsMatching,
  NOBODY_AT_COMPANY,
} from '../../views/messages-clients.ts';
import type { Button } from '../../views/reply.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { RecordLinks } from '../../vocabulary/record-links.ts';
import type { ContactCard, Listed, ViewModel } from '../../vocabulary/view-models.ts';

/** «Пётр Иванов — Коммерческий директор, ООО «Ромашка» · 📞 +7 … · ✉️ …» */
export function personLine(person: ContactCard, language: Language, withCompany = true, links?: RecordLinks): string {
  const about = [person.position, withCompany ? person.companyTitle : undefined].flatMap((text) =>
    text ? [portalText(text)] : [],
  );
  const reach = [
    ...person.phones.map((phone) => `📞 ${portalText(phone)}`),
    ...person.emails.map((email) => `✉️ ${portalText(email)}`),
  ];
  const name = `<b>${titleText(person.name, language)}</b>`;
  return (
    [about.length ? `${name} — ${about.join(', ')}` : name, ...reach].join(' · ') + opens(links, 'contact', person.id)
  );
}

/** The people of a company card or a contacts list, cut to `limit` with «…и ещё 3 контакта». */
export const peopleLines = (
  people: Listed<ContactCard>,
  language: Language,
  withCompany: boolean,
  limit = 15,
  links?: RecordLinks,
) => listLines(people, (person) => personLine(person, language, withCompany, links), 'contact', language, limit);

/** Buttons that open a person's card. */
export const peopleButtons = (people: ContactCard[], max = 5): Button[][] =>
  people.slice(0, max).map((person) => [
    {
      text: buttonLabel('👤 ', person.name),
      action: { kind: 'show', request: { scenario: 'dossier', contactId: person.id } },
    },
  ]);

export function renderContacts(view: Extract<ViewModel, { view: 'contacts' }>, language: Language): Page {
  const total = totalOf(view.people);
  const whose = view.companyTitle
    ? say(
        language,
        `Контакты ${titleText(view.companyTitle, language)}`,
        `Contacts at ${titleText(view.companyTitle, language)}`,
      )
    : contactsMatching(quoted(portalText(view.query), language), language);
  if (total === 0)
    return {
      lines: sections(`👥 <b>${whose}</b>: ${NOBODY_AT_COMPANY[language]}`, hintLine(CONTACTS_EMPTY_HINT[language])),
    };
  return {
    lines: sections(
      `👥 <b>${whose}</b>: ${count(total, 'contact', language)}`,
      peopleLines(view.people, language, !view.companyTitle, 15, view.links),
      hintLine(CONTACTS_HINT[language]),
    ),
    buttons: peopleButtons(view.people.items),
  };
}
