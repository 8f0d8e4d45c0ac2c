// «покажи воронку графиком», «выгрузи сделки в Excel»: the form the director wants a view in. The words of the
// form are taken out, so the rest is understood as any request for that view.

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
      /(?:^|\s)(?:(?:в\s+)?(?:виде\s+)?(?:график(?:ом|е|а)?|диаграмм(?:ой|ы|у|а)|картинк(?:ой|у|а)|chart|graph)|(?:as\s+a\s+)?(?:chart|graph|picture))(?=$|[\s.,!?])/giu,
  },
];

/** The form asked for (if any) and the request without its words. */
export function formatAsked(text: string): { format?: Format; rest: string } {
  for (const { format, words } of FORMS) {
    const rest = text.replace(words, ' ').replace(/\s+/g, ' ').trim();
    if (rest !== text.replace(/\s+/g, ' ').trim()) return { format, rest };
  }
  return { rest: text };
}
