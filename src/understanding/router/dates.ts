// Days and times in the director's words, resolved in the director's own zone. chrono-node ignores IANA
// zone names, so it gets the zone's offset at that instant and its result is rebuilt with luxon; the
// everyday words (today, weekdays, "next week", DD.MM) are resolved here because chrono's choices differ
// from a director's (it skips today's weekday and reads "next week" as "in seven days").
// Only the two languages the assistant speaks: the package's index loads a dozen locales.
import * as en from 'chrono-node/en';
import * as ru from 'chrono-node/ru';
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import type { LocalDate } from '../../vocabulary/requests.ts';
import type { IsoDateTime } from '../../vocabulary/writes.ts';
import { matchesOf } from './spans.ts';
import { saysPast } from './tense.ts';
import { lightText } from './text.ts';
import { todayIn, zonedNow, zonedToday, zoneOf } from './zone.ts';

const DAY_SAID = letters(/\p{L}|\d{4}-/u);
const DAY_PREPOSITION_BEFORE = letters(/(?<![\p{L}])(?:на|в|во|к|ко|до|по|с|for|on|by|until|till|from)\s+$/u);

export interface DayMatch {
  date: LocalDate;
  /** The span in the text, with a leading preposition ("на среду", "до завтра"). */
  start: number;
  end: number;
}

export interface TimeMatch {
  /** Local time `HH:mm`. */
  time: string;
  start: number;
  end: number;
  /** The preposition before it, lowercase ("в", "на", "до", "at" …), or '' when there is none. */
  preposition: string;
}

const L = '\\p{L}\\p{N}';
const before = `(?<![${L}])`;
const after = `(?![${L}])`;
const dayPreposition = `(?:(?:на|в|во|к|ко|до|по|за|с|со|for|on|by|until|till|from)\\s+)?`;

/** A pattern that must match a whole word found by a wider one. */
const whole = (pattern: string) => letters(new RegExp(`^(?:${pattern})$`, 'u'));

const relativeDays = [
  { pattern: 'послезавтра|day after tomorrow', shift: 2 },
  { pattern: 'позавчера|day before yesterday', shift: -2 },
  { pattern: 'сегодня|сегодняшн\\p{L}*|today|tonight', shift: 0 },
  { pattern: 'завтра|завтрашн\\p{L}*|tomorrow', shift: 1 },
  { pattern: 'вчера|вчерашн\\p{L}*|yesterday', shift: -1 },
].map((day) => ({ ...day, exactly: whole(day.pattern) }));

// ISO weekday numbers (Monday = 1), Russian in any case ending, English in full.
const weekdays = [
  { pattern: 'понедельник\\p{L}*|monday', weekday: 1 },
  { pattern: 'вторник\\p{L}*|tuesday', weekday: 2 },
  { pattern: 'сред[аеуы]|wednesday', weekday: 3 },
  { pattern: 'четверг\\p{L}*|thursday', weekday: 4 },
  { pattern: 'пятниц[аеуы]|friday', weekday: 5 },
  { pattern: 'суббот[аеуы]|saturday', weekday: 6 },
  { pattern: 'воскресень[еяю]|sunday', weekday: 7 },
].map((day) => ({ ...day, exactly: whole(day.pattern) }));

const nextWord = 'следующ\\p{L}*|след|next';
const lastWord = 'прошл\\p{L}*|last';
const thisWord = 'эт\\p{L}*|ближайш\\p{L}*|this|coming';
// «на сб», «в пт»: a weekday's short form, only after a preposition (alone «ср», «вс» may be anything).
const shortWeekdays = ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'];
const shortWeekdayRe = letters(
  new RegExp(
    `${before}(?:на|в|во|к|до|по|за|с|со)\\s+(?:(${nextWord}|${lastWord}|${thisWord})\\s+)?(${shortWeekdays.join('|')})\\.?${after}`,
    'gu',
  ),
);
const nextWordRe = whole(nextWord);
const lastWordRe = whole(lastWord);

const relativeDayRe = letters(
  new RegExp(`${before}${dayPreposition}(${relativeDays.map((day) => day.pattern).join('|')})${after}`, 'gu'),
);
const weekdayRe = letters(
  new RegExp(
    `${before}${dayPreposition}(?:(${nextWord}|${lastWord}|${thisWord})\\s+)?(${weekdays.map((day) => day.pattern).join('|')})${after}`,
    'gu',
  ),
);
const nextWeekRe = letters(
  new RegExp(`${before}(?:на\\s+)?(?:${nextWord})\\s+недел\\p{L}*${after}|${before}next\\s+week${after}`, 'gu'),
);
const dottedDateRe = letters(
  new RegExp(
    // «1.5 млн» is a sum, not the 1st of May.
    `${before}${dayPreposition}(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?(?![\\d:])(?!\\s*(?:тыс|млн|млрд|миллион|миллиард|лям|k(?![\\p{L}])|m(?![\\p{L}])|mln))`,
    'gu',
  ),
);
// «к 25-му», «до 3-го», «25 числа», «на 10-е»: a day of the month, the next one to come (today included), or in
// a past-tense question the last one gone.
const dayOfMonthRe = letters(
  new RegExp(
    `${before}${dayPreposition}([1-9]|[12]\\d|3[01])(?:\\s*-?\\s*(?:го|му|ого|ому)|\\s*-\\s*о?е(?=\\s*(?:$|[,.!?]))|(?:-?\\s*(?:го|е)?)\\s+числ\\p{L}*)${after}`,
    'gu',
  ),
);
// A dotted pair after these is a time ("в 15.30"), never a date.
const timeOnlyPreposition = /^(?:в|во|с|со|at|from)\s+/u;

/** A local date and time `HH:mm` in the zone, as ISO 8601 with the offset that day has there. */
export function localDateTime(date: LocalDate, time: string, timeZone: string): IsoDateTime {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromISO(date, { zone: zoneOf(timeZone) })
    .set({ hour, minute, second: 0, millisecond: 0 })
    .toISO({ suppressMilliseconds: true })!;
}

/** A date and time said; a time without a day is today, or tomorrow when that time has already passed today. */
export function dateTimeOf(
  date: LocalDate | undefined,
  time: string,
  clock: { now: Date; timeZone: string },
  dayGiven: boolean,
): IsoDateTime {
  if (dayGiven && date) return localDateTime(date, time, clock.timeZone);
  const today = todayIn(clock.now, clock.timeZone);
  const candidate = localDateTime(today, time, clock.timeZone);
  if (DateTime.fromISO(candidate) > DateTime.fromJSDate(clock.now)) return candidate;
  return localDateTime(DateTime.fromISO(today).plus({ days: 1 }).toISODate()!, time, clock.timeZone);
}

/** The first day the text names, in the director's zone. */
export function parseDay(text: string, now: Date, timeZone: string): LocalDate | undefined {
  return findDays(text, now, timeZone)[0]?.date;
}

// One message is asked for its days several times (the follow-up check, the views, the typed question, the writes):
// the last few answers are kept, each handed out as a copy.
const recentDays: { key: string; days: DayMatch[] }[] = [];

/** Every day the text names, in order, without overlaps. */
export function findDays(text: string, now: Date, timeZone: string): DayMatch[] {
  const key = `${now.getTime()}|${timeZone}|${text}`;
  let known = recentDays.find((entry) => entry.key === key);
  if (!known) {
    known = { key, days: daysIn(text, now, timeZone) };
    recentDays.unshift(known);
    recentDays.length = Math.min(recentDays.length, 8);
  }
  return known.days.map((day) => ({ ...day }));
}

function daysIn(text: string, now: Date, timeZone: string): DayMatch[] {
  const light = lightText(text);
  const today = zonedToday(now, timeZone);
  const found: DayMatch[] = [];

  for (const match of matchesOf(light, relativeDayRe)) {
    const shift = relativeDays.find((day) => day.exactly.test(match[1]!))!.shift;
    addDay(found, today.plus({ days: shift }), match.index, match.index + match[0].length);
  }
  for (const match of matchesOf(light, nextWeekRe)) {
    addDay(found, today.startOf('week').plus({ weeks: 1 }), match.index, match.index + match[0].length);
  }
  // «какие встречи были в пятницу»: in a past-tense question «в пятницу» is the last Friday.
  const past = saysPast(light);
  for (const match of matchesOf(light, weekdayRe)) {
    const weekday = weekdays.find((day) => day.exactly.test(match[2]!))!.weekday;
    const qualifier = match[1] ?? (lookingBack(past, match[0]) ? 'прошл' : undefined);
    addDay(found, weekdayFrom(today, weekday, qualifier), match.index, match.index + match[0].length);
  }
  for (const match of matchesOf(light, shortWeekdayRe)) {
    const qualifier = match[1] ?? (lookingBack(past, match[0]) ? 'прошл' : undefined);
    addDay(
      found,
      weekdayFrom(today, shortWeekdays.indexOf(match[2]!) + 1, qualifier),
      match.index,
      match.index + match[0].length,
    );
  }
  for (const match of matchesOf(light, dottedDateRe)) {
    if (!match[3] && timeOnlyPreposition.test(match[0])) continue;
    const day = Number(match[1]);
    const month = Number(match[2]);
    const year = match[3] ? Number(match[3].length === 2 ? `20${match[3]}` : match[3]) : undefined;
    const date = year
      ? DateTime.fromObject({ year, month, day }, { zone: zoneOf(timeZone) })
      : nearestYear(today, month, day, timeZone);
    addDay(found, date, match.index, match.index + match[0].length);
  }
  for (const match of chronoDays(text, light, now, today, timeZone)) addDay(found, match.date, match.start, match.end);
  for (const match of matchesOf(light, dayOfMonthRe)) {
    const day = Number(match[1]);
    // This month while the day is still to come, else the next month that has such a day; looking back, the
    // other way round.
    const date = [0, 1, 2]
      .map((months) => (past ? today.minus({ months }) : today.plus({ months })).set({ day }))
      .find((one) => one.day === day && (past ? one <= today : one >= today));
    if (date) addDay(found, date, match.index, match.index + match[0].length);
  }

  return found.sort((a, b) => a.start - b.start);
}

// A day is added where no day found before stands (the helpers stand apart from daysIn: it runs for every text).
function addDay(found: DayMatch[], date: DateTime, start: number, end: number): void {
  if (date.isValid && !found.some((day) => start < day.end && day.start < end))
    found.push({ date: date.toISODate()!, start, end });
}

/** «в пятницу» in a past-tense question is the last Friday, unless said as a bound ahead («до пятницы»). */
const lookingBack = (past: boolean, said: string) => past && !/^(?:на|к|ко|до|by|until|till)\s/u.test(said);

/** Russian and English weekday: the coming one with today included; "next …" is that day of next week. */
function weekdayFrom(today: DateTime, weekday: number, qualifier: string | undefined): DateTime {
  if (qualifier && nextWordRe.test(qualifier)) {
    return today.startOf('week').plus({ weeks: 1, days: weekday - 1 });
  }
  if (qualifier && lastWordRe.test(qualifier)) {
    return today.minus({ days: ((today.weekday - weekday + 6) % 7) + 1 });
  }
  return today.plus({ days: (weekday - today.weekday + 7) % 7 });
}

/** A day and month without a year: the closest such date, before or after today. */
function nearestYear(today: DateTime, month: number, day: number, timeZone: string): DateTime {
  const candidates = [today.year - 1, today.year, today.year + 1]
    .map((year) => DateTime.fromObject({ year, month, day }, { zone: zoneOf(timeZone) }))
    .filter((date) => date.isValid && date.month === month);
  candidates.sort((a, b) => Math.abs(a.diff(today).as('days')) - Math.abs(b.diff(today).as('days')));
  return candidates[0] ?? DateTime.invalid('no such day');
}

const monthWord =
  /янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|через|\bin\s+\d|\d{4}-\d{2}-\d{2}/u;

// Only a certain day of chrono's is kept (below). Its Russian parsers read one only from a digit, a day's own word
// («сегодня», «сейчас»), a next or last one («на следующей неделе», «прошлой ночью»), a span of seconds to weeks
// («через 3 дня») or an ordinal («первого ноября»); its English ones only from Latin letters or a year's digits. A
// text with none of a language's words is not given to its parsers (these match in any case, as chrono's do).
export const chronoDayWords = {
  russian:
    /\d|сегодня|вчера|завтра|сейчас|прошл|следующ|сек|мин|час|день|дня|дней|сут|недел|перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят|надцат|двадцат|тридцат/iu,
  english: /[a-z]|\d{4}/iu,
};

// Month names ("11 марта", "March 11"), "через 3 дня", ISO dates: chrono, with the zone's offset at that instant.
function chronoDays(
  text: string,
  light: string,
  now: Date,
  today: DateTime,
  timeZone: string,
): { date: DateTime; start: number; end: number }[] {
  if (!monthWord.test(light)) return [];
  const reference = { instant: now, timezone: zonedNow(now, timeZone).offset };
  // Clock times are read by findTimes, not here: chrono would swallow «15 декабря в 14:00» into the day's span
  // (and the time with it), and misses «в 14:00 15 декабря» altogether.
  const dayText = text.replace(clockRe, (time) => '_'.repeat(time.length));
  const results = [
    ...(chronoDayWords.russian.test(dayText) ? ru.parse(dayText, reference) : []),
    ...(chronoDayWords.english.test(dayText) ? en.parse(dayText, reference) : []),
  ];
  return results
    .filter((result) => result.start.isCertain('day') && DAY_SAID.test(result.text))
    .map((result) => {
      const month = result.start.get('month')!;
      const day = result.start.get('day')!;
      // "через 3 дня" carries its own year; a bare "11 марта" is the closest 11 March.
      const date =
        result.start.isCertain('year') || isRelative(result.text)
          ? DateTime.fromObject({ year: result.start.get('year')!, month, day }, { zone: zoneOf(timeZone) })
          : nearestYear(today, month, day, timeZone);
      const preposition = light.slice(0, result.index).match(DAY_PREPOSITION_BEFORE);
      return {
        date,
        start: result.index - (preposition?.[0].length ?? 0),
        end: result.index + dayPartLength(firstDayOf(result.text), result.start.isCertain('hour')),
      };
    });
}

/** «1 ноября по сегодня», read by chrono as one range: its first day only (the bound is read on its own). */
const firstDayOf = (phrase: string) => phrase.split(/\s+(?:по|до|to|until|till|[-–—])\s+/u)[0]!;

/** «15 декабря в 3 часа дня»: the day's span ends before its hour, which findTimes reads. */
function dayPartLength(phrase: string, hasHour: boolean): number {
  if (!hasHour) return phrase.length;
  const hour = [...lightText(phrase).matchAll(letters(new RegExp(hourRe.source, 'gu')))].find(
    (match) => match.index > 0,
  );
  return hour ? phrase.slice(0, hour.index).trimEnd().length : phrase.length;
}

const isRelative = (phrase: string) => /через|\bin\s+\d/u.test(lightText(phrase));

const hourWords = `(?:(?:час|часа|часов)\\s+)?(?:утра|вечера|дня|ночи)|am|pm|a\\.m\\.|p\\.m\\.|ч|час|часа|часов`;
const timePreposition = `(?:(в|во|на|к|ко|с|со|до|около|после|at|by|from|to|until|till|around|@)\\s*)`;
const clockRe = letters(
  new RegExp(
    `${before}${timePreposition}?([01]?\\d|2[0-3])[:.]([0-5]\\d)(?![\\d.:])(?:\\s*(${hourWords})${after})?`,
    'gu',
  ),
);
// "на 3 дня" is a span of days, not a time: a bare hour needs a time's own preposition.
const hourPreposition = `(?:(в|во|к|ко|с|со|до|около|после|at|by|from|to|until|till|around|@)\\s*)`;
const hourRe = letters(
  new RegExp(
    `${before}${hourPreposition}(\\d{1,2})(?![\\d.,:])(?:\\s*(${hourWords})${after})?(?!\\s*(?:тыс|млн|млрд|руб|р\\.|₽|%|k${after}|m${after}|\\$|€|мин|дн|дел|недел|мес|год|лет|чел|шт|проц|раз|day|week|month|year|minute|hour|percent|thousand|million))`,
    'gu',
  ),
);
const bareMeridiemRe = letters(new RegExp(`${before}(\\d{1,2})\\s*(am|pm)${after}`, 'gu'));

/** Every time of day the text names, in order ("в 14:00", "в 9", "в 15.30", "at 3pm", "на 16:00"). */
export function findTimes(text: string, days: readonly { start: number; end: number }[] = []): TimeMatch[] {
  const light = lightText(text);
  const said: SaidTime[] = [];
  for (const match of matchesOf(light, clockRe)) {
    said.push({ ...where(match), hour: Number(match[2]), minute: Number(match[3]), meridiem: match[4] });
  }
  for (const match of matchesOf(light, hourRe)) {
    const hour = Number(match[2]);
    // "в 3" in a director's day is 15:00: bare small hours are afternoon unless "утра"/"am" says otherwise.
    const meridiem = match[3] ?? (hour >= 1 && hour <= 7 ? 'pm' : undefined);
    said.push({ ...where(match), hour, minute: 0, meridiem });
  }
  for (const match of matchesOf(light, bareMeridiemRe)) {
    said.push({ ...where(match), preposition: '', hour: Number(match[1]), minute: 0, meridiem: match[2] });
  }
  const found: TimeMatch[] = [];
  for (const time of said) addTime(found, days, time);
  return found.sort((a, b) => a.start - b.start);
}

/** A time as said, before it is checked against the days and the times said before it. */
interface SaidTime {
  hour: number;
  minute: number;
  meridiem: string | undefined;
  preposition: string;
  start: number;
  end: number;
}

const where = (match: RegExpExecArray) => ({
  preposition: match[1] ?? '',
  start: match.index,
  end: match.index + match[0].length,
});

/** A time that exists is added where no day and no time found before stands. */
function addTime(found: TimeMatch[], days: readonly { start: number; end: number }[], said: SaidTime): void {
  const { start, end, minute } = said;
  const clash = (span: { start: number; end: number }) => start < span.end && span.start < end;
  if (found.some(clash) || days.some(clash)) return;
  const resolved = withMeridiem(said.hour, said.meridiem);
  if (resolved > 23 || minute > 59) return;
  found.push({ time: `${pad(resolved)}:${pad(minute)}`, start, end, preposition: said.preposition });
}

function withMeridiem(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const word = meridiem.split(/\s+/u).pop()!; // «часа дня» is «дня»
  if (/^(?:pm|p\.m\.|вечера|дня)$/u.test(word)) return hour < 12 ? hour + 12 : hour;
  if (/^(?:am|a\.m\.)$/u.test(word)) return hour === 12 ? 0 : hour;
  return hour;
}

const pad = (value: number) => String(value).padStart(2, '0');
