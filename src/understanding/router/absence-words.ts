// «кто в отпуске», «кто болеет», «кто на больничном», «кто отсутствует на неделе», «кто сегодня не работает»: the
// absence chart for a day or a week. Every other word must be a small one, or the message is left to the rest of
// the router («Орлова в отпуске?» names a person this reading does not look for).

import { letters } from '../../letters.ts';
import type { Intent } from '../understanding.ts';
import { findDays } from './dates.ts';
import { matchesOf } from './spans.ts';
import type { Message } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { localDay, zonedToday } from './zone.ts';

const NOT_LETTERS = letters(/[^\p{L}]+/gu);

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const words = (pattern: string) => letters(new RegExp(`${B}(?:${pattern})${E}`, 'gu'));

/** What is asked, by the words that ask it; the first that fits. */
const ASKED: [RegExp, 'vacation' | 'sick' | 'trip' | 'notWorking' | 'away'][] = [
  [words('отпуск\\p{L}*|vacation|holidays?'), 'vacation'],
  [words('больничн\\p{L}*|болеет|болеют|заболел\\p{L}*|болен|больна|sick|ill'), 'sick'],
  [words('командировк\\p{L}*|business\\s+trips?|trips?'), 'trip'],
  [
    words('не\\s+работа\\p{L}*|не\\s+вышел\\p{L}*|нет\\s+на\\s+работе|not\\s+working|off\\s+today|off\\s+work'),
    'notWorking',
  ],
  [words('отсутству\\p{L}*|отсутстви\\p{L}*|away|out\\s+of\\s+(?:the\\s+)?office|on\\s+leave|absent'), 'away'],
];

const WEEK = words('(?:на|в|за)?\\s*(?:эт\\p{L}*|текущ\\p{L}*)?\\s*недел\\p{L}*|this\\s+week');
const NEXT_WEEK = words('(?:на|в)\\s+следующ\\p{L}*\\s+недел\\p{L}*|next\\s+week');

const SMALL = words(
  'кто|у|нас|сейчас|из|сотрудник\\p{L}*|команд\\p{L}*|в|на|по|а|и|ли|есть|кто-нибудь|кто-то|пожалуйста|покажи|скажи|список|who|is|are|on|in|the|of|our|team|today|anyone|people|сегодня|завтра|tomorrow|график\\p{L}*|у\\s+нас',
);

/** The absence chart for the day or week named (today when none is). */
export function absenceIntent(message: Message, clock: Clock): Intent | undefined {
  const found = ASKED.find(([pattern]) => matchesOf(message.light, pattern).length > 0);
  if (!found) return undefined;
  const today = zonedToday(clock.now, clock.timeZone);
  let rest = message.light;
  for (const [pattern] of ASKED) rest = rest.replace(pattern, ' ');
  let from = today;
  let to = today;
  if (NEXT_WEEK.test(rest)) {
    from = today.startOf('week').plus({ weeks: 1 });
    to = from.endOf('week').startOf('day');
    rest = rest.replace(NEXT_WEEK, ' ');
  } else if (WEEK.test(rest)) {
    [from, to] = [today, today.endOf('week').startOf('day')];
    rest = rest.replace(WEEK, ' ');
  } else {
    const day = findDays(rest, clock.now, clock.timeZone)[0];
    if (day) {
      from = to = localDay(day.date, clock.timeZone);
      rest = rest.slice(0, day.start) + rest.slice(day.end);
    }
  }
  if (rest.replace(SMALL, ' ').replace(NOT_LETTERS, '') !== '') return undefined;
  const date = from.toISODate()!;
  const last = to.toISODate()!;
  return {
    kind: 'view',
    request: { scenario: 'absence', date, ...(last !== date ? { to: last } : {}), reason: found[1] },
  };
}
