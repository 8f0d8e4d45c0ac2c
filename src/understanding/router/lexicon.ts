// The words the assistant knows without a model, by lemma (the matcher's Snowball stemmer): the grammar's own
// words (subjects, statuses, forms, qualifiers) and the everyday words of a question around them. A known word
// is never taken for a name; a word one slip away from one is that word; a message typed on a Latin keyboard
// whose words are known once read in Cyrillic is read in Cyrillic.

import { letters } from '../../letters.ts';
import { remembered } from '../../remembered.ts';
import { stemOf } from '../../scenarios/matcher.ts';
import { TOPIC_WORDS } from '../../scenarios/questions/topics.ts';

/** The grammar's words, as directors write them (also the forms a slip is corrected to). */
export const GRAMMAR_WORDS = [
  // the relative words of a qualifier («по которым нет задач»), so a slip in one is fixed, never a name
  'которым',
  'которых',
  'которые',
  // what the question is about
  'задачи',
  'задач',
  'задачам',
  'задачки',
  'задачами',
  'сделками',
  'лидами',
  'заявками',
  'задачу',
  'сделки',
  'сделок',
  'сделкам',
  'сделку',
  'лиды',
  'лидов',
  'лидам',
  'заявки',
  'заявок',
  'заявкам',
  'встречи',
  'встреч',
  'контакты',
  'компании',
  'клиенты',
  'клиентов',
  'клиентам',
  'компаниям',
  'звонки',
  'звонков',
  'активности',
  'активностей',
  'выручка',
  'выручку',
  'конверсия',
  'конверсию',
  'продажи',
  'продаж',
  // statuses
  'просроченные',
  'просроченных',
  'выполненные',
  'выполненных',
  'завершенные',
  'завершенных',
  'закрытые',
  'закрытых',
  'открытые',
  'открытых',
  'выигранные',
  'выигранных',
  'проигранные',
  'проигранных',
  'зависшие',
  'зависших',
  'новые',
  'новых',
  'активные',
  'текущие',
  // forms
  'покажи',
  'показать',
  'выведи',
  'сколько',
  'нарисуй',
  'выгрузи',
  'сравни',
  'график',
  'графиком',
  'таблицу',
  // qualifiers
  'менеджерам',
  'менеджеру',
  'менеджеров',
  'менеджер',
  'сотрудникам',
  'источникам',
  'источники',
  'этапам',
  'стадиям',
  'неделям',
  'месяцам',
  'каждому',
  'каждого',
  'каждый',
  'команды',
  'команде',
  'отдела',
  'отделу',
  'больше',
  'меньше',
  'дороже',
  'дешевле',
  'крупные',
  'крупных',
  'самые',
  'сумму',
  'движения',
  'стоят',
  'миллиона',
  'миллион',
  'тысяч',
  'прошлый',
  'прошлой',
  'прошлом',
  'прошлую',
  'квартал',
  'квартале',
  'неделю',
  'неделе',
  'месяц',
  'месяце',
  'вчера',
  'сегодня',
  'завтра',
  'последние',
  'этом',
  'этой',
  ...['январ', 'феврал', 'март', 'апрел', 'июн', 'июл', 'сентябр', 'октябр', 'ноябр', 'декабр'].flatMap((month) =>
    month.endsWith('т') ? [month, `${month}е`, `${month}а`] : [`${month}ь`, `${month}е`, `${month}я`],
  ),
  'август',
  'августе',
  'августа',
  'мае',
  'мая',
];

// The everyday words around a question: never a name, never a keyword of their own.
const EVERYDAY_WORDS = [
  // the director and the people around: never a name («что у меня», «как дела у сотрудников»)
  'я',
  'меня',
  'мне',
  'мной',
  'мы',
  'нас',
  'нам',
  'нами',
  'вас',
  'вам',
  'тебя',
  'сотрудник',
  'сотрудники',
  'сотрудников',
  'сотрудника',
  'свободен',
  'свободна',
  'свободны',
  'почему',
  'зачем',
  'отчего',
  'каждый',
  'каждая',
  'любой',
  'вообще',
  'именно',
  'конкретно',
  'сейчас',
  'тогда',
  'очень',
  'много',
  'мало',
  'надо',
  'нужно',
  'можно',
  'хочу',
  'хотел',
  'думаю',
  'кажется',
  'давай',
  'давайте',
  'спасибо',
  'благодарю',
  'хорошо',
  'плохо',
  'отлично',
  'ладно',
  'понятно',
  'ясно',
  'почем',
  'сколь',
  'какой',
  'который',
  'этот',
  'тот',
  'такой',
  'свой',
  'весь',
  'сам',
  'самый',
  'где',
  'куда',
  'откуда',
  'когда',
  'нибудь',
  'чего',
  'ничего',
  'никто',
  'нет',
  'да',
  'если',
  'чтобы',
  'потому',
  'чтоб',
  'раз',
  'уже',
  'еще',
  'опять',
  'снова',
  'лучше',
  'хуже',
  'быстрее',
  'медленнее',
  'план',
  'планы',
  'прогноз',
  'динамика',
  'итоги',
  // Ordinals name a place in a list («открой третью»), never a client or a person.
  'первый',
  'второй',
  'третий',
  'четвертый',
  'пятый',
  'шестой',
  'седьмой',
  'восьмой',
  'девятый',
  'десятый',
  'последний',
  'предпоследний',
  'следующий',
  'следующей',
  'следующую',
  'предыдущий',
  'предыдущей',
  // Pronouns point at what was just said («с ними», «у неё»), never a client or a person called so.
  'он',
  'она',
  'оно',
  'они',
  'его',
  'ее',
  'их',
  'ему',
  'ей',
  'им',
  'ими',
  'ним',
  'ней',
  'нему',
  'нее',
  'них',
  'ними',
  'нею',
  // Deals «горят»: at risk, not someone called «Горят».
  'горят',
  'горит',
  'горящие',
] as const;

// The names of the views: a word that names a view is never a client's name. (Words a title may be about, as
// «отчёт» or «звонок», stay free to be the topic of «задачи про отчёт».)
const VIEW_WORDS = ['расписание', 'брифинг', 'сводка', 'итоги', 'досье', 'команда', 'прогноз', 'конверсия', 'выручка'];

const known = new Set<string>([...GRAMMAR_WORDS, ...EVERYDAY_WORDS, ...VIEW_WORDS, ...TOPIC_WORDS].map(stemOf));

/** Whether the word (any case, any form) is one the assistant knows: then it is never a name. */
export const knownWord = remembered((word: string): boolean => {
  const lower = word.toLocaleLowerCase('ru').replaceAll('ё', 'е');
  return /\p{Script=Cyrillic}/u.test(lower) && known.has(stemOf(lower));
});

// A Latin keyboard's Russian: the letters of the common transliteration, longest first.
const FROM_LATIN: [RegExp, string][] = [
  [/shch|sch/g, 'щ'],
  [/zh/g, 'ж'],
  [/kh/g, 'х'],
  [/ts/g, 'ц'],
  [/ch/g, 'ч'],
  [/sh/g, 'ш'],
  [/yu|ju/g, 'ю'],
  [/ya|ja/g, 'я'],
  [/yo|jo/g, 'ё'],
  [/(?<=[aeiouy])y(?![a-z])|iy(?![a-z])/g, 'й'],
  // «Orlovoi», «novyi»: a final «i» after a vowel is «й».
  [/(?<=[aeouy])i(?![a-zа-яё])/g, 'й'],
  [/y/g, 'ы'],
  [/j/g, 'й'],
];
const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  z: 'з',
};

function cyrillicOf(word: string): string {
  const lower = word.toLowerCase();
  let out = lower.replace(/iy(?![a-z])/g, 'ий');
  for (const [pattern, letter] of FROM_LATIN) out = out.replace(pattern, letter);
  out = out.replace(/[a-z]/g, (letter) => LETTERS[letter] ?? letter);
  // «bolshe» is «больше»: a soft sign the Latin spelling lost, put back where it makes a known word.
  if (!knownWord(out)) out = withSoftSign(out) ?? out;
  // «etom» is «этом», «Egorov» is «Егоров»: a first «e» is «э» only in a word the assistant knows so.
  const withE = `э${out.slice(1)}`;
  if (out.startsWith('е') && !knownWord(out) && knownWord(withE)) out = withE;
  return word !== lower && word.charAt(0) !== lower.charAt(0) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

function withSoftSign(word: string): string | undefined {
  for (let at = 1; at <= word.length; at += 1) {
    if (!/[лнтсрдзмвч]/u.test(word[at - 1]!)) continue;
    const soft = `${word.slice(0, at)}ь${word.slice(at)}`;
    if (knownWord(soft)) return soft;
  }
  return undefined;
}

/**
 * «pokazhi zadachi Popova»: Russian typed on a Latin keyboard, in Cyrillic; anything else as it is. It is
 * Russian when most of its words (names aside) are known words once read in Cyrillic.
 */
// Small English words no Russian word is typed as on a Latin keyboard (not «do», «to», «on»: до, то, он).
const ENGLISH_ONLY = new Set(
  'the for of my our we me and or what how show is are this that last next month week year deals tasks leads with from all who which did does have has get give list against doing today tomorrow yesterday about'.split(
    ' ',
  ),
);

export function fromLatinTyping(text: string, known: (word: string) => boolean = knownWord): string {
  // A command keeps its name («/plan»); Cyrillic or no letters: nothing to read again.
  if (text.trimStart().startsWith('/') || /\p{Script=Cyrillic}/u.test(text) || !/[a-z]/iu.test(text)) return text;
  const words = text.match(/[A-Za-z]+/g) ?? [];
  // «plan for December»: English words that also spell Russian ones («plan», «million») are English beside these.
  if (words.some((word) => ENGLISH_ONLY.has(word.toLowerCase()))) return text;
  const plain = words.filter((word) => word.length >= 3 && (!/^[A-Z]/.test(word) || word === words[0]));
  const russian = plain.filter((word) => known(cyrillicOf(word)));
  if (russian.length === 0 || russian.length * 2 < plain.length) return text;
  return text.replace(/[A-Za-z]+/g, cyrillicOf);
}

// The words that ask for a view without being part of the question: «покажи», «дай», «слушай, а …».
const ASKING = letters(
  /^(?:покажи\p{L}*|показать|дай|дайте|выведи|скинь|пришли|а|ну|слушай|пожалуйста|мне|show|give|me|please)$/iu,
);

// A preposition or a joining word left with nothing after it.
const DANGLING = /^(?:по|про|о|об|с|со|для|от|у|в|во|на|за|и|а|или|of|for|by|with|in|on|and|or)$/iu;

/** The director's question without the words not understood, as a short name for the nearest question. */
export function nearestWords(message: string, notUnderstood: readonly string[]): string {
  const left = new Set(notUnderstood.flatMap((said) => said.toLocaleLowerCase('ru').split(/\s+/u)));
  const words = message
    .split(/\s+/u)
    .map((word) => word.replace(/^[,.;:!?«"“(]+|[,.;:!?»"”)]+$/gu, ''))
    .filter((word) => word && !left.has(word.toLocaleLowerCase('ru')));
  while (words.length > 0 && ASKING.test(words[0]!)) words.shift();
  // «задачи по продажам» without «продажам» is «задачи», not «задачи по».
  while (words.length > 1 && DANGLING.test(words.at(-1)!)) words.pop();
  return words.join(' ');
}
