// New leads: the digest of the last 24 hours and one lead's card.

import { dayInWords, localDateOf, timeOf } from '../../views/format.ts';
import { leadLine } from '../../views/items.ts';
import { hintLine, listLines, type Page, portalText, sections, titleText, totalOf } from '../../views/lines.ts';
import { LEAD_HINT, LEADS_HINT, NEW_LEADS_DAY } from '../../views/messages-reports.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';

export function renderNewLeads(view: Extract<ViewModel, { view: 'newLeads' }>, language: Language): Page {
  const total = totalOf(view.leads);
  return {
    lines: sections(
      `🆕 ${NEW_LEADS_DAY[language]}: ${total}`,
      listLines(view.leads, (lead) => leadLine(lead, view.at, language, view.links), 'lead', language),
      hintLine(LEADS_HINT[language]),
    ),
  };
}

export function renderLeadCard(view: Extract<ViewModel, { view: 'leadCard' }>, language: Language): Page {
  const { lead } = view;
  const facts = [
    lead.name ? `👤 ${portalText(lead.name)}` : '',
    lead.statusName ? `📍 ${say(language, 'Статус', 'Status')}: ${portalText(lead.statusName)}` : '',
    lead.sourceName ? `📣 ${say(language, 'Источник', 'Source')}: ${portalText(lead.sourceName)}` : '',
    lead.responsible ? `🧑‍💼 ${say(language, 'Ответственный', 'Owner')}: ${portalText(lead.responsible.name)}` : '',
    lead.createdAt
      ? `🗓 ${say(language, 'Создан', 'Created')}: ${dayInWords(localDateOf(lead.createdAt), language, view.at.today)}, ${timeOf(lead.createdAt, language)}`
      : '',
    ...lead.phones.map((phone) => `📞 ${portalText(phone)}`),
    ...lead.emails.map((email) => `✉️ ${portalText(email)}`),
  ].filter(Boolean);
  return {
    lines: sections(`🆕 <b>${titleText(lead.title, language)}</b>`, facts, hintLine(LEAD_HINT[language])),
  };
}
