import { dealLine } from '../../views/items.ts';
import { hintLine, listLines, type Page, portalText, sections, titleText, totalOf } from '../../views/lines.ts';
import { DOSSIER_HINT } from '../../views/messages-clients.ts';
import { NO_OPEN_DEALS, OPEN_DEALS } from '../../views/messages-deals.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { activitiesSection } from '../deals/deal-card-view.ts';
import { dealButtons } from '../deals/deals-view.ts';
import { peopleLines } from './contacts-view.ts';

export function renderDossier(view: Extract<ViewModel, { view: 'dossier' }>, language: Language): Page {
  const { card } = view;
  const header =
    card.kind === 'contact'
      ? [
          `👤 <b>${titleText(card.name, language)}</b>`,
          // Position and company on one line, or no line at all.
          [card.position, card.companyTitle].flatMap((text) => (text ? [portalText(text)] : [])).join(', '),
        ].filter(Boolean)
      : [`🏢 <b>${titleText(card.title, language)}</b>`];
  const reach = [
    ...card.phones.map((phone) => `📞 ${portalText(phone)}`),
    ...card.emails.map((email) => `✉️ ${portalText(email)}`),
  ];
  const dealCount = totalOf(view.deals);
  const people = view.people && totalOf(view.people) > 0 ? view.people : undefined;
  return {
    lines: sections(
      header,
      reach,
      people && [
        `👥 ${say(language, 'Контакты', 'Contacts')} (${totalOf(people)}):`,
        ...peopleLines(people, language, false, 8),
      ],
      dealCount > 0
        ? [
            `💼 ${OPEN_DEALS[language]} (${dealCount}):`,
            ...listLines(view.deals, (deal) => dealLine(deal, language, { links: view.links }), 'deal', language, 10),
          ]
        : `💼 ${NO_OPEN_DEALS[language]}`,
      activitiesSection(view.activities, view.at, language),
      hintLine(DOSSIER_HINT[language]),
    ),
    buttons: dealButtons(view.deals.items, 3),
  };
}
