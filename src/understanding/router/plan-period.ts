// The period a plan question or a plan names: «на декабрь», «в прошлом месяце», «на квартал», «на 1 квартал 2027»,
// «на 2027 год», «last month», «Q1 2027». A month named alone is the nearest such month for a question, and the
// current or a coming one for a plan being set.
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import type { PeriodKind } from '../../vocabulary/plan-view-model.ts';
import type { Clock } from './write-drafts.ts';
import { zonedToday, zoneOf } from './zone.ts';

export interface PeriodMatch {
  kind: PeriodKind;
  /** The period's first local day. */
  start: string;
  index: number;
  length: number;
}

// Russian stems take any ending; English names are whole words («dec» is not «decide»).
const MONTHS: [ru: string, en: string][] = [
  ['январ', 'january|jan'],
  ['феврал', 'february|feb'],
  ['март', 'march|mar'],
  ['апрел', 'april|apr'],
  ['ма[йяе]', 'may'],
  ['июн', 'june|jun'],
  ['июл', 'july|jul'],
  ['август', 'august|aug'],
  ['сентябр', 'september|sep'],
  ['октябр', 'october|oct'],
  ['ноябр', 'november|nov'],
  ['декабр', 'december|dec'],
];
const L = '\\p{L}*';
const monthRe = letters(
  new RegExp(
    `(?<![\\p{L}])(?:(?:на|за|в|во|for|in)\\s+)?(${MONTHS.map(([ru, en]) => `${ru}${L}|${en}`).join('|')})(?:\\s+(20\\d\\d)(?:\\s*(?:года|год|г)\\.?)?)?(?![\\p{L}])`,
    'u',
  ),
);
const UNIT = `(месяц${L}|квартал${L}|год|года|году|month|quarter|year)`;
const relativeRe = letters(
  new RegExp(
    `(?<![\\p{L}])(?:(?:на|за|в|во|for|in)\\s+)?(?:(прошл${L}|предыдущ${L}|last|previous)|(следующ${L}|будущ${L}|next)|(эт${L}|текущ${L}|this|current|the))?\\s*${UNIT}(?![\\p{L}])`,
    'u',
  ),
);
const quarterRe = letters(
  new RegExp(
    `(?<![\\p{L}])(?:(?:на|за|в|во|for|in)\\s+)?(?:([1-4])\\s*-?\\s*(?:й|ый)?|(перв${L}|втор${L}|трет${L}|четверт${L}))\\s+квартал${L}(?:\\s+(20\\d\\d)(?:\\s*(?:года|год|г)\\.?)?)?|(?<![\\p{L}])q([1-4])(?:\\s+(20\\d\\d))?(?![\\p{L}\\p{N}])`,
    'u',
  ),
);
const yearRe = letters(
  /(?<![\p{L}\p{N}])(?:(?:на|за|в|во|for|in)\s+)?(20\d\d)(?:\s*(?:года|год|году|г)\.?)?(?![\p{L}\p{N}])/u,
);
const ORDINAL_QUARTERS = ['перв', 'втор', 'трет', 'четверт'];

const unitKind = (word: string): PeriodKind =>
  /^(?:месяц|month)/u.test(word) ? 'month' : /^(?:квартал|quarter)/u.test(word) ? 'quarter' : 'year';

const matchOf = (kind: PeriodKind, start: DateTime, match: RegExpExecArray): PeriodMatch => ({
  kind,
  start: start.startOf(kind).toISODate() ?? '',
  index: match.index,
  length: match[0].length,
});

/** The period said in the (light) text; `forPlan`: a month named alone is this one or a coming one. */
export function findPlanPeriod(light: string, clock: Clock, forPlan: boolean): PeriodMatch | undefined {
  const today = zonedToday(clock.now, clock.timeZone);
  const quarter = quarterRe.exec(light);
  if (quarter) {
    const number =
      Number(quarter[1] ?? quarter[4]) || ORDINAL_QUARTERS.findIndex((stem) => quarter[2]?.startsWith(stem)) + 1;
    const year = Number(quarter[3] ?? quarter[5]) || today.year;
    return matchOf(
      'quarter',
      DateTime.fromObject({ year, month: number * 3 - 2 }, { zone: zoneOf(clock.timeZone) }),
      quarter,
    );
  }
  const month = monthRe.exec(light);
  if (month) {
    const index = MONTHS.findIndex(([ru, en]) => letters(new RegExp(`^(?:${ru}|${en})`, 'u')).test(month[1] ?? ''));
    let start = DateTime.fromObject(
      { year: Number(month[2]) || today.year, month: index + 1 },
      { zone: zoneOf(clock.timeZone) },
    );
    if (!month[2]) {
      const current = today.startOf('month');
      if (forPlan && start < current) start = start.plus({ years: 1 });
      // A question: the nearest month of that name (in December, «январь» is the coming one).
      if (!forPlan && start.diff(current, 'months').months > 6) start = start.minus({ years: 1 });
      if (!forPlan && current.diff(start, 'months').months > 6) start = start.plus({ years: 1 });
    }
    return matchOf('month', start, month);
  }
  const year = yearRe.exec(light);
  if (year)
    return matchOf('year', DateTime.fromObject({ year: Number(year[1]) }, { zone: zoneOf(clock.timeZone) }), year);
  const relative = relativeRe.exec(light);
  if (relative?.[4]) {
    const kind = unitKind(relative[4]);
    const steps = relative[1] ? -1 : relative[2] ? 1 : 0;
    return matchOf(kind, today.plus({ [`${kind}s`]: steps }), relative);
  }
  return undefined;
}
