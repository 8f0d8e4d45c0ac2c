import { letters } from '../../letters.ts';
import { knownWord } from './lexicon.ts';
import type { Found } from './query-parts.ts';
import { LINK_MARK, type Message, without } from './text.ts';

const NOT_IN_NAME = letters(/[^\p{L}\p{N}-]/gu);

// ─── the rest: small words, and names ────────────────────────────────────

export const SMALL = letters(
  new RegExp(
    `^(?:${[
      'покажи\\p{L}*|показать|дай|дайте|выведи|открой|глянь|посмотр\\p{L}*|скинь|пришли|хочу|нужн\\p{L}*|список|перечень|show|give|list|see|get|open|check|view|tell|find',
      'сколько|какие|какой|какая|каки\\p{L}*|как|кто|что|чо|че|когда|там|тут|есть|ли|было|были|был|была|будет|будут|мы|нас|нам|мне|вас|всего|все|всех|весь|вся|итого|общ\\p{L}*|сумм\\p{L}*|количеств\\p{L}*|число|статистик\\p{L}*|данные',
      'наш\\p{L}*|у|по|в|во|на|за|с|со|из|о|об|про|к|ко|для|от|и|а|же|но|или|this|that|the|a|an|of|for|on|in|at|by|with|from|to|and|or|is|are|do|does|did|what|whats|which|how|many|much|who|whose|have|has|got|me|us|we|our|all|total|number|please|sum|any|there|s',
      'котор\\p{L}*|где|чтобы|only|just|ones|bring|brought|больше|меньше|most|кого|кому|чей|чья|чьи|сутки|суток|сделали|сделано|идут|ид[её]т|висят|висит|стоят|стоит|приход\\p{L}*|пришл\\p{L}*|поступил\\p{L}*|получил\\p{L}*|было|штук|ну|вообще|сейчас|пока|уже|ещ[её]|только|тоже|также|вс[её]|дела|делам|работ\\p{L}*',
    ].join('|')})$`,
    'u',
  ),
);

// After these a name is a client's: «сделки по Ромашке», «встречи с Альфой», «для Техностроя».
export const CLIENT_PREPOSITIONS = /^(?:по|с|со|для|от|with|for)$/u;
// After these a lowercase word that is no name is what the titles are about: «задачи по ремонту», «про отчёт».
// «задачи где нужно согласовать»: after «где» too.
const TOPIC_PREPOSITIONS = /^(?:по|про|о|об|где)$/u;
// So too after «с», «из», «в» about leads and deals: «лиды с сайта», «из телеграма», «сделки в тендерах» — the answer
// asks the portal's own lists (sources, statuses, pipelines, currencies) and its directory before the titles.
const VALUE_PREPOSITIONS = /^(?:с|со|из|в|во)$/u;
const VALUED = new Set(['leads', 'deals']);
// Words that say what comes next, not what it is: «со словом смета», «с дедлайном на этой неделе» (the period that
// follows is the tasks' deadline already), «где нужно согласовать».
const LEAD_IN = letters(/^(?:слов\p{L}*|текст\p{L}*|дедлайн\p{L}*|крайн\p{L}*|срок\p{L}*|нужно|надо)$/u);
export const CLIENT_WORDS = letters(
  /^(?:клиент\p{L}*|компани\p{L}*|фирм\p{L}*|организаци\p{L}*|контрагент\p{L}*|client|company|customer)$/u,
);
export const PERSON_WORDS = letters(/^(?:сотрудник\p{L}*|менеджер\p{L}*|ответственн\p{L}*|у|employee|manager|of|by)$/u);
// A word that looks like a surname or a name in any case: capitalised, or with a surname's ending.
const SURNAME_LIKE = /(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|у|ым|ой|ом|е|ого|ому|ий|ая|ую|ых)?$/u;
export const NAME_LIKE = letters(new RegExp(`${SURNAME_LIKE.source}|^[а-яё]+(?:ей|ия|ии|ию|ьи|ья)$`, 'u'));

// A word in lower case may be a name by its place, unless its ending says it is an adjective, an adverb or a verb
// («закрываются», «конвертировалось», «согласовать»: a name never ends so; nor do most nouns, «часть» is no name).
export const LOWER_NAME = /^\p{Ll}{4,}$(?<!(?:ые|ие|ая|яя|ое|ее|ый|ий|ой|ых|их|ую|юю|ым|им|о|ly|ся|сь|ть|чь))/u;

export interface Rest {
  /** The names said, one each («Ромашки, Альфа-Строя и Снежинки» are three), and whether they are clients'. */
  name?: { names: string[]; client: boolean };
  /** The person whose records are asked before a client's name: «Орловой» in «задачи Орловой по Ромашке». */
  person?: string;
  /** Lowercase words after «по», «про» that are neither known nor shaped like a name: «ремонту», «отчёт». */
  topic?: string;
  unapplied: string[];
  doubtful: number;
}

export function rest(message: Message, found: Found): Rest {
  const left = without(message, found.spans);
  const raw = left.raw.split(/\s+/u).filter(Boolean);
  const light = left.light.split(/\s+/u).filter(Boolean);
  const nameWords: string[] = [];
  const personWords: string[] = []; // a name before «по», «с», «для», «от» and another name: the person's
  const topicWords: string[] = [];
  const unapplied: string[] = [];
  // The preposition just before, while a topic is being said.
  let about = '';
  let client = false;
  let previous = '';
  // Lowercase words taken for a name only by their place: with another unknown word, a question for the model.
  let doubtful = 0;
  // Words neither known nor shaped like a name.
  let strangers = 0;
  for (const [index, word] of light.entries()) {
    const clean = word.replace(NOT_IN_NAME, '');
    const original = (raw[index] ?? word).replace(/^[«"“'„(]+|[»"”')?!.,:;]+$/gu, '');
    // A link is no name and no keyword: said back as not applied.
    if (word.includes(LINK_MARK)) {
      unapplied.push(original);
      continue;
    }
    if (!clean) continue;
    if (CLIENT_WORDS.test(clean)) {
      client = true;
    } else if (PERSON_WORDS.test(clean) && clean !== 'у') {
      // «менеджера Попова»: a person anyway.
    } else if ((clean === 'и' || clean === 'and') && (nameWords.length > 0 || (about && topicWords.length > 0))) {
      // «сделки Соколова и Морозовой», «по ромашке и ориону»: two names (or topics), kept apart.
      (about ? topicWords : nameWords).push(clean);
      continue;
    } else if (about && topicWords.length === 0 && LEAD_IN.test(clean)) {
      continue;
    } else if (SMALL.test(clean)) {
      // «что с задачами у Морозовой»: after «у» comes a person, whatever came before.
      previous = CLIENT_PREPOSITIONS.test(clean) ? clean : '';
      if (previous && !client && personWords.length === 0) personWords.push(...nameWords.splice(0));
      const next = (light[index + 1] ?? '').replace(NOT_IN_NAME, '');
      const valued = VALUE_PREPOSITIONS.test(clean) && (VALUED.has(found.subject ?? '') || LEAD_IN.test(next));
      // «где» leads to a topic only as «где нужно …»: «где мой кофе» is no question about titles.
      const topical = TOPIC_PREPOSITIONS.test(clean) && (clean !== 'где' || LEAD_IN.test(next));
      about = topical || valued ? clean : '';
      continue;
    } else if (knownWord(clean) && !(/^\p{Lu}/u.test(original) && !message.raw.trimStart().startsWith(original))) {
      // «по каждому», «и почему»: a word the assistant knows is never a name, unless capitalised where a sentence
      // does not begin (a client «Лидер», «сделки Первого канала»).
      unapplied.push(original);
    } else if (about && !/^\p{Lu}/u.test(original) && (!SURNAME_LIKE.test(clean) || topicWords.length > 0)) {
      // «задачи по ремонту», «сделки по обучению»: a common word, not a name (one in «-ию» far more often than
      // «Марии»); the portal's directory may still hold it («сделки по ромашке» typed on a phone), and the answer
      // looks there before the titles.
      topicWords.push(original);
      previous = '';
      continue;
    } else if (
      /^\p{Lu}/u.test(original) ||
      NAME_LIKE.test(clean) ||
      // Lowercase words make a name by their place only when the whole name is lowercase («по зелёной долине»):
      // «по Техносфере котрые …» has a slip after the name, not a longer name.
      ((CLIENT_PREPOSITIONS.test(previous) || client) && !nameWords.some((name) => /^\p{Lu}/u.test(name)))
    ) {
      // A lowercase word after «с», «от», «для» may be anyone's name: looked up among both, never said to be a client.
      const shaped = /^\p{Lu}/u.test(original) || NAME_LIKE.test(clean);
      // After a person's name («задачи Орловой с ромашкой») the one after «с» is the client's, whatever its case.
      if (CLIENT_PREPOSITIONS.test(previous) && nameWords.length === 0 && (shaped || personWords.length > 0))
        client = true;
      if (!/^\p{Lu}/u.test(original) && !NAME_LIKE.test(clean)) doubtful += 1;
      // «Ромашки, Альфа-Строя и Снежинки»: a comma ends one name as «и» does.
      nameWords.push(original, ...(/,$/u.test(raw[index] ?? '') ? [','] : []));
    } else {
      unapplied.push(original);
      strangers += 1;
    }
    previous = '';
    about = '';
  }
  return restOf({ nameWords, personWords, topicWords, unapplied, client, doubtful, strangers }, found);
}

/** The words left once read: the names, the topic, and what stays unapplied. */
function restOf(
  read: {
    nameWords: string[];
    personWords: string[];
    topicWords: string[];
    unapplied: string[];
    client: boolean;
    doubtful: number;
    strangers: number;
  },
  found: Found,
): Rest {
  const { nameWords, personWords, unapplied, client, doubtful } = read;
  // No client's name came after the person's: the names are as said («задачи Орловой по ремонту»).
  if (!client || nameWords.length === 0) nameWords.unshift(...personWords.splice(0));
  const person = personWords.length > 0 ? { person: personWords.join(' ') } : {};
  const topic = read.topicWords.length ? { topic: read.topicWords.join(' ') } : {};
  const names = namesIn(nameWords);
  if (names.flat().length > 3 * names.length)
    return { ...topic, unapplied: [...unapplied, ...nameWords.filter((word) => !SEPARATOR.test(word))], doubtful };
  // «сделки ромашки» typed in lower case on a phone: the one word left, not an adjective or an adverb, is the
  // name asked about (looked up, and said plainly when it fits nobody).
  const [only] = unapplied;
  if (!names.length && !found.person && read.strangers === 1 && unapplied.length === 1 && only && LOWER_NAME.test(only))
    return { ...topic, name: { names: [only], client }, unapplied: [], doubtful: doubtful + 1 };
  return names.length
    ? { ...topic, ...person, name: { names: names.map((one) => one.join(' ')), client }, unapplied, doubtful }
    : { ...topic, unapplied, doubtful };
}

const SEPARATOR = /^(?:и|and|,)$/u;

/** The words of each name, split where «и», «and» or a comma stands between them. */
function namesIn(words: string[]): string[][] {
  const names: string[][] = [[]];
  for (const word of words) {
    if (SEPARATOR.test(word)) names.push([]);
    else names.at(-1)!.push(word);
  }
  return names.filter((one) => one.length > 0);
}
