// A list to pick from (several matches) and the plain "not found".
import type { Language } from '../vocabulary/director.ts';
import type { ScenarioRequest } from '../vocabulary/requests.ts';
import type { Choice, ViewModel } from '../vocabulary/view-models.ts';
import { dayInWords, localDateOf, timeOf } from './format.ts';
import {
  buttonLabel,
  hintLine,
  listLines,
  type Page,
  portalText,
  quoted,
  sections,
  titleText,
  totalOf,
} from './lines.ts';
import {
  AROUND_NOW,
  foundFor,
  guessedNotFound,
  NARROW_OR_PICK,
  NOT_FOUND_HINTS,
  notFoundSentence,
  PICK_ONE,
  SEVERAL_MEETINGS_MATCH,
} from './messages-choices.ts';
import type { Button } from './reply.ts';
import { count } from './words.ts';

const icons: Record<Choice['kind'], string> = { contact: '👤', company: '🏢', deal: '💼', lead: '🆕', event: '🗓' };

/** What tapping a choice shows: always by id (a button carries ids, never free text). */
function requestOf(choice: Choice): ScenarioRequest | undefined {
  switch (choice.kind) {
    case 'contact':
      return { scenario: 'dossier', contactId: choice.id };
    case 'company':
      return { scenario: 'dossier', companyId: choice.id };
    case 'deal':
      return { scenario: 'dealCard', dealId: choice.id };
    case 'event':
      return {
        scenario: 'meetingPrep',
        eventId: choice.id,
        ...(choice.detail ? { date: localDateOf(choice.detail) } : {}),
      };
    case 'lead':
      return undefined;
  }
}

function choiceLine(choice: Choice, language: Language): string {
  if (choice.kind === 'event' && choice.detail)
    return `${icons.event} ${timeOf(choice.detail, language)} ${titleText(choice.label, language)}`;
  return `${icons[choice.kind]} ${titleText(choice.label, language)}${choice.detail ? ` — ${portalText(choice.detail)}` : ''}`;
}

export function renderChoice(view: Extract<ViewModel, { view: 'choice' }>, language: Language): Page {
  const total = totalOf(view.choices);
  const query = view.query ? ` ${quoted(portalText(view.query), language)}` : '';
  const header =
    view.about === 'meeting'
      ? `🗓 ${SEVERAL_MEETINGS_MATCH[language]}${query}:`
      : `🔎 ${foundFor(query, language)}: ${count(total, 'record', language)}`;
  const buttons: Button[][] = view.choices.items.flatMap((choice) => {
    const request = requestOf(choice);
    return request
      ? [[{ text: buttonLabel(`${icons[choice.kind]} `, choice.label), action: { kind: 'show', request } }]]
      : [];
  });
  return {
    lines: sections(
      header,
      listLines(view.choices, (choice) => choiceLine(choice, language), 'record', language),
      hintLine((total > view.choices.items.length ? NARROW_OR_PICK : PICK_ONE)[language]),
    ),
    buttons: buttons.slice(0, 10),
  };
}

export function renderNotFound(view: Extract<ViewModel, { view: 'notFound' }>, language: Language): Page {
  const query = view.query ? ` ${quoted(portalText(view.query), language)}` : '';
  const day = view.date ? dayInWords(view.date, language, view.at.today) : AROUND_NOW[language];
  if (view.guessed) return { lines: sections(guessedNotFound(query, language)) };
  return {
    lines: sections(
      `🔎 ${notFoundSentence(view.about, query, day, language)}`,
      hintLine(NOT_FOUND_HINTS[view.about][language]),
    ),
  };
}
