// The director's message made matchable: lowercase, ё as е, typos in our own keywords fixed, politeness
// and fillers dropped. Every step keeps the raw text aligned character for character with the light text,
// so what a pattern finds in the light text is cut from the raw one (titles and names keep their case and ё).

import { letters } from '../../letters.ts';
import { remembered } from '../../remembered.ts';
import { editDistance, stemOf, webLinks } from '../../scenarios/matcher.ts';
import { TOPIC_WORDS } from '../../scenarios/questions/topics.ts';
import type { Language } from '../../vocabulary/director.ts';
import { plainWord } from './colloquial.ts';
import { GRAMMAR_WORDS } from './lexicon.ts';
import { matchesOf, mayMatch } from './spans.ts';
import { typedInRussian } from './typed-russian.ts';

const WORDS = letters(/\p{L}+/gu);
const DOUBLED_LETTER = letters(/(\p{L})\1/u);

/** What a web address becomes in the light text: no keyword, day or name is read inside a link. */
export const LINK_MARK = '\uE000';

/** Raw and light text of one message, aligned. */
export interface Message {
  raw: string;
  light: string;
}

// One message is read as several texts (itself, its rest without a form, the last question's subject with its
// words), each of them more than once: while one message is understood, each text is made a message once, and
// what is read from that message (its query, its period) is kept with it; its texts made light (for its days,
// its times, its small talk) are kept the same way. A message is never changed.
let reading = { messages: new Map<string, Message>(), lights: new Map<string, string>() };

/** A new message to understand: the texts of the last one are let go. */
export function startReading(): void {
  reading = { messages: new Map(), lights: new Map() };
}

export function messageOf(text: string): Message {
  let message = reading.messages.get(text);
  if (!message) {
    // Read without a new start (the router called on its own): only the last few texts are kept.
    if (reading.messages.size >= 64) reading.messages.clear();
    const raw = typedInRussian(text).replace(/\s+/g, ' ').trim();
    message = tidy(correctTypos(everyday({ raw, light: lightText(raw) })));
    reading.messages.set(text, message);
  }
  return message;
}

// One pattern for every message: a fresh one was compiled again at each message once a collection had let go of
// its code. `replace` starts a global pattern from the beginning and leaves it there.
const links = webLinks();

/**
 * Lowercase with ё → е, odd spaces → space and web addresses masked; same length as the input, index for
 * index.
 */
export function lightText(text: string): string {
  let light = reading.lights.get(text);
  if (light === undefined) {
    if (reading.lights.size >= 64) reading.lights.clear();
    light = lowerInPlace(text)
      .replace(/ё/g, 'е')
      .replace(/[\u00a0\u2009\u202f\u2007]/g, ' ');
    if (mayMatch(light, links)) light = light.replace(links, (link) => LINK_MARK.repeat(link.length));
    reading.lights.set(text, light);
  }
  return light;
}

// Lowercased whole, a text differs from the text lowercased letter by letter only at «İ» (two letters in lower
// case) and «Σ» (a word's last sigma is «ς»): only a text with one of these is lowered a letter at a time.
const lowersApart = /[İΣ]/u;

function lowerInPlace(text: string): string {
  if (!lowersApart.test(text)) return text.toLowerCase();
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    out += lower.length === char.length ? lower : char;
  }
  return out;
}

const linkRe = letters(/(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu);

/**
 * Russian or English by the director's own words: links and addresses are not words, and a capitalised word is
 * a name («Romashka», «Иванов») unless names are all there is. A tie keeps the fallback (the director's).
 */
export function detectLanguage(text: string, fallback: Language = 'ru'): Language {
  const words = (mayMatch(text, linkRe) ? text.replace(linkRe, ' ') : text).match(WORDS) ?? [];
  const plain = words.filter((word) => !/^\p{Lu}/u.test(word));
  const counted = plain.length ? plain : words;
  const cyrillic = counted.filter((word) => /\p{Script=Cyrillic}/u.test(word)).length;
  const latin = counted.filter((word) => /\p{Script=Latin}/u.test(word)).length;
  if (cyrillic === latin) return fallback;
  return latin > cyrillic ? 'en' : 'ru';
}

/** The raw text under a span of the light text, trimmed of spaces, quotes and punctuation at the ends. */
export function rawSlice(message: Message, start: number, end = message.raw.length): string {
  return message.raw
    .slice(start, end)
    .replace(/^[\s,.;:!?—–-]+|[\s,.;:!?—–-]+$/gu, '')
    .trim();
}

/** Removes the spans (light-text positions) from both texts. */
export function without(message: Message, spans: readonly { start: number; end: number }[]): Message {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let { raw, light } = message;
  for (const { start, end } of sorted) {
    raw = raw.slice(0, start) + raw.slice(end);
    light = light.slice(0, start) + light.slice(end);
  }
  return { raw, light };
}

/** The message from a light-text position on. */
export function restOf(message: Message, start: number): Message {
  return { raw: message.raw.slice(start), light: message.light.slice(start) };
}

// The patterns the message is rewritten by are made once: matchesOf reads each new one for its words.
const wordRe = letters(/\p{L}+/gu);
const longWordRe = letters(/[\p{L}]{5,}/gu);
const trailingRe = /[\s?!.…)]+$/gu;
const leadingSpaceRe = /^\s+/gu;

/** «скока», «покаж», «кинь»: everyday forms of the words the assistant knows, read as those words. */
function everyday(message: Message): Message {
  return replaceBoth(message, wordRe, ({ 0: word, index }) =>
    isName(message, index, word.length) ? word : (plainWord(word) ?? word),
  );
}

function replaceBoth(message: Message, pattern: RegExp, replacement: (match: RegExpExecArray) => string): Message {
  let raw = '';
  let light = '';
  let last = 0;
  for (const match of matchesOf(message.light, pattern)) {
    const piece = replacement(match);
    // Same length: the light text alone changes, the raw text keeps what the director wrote.
    const rawPiece = piece.length === match[0].length ? message.raw.substr(match.index, piece.length) : piece;
    raw += message.raw.slice(last, match.index) + rawPiece;
    light += message.light.slice(last, match.index) + piece;
    last = match.index + match[0].length;
  }
  return { raw: raw + message.raw.slice(last), light: light + message.light.slice(last) };
}

const edge = '(?<![\\p{L}\\p{N}])';
const edgeEnd = '(?![\\p{L}\\p{N}])';
const politeness =
  'пожалуйста|пожалуста|пожалуйсто|пжлст|плиз|плз|пож|будь(?:те)?\\s+(?:добр[аы]?|любезн\\p{L}*)|если\\s+не\\s+(?:сложно|трудно)|что-нибудь|что-либо|уже|вообще|please|pls|plz';
const fillers = `(?:${politeness}|а|ну|и|так|просто|вот|короче|слышь|слушай|скажи|подскажи|ок|окей|ok|okay|hey|эй|бот|ассистент|дружище|кстати|быстро|быстренько|срочно)`;

const particleRe = letters(new RegExp(`(\\p{L})[-\\s]ка${edgeEnd}`, 'gu'));
const politenessRe = letters(new RegExp(`[,\\s]*${edge}(?:${politeness})${edgeEnd}[,!.\\s]*`, 'gu'));
const leadingFillerRe = letters(new RegExp(`^\\s*${fillers}${edgeEnd}[,!\\s]*`, 'gu'));

// "покажи-ка", "а покажи ка", "ну дай-ка": the particle and the politeness words carry no meaning here.
function tidy(message: Message): Message {
  let out = replaceBoth(message, particleRe, (match) => match[1]!);
  out = replaceBoth(out, politenessRe, () => ' ');
  let previous: Message;
  do {
    previous = out;
    out = replaceBoth(out, leadingFillerRe, () => '');
  } while (out.light !== previous.light);
  out = replaceBoth(out, trailingRe, () => '');
  out = replaceBoth(out, leadingSpaceRe, () => '');
  return out;
}

// Our own keywords, as directors write them; a word one slip away from one of these is that word.
const KEYWORDS = [
  'расписание',
  'расписания',
  'календарь',
  'календаре',
  'встречи',
  'встречу',
  'встреча',
  'встречей',
  'задачи',
  'задачу',
  'задача',
  'задачам',
  'сделки',
  'сделку',
  'сделка',
  'сделкам',
  'воронка',
  'воронку',
  'продажи',
  'продажам',
  'брифинг',
  'утренний',
  'обзор',
  'сводка',
  'сводку',
  'команда',
  'команды',
  'команде',
  'отделе',
  'сотрудники',
  'итоги',
  'недели',
  'досье',
  'расскажи',
  'подготовь',
  'подготовиться',
  'найди',
  'покажи',
  'создай',
  'создать',
  'поставь',
  'добавь',
  'закрой',
  'заверши',
  'удали',
  'перенеси',
  'назначь',
  'запланируй',
  'отмени',
  'комментарий',
  'контакт',
  'компанию',
  'клиента',
  'дайджесты',
  'рассылку',
  'рассылки',
  'привет',
  'здравствуйте',
  'помощь',
  'сегодня',
  'завтра',
  'послезавтра',
  'понедельник',
  'вторник',
  'среду',
  'четверг',
  'пятницу',
  'субботу',
  'воскресенье',
  'следующей',
  'выполнена',
  'schedule',
  'calendar',
  'meetings',
  'tasks',
  'deals',
  'pipeline',
  'briefing',
  'overview',
  'weekly',
  'report',
  'dossier',
  'digests',
  'tomorrow',
  'today',
  'yesterday',
  'wednesday',
  'thursday',
  'friday',
  'monday',
  'tuesday',
];
// The grammar's words too: «просроченые», «нарсуй», «выгрзи» are slips of words it knows.
KEYWORDS.push(...[...GRAMMAR_WORDS, ...TOPIC_WORDS].filter((word) => word.length >= 7 && !KEYWORDS.includes(word)));
const keywordSet = new Set(KEYWORDS);
const keywordStems = new Map(KEYWORDS.map((keyword) => [keyword, stemOf(keyword)]));

// A word's nearest keyword depends on the word alone: found once, not by a pass over every keyword per message.
const corrected = remembered(nearestKeyword);

function correctTypos(message: Message): Message {
  return replaceBoth(message, longWordRe, (match) => {
    const word = match[0];
    if (keywordSet.has(word) || isName(message, match.index, word.length)) return word;
    return corrected(word);
  });
}

/** The keyword the word is a slip of, or the word itself. */
function nearestKeyword(word: string): string {
  const limit = word.length >= 9 ? 2 : 1;
  const stem = stemOf(word);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const keyword of KEYWORDS) {
    if (!plausibleSlip(word, stem, keyword, limit)) continue;
    const distance = editDistance(word, keyword, limit);
    if (distance < bestDistance) {
      best = keyword;
      bestDistance = distance;
    }
  }
  return best ?? word;
}

// A capitalised word inside the message, or a word in quotes, is a name the director typed on purpose
// (a person, a client, a stage): «Сводкина», «на стадии «Подготовка документов»».
function isName(message: Message, start: number, length: number): boolean {
  const before = message.raw.slice(0, start);
  if (/[«"“„][^»"”]*$/u.test(before)) return true;
  return start > 0 && /^\p{Lu}/u.test(message.raw.slice(start, start + length));
}

// A letter missing or doubled inside a word is a slip; one missing at the end is usually another word form
// ("meeting" is not "meetings", "продаж" is not "продажи"), and those change the raw text too, so they stay.
// A word built on a keyword's stem with a stem of its own is another real word of the same root, never a
// slip: «подготовка» (a stage's name) is not «подготовь», «завтрак» is not «завтра».
function plausibleSlip(word: string, stem: string, keyword: string, limit: number): boolean {
  if (word.length === keyword.length + 1 && doubled(word, keyword)) return true;
  const base = keywordStems.get(keyword) ?? keyword;
  if (word.startsWith(base) && stem !== base) return false;
  // Another ending on the same stem is another case of the same word: «компании» (a list) is not «компанию».
  if (stem === base && word.length === keyword.length) return false;
  if (word.length === keyword.length) return true;
  if (Math.abs(keyword.length - word.length) > 1 || limit < 1 || word.length < 5) return false;
  if (keyword.startsWith(word) || word.startsWith(keyword)) return false;
  // One letter more is a slip only when it doubles its neighbour («задаччи»): «контракт» is a word, not «контакт».
  return word.length < keyword.length || DOUBLED_LETTER.test(word);
}

/** «нариссуй»: the keyword with one of its letters doubled. */
function doubled(word: string, keyword: string): boolean {
  for (let at = 1; at < word.length; at += 1)
    if (word[at] === word[at - 1] && word.slice(0, at) + word.slice(at + 1) === keyword) return true;
  return false;
}

/** Damerau–Levenshtein (adjacent swaps count as one), stopping early past the limit. */

/** A person's or company's name as written after a preposition, back in the nominative ("Ивановым" → "Иванов"). */
export function nominative(name: string): string {
  return name
    .split(' ')
    .map((word) => {
      const stem = word.match(/^(.+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е|ой)$/u);
      if (stem && /^\p{Lu}/u.test(word)) return stem[1]!;
      const adjective = word.match(/^(.+[сц]к)(?:ого|ому|им|ом)$/u);
      if (adjective) return `${adjective[1]}ий`;
      const noun = word.match(/^(.+[кгхчшщжц])(?:у|ой|е|и)$/u);
      if (noun && /^\p{Lu}/u.test(word) && word.length > 4) return `${noun[1]}а`;
      return word;
    })
    .join(' ');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Quotes around a whole name or title carry no meaning: «Ромашка» → Ромашка. */
export function unquote(text: string): string {
  const trimmed = text.trim();
  const quoted = trimmed.match(/^[«"“'„](.+)[»"”']$/u);
  return quoted && !/[«»"“”]/u.test(quoted[1]!) ? quoted[1]!.trim() : trimmed;
}
