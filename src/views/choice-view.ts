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
import type { Button } from './reply.ts';
import { count, say } from './words.ts';

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
      ? `🗓 ${say(language, 'Подходят несколько встреч', 'Several meetings match')}${query}:`
      : `🔎 ${say(language, `По запросу${query} нашлось`, `Found for${query}`)}: ${count(total, 'record', language)}`;
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
      hintLine(
        total > view.choices.items.length
          ? say(language, 'Уточните запрос или выберите запись кнопкой ниже.', 'Narrow the search, or pick one below.')
          : say(language, 'Выберите нужную запись кнопкой ниже.', 'Pick one below.'),
      ),
    ),
    buttons: buttons.slice(0, 10),
  };
}

export function renderNotFound(view: Extract<ViewModel, { view: 'notFound' }>, language: Language): Page {
  const query = view.query ? ` ${quoted(portalText(view.query), language)}` : '';
  const day = view.date
    ? dayInWords(view.date, language, view.at.today)
    : say(language, 'неделя назад и две недели вперёд', 'the past week and the next two weeks');
  const text: Record<typeof view.about, [ru: string, en: string]> = {
    dossier: [`Не нашёл клиента${query} среди контактов и компаний.`, `No contact or company matches${query}.`],
    search: [`По запросу${query} ничего не нашлось.`, `Nothing matches${query}.`],
    meeting: [`Не нашёл такой встречи в календаре (${day}).`, `No such meeting in the calendar (${day}).`],
    deal: ['Такой сделки нет: возможно, её удалили.', 'There is no such deal: it may have been deleted.'],
  };
  const hints: Record<typeof view.about, [ru: string, en: string]> = {
    dossier: [
      'Попробуйте часть имени, фамилии или названия компании.',
      'Try part of a name, a surname or a company name.',
    ],
    search: [
      'Попробуйте часть имени, фамилии или названия компании.',
      'Try part of a name, a surname or a company name.',
    ],
    meeting: [
      'Скажите время или часть названия встречи, например «подготовь к встрече в 14:00».',
      'Give me the time or part of the title, e.g. “prepare me for the 14:00 meeting”.',
    ],
    deal: ['Скажите «покажи сделки», чтобы увидеть открытые.', 'Say “show deals” to see the open ones.'],
  };
  const [ru, en] = text[view.about];
  const [hintRu, hintEn] = hints[view.about];
  return { lines: sections(`🔎 ${say(language, ru, en)}`, hintLine(say(language, hintRu, hintEn))) };
}
