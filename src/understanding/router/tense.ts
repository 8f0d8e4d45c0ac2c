// Whether a question looks back: a past-tense verb or a done participle («были», «выиграли», «закрытые», «что
// было», «won», «held») turns «в пятницу», «в выходные» into the last such days, not the coming ones.

import { letters } from '../../letters.ts';
import { remembered } from '../../remembered.ts';
import { matchesOf } from './spans.ts';

const L = '\\p{L}*';
const PAST_WORDS = [
  'был|была|было|были|прошел|прошла|прошло|прошли|состоял\\p{L}*|случил\\p{L}*|происходил\\p{L}*',
  // Past verbs by their ending (-али, -или, -ыли, -яли): «выиграли», «звонили», «закрыли», «приняли».
  '\\p{L}{2,}(?:али|или|ыли|яли)',
  `\\p{L}{2,}(?:ал|ил|ыл|ял)(?:а|о|ось|ся)?`,
  `пришл${L}|пришел|провел${L}|провед${L}|изменил${L}|изменен${L}`,
  `выигран${L}|проигран${L}|закрыт${L}|заверш${L}|выполнен${L}|сделан${L}|создан${L}|продан${L}|отменен${L}|подписан${L}|получен${L}|поступивш${L}`,
  'was|were|did|won|lost|closed|held|happened|came|made|sold|earned|completed|finished|done|created',
];
// Nouns and names with a past verb's ending, and plans said in the past («поставил на пятницу» is ahead).
const NOT_PAST = letters(
  new RegExp(
    `^(?:квартал${L}|канал${L}|сигнал${L}|материал${L}|финал${L}|персонал${L}|портал${L}|журнал${L}|капитал${L}|` +
      `начал[аои]?|правил[аоу]?|сила|шкала|детали|стили|людмил${L}|камил${L}|мила|михаил${L}|гавриил${L}|даниил${L}|` +
      `данил${L}|поставил${L}|назначил${L}|запланировал${L})$`,
    'u',
  ),
);
const WORD = letters(/\p{L}+/gu);
const PAST = letters(new RegExp(`^(?:${PAST_WORDS.join('|')})$`, 'u'));

// A word is in the past or not by itself: each word is tested once, however many messages say it.
const isPast = remembered((word: string) => PAST.test(word) && !NOT_PAST.test(word));

// A message's text is asked this by its days and by each of its periods: the last answer is kept.
let lastAsked: { light: string; past: boolean } | undefined;

/** True when a word of the (light) text is a past-tense verb or a done participle. */
export function saysPast(light: string): boolean {
  if (lastAsked?.light !== light) lastAsked = { light, past: matchesOf(light, WORD).some(([word]) => isPast(word)) };
  return lastAsked.past;
}
