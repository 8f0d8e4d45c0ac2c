// Absence of one employee or one department, in a director's words: «где Егоров?», «Васильева когда выходит из
// отпуска?», «Орлова в отпуске?», «Семёнова болеет?», «Егоров на работе?», «кого нет в отделе продаж», «кто в
// отпуске в отделе проектов». And «кто опоздал», which the portal cannot tell: said plainly.

import { letters } from '../../letters.ts';
import type { Intent } from '../understanding.ts';
import { knownWord } from './lexicon.ts';
import { holdsOneInAnyCase, neededWords } from './literals.ts';
import type { Message } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { zonedToday } from './zone.ts';

type Reason = 'vacation' | 'sick' | 'trip' | 'notWorking' | 'away';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const re = (pattern: string, flags = 'giu') => letters(new RegExp(`${B}(?:${pattern})${E}`, flags));

// The words of the question, each with the absence it asks about; every other word must be the name.
const ASKS: [RegExp, Reason | undefined][] = [
  [re('(?:в|из)\\s+отпуск\\p{L}*|отпуск\\p{L}*|vacation|on\\s+holiday'), 'vacation'],
  [re('(?:на|с)\\s+больничн\\p{L}*|болеет|болеют|заболел\\p{L}*|болен|больна|sick|ill'), 'sick'],
  [re('(?:в|из)\\s+командировк\\p{L}*|командировк\\p{L}*|on\\s+a\\s+business\\s+trip'), 'trip'],
  [
    re('на\\s+работе|на\\s+месте|работает|вышел\\p{L}*\\s+на\\s+работу|at\\s+work|in\\s+the\\s+office|working'),
    'notWorking',
  ],
  [re('где|отсутству\\p{L}*|нет|where(?:\\s+is|\\s+are)?|away|absent'), 'away'],
  [re('(?:выходит|выйдет|вернется|вернётся|возвращается|появится)(?:\\s+на\\s+работу)?|back|return\\p{L}*'), undefined],
];
// An absence is asked with one of these words: a message with none of them is not read any further.
const ASKED_WORDS = neededWords(ASKS.map(([pattern]) => pattern.source).join('|'), true);
const SMALL = re(
  'а|и|у|ли|же|сейчас|сегодня|уже|вообще|кто|кого|из|нас|там|когда|now|today|is|are|the|of|who|in|when|will',
);
const DEPARTMENT = re('(?:в|из|у)\\s+(отдел\\p{L}*\\s+\\p{L}+|бухгалтери\\p{L}*)', 'iu');
const LATENESS = re(
  'опоздал\\p{L}*|опаздыва\\p{L}*|пришл?\\p{L}*\\s+поздно|(?:was|were|came)\\s+late|late\\s+today',
  'iu',
);

/** Who was late is not in the portal: the intent that says so, or undefined. */
export function latenessIntent(message: Message): Intent | undefined {
  return LATENESS.test(message.light) ? { kind: 'cannotDo', what: 'lateness' } : undefined;
}

/** The absence of one employee or department the message asks about (looked at a month ahead), or undefined. */
export function absenceOfWhom(message: Message, clock: Clock): Intent | undefined {
  let rest = message.raw.replace(/[?!.,]+/gu, ' ');
  if (!holdsOneInAnyCase(rest, ASKED_WORDS)) return undefined;
  const department = DEPARTMENT.exec(rest);
  if (department) rest = rest.replace(department[0], ' ');
  const reasons: (Reason | undefined)[] = [];
  for (const [pattern, reason] of ASKS) {
    if (!rest.match(pattern)) continue;
    reasons.push(reason);
    rest = rest.replace(pattern, ' ');
  }
  const asked = reasons.find((reason) => reason !== undefined);
  if (!reasons.length) return undefined;
  const name = rest.replace(SMALL, ' ').replace(/\s+/gu, ' ').trim();
  const words = name.split(' ').filter(Boolean);
  const who = department ? department[1]! : name;
  if (department ? words.length > 0 : words.length === 0 || words.length > 3) return undefined;
  // A name: one word, or capitalised ones («Мария Орлова»); «стратегическая сессия» is no one's.
  if (words.length > 1 && words.some((word) => !/^\p{Lu}/u.test(word))) return undefined;
  // A word the assistant knows («задачи», «сделки») is a question of its own, not a name.
  if (words.some((word) => knownWord(word) || /\d/u.test(word))) return undefined;
  const today = zonedToday(clock.now, clock.timeZone);
  // One person: today and the month ahead («где Егоров?» — from tomorrow on a trip); a department, or whether
  // someone is at work: today.
  const ahead = !department && asked !== 'notWorking';
  return {
    kind: 'view',
    request: {
      scenario: 'absence',
      date: today.toISODate()!,
      ...(ahead ? { to: today.plus({ days: 30 }).toISODate()! } : {}),
      reason: asked ?? 'away',
      who,
    },
  };
}
