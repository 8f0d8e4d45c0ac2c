// The one record matcher: how a name the director wrote («с Ромашкой», «Орловой», «Romashka») is compared
// with the names the portal keeps. One normaliser, one stemmer (Snowball's Russian one, with a rule for
// surnames it cuts too short), and Latin → Cyrillic transliteration. Search, dossier, meeting prep, write
// lookup and the person and client filters all compare names here.
import { newStemmer } from 'snowball-stemmers';
import { letters } from '../letters.ts';
import { fullNamesOf } from './first-names.ts';

const BETWEEN_WORDS = letters(/[^\p{L}\p{N}]+/u);

const russian = newStemmer('russian');

// Legal forms say what a company is, not which one: «ООО «Ромашка»» is «Ромашка».
const LEGAL_FORMS = new Set(['ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'нко', 'ано', 'llc', 'inc', 'ltd', 'ooo', 'gmbh']);

// A web address («https://romashka.ru/price», «www.granit.ru», «romashka.ru»): a link in a task's title or a
// client's name is no name to look up (its words would find «Ромашка» by its Latin letters).
const WEB = String.raw`(?:https?:\/\/|www\.)\S+|(?<![\p{L}\p{N}@.])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:ru|рф|com|net|org|su|io|info|biz|pro|online|ua|by|kz|de|uk)(?![\p{L}\p{N}])(?:\/\S*)?`;
/** Web addresses, each as one match. */
export const webLinks = (): RegExp => letters(new RegExp(WEB, 'giu'));
const LINKS = letters(new RegExp(`${WEB}|[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.\\p{L}{2,}`, 'giu'));

/** Lower case, ё as е, quotes and punctuation as spaces, legal forms dropped. */
export function normalizeName(text: string): string {
  return wordsOf(text).join(' ');
}

/** The words of a name, normalised, without legal forms, links and e-mail addresses. */
export function wordsOf(text: string): string[] {
  return text
    .replace(LINKS, ' ')
    .toLocaleLowerCase('ru')
    .replaceAll('ё', 'е')
    .split(BETWEEN_WORDS)
    .filter((word) => word && !LEGAL_FORMS.has(word));
}

// Snowball cuts «Попов» to «поп» and «Иванов» to «иван» (the first name): a surname's base is kept whole.
const surname = letters(/^(\p{L}{2,}(?:ов|ев|ин|ын|ск))(?:а|у|ым|ом|ой|ою|е|ы|ых|ыми|ий|ого|ому|им|ая|ую)?$/u);

/** The stem of one normalised word; Latin words are compared in Cyrillic. */
export function stemOf(word: string): string {
  const cyrillic = toCyrillic(word);
  if (!/\p{Script=Cyrillic}/u.test(cyrillic)) return cyrillic;
  const base = cyrillic.match(surname)?.[1];
  if (base && base.length >= 4) return base;
  return russian.stem(cyrillic);
}

const LATIN: [string, string][] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'е'],
  ['ye', 'е'],
  ['iy', 'ий'],
  ['y', 'ы'],
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'к'],
  ['d', 'д'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'х'],
  ['i', 'и'],
  ['j', 'ж'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['q', 'к'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['w', 'в'],
  ['x', 'кс'],
  ['z', 'з'],
];

/** «romashka» → «ромашка»; a word with any Cyrillic letter is left as it is. */
export function toCyrillic(word: string): string {
  if (!/^[a-z]+$/u.test(word)) return word;
  let out = '';
  for (let at = 0; at < word.length; ) {
    const found = LATIN.find(([latin]) => word.startsWith(latin, at));
    if (!found) return word;
    out += found[1];
    at += found[0].length;
  }
  // A trailing «y» is «й» in names: «Sergey», «Dmitriy».
  return out.replace(/ы$/u, 'й');
}

// Transliteration loses soft signs and й/и/ы: compared without them.
const loose = (stem: string) => stem.replace(/[ьъ]/gu, '').replace(/[йы]/gu, 'и').replace(/э/gu, 'е');

/** Two words are the same name: equal stems, or stems one letter apart («Сергей»/«Сергея»). */
function sameWord(queryWord: string, nameWord: string, strict = false): boolean {
  const a = loose(stemOf(queryWord));
  const b = loose(stemOf(nameWord));
  if (a === b) return true;
  // Snowball cuts some nominatives like verbs («Гранит» → «гран»), not their other cases («Гранита» → «гранит»).
  if (loose(toCyrillic(queryWord)) === b || loose(toCyrillic(nameWord)) === a) return true;
  // «Димы» is Дмитрий, «Кате» Екатерина: a first name's short form names the full one.
  if (fullNamesOf(stemOf(queryWord)).some((full) => loose(stemOf(full)) === b)) return true;
  if (strict) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.length - short.length <= 1 && long.startsWith(short);
}

export interface MatchOptions {
  /** A query word may be the start of a name word («Ром» finds «Ромашка»); off for people («Иван» ≠ «Иванов»). */
  prefix?: boolean;
  /** Stems the same, no letter to spare: a lowercase common word («марс») is no «Мария». */
  strict?: boolean;
}

/** Every word of the query names a word of the text, in any grammatical case or alphabet. */
export function matchesName(text: string, query: string, options: MatchOptions = {}): boolean {
  const queryWords = wordsOf(query);
  const nameWords = wordsOf(text);
  if (queryWords.length === 0) return false;
  return queryWords.every((word) =>
    nameWords.some(
      (name) =>
        sameWord(word, name, options.strict) ||
        (options.prefix === true &&
          loose(toCyrillic(name)).startsWith(loose(stemOf(word))) &&
          stemOf(word).length >= 3),
    ),
  );
}

/** The text is exactly the query, once both are normalised («ООО «Ромашка»» is «ромашка»). */
export function sameName(text: string, query: string): boolean {
  const a = wordsOf(text);
  const b = wordsOf(query);
  return a.length === b.length && a.every((word, index) => sameWord(b[index]!, word));
}

/**
 * What the portal is asked to match (its `%` filter is a case-insensitive "contains"): the stems of the
 * query's longest words, in Cyrillic, each cut to a part without е/ё (the portal tells «отчет» from «отчёт»).
 */
export function needlesOf(query: string, count = 3): string[] {
  const longest = [...new Set(wordsOf(query))].sort((a, b) => b.length - a.length).slice(0, count);
  const needles = longest.map((word) => {
    const stem = stemOf(word);
    const plain = stem.split(/[её]/u).sort((a, b) => b.length - a.length)[0] ?? '';
    return plain.length >= 3 ? plain : stem;
  });
  return needles.length ? [...new Set(needles)] : [query.trim()];
}

// «Орловой», «Волковой» can only be a woman; «Волкова», «Волкову», «Волковым» after a name a man.
const femaleForm = /(?:ой|ою|ую|ая|ской)$/u;
const maleForm = /(?:ов|ев|ин|ын|ий|ова|ева|ина|ына|ову|еву|ину|ым|ом|ого)$/u;
/** «Орловой», «Смирновую»: a form only a woman's surname takes (unlike «Орлова», also a man's genitive). */
export const womansForm = (query: string): boolean => femaleForm.test(wordsOf(query).at(-1) ?? '');
const looksFemale = (name: string) => /[ая]$/u.test(wordsOf(name).at(-1) ?? '');

/**
 * Of the people a name fits, those its grammatical form allows («задачу Орловой» is Мария Орлова, not Роман
 * Орлов); all of them when the form says nothing or nobody would be left — except a woman's form, which never
 * names a man («Смирновой» is not Алексей Смирнов).
 */
export function byGrammar<T>(people: T[], nameOf: (person: T) => string, query: string): T[] {
  const said = wordsOf(query).at(-1) ?? '';
  const last = toCyrillic(said);
  const surnames = people.map((person) => toCyrillic(wordsOf(nameOf(person)).at(-1) ?? ''));
  // A name in Latin letters is not declined («tasks of Orlova»): its ending is its gender.
  const latin = /[a-z]/u.test(said);
  const female = latin ? /[ая]$/u.test(last) : femaleForm.test(last);
  const male = !female && (latin || maleForm.test(last)) && surnames.some((surname) => !/[ая]$/u.test(surname));
  if (!female && !male) return people;
  const fitting = people.filter((person) => looksFemale(nameOf(person)) === female);
  return fitting.length || (female && !latin) ? fitting : people;
}

/** Damerau–Levenshtein distance, given up (limit + 1) once it is past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (i > 0 && rowMin > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

// Case endings a surname takes: «Соколва» is a slip in «Соколова», one letter from «Соколов» + «а».
const ENDINGS = ['', 'а', 'у', 'ой', 'ым', 'ом', 'е', 'ы', 'и', 'ую', 'ого', 'ому'];

/**
 * A name one slip away from the query (a letter missed, doubled, swapped or wrong; two in a long word): every
 * word of the query of five letters or more is such a slip in some word of the name, in some case. For «did
 * you mean …?», never for a match.
 */
export function nearlyNamed(name: string, query: string): boolean {
  const said = wordsOf(query).filter((word) => word.length >= 5);
  const words = wordsOf(name);
  if (said.length === 0) return false;
  return said.every((word) => {
    const limit = word.length >= 8 ? 2 : 1;
    // «Орлова» declines from «Орлов»: the endings go on the base too.
    const bases = words.flatMap((one) => (/[ая]$/u.test(one) ? [one, one.slice(0, -1)] : [one]));
    return bases.some((base) => ENDINGS.some((ending) => editDistance(word, base + ending, limit) <= limit));
  });
}
