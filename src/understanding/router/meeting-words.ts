// A meeting named by its own title words, and a move said relative to its time: «перенеси стратегическую сессию
// на вторник», «сдвинь планёрку на полчаса», «звонок инвестору на час позже»; «стратегическая сессия когда?»,
// «во сколько презентация для Уральских машин», «кто будет на совещании завтра», «подготовь к презентации».

import { letters } from '../../letters.ts';
import type { LocalDate } from '../../vocabulary/requests.ts';
import type { Intent } from '../understanding.ts';
import { findDays, findTimes } from './dates.ts';
import { knownWord } from './lexicon.ts';
import { type Message, nominative, rawSlice, restOf, unquote, without } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { moveMeeting } from './write-meetings.ts';

const MEETING_NOUN = letters(/(совещани|планерк|созвон|звонок|презентаци|сесси)\p{L}*\s*$/u);

const B = '(?<![\\p{L}\\p{N}])';

// «на час позже», «на полчаса раньше», «на 15 минут», «an hour later», «by 30 minutes»; a whole hour needs its
// direction («на час» may be one o'clock), minutes are a shift even without one (later).
const SHIFT = letters(
  new RegExp(
    `${B}(?:на\\s+|by\\s+)?(?:(полчаса|half\\s+an\\s+hour)|(полтора\\s+часа)|(час|an\\s+hour|one\\s+hour)|(\\d{1,3})\\s*(минут\\p{L}*|мин|min\\p{L}*|час\\p{L}*|ч|hours?))` +
      `(?:\\s+(позже|попозже|later|вперед|вперёд|раньше|пораньше|earlier|назад))?\\s*$`,
    'u',
  ),
);

/** The minutes a move says relative to the meeting's own time («на час позже»: 60), or undefined. */
export function shiftOf(light: string): { minutes: number; start: number } | undefined {
  const match = SHIFT.exec(light);
  if (!match) return undefined;
  const [, half, oneAndHalf, hour, count, unit, direction] = match;
  if ((hour || /^час|^h/u.test(unit ?? '')) && !direction) return undefined;
  const minutes = half ? 30 : oneAndHalf ? 90 : hour ? 60 : Number(count) * (/^(?:мин|min)/u.test(unit!) ? 1 : 60);
  const earlier = direction !== undefined && /раньше|пораньше|earlier|назад/u.test(direction);
  return minutes > 0 ? { minutes: earlier ? -minutes : minutes, start: match.index } : undefined;
}

const MOVE = letters(
  /^(?:перенеси|перенести|передвинь|сдвинь|подвинь|перемести|reschedule|move|shift|push)(?![\p{L}])\s*/u,
);

/** «перенеси стратегическую сессию на вторник»: a meeting by its title, moved; only when the new time is said. */
export function movedByTitle(message: Message, clock: Clock): Intent | undefined {
  const verb = MOVE.exec(message.light);
  if (!verb) return undefined;
  const draft = moveMeeting(message, verb[0].length, clock);
  if (!draft || typeof draft === 'string' || draft.type !== 'moveMeeting' || !draft.meetingQuery) return undefined;
  // Words the assistant knows («перенеси сделки …») ask something else.
  const words = draft.meetingQuery.split(/\s+/u);
  return words.some((word) => knownWord(word)) ? undefined : { kind: 'write', draft };
}

const KINDS: Record<string, string> = {
  совещани: 'совещание',
  планерк: 'планёрка',
  созвон: 'созвон',
  звонок: 'звонок',
  презентаци: 'презентация',
  сесси: 'сессия',
};

/** «сдвинь планёрку на полчаса»: the meeting named by its own kind when nothing else names it. */
export function meetingNoun(message: Message, start: number): { query: string } | undefined {
  const noun = MEETING_NOUN.exec(message.light.slice(0, start));
  return noun ? { query: KINDS[noun[1]!]! } : undefined;
}

// «когда мои задачи», «во сколько план»: the words of another question, not a meeting's title.
const OTHER_SUBJECT = /^(?:задач|сделк|лид|заявк|выручк|конверси|план|прогноз|отч[её]т|итог|отпуск|больничн)/iu;
const WHEN =
  /^(?:а\s+)?(?:когда|во\s+сколько|в\s+какое\s+время|when\s+is|what\s+time\s+is)\s+(?:у\s+меня\s+|у\s+нас\s+)?(?:будет\s+)?/u;
const WHEN_AFTER = /\s+(?:когда|во\s+сколько)$/u;
const WHO = letters(/^(?:а\s+)?кто\s+(?:будет|придет|придёт|участвует|идет|идёт|приглашен\p{L}*)\s+(?:на|в)\s+/u);
const PREPARE = letters(/^(?:подготов\p{L}*|помоги\s+подготовиться)\s+(?:меня\s+)?(?:к|ко)\s+/u);

/** «кто будет на совещании завтра»: the meeting's card, with who comes. */
export const attendeesAsked = (message: Message, clock: Clock) => meetingAsked(message, clock, [WHO]);
/** «стратегическая сессия когда?», «во сколько презентация». */
export const timeAsked = (message: Message, clock: Clock) => meetingAsked(message, clock, [WHEN]);
/** «подготовь к презентации»: a meeting by its title, not by «встреча» and a time. */
export const prepAsked = (message: Message, clock: Clock) => meetingAsked(message, clock, [PREPARE]);

/** A question about one meeting by its title: when it is, who comes, what to know; the meeting's card. */
function meetingAsked(message: Message, clock: Clock, heads: RegExp[]): Intent | undefined {
  const light = message.light.replace(/[?!.]+$/u, '');
  const head = heads.map((pattern) => pattern.exec(light)).find(Boolean);
  const tail = head || !heads.includes(WHEN) ? undefined : WHEN_AFTER.exec(light);
  if (!head && !tail) return undefined;
  const rest = head
    ? restOf(message, head[0].length)
    : { raw: message.raw.slice(0, tail!.index), light: light.slice(0, tail!.index) };
  const days = findDays(rest.raw, clock.now, clock.timeZone);
  const time = findTimes(rest.raw, days)[0];
  const name = rawSlice(without(rest, [...days.slice(0, 1), ...(time ? [time] : [])]), 0);
  const words = name.split(/\s+/u).filter(Boolean);
  if (words.length === 0 || words.length > 8 || words.some((word) => OTHER_SUBJECT.test(word))) return undefined;
  // «когда я свободен»: words the assistant knows, every one, name no meeting.
  if (words.every((word) => knownWord(word))) return undefined;
  const date: LocalDate | undefined = days[0]?.date;
  return {
    kind: 'view',
    request: {
      scenario: 'meetingPrep',
      query: nominative(unquote(name)),
      ...(date ? { date } : {}),
      ...(time ? { time: time.time } : {}),
    },
  };
}
