// «подробнее про первую», «закрой 2-ю», «перенеси срок третьей на пятницу», «переведи её на финальный счёт»,
// «поставь по ней задачу Смирнову»: a record the director was just shown, named by its place in the list (an
// ordinal in any form) or by a pronoun (the one record just opened or shown alone). The reference is found in
// the words, resolved against what was shown, and the rest is read as any request: an opening, or a write whose
// record is then known by its id (the draft's `picked`). A reference that points at nothing is said so.

import { letters } from '../../letters.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import type { ShownItem, ShownKind } from '../../vocabulary/shown-items.ts';
import type { Intent } from '../understanding.ts';
import { matchesOf } from './spans.ts';
import type { Message } from './text.ts';
import { type Clock, writeDraft } from './write-drafts.ts';

/** What the director was just shown: the lines of the last list, and the one record just opened. */
export interface ShownContext {
  shown?: ShownItem[];
  focus?: ShownItem;
}

/** A place in the list (from 0, or the last), or none: a pronoun. `kinds`: the records it can be, by its words. */
interface Reference {
  start: number;
  end: number;
  place?: number | 'last';
  kinds?: ShownKind[];
}

const E = '(?![\\p{L}\\p{N}])';
const B = '(?<![\\p{L}\\p{N}])';
const ORDINALS = ['перв', 'втор', 'трет', 'четверт', 'пят', 'шест', 'седьм', 'восьм', 'девят', 'десят'];
const ENGLISH = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinalWord = `(${ORDINALS.join('|')})(ьего|ьему|ьей|ья|ью|ье|ий|ый|ой|ая|ую|ое|ого|ому|ом|ей|ых)`;
const lastWord = `последн(ий|яя|юю|ей|его|ему|ее|ем|ие)|(last)`;
const numbered = `(\\d{1,2})-?(ю|я|й|ой|ую|ая|го|ого|му|ому|ый|ий|ом)|(?:№|#|номер|number)\\s?(\\d{1,2})`;
const pronoun = '(ее|ней|нее|нею|его|него|нему|нем|it)';
const demonstrative = '(?:эт(?:у|ой|ого|ом|от|а|им|и)|данн(?:ую|ой|ый|ого|ом|ая)|this|that)';
const thing = `(сделк|задач|встреч|созвон|лид|заявк|контакт|клиент|компани|сотрудник|человек|строк|пункт|запис|deal|task|meeting|lead|contact|client|company|person|line|item|one)\\p{L}*`;
const preposition = '(?:(?:про|о|об|по|в|во|к|ко|с|со|у|для|на|about|on|of|to|for|with|the)\\s+)?';

// The reference, with the preposition before it and the thing word after it.
const referenceRe = letters(
  new RegExp(
    `${B}${preposition}(?:${ordinalWord}|${lastWord}|${numbered}|(${ENGLISH.join('|')})|${pronoun}|(${demonstrative}))${E}(?:\\s+${thing}${E})?`,
    'gdu',
  ),
);
// What may follow an ordinal: a thing, a preposition, the words of a write, or nothing («на вторую половину дня»
// is no reference).
const afterOrdinalRe = letters(
  /^(?:$|[\s,:;.!?—–-]*$|\s+(?:на|в|во|до|к|ко|как|с|по|to|as|into|on|подробнее|подробней|поподробнее|комментарий|коммент|заметку|задачу|срок)(?![\p{L}]))/u,
);

const KIND_OF_THING: [RegExp, ShownKind[]][] = [
  [/^(?:сделк|deal)/u, ['deal']],
  [/^(?:задач|task)/u, ['task']],
  [/^(?:встреч|созвон|meeting)/u, ['event']],
  [/^(?:лид|заявк|lead)/u, ['lead']],
  [/^(?:контакт|contact)/u, ['contact']],
  [/^(?:клиент|компани|client|company)/u, ['company', 'contact']],
  [/^(?:сотрудник|человек|person)/u, ['person']],
];
// Feminine forms are a deal, a task, a meeting or a company; masculine ones a contact, a lead or a person.
const FEMININE: ShownKind[] = ['deal', 'task', 'event', 'company'];
const MASCULINE: ShownKind[] = ['contact', 'lead', 'person'];

function kindsOf(ending: string | undefined, thingWord: string | undefined): ShownKind[] | undefined {
  if (thingWord) return KIND_OF_THING.find(([stem]) => stem.test(thingWord))?.[1];
  if (!ending) return undefined;
  if (/^(?:ая|ую|ья|ью|яя|юю|ю|я|ей|ьей)$/u.test(ending)) return FEMININE;
  if (/^(?:ый|ого|ому|ий|ьего|ьему|его|ему|го|му|ом|ем)$/u.test(ending)) return MASCULINE;
  return undefined;
}

// At most two words may stand before a reference: a verb and its object («перенеси срок третьей»).
const MOST_WORDS_BEFORE = 2;

/** The reference in the message: near its start, or a demonstrative with its thing anywhere («эту сделку»). */
export function referenceIn(light: string): Reference | undefined {
  for (const match of matchesOf(light, referenceRe)) {
    const before = light.slice(0, match.index).split(/\s+/u).filter(Boolean).length;
    const [, stem, ending, lastRu, lastEn, number, numberEnding, sign, english, said, demo, named] = match;
    // A pronoun stands alone: «по ней задачу» is a task about it, not «the task».
    const thingWord = said ? undefined : named;
    const end = said ? match.indices![9]![1] : match.index + match[0].length;
    if (demo && !thingWord) continue;
    if (!demo && before > MOST_WORDS_BEFORE) continue;
    const place = stem
      ? ORDINALS.indexOf(stem)
      : english
        ? ENGLISH.indexOf(english)
        : number || sign
          ? Number(number ?? sign) - 1
          : lastRu !== undefined || lastEn
            ? 'last'
            : undefined;
    if (place !== undefined && !thingWord && !afterOrdinalRe.test(light.slice(end))) continue;
    const kinds = kindsOf(ending ?? numberEnding ?? lastRu, thingWord);
    return { start: match.index, end, ...(place !== undefined ? { place } : {}), ...(kinds ? { kinds } : {}) };
  }
  return undefined;
}

type Resolved = { item: ShownItem } | { why: 'noList' | 'which' } | { why: 'pastEnd'; lines: number };

/** The record a reference points at, or why it points at none. */
function resolved(reference: Reference, context: ShownContext): Resolved {
  const fits = (item: ShownItem) => !reference.kinds || reference.kinds.includes(item.kind);
  const shown = context.shown ?? [];
  const fitting = shown.filter(fits);
  // «вторую» of a list of one kind counts its lines; of a mixed list, the lines of the kind the words say.
  const lines = fitting.length > 0 ? fitting : shown;
  if (reference.place !== undefined) {
    if (!context.shown) return { why: 'noList' };
    const index = reference.place === 'last' ? lines.length - 1 : reference.place;
    const item = lines[index];
    return item ? { item } : { why: 'pastEnd', lines: lines.length };
  }
  if (context.focus && fits(context.focus)) return { item: context.focus };
  if (fitting.length === 1) return { item: fitting[0]! };
  return { why: shown.length > 1 ? 'which' : 'noList' };
}

// The words that open a record: «открой», «подробнее про», «что по», «покажи мне».
const openingRe =
  /^(?:(?:открой|открыть|откройте|покажи|показать|покажите|дай|давай|подробнее|подробней|поподробнее|расскажи|расскажите|детали|что|как|там|мне|еще|open|show|tell|me|more|details|what|about|info)\s*)*$/u;

/** The message with the reference's words replaced. */
function replaced(message: Message, reference: Reference, words: string): Message {
  const cut = (text: string, put: string) =>
    `${text.slice(0, reference.start)}${put}${text.slice(reference.end)}`.replace(/\s+/gu, ' ').trim();
  return { raw: cut(message.raw, words), light: cut(message.light, words.toLowerCase()) };
}

/** A request about the referred record; undefined when the message holds no reference or asks nothing of it. */
export function referenceIntent(message: Message, context: ShownContext, clock: Clock): Intent | undefined {
  const reference = referenceIn(message.light);
  if (!reference) return undefined;
  const rest = replaced(message, reference, '');
  const opening = openingRe.test(rest.light.replace(/[?!.,]+/gu, ' ').trim());
  const found = resolved(reference, context);
  if ('item' in found)
    return opening ? { kind: 'open', item: found.item } : writeAbout(message, reference, found.item, clock);
  // Only a request that would be one with the record known is answered with why it is not.
  const asks = opening || WRITABLE.some((kind) => writeAbout(message, reference, stand(kind), clock));
  if (!asks) return undefined;
  return found.why === 'pastEnd'
    ? { kind: 'unresolved', why: 'pastEnd', lines: found.lines }
    : { kind: 'unresolved', why: found.why };
}

const WRITABLE: ShownKind[] = ['deal', 'task', 'event'];
const stand = (kind: ShownKind): ShownItem => ({ kind, id: 1, title: MARK });

// Stands for the record in the words a write is read from: no letter, no digit, nothing the rules read as a name.
const MARK = '\uE001';
const THING_WORD: Partial<Record<ShownKind, string>> = {
  deal: 'сделку',
  task: 'задачу',
  event: 'встречу',
  company: 'компанию',
  contact: 'контакт',
};

/** «закрой вторую» read as «закрой задачу ⟨it⟩»; «поставь по ней задачу» as a task about it; «добавь в неё комментарий». */
function writeAbout(message: Message, reference: Reference, item: ShownItem, clock: Clock): Intent | undefined {
  const thingWord = THING_WORD[item.kind];
  const named = thingWord ? writeDraft(replaced(message, reference, `${thingWord} ${MARK}`), clock) : undefined;
  if (named && 'type' in named) {
    const draft = picked(named, item);
    if (draft) return { kind: 'write', draft };
  }
  const without = replaced(message, reference, '');
  const comment = commentOn(without, item);
  if (comment) return { kind: 'write', draft: comment };
  const about = writeDraft(without, clock);
  if (about && 'type' in about && about.type === 'createTask' && item.kind !== 'task' && item.kind !== 'event')
    return { kind: 'write', draft: { ...about, picked: item } };
  return undefined;
}

/** The draft with the record in place of its mark; undefined when the mark is not what the write changes. */
function picked(draft: WriteDraft, item: ShownItem): WriteDraft | undefined {
  const is = (query: string) => query.trim() === MARK;
  switch (draft.type) {
    case 'completeTask':
    case 'deleteTask':
    case 'moveTask':
      return is(draft.taskQuery) && item.kind === 'task'
        ? { ...draft, taskQuery: item.title, picked: item }
        : undefined;
    case 'moveDeal': {
      // The stage's own words may hold «на» or «в»: the reading whose deal is the mark alone is the one.
      const reading = [draft, ...(draft.otherSplits ?? [])].find((one) => is(one.dealQuery));
      if (!reading || item.kind !== 'deal') return undefined;
      return { type: 'moveDeal', dealQuery: item.title, stageQuery: reading.stageQuery, picked: item };
    }
    case 'deleteDeal':
      return is(draft.dealQuery) && item.kind === 'deal'
        ? { ...draft, dealQuery: item.title, picked: item }
        : undefined;
    case 'moveMeeting':
    case 'deleteMeeting':
      return is(draft.meetingQuery) && item.kind === 'event'
        ? { ...draft, meetingQuery: item.title, picked: item }
        : undefined;
    default:
      return undefined;
  }
}

const commentRe = letters(
  /^(?:(?:добавь|добавить|оставь|оставить|напиши|запиши|add|leave|write)\s+)?(?:комментарий|коммент|заметку|примечание|(?:a\s+)?(?:comment|note))(?![\p{L}])\s*[:—–-]?\s*(.+)$/du,
);

/** «добавь в неё комментарий созвонились»: a comment on the deal or client referred to. */
function commentOn(message: Message, item: ShownItem): WriteDraft | undefined {
  const match = message.light.match(commentRe);
  const entity = item.kind === 'deal' || item.kind === 'company' || item.kind === 'contact' ? item.kind : undefined;
  if (!match || !entity) return undefined;
  const text = message.raw.slice(match.indices![1]![0]).trim();
  if (!text) return undefined;
  return {
    type: 'addComment',
    entity,
    entityQuery: item.title,
    text: text.charAt(0).toUpperCase() + text.slice(1),
    picked: item,
  };
}
