import { dayInWords, localDateOf } from '../../views/format.ts';
import { dealLine, timeRange } from '../../views/items.ts';
import { hintLine, listLines, type Page, portalText, quoted, sections, titleText } from '../../views/lines.ts';
import {
  MEETING_PREP,
  MEETING_PREP_HINT,
  NO_OTHER_ATTENDEES,
  NO_RELATED_DEALS,
  OVERLAP_HINT,
  OVERLAPS_WITH,
  RELATED_DEALS,
} from '../../views/messages-schedule.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { dealButtons } from '../deals/deals-view.ts';

export function renderMeetingPrep(view: Extract<ViewModel, { view: 'meetingPrep' }>, language: Language): Page {
  const { event } = view;
  const when = `🕑 ${dayInWords(localDateOf(event.from), language, view.at.today)}, ${timeRange(event, language)}${event.location ? ` · ${portalText(event.location)}` : ''}`;
  return {
    lines: sections(
      [`🤝 ${MEETING_PREP[language]}`, `<b>${titleText(event.title, language)}</b>`, when],
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
        : `👥 ${NO_OTHER_ATTENDEES[language]}`,
      view.deals.length > 0
        ? [
            `💼 ${RELATED_DEALS[language]}:`,
            ...listLines(view.deals, (deal) => dealLine(deal, language, { links: view.links }), 'deal', language, 10),
          ]
        : `💼 ${NO_RELATED_DEALS[language]}`,
      view.clashes.map(
        (other) =>
          `⚡ ${OVERLAPS_WITH[language]} ${quoted(titleText(other.title, language), language)} (${timeRange(other, language)})`,
      ),
      hintLine(view.clashes.length > 0 ? OVERLAP_HINT[language] : MEETING_PREP_HINT[language]),
    ),
    buttons: dealButtons(view.deals, 3),
  };
}
