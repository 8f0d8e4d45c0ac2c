// Abbreviations directors use for what a task or a deal is about: «задачи по КП» are the tasks titled «КП для …»
// and «Подготовить коммерческое предложение». A title is about a topic when it has the abbreviation as a word or
// every word of the topic in full, in any form.
import { stemOf, wordsOf } from '../matcher.ts';

interface Topic {
  /** The topic in full, as the header says it. */
  full: string;
  /** Its abbreviations, lower case. */
  short: string[];
}

export const TOPICS: Topic[] = [
  { full: 'коммерческое предложение', short: ['кп'] },
  { full: 'техническое задание', short: ['тз'] },
  { full: 'технико-коммерческое предложение', short: ['ткп'] },
  { full: 'дополнительное соглашение', short: ['дс', 'допсоглашение'] },
  { full: 'соглашение о неразглашении', short: ['nda', 'нда'] },
];

/** A topic the list above knows («коммерческое предложение»), not a word the director typed after «по». */
export const knownTopic = (topic: string): boolean => TOPICS.some((one) => one.full === topic);

const stems = (text: string) => wordsOf(text).map(stemOf);

/** The words that say a topic, in full in any form or abbreviated, for the typed question's parser. */
export const topicWords = (topic: Topic): string =>
  [
    ...topic.short,
    topic.full
      .split(/[\s-]+/u)
      .map((word) => (word.length > 2 ? `${stemOf(word)}\\p{L}*` : word))
      .join('[\\s-]+'),
  ].join('|');

/** Whether a title is about the topic said in full («коммерческое предложение»). */
export function aboutTopic(title: string, full: string): boolean {
  const words = wordsOf(title);
  const shorts = TOPICS.filter((topic) => topic.full === full).flatMap((topic) => topic.short);
  if (shorts.some((short) => words.includes(short))) return true;
  const titled = new Set(words.map(stemOf));
  // «о» and other small words of the topic are not asked of the title; «договору и отчёту» is either.
  return full.split(/\s*,\s*|\s+(?:и|and)\s+/u).some((part) =>
    stems(part)
      .filter((stem) => stem.length > 2)
      .every((stem) => titled.has(stem)),
  );
}

const ENDINGS: [RegExp, string[]][] = [
  [/ое$/u, ['ое', 'ого', 'ому', 'ым', 'ом']],
  [/ие$/u, ['ие', 'ия', 'ию', 'ием', 'ии']],
];

/** The topics' words in the forms a question uses («по коммерческому предложению»), so a slip in one is fixed. */
export const TOPIC_WORDS: string[] = [
  ...new Set(
    TOPICS.flatMap((topic) =>
      topic.full.split(/[\s-]+/u).flatMap((word) => {
        const forms = ENDINGS.find(([ending]) => ending.test(word));
        return forms ? forms[1].map((ending) => word.slice(0, -2) + ending) : [word];
      }),
    ).filter((word) => word.length > 2),
  ),
];
