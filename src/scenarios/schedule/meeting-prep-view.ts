import { dayInWords, localDateOf } from '../../views/format.ts';
import { dealLine, timeRange } from '../../views/items.ts';
import { hintLine, listLines, type Page, portalText, quoted, sections, titleText } from '../../views/lines.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { dealButtons } from '../deals/deals-view.ts';

export function renderMeetingPrep(view: Extract<ViewModel, { view: 'meetingPrep' }>, language: Language): Page {
  const { event } = view;
  const when = `🕑 ${dayInWords(localDateOf(event.from), language, view.at.today)}, ${timeRange(event, language)}${event.location ? ` · ${portalText(event.location)}` : ''}`;
  return {
    lines: sections(
      [
        `🤝 ${say(language, 'Подготовка к встрече', 'Meeting prep')}`,
        `<b>${titleText(event.title, language)}</b>`,
        when,
      ],
      event.description ? `📝 ${portalText(event.description)}` : undefined,
      view.attendees.length > 0
        ? [
            `👥 ${say(language, 'Участники', 'Attendees')}:`,
            ...listLines(
              view.attendees,
              (person) => `${portalText(person.name)}${person.position ? ` — ${portalText(person.position)}` : ''}`,
              'person',
              language,
            ),
          ]
        : `👥 ${say(language, 'Других участников нет.', 'No other attendees.')}`,
      view.deals.length > 0
        ? [
            `💼 ${say(language, 'Связанные сделки', 'Related deals')}:`,
            ...listLines(view.deals, (deal) => dealLine(deal, language, { links: view.links }), 'deal', language, 10),
          ]
        : `💼 ${say(language, 'Связанных сделок не нашёл.', 'No related deals found.')}`,
      view.clashes.map(
        (other) =>
          `⚡ ${say(language, 'Пересекается с', 'Overlaps with')} ${quoted(titleText(other.title, language), language)} (${timeRange(other, language)})`,
      ),
      hintLine(
        view.clashes.length > 0
          ? say(
              language,
              'Могу перенести одну из пересекающихся встреч.',
              'I can move one of the overlapping meetings.',
            )
          : say(
              language,
              'Могу перенести встречу или поставить задачу по её итогам.',
              'I can move the meeting or create a follow-up task.',
            ),
      ),
    ),
    buttons: dealButtons(view.deals, 3),
  };
}
