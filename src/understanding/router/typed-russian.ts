// Russian typed without Russian letters: in Latin transliteration («zavtra chto u menya») or on the English
// keyboard layout («ghjcnj pflfxb» is «просто задачи»). Either is read in Cyrillic when its words, read so, are
// words the assistant knows; the answer is then in Russian, the language the director meant.
import { fromLatinTyping, knownWord } from './lexicon.ts';

// The small everyday words of a question, which say the message is Russian without meaning anything to the
// grammar (so they stay out of the lexicon, where a known word is said back as not understood).
const EVERYDAY_RUSSIAN = new Set(
  (
    'что кто чем кого кому меня мне мной мои мой моя мое моё наши наш нас нам вас нее неё него них ' +
    'есть было будет были где куда когда как какие какой какая сколько скока просто только тоже еще ещё ' +
    'отпуск отпуске отпуска отпусках больничный больничном болеет болеют командировке командировка ' +
    'работе работает отсутствует отсутствуют расписание воронка воронку сводка сводку найди досье всех ' +
    'покажи дай дайте открой подробнее встреча встречу созвон совещание отдел отделе клиент клиента'
  ).split(' '),
);

/** Whether a word in Cyrillic is one a Russian question is made of. */
const russianWord = (word: string) => EVERYDAY_RUSSIAN.has(word.toLocaleLowerCase('ru')) || knownWord(word);

// The English layout's keys, and the Russian letters on them.
const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const RUSSIAN_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const KEY = new Map([...LATIN_KEYS].map((key, at) => [key, RUSSIAN_KEYS[at]!]));

function onRussianKeys(token: string): string {
  return [...token]
    .map((char) => {
      const russian = KEY.get(char.toLowerCase());
      if (!russian) return char;
      return char === char.toLowerCase() ? russian : russian.toUpperCase();
    })
    .join('');
}

/** A word typed on the English layout, read on the Russian one; a comma or full stop at its end stays one. */
function layoutWord(token: string): string {
  const whole = onRussianKeys(token);
  const stop = /[,.]$/u.test(token) ? token.slice(-1) : '';
  return stop && !russianWord(whole) ? onRussianKeys(token.slice(0, -1)) + stop : whole;
}

/** The message read on the Russian layout when most of its words are known there; otherwise undefined. */
function fromEnglishLayout(text: string): string | undefined {
  const tokens = text.match(/[A-Za-z[\];'`,.]*[A-Za-z][A-Za-z[\];'`,.]*/gu) ?? [];
  const words = tokens.map(layoutWord).map((word) => word.replace(/[,.]$/u, ''));
  const plain = words.filter((word) => word.length >= 3);
  const known = plain.filter(russianWord);
  if (known.length === 0 || known.length * 2 < plain.length) return undefined;
  return text.replace(/[A-Za-z[\];'`,.]*[A-Za-z][A-Za-z[\];'`,.]*/gu, layoutWord);
}

/** The message in Cyrillic when it is Russian typed in Latin letters or on the English layout; else as it is. */
export function typedInRussian(text: string): string {
  const transliterated = fromLatinTyping(text, russianWord);
  if (transliterated !== text || text.trimStart().startsWith('/') || /\p{Script=Cyrillic}/u.test(text)) {
    return transliterated;
  }
  return fromEnglishLayout(text) ?? text;
}
