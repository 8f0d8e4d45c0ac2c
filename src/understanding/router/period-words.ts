// When a question is about: «за неделю», «в ноябре», «с 1 по 15 ноября», «за прошлый квартал», as a period of
// local days in the director's zone.
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import type { Period } from '../../vocabulary/query.ts';
import { findDays } from './dates.ts';
import { monthIndex, monthWord, nearestYear } from './months.ts';
import { NAMED_PERIODS } from './period-named.ts';
import { PERIOD_RANGES, rangesOfPoints } from './period-ranges.ts';
import { rule, type Span, take } from './spans.ts';
import { saysPast } from './tense.ts';
import type { Message } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { localDay, zonedToday, zoneOf } from './zone.ts';

/** What the words of a period are read against: today in the director's zone, and how a bare month is placed. */
export interface PeriodReading {
  today: DateTime;
  timeZone: string;
  nearest: boolean;
  /** The question looks back («что было в выходные»). */
  past?: boolean;
}

/** The words of one kind of period and the days they name (undefined when the days do not exist). */
export interface PeriodWords {
  pattern: string;
  range: (match: RegExpExecArray, at: PeriodReading) => [DateTime, DateTime] | undefined;
}

// «с 1 по 15 ноября», «с 1 ноября по 15 декабря», «from 1 to 15 November»
const FROM_TO: PeriodWords = {
  pattern: `(?:с|от|from)\\s+(\\d{1,2})(?:\\s+(${monthWord}))?\\s+(?:по|до|to|till|until)\\s+(\\d{1,2})\\s+(${monthWord})`,
  range: (m, { today, timeZone, nearest }) => {
    const toMonth = monthIndex(m[4]!) + 1;
    const fromMonth = m[2] ? monthIndex(m[2]) + 1 : toMonth;
    const first = DateTime.fromObject({ year: today.year, month: fromMonth, day: 1 }, { zone: zoneOf(timeZone) });
    let year = today.year;
    if (nearest) year = nearestYear(first, today).year;
    else if (first > today) year -= 1;
    const from = DateTime.fromObject({ year, month: fromMonth, day: Number(m[1]) }, { zone: zoneOf(timeZone) });
    let to = DateTime.fromObject({ year, month: toMonth, day: Number(m[3]) }, { zone: zoneOf(timeZone) });
    if (to < from) to = to.plus({ years: 1 });
    return from.isValid && to.isValid ? [from, to] : undefined;
  },
};

const LAST_DAYS: PeriodWords = {
  pattern:
    '(?:за|в|на)\\s+(?:последн\\p{L}*\\s+)?(\\d{1,3})\\s+(дн\\p{L}*|день|недел\\p{L}*|месяц\\p{L}*)|(?:in\\s+|over\\s+|for\\s+)?(?:the\\s+)?(?:last|past)\\s+(\\d{1,3})\\s+(days?|weeks?|months?)',
  range: (m, { today }) => {
    const n = Number(m[1] ?? m[3]);
    const unit = m[2] ?? m[4] ?? '';
    const days = /^(?:недел|week)/u.test(unit) ? n * 7 : /^(?:месяц|month)/u.test(unit) ? n * 30 : n;
    return [today.minus({ days: days - 1 }), today];
  },
};

/** This, last and next week, month, quarter and year, and the last 7, 30 and 365 days, in the order they are read. */
const CALENDAR_PERIODS: PeriodWords[] = [
  {
    pattern:
      '(?:на|в|за)\\s+(?:эт\\p{L}*|текущ\\p{L}*)\\s+недел\\p{L}*|this\\s+week|на\\s+недел\\p{L}*|недел\\p{L}*\\s+(?:вперед|целиком)',
    range: (_, { today }) => [today.startOf('week'), today.endOf('week').startOf('day')],
  },
  {
    pattern: '(?:на|в|за)\\s+прошл\\p{L}*\\s+недел\\p{L}*|last\\s+week|previous\\s+week',
    range: (_, { today }) => {
      const start = today.startOf('week').minus({ weeks: 1 });
      return [start, start.plus({ days: 6 })];
    },
  },
  {
    pattern: '(?:на|в|за)\\s+следующ\\p{L}*\\s+недел\\p{L}*|next\\s+week',
    range: (_, { today }) => {
      const start = today.startOf('week').plus({ weeks: 1 });
      return [start, start.plus({ days: 6 })];
    },
  },
  {
    pattern:
      'за\\s+(?:последн\\p{L}*\\s+)?недел\\p{L}*|за\\s+7\\s+дней|(?:in|over|for)\\s+the\\s+(?:last|past)\\s+week',
    range: (_, { today }) => [today.minus({ days: 6 }), today],
  },
  {
    pattern:
      '(?:в|за)\\s+(?:эт\\p{L}*|текущ\\p{L}*|нынешн\\p{L}*)\\s+месяц\\p{L}*|this\\s+month|с\\s+начала\\s+месяца|month\\s+to\\s+date',
    range: (_, { today }) => [today.startOf('month'), today],
  },
  {
    pattern: '(?:в|за)\\s+прошл\\p{L}*\\s+месяц\\p{L}*|last\\s+month|previous\\s+month',
    range: (_, { today }) => {
      const start = today.startOf('month').minus({ months: 1 });
      return [start, start.endOf('month').startOf('day')];
    },
  },
  // «за год»: the last 365 days, as «за месяц» is the last 30 and «за неделю» the last 7.
  {
    pattern: 'за\\s+(?:последн\\p{L}*\\s+)?год|(?:in|over|for)\\s+the\\s+(?:last|past)\\s+year',
    range: (_, { today }) => [today.minus({ days: 364 }), today],
  },
  {
    pattern: 'за\\s+(?:последн\\p{L}*\\s+)?месяц|(?:in|over|for)\\s+the\\s+(?:last|past)\\s+month',
    range: (_, { today }) => [today.minus({ days: 29 }), today],
  },
  {
    pattern: '(?:в|за)\\s+прошл\\p{L}*\\s+квартал\\p{L}*|last\\s+quarter|previous\\s+quarter',
    range: (_, { today }) => {
      const start = today.startOf('quarter').minus({ quarters: 1 });
      return [start, start.endOf('quarter').startOf('day')];
    },
  },
  {
    pattern:
      '(?:в|за)\\s+(?:эт\\p{L}*\\s+|текущ\\p{L}*\\s+)?квартал\\p{L}*|this\\s+quarter|(?:in|over|for)\\s+the\\s+quarter|quarter\\s+to\\s+date',
    range: (_, { today }) => [today.startOf('quarter'), today],
  },
  {
    pattern: '(?:в|за)\\s+прошл\\p{L}*\\s+год\\p{L}*|last\\s+year',
    range: (_, { today }) => {
      const start = today.startOf('year').minus({ years: 1 });
      return [start, start.endOf('year').startOf('day')];
    },
  },
  {
    pattern: '(?:в|за)\\s+(?:эт\\p{L}*|текущ\\p{L}*)\\s+год\\p{L}*|this\\s+year|с\\s+начала\\s+года|year\\s+to\\s+date',
    range: (_, { today }) => [today.startOf('year'), today],
  },
];

// «в ноябре», «за октябрь», «in November»: the last such month (this year's, or last year's if still ahead),
// or the nearest one.
const MONTH: PeriodWords = {
  pattern: `(?:в|во|за|на|in|for|during)\\s+(${monthWord})(?:\\s+(\\d{4}))?`,
  range: (m, { today, timeZone, nearest }) => {
    const month = monthIndex(m[1]!) + 1;
    const said = DateTime.fromObject(
      { year: m[2] ? Number(m[2]) : today.year, month, day: 1 },
      { zone: zoneOf(timeZone) },
    );
    const start = m[2] ? said : nearest ? nearestYear(said, today) : said > today ? said.minus({ years: 1 }) : said;
    const end = start.endOf('month').startOf('day');
    return [start, end < today || m[2] || nearest ? end : today];
  },
};

// «лучший менеджер месяца», «сделки прошлого квартала»: a period named by its word alone, after everything
// else (in «15 декабря 2026 года» it is the day that counts).
const PERIOD_WORD_ALONE: PeriodWords = {
  pattern: '(?:(эт\\p{L}*|текущ\\p{L}*|прошл\\p{L}*|предыдущ\\p{L}*)\\s+)?(недели|месяца|квартала|года)',
  range: (m, { today }) => {
    const unit = ({ недели: 'week', месяца: 'month', квартала: 'quarter', года: 'year' } as const)[
      m[2] as 'недели' | 'месяца' | 'квартала' | 'года'
    ];
    if (/^(?:прошл|предыдущ)/u.test(m[1] ?? '')) {
      const start = today.startOf(unit).minus({ [unit]: 1 });
      return [start, start.endOf(unit).startOf('day')];
    }
    return [today.startOf(unit), unit === 'week' ? today.endOf('week').startOf('day') : today];
  },
};

const asPeriod = (from: DateTime, to: DateTime): Period => ({ from: from.toISODate()!, to: to.toISODate()! });

/**
 * `nearest`: a month named without a year is the nearest such month, ahead or behind («встречи в декабре» in
 * November are next month's); otherwise the last one (money earned «в декабре» in November is last year's).
 */
export function periods(message: Message, found: PeriodsFound, clock: Clock, nearest = false): void {
  const today = zonedToday(clock.now, clock.timeZone);
  const at: PeriodReading = { today, timeZone: clock.timeZone, nearest, past: saysPast(message.light) };
  for (const words of BOUNDED) read(message, found, at, words);
  rangesOfPoints(message, found, clock, at, asPeriod);
  for (const words of CALENDAR) read(message, found, at, words);
  singleDays(message, found, clock);
  read(message, found, at, ALONE);
}

/**
 * Takes one kind of period's words; days that do not exist («с 31 по 32 ноября») or a season that could be two
 * are said back, never dropped.
 */
function read(message: Message, found: PeriodsFound, at: PeriodReading, { words, pattern }: Compiled): void {
  take(message, found, pattern, (match) => {
    const range = words.range(match, at);
    if (range) found.period ??= asPeriod(range[0], range[1]);
    else found.unclear = [...(found.unclear ?? []), match[0]];
  });
}

type PeriodsFound = { period?: Period; spans: Span[]; unclear?: string[] };

interface Compiled {
  words: PeriodWords;
  pattern: RegExp;
}

// The periods' patterns, in the order they are read, compiled once.
const compiled = (words: PeriodWords): Compiled => ({ words, pattern: rule(words.pattern) });
const BOUNDED = [FROM_TO, ...NAMED_PERIODS, ...PERIOD_RANGES].map(compiled);
const CALENDAR = [LAST_DAYS, ...CALENDAR_PERIODS, MONTH].map(compiled);
const ALONE = compiled(PERIOD_WORD_ALONE);

/** Single days: сегодня, завтра, в среду, 3 декабря, where no longer period's words stand. */
function singleDays(message: Message, found: { period?: Period; spans: Span[] }, clock: Clock): void {
  for (const day of findDays(message.raw, clock.now, clock.timeZone)) {
    if (found.spans.some((span) => day.start < span.end && span.start < day.end)) continue;
    found.spans.push({ start: day.start, end: day.end });
    const date = localDay(day.date, clock.timeZone);
    found.period ??= asPeriod(date, date);
  }
}

// Subjects that lie ahead as much as behind: their months are the nearest ones. Done things lie behind.
const AHEAD = rule(
  'задач\\p{L}*|таск\\p{L}*|tasks?|встреч\\p{L}*|расписани\\p{L}*|календар\\p{L}*|созвон\\p{L}*|совещани\\p{L}*|звонк\\p{L}*|график\\p{L}*|план\\p{L}*|meetings?|schedule|calendar|agenda|calls',
);
const BEHIND = rule(
  'выполн\\p{L}*|сделал\\p{L}*|сделан\\p{L}*|заверш\\p{L}*|закрыт\\p{L}*|закрыл\\p{L}*|было|был|была|прошл\\p{L}*|done|completed|closed|finished|held|was|were',
);
// Tested without the global flag, so a test never starts where the last one stopped.
const AHEAD_ONCE = letters(new RegExp(AHEAD.source, 'u'));
const BEHIND_ONCE = letters(new RegExp(BEHIND.source, 'u'));
export const looksAhead = (light: string) => AHEAD_ONCE.test(light) && !BEHIND_ONCE.test(light);

type FoundPeriod = { period: Period; spans: Span[] };

// The views ask a message's period more than once: it is read once per message and instant, and handed out as copies.
const periodsRead = new WeakMap<Message, { at: number; timeZone: string; found: FoundPeriod | undefined }>();

/** The period a message names («на неделе», «в декабре», «с 1 по 15 ноября») and where its words are. */
export function findPeriod(message: Message, clock: Clock): FoundPeriod | undefined {
  let known = periodsRead.get(message);
  if (known?.at !== clock.now.getTime() || known.timeZone !== clock.timeZone) {
    const found: { period?: Period; spans: Span[] } = { spans: [] };
    periods(message, found, clock, !BEHIND_ONCE.test(message.light));
    const period = found.period ? { period: found.period, spans: found.spans } : undefined;
    known = { at: clock.now.getTime(), timeZone: clock.timeZone, found: period };
    periodsRead.set(message, known);
  }
  const { found } = known;
  return found && { period: { ...found.period }, spans: found.spans.map((span) => ({ ...span })) };
}
