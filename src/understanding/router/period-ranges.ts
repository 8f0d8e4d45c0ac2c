// Periods bounded by the days and months the director names: «с 20 ноября» (to today), «до 1 декабря», «с октября»,
// «с понедельника по среду», «сентябрь-октябрь», «за ноябрь и декабрь», «за вчера и сегодня» (adjacent periods make
// one), «с 15.11 по 30.11»; and the periods of the calendar that a tense places: «выходные», «осень».
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import { SINCE_EVER } from '../../vocabulary/query.ts';
import { findDays } from './dates.ts';
import { monthIndex, monthWord, nearestYear } from './months.ts';
import type { PeriodReading, PeriodWords } from './period-words.ts';
import { matchesOf, type Span } from './spans.ts';
import type { Message } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { localDay, zoneOf } from './zone.ts';

const FIRST_WORD = letters(/^(\p{L}+)\s/u);

const L = '\\p{L}*';

// «в выходные», «за выходные», «на прошлых выходных», «this weekend», «last weekend»: Saturday and Sunday, the
// last ones when the question looks back, the coming ones otherwise.
const WEEKEND: PeriodWords = {
  pattern: `(?:(на|в|во|за|по|к|on|over|at|for|during)\\s+)?(?:(прошл|эт|следующ|ближайш|будущ|last|this|next|coming|past)${L}\\s+)?(?:the\\s+)?(?:выходн(?:ые|ых|ым|ыми)|weekends?)`,
  range: (m, { today, past, nearest }) => {
    const saturday = today.startOf('week').plus({ days: 5 });
    const said = m[2] ?? '';
    let start = saturday;
    if (/^(?:следующ|будущ|next)/u.test(said)) start = saturday.plus({ weeks: 1 });
    else if (/^(?:прошл|last|past)/u.test(said) || (!said && (past || !nearest || /^(?:за|over)$/u.test(m[1] ?? ''))))
      start = today.weekday >= 6 ? saturday : saturday.minus({ weeks: 1 });
    return [start, start.plus({ days: 1 })];
  },
};

const SEASONS: [RegExp, number][] = [
  [/^(?:зим|winter)/u, 12],
  [/^(?:весн|spring)/u, 3],
  [/^(?:лет|summer)/u, 6],
  [/^(?:осен|autumn)/u, 9],
];

// «за осень», «прошлым летом», «this winter»: three months; a season still running, named alone, is asked about
// («за зиму» in December: the one begun or the last one?).
const SEASON: PeriodWords = {
  pattern: `(?:(?:на|в|во|за|in|for|during|over)\\s+)?(?:(прошл|прошедш|эт|текущ|следующ|будущ|last|past|this|next)${L}\\s+)?(?:the\\s+)?(зима|зиму|зимой|зимы|весна|весну|весной|весны|лето|летом|осень|осенью|осени|winter|spring|summer|autumn)`,
  range: (m, { today, nearest }) => {
    const month = SEASONS.find(([re]) => re.test(m[2]!))![1];
    let begun = DateTime.fromObject({ year: today.year, month }, { zone: today.zone });
    if (begun > today) begun = begun.minus({ years: 1 });
    const running = today < begun.plus({ months: 3 });
    const said = m[1] ?? '';
    let start = begun;
    if (/^(?:прошл|прошедш|last|past)/u.test(said)) start = running ? begun.minus({ years: 1 }) : begun;
    else if (/^(?:следующ|будущ|next)/u.test(said)) start = begun.plus({ years: 1 });
    else if (!said && running) return undefined;
    else if (!said && nearest) start = begun.plus({ years: 1 });
    const end = start.plus({ months: 3 }).minus({ days: 1 });
    return [start, end > today && start <= today && !nearest ? today : end];
  },
};

// «с 15.11 по 30.11», «15.11-30.11.2026»: two dotted days (alone, «с 15.11» would be a time).
const DOTTED: PeriodWords = {
  pattern:
    '(?:(?:с|со|от|from)\\s+)?(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?\\s*(?:по|до|to|till|until|[-–—])\\s*(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?',
  range: (m, { today }) => {
    const yearOf = (said: string | undefined) => (said ? Number(said.length === 2 ? `20${said}` : said) : undefined);
    const toYear = yearOf(m[6]) ?? yearOf(m[3]);
    const day = (d: string, mo: string, year: number) =>
      DateTime.fromObject({ year, month: Number(mo), day: Number(d) }, { zone: today.zone });
    let from = day(m[1]!, m[2]!, yearOf(m[3]) ?? toYear ?? today.year);
    if (!m[3] && !toYear && from > today) from = from.minus({ years: 1 });
    let to = day(m[4]!, m[5]!, toYear ?? from.year);
    if (!toYear && to < from) to = to.plus({ years: 1 });
    return from.isValid && to.isValid && from <= to ? [from, to] : undefined;
  },
};

export const PERIOD_RANGES: PeriodWords[] = [DOTTED, WEEKEND, SEASON];

/** A day or month the text names, with what bounds it: «с» starts a range, «до», «по» end one. */
interface Point extends Span {
  first: DateTime;
  last: DateTime;
  from: boolean;
  to: boolean;
  /** «до декабря» ends before December; «до 1 декабря», «по декабрь» take it in. */
  before: boolean;
  weekday: boolean;
}

const FROM = /^(?:с|со|от|from|since|starting)$/u;
const TO = /^(?:до|по|until|till|to|through|by)$/u;
const PREPOSITION_BEFORE = letters(/(?<![\p{L}])(с|со|от|до|по|from|since|to|until|till|through|by)\s+$/u);
// «задачи со сроком до пятницы», «due by Friday»: a deadline's words before the bound belong to it.
const DEADLINE_BEFORE = letters(/(?<![\p{L}])(?:со\s+сроком|с\s+дедлайном|сроком|due)\s+$/u);
const WEEKDAY =
  /понедельник|вторник|сред|четверг|пятниц|суббот|воскресень|monday|tuesday|wednesday|thursday|friday|saturday|sunday/u;
const MONTH_POINT = letters(
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?<![\\p{N}]\\s)(?:(с|со|от|до|по|за|в|во|from|since|until|till|to|through|for|in)\\s+)?(${monthWord})(?:\\s+(20\\d\\d)(?:\\s*(?:года|году|год|г\\.?))?|\\s+(прошл|позапрошл|эт|текущ)\\p{L}*\\s+года)?(?![\\p{L}\\p{N}])`,
    'gu',
  ),
);

function pointOf(light: string, start: number, end: number, first: DateTime, last: DateTime, weekday: boolean): Point {
  const said = light.slice(start, end).match(FIRST_WORD)?.[1];
  const before = said ? undefined : light.slice(0, start).match(PREPOSITION_BEFORE);
  const word = said ?? before?.[1] ?? '';
  const from = FROM.test(word);
  const to = TO.test(word);
  const bound = start - (before?.[0].length ?? 0);
  const deadline = to ? light.slice(0, bound).match(DEADLINE_BEFORE) : null;
  return { start: bound - (deadline?.[0].length ?? 0), end, first, last, from, to, before: false, weekday };
}

function pointsOf(message: Message, clock: Clock, at: PeriodReading): Point[] {
  const { light } = message;
  const points = findDays(message.raw, clock.now, clock.timeZone)
    // «по понедельникам» is every Monday, not a bound.
    .filter((day) => !/(?:ам|ами|ах)$/u.test(light.slice(day.start, day.end)))
    .map((day) => {
      const date = localDay(day.date, clock.timeZone);
      return pointOf(light, day.start, day.end, date, date, WEEKDAY.test(light.slice(day.start, day.end)));
    });
  for (const match of matchesOf(light, MONTH_POINT)) {
    const end = match.index + match[0].length;
    if (points.some((point) => match.index < point.end && point.start < end)) continue;
    const shift = /^позапрошл/u.test(match[4] ?? '') ? -2 : /^прошл/u.test(match[4] ?? '') ? -1 : 0;
    let first: DateTime = DateTime.fromObject(
      { year: match[3] ? Number(match[3]) : at.today.year + shift, month: monthIndex(match[2]!) + 1 },
      { zone: zoneOf(at.timeZone) },
    );
    if (!match[3] && !match[4])
      first = at.nearest ? nearestYear(first, at.today) : first > at.today ? first.minus({ years: 1 }) : first;
    const point = pointOf(light, match.index, end, first, first.endOf('month').startOf('day'), false);
    points.push({ ...point, before: /^до\s/u.test(match[0]) });
  }
  return points.sort((a, b) => a.start - b.start);
}

const THROUGH = /^\s*(?:по|до|to|till|until|through)\s*$/u;
const DASH = /^\s*[-–—]\s*$/u;
const AND = /^\s*(?:и|and|,)\s*$/u;

/** The range two points make together («с X по Y», «X-Y», adjacent «X и Y»), or undefined. */
function pairRange(a: Point, b: Point, between: string): [DateTime, DateTime] | undefined {
  const closed = (a.from && (b.to || THROUGH.test(between))) || (!a.to && !b.from && DASH.test(between));
  if (closed) {
    let end = b.before ? b.first.minus({ days: 1 }) : b.last;
    if (end < a.first && b.first.year === a.first.year) end = end.plus({ years: 1 });
    return end >= a.first ? [a.first, end] : undefined;
  }
  if (!AND.test(between) || a.from || a.to || b.from || b.to) return undefined;
  const [early, late] = a.first <= b.first ? [a, b] : [b, a];
  return +early.last.plus({ days: 1 }) === +late.first ? [early.first, late.last] : undefined;
}

/** One point bounding a range on its own: «с 20 ноября» runs to today, «до 1 декабря» from the start. */
function singleRange(point: Point, at: PeriodReading): [DateTime, DateTime] | undefined {
  if (point.from) {
    const first = point.weekday && point.first > at.today ? point.first.minus({ weeks: 1 }) : point.first;
    return [first, first > at.today ? first.plus({ months: 1 }).minus({ days: 1 }) : at.today];
  }
  if (!point.to) return undefined;
  const end = point.before ? point.first.minus({ days: 1 }) : point.last;
  const start = at.nearest && end >= at.today ? at.today : localDay(SINCE_EVER, at.timeZone);
  return [start, end];
}

/** Ranges made of the days and months said, where no other period's words stand. */
export function rangesOfPoints(
  message: Message,
  found: { period?: { from: string; to: string }; spans: Span[] },
  clock: Clock,
  at: PeriodReading,
  asPeriod: (from: DateTime, to: DateTime) => { from: string; to: string },
): void {
  const points = pointsOf(message, clock, at).filter(
    (span) => !found.spans.some((taken) => span.start < taken.end && taken.start < span.end),
  );
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1];
    const pair = b && pairRange(a, b, message.light.slice(a.end, b.start));
    const range = pair ?? singleRange(a, at);
    if (!range) continue;
    found.spans.push({ start: a.start, end: pair ? b.end : a.end });
    // Done things end today: «за ноябрь и декабрь» in December is up to today.
    const end = !at.nearest && range[0] <= at.today && range[1] > at.today ? at.today : range[1];
    found.period ??= asPeriod(range[0], end);
    if (pair) i++;
  }
}
