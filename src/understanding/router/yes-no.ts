// A typed answer to a yes/no question, in any form: «да», «Да!», «давай», «ок, создавай», «подтверждаю», «нет»,
// «не надо», «отмена», «отмени». The words that may stand around it («пожалуйста», «спасибо», «ну») change
// nothing; any other word makes it more than a yes or a no (a change, or a request of its own).

import { letters } from '../../letters.ts';
import { lightText } from './text.ts';

const WORDS = letters(/[\p{L}\p{N}]+/gu);
const YES_OR_NO_LEAD = letters(
  /^\s*(?:да|нет|ок|окей|давай|yes|no|ok)(?![\p{L}\p{N}])[\s,.!—–-]*(?:(?:но|а|только|but|just)(?![\p{L}\p{N}])\s*)?/iu,
);

export type YesNo = 'yes' | 'no';

const YES = new Set([
  'да',
  'ага',
  'угу',
  'ок',
  'окей',
  'okay',
  'ok',
  'давай',
  'давайте',
  'подтверждаю',
  'подтверди',
  'подтвердить',
  'подтверждаем',
  'конечно',
  'верно',
  'точно',
  'согласен',
  'согласна',
  'создавай',
  'создавайте',
  'делай',
  'делайте',
  'сделай',
  'годится',
  'хорошо',
  'ладно',
  'отлично',
  'пойдет',
  'идет',
  'так',
  'yes',
  'yep',
  'yeah',
  'sure',
  'confirm',
  'confirmed',
  'go',
  'ahead',
  'do',
  'it',
  'correct',
  'right',
]);

const NO = new Set([
  'нет',
  'неа',
  'отмена',
  'отмени',
  'отменить',
  'отменяй',
  'отменяем',
  'стоп',
  'забудь',
  'передумал',
  'передумала',
  'no',
  'nope',
  'cancel',
  'stop',
  'nevermind',
]);

// «не надо», «не нужно», «не создавай», «не сейчас», «не стоит», «don't»: «не» before any of these is a no.
const NOT_WORDS = /^(?:надо|нужно|стоит|сейчас|создавай|делай|ставь|назначай|переноси|меняй|пиши|добавляй)$/u;

const AROUND = new Set([
  'пожалуйста',
  'спасибо',
  'ну',
  'же',
  'все',
  'всё',
  'уж',
  'please',
  'thanks',
  'thank',
  'you',
  'then',
  'just',
]);

/** The words of a message, lowercase, without punctuation. */
export const answerWords = (text: string): string[] => lightText(text).match(WORDS) ?? [];

/** What the words are when they are only a yes or only a no; undefined when they say more (or nothing). */
export function yesOrNo(text: string): YesNo | undefined {
  const words = answerWords(text);
  let yes = 0;
  let no = 0;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if ((word === 'не' || word === 'dont' || word === 'don') && NOT_WORDS.test(words[index + 1] ?? '')) {
      no += 1;
      index += 1;
    } else if (YES.has(word)) yes += 1;
    else if (NO.has(word)) no += 1;
    else if (!AROUND.has(word)) return undefined;
  }
  if (no > 0) return 'no';
  return yes > 0 ? 'yes' : undefined;
}

/**
 * The words after a leading yes or no («нет, на пятницу», «да, но ответственный Попов»): the change they carry.
 * The whole text when it does not start with one.
 */
export function afterYesOrNo(text: string): string {
  const lead = YES_OR_NO_LEAD;
  return text.replace(lead, '').trim() || text;
}
