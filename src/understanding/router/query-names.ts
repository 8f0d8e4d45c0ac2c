import { knownWord } from './lexicon.ts';
import type { Found } from './query-parts.ts';
import { LINK_MARK, type Message, without } from './text.ts';

// ─── the rest: small words, and names ────────────────────────────────────

export const SMALL = new RegExp(
  `^(?:${[
    'покажи\\p{L}*|показать|дай|дайте|выведи|открой|глянь|посмотр\\p{L}*|скинь|пришли|хочу|нужн\\p{L}*|список|перечень|show|give|list|see|get|open|check|view|tell|find',
    'сколько|какие|какой|какая|каки\\p{L}*|как|кто|что|чо|че|когда|там|тут|есть|ли|было|были|был|была|будет|будут|мы|нас|нам|мне|вас|всего|все|всех|весь|вся|итого|общ\\p{L}*|сумм\\p{L}*|количеств\\p{L}*|число|статистик\\p{L}*|данные',
    'наш\\p{L}*|у|по|в|во|на|за|с|со|из|о|об|про|к|ко|для|от|и|а|же|но|или|this|that|the|a|an|of|for|on|in|at|by|with|from|to|and|or|is|are|do|does|did|what|whats|which|how|many|much|who|whose|have|has|got|me|us|we|our|all|total|number|please|sum|any|there|s',
    'котор\\p{L}*|где|чтобы|only|just|ones|bring|brought|больше|меньше|most|кого|кому|чей|чья|чьи|сутки|суток|сделали|сделано|идут|ид[её]т|висят|висит|стоят|стоит|приход\\p{L}*|пришл\\p{L}*|поступил\\p{L}*|получил\\p{L}*|было|штук|ну|вообще|сейчас|пока|уже|ещ[её]|только|тоже|также|вс[её]|дела|делам|работ\\p{L}*',
  ].join('|')})$`,
  'u',
);

// After these a name is a client's: «сделки по Ромашке», «встречи с Альфой», «для Техностроя».
export const CLIENT_PREPOSITIONS = /^(?:по|с|со|для|от|with|for)$/u;
export const CLIENT_WORDS =
  /^(?:клиент\p{L}*|компани\p{L}*|фирм\p{L}*|организаци\p{L}*|контрагент\p{L}*|client|company|customer)$/u;
export const PERSON_WORDS = /^(?:сотрудник\p{L}*|менеджер\p{L}*|ответственн\p{L}*|у|employee|manager|of|by)$/u;
// A word that looks like a surname or a name in any case: capitalised, or with a surname's ending.
export const NAME_LIKE =
  /(?:ов|ев|ёв|ин|ын|ск|цк)(?:а|у|ым|ой|ом|е|ого|ому|ий|ая|ую|ых)?$|^[а-яё]+(?:ей|ия|ии|ию|ьи|ья)$/u;

export const LOWER_NAME = /^\p{Ll}{4,}$(?<!(?:ые|ие|ая|яя|ое|ее|ый|ий|ой|ых|их|ую|юю|ым|им|о|ly))/u;

export function rest(
  message: Message,
  found: Found,
): { name?: { text: string; client: boolean }; unapplied: string[]; doubtful: number } {
  const left = without(message, found.spans);
  const raw = left.raw.split(/\s+/u).filter(Boolean);
  const light = left.light.split(/\s+/u).filter(Boolean);
  const nameWords: string[] = [];
  const unapplied: string[] = [];
  let client = false;
  let previous = '';
  // Lowercase words taken for a name only by their place: with another unknown word, a question for the model.
  let doubtful = 0;
  // Words neither known nor shaped like a name.
  let strangers = 0;
  for (const [index, word] of light.entries()) {
    const clean = word.replace(/[^\p{L}\p{N}-]/gu, '');
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
    } else if ((clean === 'и' || clean === 'and') && nameWords.length > 0) {
      // «сделки Соколова и Морозовой»: two names, kept apart.
      nameWords.push(clean);
      continue;
    } else if (SMALL.test(clean)) {
      // «что с задачами у Морозовой»: after «у» comes a person, whatever came before.
      previous = CLIENT_PREPOSITIONS.test(clean) ? clean : '';
      continue;
    } else if (knownWord(clean) && !(/^\p{Lu}/u.test(original) && !message.raw.trimStart().startsWith(original))) {
      // «по каждому», «и почему»: a word the assistant knows is never a name, unless capitalised where a sentence
      // does not begin (a client «Лидер», «сделки Первого канала»).
      unapplied.push(original);
    } else if (
      /^\p{Lu}/u.test(original) ||
      NAME_LIKE.test(clean) ||
      // Lowercase words make a name by their place only when the whole name is lowercase («по зелёной долине»):
      // «по Техносфере котрые …» has a slip after the name, not a longer name.
      ((CLIENT_PREPOSITIONS.test(previous) || client) && !nameWords.some((name) => /^\p{Lu}/u.test(name)))
    ) {
      if (CLIENT_PREPOSITIONS.test(previous) && nameWords.length === 0) client = true;
      if (!/^\p{Lu}/u.test(original) && !NAME_LIKE.test(clean)) doubtful += 1;
      nameWords.push(original);
    } else {
      unapplied.push(original);
      strangers += 1;
    }
    previous = '';
  }
  while (/^(?:и|and)$/u.test(nameWords.at(-1) ?? '')) nameWords.pop();
  const joined = nameWords.filter((word) => word === 'и' || word === 'and').length;
  if (nameWords.length - joined > 3 * (joined + 1)) return { unapplied: [...unapplied, ...nameWords], doubtful };
  // «сделки ромашки» typed in lower case on a phone: the one word left, not an adjective or an adverb, is the
  // name asked about (looked up, and said plainly when it fits nobody).
  const [only] = unapplied;
  if (!nameWords.length && !found.person && strangers === 1 && unapplied.length === 1 && only && LOWER_NAME.test(only))
    return { name: { text: only, client }, unapplied: [], doubtful: doubtful + 1 };
  return nameWords.length
    ? { name: { text: nameWords.join(' '), client }, unapplied, doubtful }
    : { unapplied, doubtful };
}
