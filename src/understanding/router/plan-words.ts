// A plan question in any wording: «как мы по плану», «план», «что с планом», «сколько осталось до плана», «как
// Морозова по плану», «а Соколов успеет?», «что будет в конце года». Not a list of phrases: the message is a plan
// question when one of its words is about the plan and every other word is a word of such questions, the period,
// or one name (the manager asked about).

import { letters } from '../../letters.ts';
import { holdsOne, neededWords } from './literals.ts';
import { findPlanPeriod, type PeriodMatch } from './plan-period.ts';
import { type Message, rawSlice } from './text.ts';
import type { Clock } from './write-drafts.ts';

const WORDS = letters(/\p{L}[\p{L}-]*/gu);

/** The words that make a question the plan's: the plan, the forecast, making it in time, the period's end. */
const PLAN_WORD = letters(
  /^(?:план\p{L}*|прогноз\p{L}*|успе(?:ем|ваем|вает|ют|ет|вают|л|ли|ла)|plans?|quota|forecast)$/u,
);
// «в конце года»: what the period will end with is the forecast.
const END_WORD = letters(/^(?:конц[еуа]|концу|итог\p{L}*)$/u);

/** The other words of plan questions: small words, who «we» are, how it goes, how much is left. */
const PLAN_QUESTION_WORDS = letters(
  new RegExp(
    `^(?:${[
      'а',
      'и',
      'ну',
      'так',
      'же',
      'ли',
      'вообще',
      'там',
      'сейчас',
      'уже',
      'ещ[её]',
      'не',
      'как',
      'что',
      'чего',
      'какой',
      'какая',
      'каков',
      'где',
      'сколько',
      'с',
      'со',
      'по',
      'у',
      'до',
      'к',
      'в',
      'на',
      'за',
      'мы',
      'нас',
      'нам',
      'наш\\p{L}*',
      'мой',
      'мо[её]\\p{L}*',
      'дела',
      'ид(?:[её]м|ут|[её]т)',
      'будет',
      'будем',
      'получится',
      'осталось',
      'оста[её]тся',
      'хватает',
      'отста\\p{L}*',
      'выполн\\p{L}*',
      'сделаем',
      'справ\\p{L}*',
      'факт\\p{L}*',
      'продаж\\p{L}*',
      'выручк\\p{L}*',
      'компани\\p{L}*',
      'всей',
      'how',
      'are',
      'is',
      'we',
      'our',
      'the',
      'with',
      'doing',
      'what',
      'about',
      'against',
    ].join('|')})$`,
    'u',
  ),
);

export interface PlanQuestion {
  period: PeriodMatch | undefined;
  /** The one name the message says besides the plan's words, as written: the manager. */
  manager?: string;
}

// A plan question holds a plan word: a text with none of their stems is none, and its period is not looked for.
const PLAN_STEMS = neededWords(`${PLAN_WORD.source}|${END_WORD.source}`);

/** The plan question a message asks, or undefined when a word of it is no plan question's. */
export function planQuestion(message: Message, clock: Clock): PlanQuestion | undefined {
  if (!holdsOne(message.light, PLAN_STEMS)) return undefined;
  const period = findPlanPeriod(message.light, clock, false);
  const light = period
    ? message.light.slice(0, period.index) +
      ' '.repeat(period.length) +
      message.light.slice(period.index + period.length)
    : message.light;
  let asked = false;
  let manager: string | undefined;
  for (const match of light.matchAll(WORDS)) {
    const word = match[0];
    if (PLAN_WORD.test(word) || (END_WORD.test(word) && period)) asked = true;
    else if (PLAN_QUESTION_WORDS.test(word)) continue;
    else if (manager || word.length < 3) return undefined;
    else manager = rawSlice(message, match.index, match.index + word.length);
  }
  if (!asked) return undefined;
  return { period, ...(manager ? { manager } : {}) };
}
