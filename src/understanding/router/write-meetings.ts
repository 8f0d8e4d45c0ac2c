// Meetings said in plain words: a new one, a move, a cancel. A new meeting lasts one hour unless a range or a
// length is said; a day without a time, or no day at all, is asked for (never a start made up).
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import type { Question, WriteDraft } from '../../vocabulary/drafts.ts';
import { type DayMatch, dateTimeOf, findDays, findTimes, localDateTime, type TimeMatch } from './dates.ts';
import { meetingNoun, shiftOf } from './meeting-words.ts';
import { type Message, nominative, rawSlice, restOf, unquote, without } from './text.ts';
import type { Clock } from './write-drafts.ts';

const UNTIL_WORD = letters(/(?<![\p{L}])(?:на|to|until)\s+/gu);

const MEETING_MINUTES = 60;

const meetingNouns: { pattern: RegExp; ru: string; en: string }[] = [
  {
    pattern: /^(?:встреч|meeting|a meeting|a new meeting|new meeting|the meeting|my meeting)/u,
    ru: 'Встреча',
    en: 'Meeting',
  },
  { pattern: /^созвон/u, ru: 'Созвон', en: 'Call' },
  { pattern: /^(?:звонок|call|a call)/u, ru: 'Звонок', en: 'Call' },
  { pattern: /^совещание/u, ru: 'Совещание', en: 'Meeting' },
  { pattern: /^планерк/u, ru: 'Планёрка', en: 'Stand-up' },
  { pattern: /^(?:обед|lunch)/u, ru: 'Обед', en: 'Lunch' },
  { pattern: /^(?:ужин|dinner)/u, ru: 'Ужин', en: 'Dinner' },
  { pattern: /^завтрак/u, ru: 'Завтрак', en: 'Breakfast' },
  { pattern: /^презентаци/u, ru: 'Презентация', en: 'Presentation' },
  { pattern: /^переговор/u, ru: 'Переговоры', en: 'Negotiations' },
  { pattern: /^собрание/u, ru: 'Собрание', en: 'Meeting' },
];

const lengthRe = letters(
  /(?:на|for)\s+(?:(полчаса|half\s+an\s+hour)|(полтора\s+часа)|(час|an\s+hour|one\s+hour)|(\d+)\s*(минут\p{L}*|мин|min\p{L}*|час\p{L}*|ч|hours?|h))(?![\p{L}])/u,
);

export function createMeeting(
  message: Message,
  nounWord: string,
  start: number,
  clock: Clock,
): WriteDraft | Question | undefined {
  let rest = restOf(message, start);
  let minutes = MEETING_MINUTES;
  const length = rest.light.match(lengthRe);
  if (length?.index !== undefined) {
    minutes = length[1]
      ? 30
      : length[2]
        ? 90
        : length[3]
          ? 60
          : Number(length[4]) * (/^(?:мин|min)/u.test(length[5]!) ? 1 : 60);
    rest = without(rest, [{ start: length.index, end: length.index + length[0].length }]);
  }
  const days = findDays(rest.raw, clock.now, clock.timeZone);
  const times = findTimes(rest.raw, days);
  const day = days[0];
  const [first, second] = times;
  if (!first) return day ? 'meetingTime' : rawSlice(rest, 0) ? 'newMeetingWhen' : 'newMeeting';
  const from = dateTimeOf(day?.date, first.time, clock, Boolean(day));
  const isRange = second && /^(?:до|to|until|till)$/u.test(second.preposition);
  const to = isRange
    ? localDateTime(DateTime.fromISO(from, { setZone: true }).toISODate()!, second.time, clock.timeZone)
    : DateTime.fromISO(from, { setZone: true }).plus({ minutes }).toISO({ suppressMilliseconds: true })!;
  const spans = [day, first, isRange ? second : undefined].filter((span) => span !== undefined);
  const topic = rawSlice(without(rest, spans as { start: number; end: number }[]), 0).replace(/\s{2,}/gu, ' ');
  const english = /^[a-z]/u.test(nounWord);
  const noun = meetingNouns.find((entry) => entry.pattern.test(nounWord)) ?? meetingNouns[0]!;
  const title = topic ? `${english ? noun.en : noun.ru} ${topic}` : english ? noun.en : noun.ru;
  return { type: 'createMeeting', title, from, to };
}

// "в 14:00 на 16:00", "с Ивановым на завтра 11:00", "завтра в 14:00 на пятницу": the target follows the last "на"/"to".
export function moveMeeting(message: Message, start: number, clock: Clock): WriteDraft | Question | undefined {
  const rest = restOf(message, start);
  // «на час позже», «на полчаса»: the meeting's own time, moved by so much.
  const shift = shiftOf(rest.light);
  if (shift) {
    const source = describeMeeting(rest, shift.start, undefined, undefined) ?? meetingNoun(message, start);
    return source && { type: 'moveMeeting', meetingQuery: source.query, shiftMinutes: shift.minutes };
  }
  const days = findDays(rest.raw, clock.now, clock.timeZone);
  const times = findTimes(rest.raw, days);
  const marks = [...days, ...times].sort((a, b) => a.start - b.start);
  const targetStart = splitPoint(rest.light, marks);
  // «сдвинь совещание на 15»: a bare hour at the end is the new time (small hours are the afternoon's).
  const bare = marks.length === 0 ? /(?:^|\s)(?:на|to)\s+(\d{1,2})$/u.exec(rest.light) : null;
  if (bare && Number(bare[1]) >= 1 && Number(bare[1]) <= 23) {
    const hour = Number(bare[1]) + (Number(bare[1]) <= 7 ? 12 : 0);
    const source = describeMeeting(rest, bare.index, undefined, undefined) ?? meetingNoun(message, start);
    return source && { type: 'moveMeeting', meetingQuery: source.query, toTime: `${String(hour).padStart(2, '0')}:00` };
  }
  // «перенеси встречу с Ромашкой»: which one is said, when to is not.
  if (targetStart === undefined)
    return describeMeeting(rest, rest.light.length, days[0], times[0]) ? 'meetingWhen' : undefined;
  const sourceDay = days.find((day) => day.start < targetStart);
  const sourceTime = times.find((time) => time.start < targetStart);
  const targetDay = days.find((day) => day.start >= targetStart);
  const targetTimes = times.filter((time) => time.start >= targetStart);
  const source = describeMeeting(rest, targetStart, sourceDay, sourceTime) ?? meetingNoun(message, start);
  if (!source) return undefined;
  const meeting = { type: 'moveMeeting', meetingQuery: source.query, ...(sourceDay ? { date: sourceDay.date } : {}) };
  const time = targetTimes[0]?.time;
  // A new day without a time keeps the meeting's own time; a new time without a day keeps its own day.
  const date = targetDay?.date ?? sourceDay?.date;
  if (!time) return targetDay ? { ...meeting, type: 'moveMeeting', toDate: targetDay.date } : 'meetingWhen';
  if (!date) return { ...meeting, type: 'moveMeeting', toTime: time };
  const from = localDateTime(date, time, clock.timeZone);
  const second = targetTimes[1];
  const to =
    second && /^(?:до|to|until|till)$/u.test(second.preposition)
      ? localDateTime(DateTime.fromISO(from, { setZone: true }).toISODate()!, second.time, clock.timeZone)
      : undefined;
  return { ...meeting, type: 'moveMeeting', from, ...(to ? { to } : {}) };
}

function splitPoint(light: string, marks: readonly { start: number; end: number }[]): number | undefined {
  const candidates = [...light.matchAll(UNTIL_WORD)].map((match) => match.index);
  for (const position of candidates.reverse()) {
    if (marks.some((mark) => mark.start >= position && mark.start <= position + 4)) return position;
  }
  return undefined;
}

function describeMeeting(
  rest: Message,
  end: number,
  day: DayMatch | undefined,
  time: TimeMatch | undefined,
): { query: string } | undefined {
  if (time) return { query: time.time };
  const head = { raw: rest.raw.slice(0, end), light: rest.light.slice(0, end) };
  const name = rawSlice(without(head, day ? [day] : []), 0).replace(/^(?:с|со|with|про|about)\s+/u, '');
  // «отмени встречу в четверг»: a day alone is enough, that day's meetings become a pick list.
  return name ? { query: nominative(unquote(name)) } : day ? { query: '' } : undefined;
}

export function deleteMeeting(message: Message, start: number, clock: Clock): WriteDraft | undefined {
  const rest = restOf(message, start);
  const days = findDays(rest.raw, clock.now, clock.timeZone);
  const time = findTimes(rest.raw, days)[0];
  const meeting = describeMeeting(rest, rest.light.length, days[0], time);
  if (!meeting) return undefined;
  return { type: 'deleteMeeting', meetingQuery: meeting.query, ...(days[0] ? { date: days[0].date } : {}) };
}
