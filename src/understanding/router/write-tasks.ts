// Tasks said in plain words: a new task with its deadline and the person responsible, a new deadline, and the
// typed answers to «Кому поручить?» and «К какому сроку?». A deadline with a day but no time is 18:00 local
// (the end of a working day).

import { letters } from '../../letters.ts';
import type { Question, WriteDraft } from '../../vocabulary/drafts.ts';
import { type DayMatch, dateTimeOf, findDays, findTimes, localDateTime, type TimeMatch } from './dates.ts';
import { capitalise, type Message, messageOf, rawSlice, restOf, unquote, without } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { zonedNow } from './zone.ts';

const NOT_IN_TITLE = letters(/[^\p{L}\p{N}\s-]/gu);

const TASK_DEADLINE_TIME = '18:00';

const assigneeRe = letters(
  /^(?:(?:для|на|for|to|assign(?:ed)?\s+to|ответственн\p{L}*)\s+)?((?:\p{Lu}\p{L}+\s+)?\p{L}+(?:ов|ев|ёв|ин|ын|ск|цк|ov|ev|in|sky)(?:у|ой|ому|а|ым|a)?)(?![\p{L}])\s*/u,
);
const responsibleTailRe = letters(
  /\s*(?:,\s*)?(?:ответственн\p{L}*|исполнител\p{L}*|responsible|assign(?:ed)?\s+to|для|for)\s*:?\s+((?:\p{Lu}\p{L}+\s+)?\p{Lu}\p{L}+)\s*$/u,
);

export function createTask(
  message: Message,
  start: number,
  clock: Clock,
  assigneeBefore: string,
): WriteDraft | undefined {
  let rest = restOf(message, start);
  let responsibleName = assigneeBefore ? lastWord(assigneeBefore) : undefined;
  if (!responsibleName) {
    const leading = rest.raw.match(assigneeRe);
    // «создай задачу Орловой»: the person is said, what to do is not (asked for, never the name as a title).
    if (leading && isPersonLike(leading[1]!, leading[0]) && !rawSlice(rest, leading[0].length)) return undefined;
    if (leading && isPersonLike(leading[1]!, leading[0])) {
      responsibleName = lastWord(leading[1]!);
      rest = restOf(rest, leading[0].length);
    } else {
      const tail = rest.raw.match(responsibleTailRe);
      if (tail) {
        responsibleName = lastWord(tail[1]!);
        rest = { raw: rest.raw.slice(0, tail.index), light: rest.light.slice(0, tail.index) };
      }
    }
  }
  const pointed = withoutReference(rest);
  const when = deadline(pointed, clock);
  const title = capitalise(unquote(rawSlice(when.rest, 0).replace(/^(?:чтобы|to)\s+/u, '')));
  if (!title) return undefined;
  return {
    type: 'createTask',
    title,
    ...(when.deadline ? { deadline: when.deadline } : {}),
    ...(responsibleName ? { responsibleName } : {}),
    ...(pointed !== rest ? { pointsBack: true } : {}),
  };
}

// «по ней», «по этой сделке», «для него»: a word pointing at what was just shown names the task's record, never
// its title.
const referenceRe = letters(
  /(?<![\p{L}])(?:по|для|к|ко|про|о|об|у)\s+(?:ней|нему|ним|нем|неё|нее|него|них|этой|этому|этим|этих)(?:\s+(?:сделк\p{L}*|компани\p{L}*|клиент\p{L}*|контакт\p{L}*|задач\p{L}*))?(?![\p{L}])/u,
);

function withoutReference(message: Message): Message {
  const found = referenceRe.exec(message.light);
  return found ? without(message, [{ start: found.index, end: found.index + found[0].length }]) : message;
}

/** A new deadline for a task named by part of its title; without a date the date is asked for. */
export function moveTask(message: Message, start: number, clock: Clock): WriteDraft | Question | undefined {
  const when = deadline(restOf(message, start), clock);
  const taskQuery = unquote(
    rawSlice(when.rest, 0)
      .replace(/^(?:про|по|о|об|about)\s+/iu, '')
      .replace(/\s+(?:на|до|к|to|until|by)$/iu, ''),
  );
  if (!taskQuery) return 'whichTask';
  return when.deadline ? { type: 'moveTask', taskQuery, deadline: when.deadline } : undefined;
}

/** A task given away without saying to whom: the person is asked for. */
export const delegated = (draft: WriteDraft | undefined): WriteDraft | undefined =>
  draft?.type === 'createTask' && !draft.responsibleName ? { ...draft, delegated: true } : draft;

// A dative surname right after "задачу" ("Петрову позвонить…") or "для Петрова" names the person responsible.
function isPersonLike(name: string, whole: string): boolean {
  if (/^(?:для|на|for|to|assign|ответствен)/u.test(whole.toLowerCase()))
    return /^\p{Lu}/u.test(name) || /(?:ов|ев|ин)(?:а|у)?$/u.test(name);
  return /(?:ов|ев|ёв|ин|ын)(?:у|ой)$|(?:ск|цк)(?:ому|ой)$/u.test(name.toLowerCase());
}

const lastWord = (text: string) => text.trim().split(/\s+/).pop() ?? text;

// What may stand around a typed answer: «до пятницы», «к понедельнику», «для Орловой», «Орловой, пожалуйста».
const answerWordsRe = letters(
  /(?<![\p{L}])(?:до|к|ко|на|для|by|for|to|пусть|поручи\p{L}*|пожалуйста|please|срок\p{L}*|давай|ну|ok|ок)(?![\p{L}])/giu,
);
const noDeadlineRe = /^(?:без\s+срока|никогда|не\s+важно|неважно|no\s+deadline|none|whenever)[\s.!]*$/iu;

/**
 * A typed answer to «Кому поручить?» or «К какому сроку?»: the deadline it names (18:00 on a day said without a
 * time), «без срока», and the words left over (a name), small words taken out.
 */
export function taskAnswer(text: string, clock: Clock): { deadline?: string; noDeadline?: boolean; rest: string } {
  if (noDeadlineRe.test(text.trim())) return { noDeadline: true, rest: '' };
  const when = deadline(messageOf(text.trim()), clock);
  const rest = when.rest.raw.replace(answerWordsRe, ' ').replace(NOT_IN_TITLE, ' ').replace(/\s+/gu, ' ').trim();
  return { ...(when.deadline ? { deadline: when.deadline } : {}), rest };
}

const endOfRe =
  /(?:до|к|by)\s+(?:конц[ауе]|the\s+end\s+of)\s+(?:(?:этого|этой|текущего|текущей|this)\s+)?(дня|недели|месяца|day|week|month)|\b(eod|eow)\b/u;

function deadline(message: Message, clock: Clock): { deadline?: string; rest: Message } {
  const end = message.light.match(endOfRe);
  if (end) {
    const today = zonedNow(clock.now, clock.timeZone).startOf('day');
    const week = /недел|week|eow/u.test(end[0]);
    // The end of a week is its Friday; of a month, its last day.
    const day = /месяц|month/u.test(end[0])
      ? today.endOf('month').startOf('day')
      : week
        ? today.plus({ days: (5 - today.weekday + 7) % 7 })
        : today;
    return {
      deadline: localDateTime(day.toISODate()!, TASK_DEADLINE_TIME, clock.timeZone),
      rest: without(message, [{ start: end.index!, end: end.index! + end[0].length }]),
    };
  }
  const days = findDays(message.raw, clock.now, clock.timeZone);
  const times = findTimes(message.raw, days);
  const day = days[0];
  const time = times[0];
  if (!day && !time) return { rest: message };
  const spans = [day, time].filter((span): span is DayMatch | TimeMatch => span !== undefined);
  return {
    deadline: dateTimeOf(day?.date, time?.time ?? TASK_DEADLINE_TIME, clock, Boolean(day)),
    rest: without(message, spans),
  };
}
