// «открой третью», «подробнее про первую», «а что с третьей сделкой?», «вторую открой», «open the second one»: an
// item of the last list. Every word is accounted for: one ordinal (or «номер 3»), the words that ask to open an item,
// and what the list holds right after the ordinal («третью сделку») or before the number («сделку номер 3»). Any
// other word makes it another question («задачи по второму кварталу»).

import { letters } from '../../letters.ts';

const ORDINALS = ['перв', 'втор', 'трет', 'четв[её]рт', 'пят', 'шест', 'седьм', 'восьм', 'девят', 'десят'];
const ENGLISH = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
// Every case of both genders: «третью», «о третьей», «с третьим», «о третьем», «третьего».
const ORDINAL = letters(
  new RegExp(`^(${ORDINALS.join('|')})(?:ый|ой|ий|ая|ую|ое|ого|ому|ым|ом|ей|ья|ью|ье|ьего|ьему|ьей|ьим|ьем)$`, 'u'),
);
const ORDINAL_STEMS = ORDINALS.map((stem) => letters(new RegExp(`^${stem}$`, 'u')));
const OPENING = letters(
  /^(?:а|ну|и|открой|открыть|покажи|показать|дай|давай|подробнее|подробней|поподробнее|детальнее|расскажи|детали|карточк\p{L}*|мне|о|об|про|по|что|с|со|там|пожалуйста|слушай|open|show|more|about|details|tell|of|on|me|the|one|please)$/u,
);
const ITEMS = letters(
  /^(?:сделк\p{L}*|задач\p{L}*|лид(?:а|у|ом|е)?|заявк\p{L}*|встреч\p{L}*|компани\p{L}*|клиент\p{L}*|контакт\p{L}*|строк\p{L}*|пункт\p{L}*|deal|task|lead|meeting|line|item)$/u,
);
const NUMBER = /^(?:номер|№|#|number)$/u;

/** The place one word names in a list, from 0: an ordinal, «№3», «#3». */
function placeOf(word: string, before: string): number | undefined {
  const ordinal = ORDINAL.exec(word);
  if (ordinal) return ORDINAL_STEMS.findIndex((stem) => stem.test(ordinal[1]!));
  if (ENGLISH.includes(word)) return ENGLISH.indexOf(word);
  const number = /^(?:№|#)?(\d{1,2})$/u.exec(word);
  return number && (NUMBER.test(before) || word !== number[1]) ? Number(number[1]) - 1 : undefined;
}

/** The item of the last list a message opens (from 0), or undefined when it says anything else. */
export function nthOf(light: string): number | undefined {
  const words = light
    .replace(/[?!.,]+/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
  let index: number | undefined;
  for (const [at, word] of words.entries()) {
    const place = placeOf(word, words[at - 1] ?? '');
    if (place !== undefined) {
      if (index !== undefined || place < 0) return undefined;
      index = place;
    } else if (ITEMS.test(word)) {
      // «третью сделку», «сделку номер 3»: what the list holds, next to the place; «задачи по второму» is no item.
      const beside =
        placeOf(words[at - 1] ?? '', words[at - 2] ?? '') !== undefined || NUMBER.test(words[at + 1] ?? '');
      if (!beside) return undefined;
    } else if (!OPENING.test(word) && !NUMBER.test(word)) return undefined;
  }
  return index;
}
