// «покажи воронку графиком», «выгрузи сделки в Excel»: the form the director wants a view in. The words of the
// form are taken out, so the rest is understood as any request for that view.
import { matchesOf } from './spans.ts';
import { messageOf, without } from './text.ts';

export type Format = 'chart' | 'excel';

const FORMS: readonly { format: Format; words: RegExp }[] = [
  {
    format: 'excel',
    words:
      /(?:^|\s)(?:(?:в|во|as|to|in)\s+)?(?:excel[ae]?|эксел[еья]?|ексел[еья]?|эксэл[ьея]?|xlsx|таблиц(?:у|ей|е|ой)|spreadsheet)(?=$|[\s.,!?])|(?:^|\s)(?:выгрузи(?:те)?|выгрузка|выгрузку|экспортируй(?:те)?|export)(?=$|\s)/giu,
  },
  {
    format: 'chart',
    words:
      /(?:^|\s)(?:(?:в|на)\s+)?(?:(?:виде\s+)?(?:график(?:ом|е|а)?|диаграмм(?:ой|ы|у|а|е)|картинк(?:ой|у|а|е)|chart|graph)|(?:as\s+a\s+)?(?:chart|graph|picture))(?=$|[\s.,!?])|(?:^|\s)(?:нарисуй(?:те)?|начерти|draw|plot)(?=$|\s)/giu,
  },
];

/** The form asked for (if any) and the request without its words; read with slips fixed («нарсуй», «выгрзи»). */
export function formatAsked(text: string): { format?: Format; rest: string } {
  const message = messageOf(text);
  for (const { format, words } of FORMS) {
    const spans = matchesOf(message.light, words).map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
    }));
    if (spans.length) return { format, rest: without(message, spans).raw.replace(/\s+/g, ' ').trim() };
  }
  return { rest: text };
}
