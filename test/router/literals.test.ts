// A pattern is not run on a text that holds none of the plain words it cannot match without: the words read from a
// pattern must be ones every match holds, so that skipping never loses a match.
import * as en from 'chrono-node/en';
import * as ru from 'chrono-node/ru';
import { describe, expect, it } from 'vitest';
import { chronoDayWords } from '../../src/understanding/router/dates.ts';
import { holdsOne, holdsOneInAnyCase, neededWords } from '../../src/understanding/router/literals.ts';
import {
  DIRECTIONS,
  GROUPS,
  IDLE,
  LATE,
  LIMIT,
  MONEY,
  NEGATED,
  NOT_DONE,
  ORDERS,
  PEOPLE,
  STATUSES,
  SUBJECTS,
  TOPIC_RULES,
  WHOSE,
  WITHOUT,
} from '../../src/understanding/router/query-parts.ts';
import { matchesOf } from '../../src/understanding/router/spans.ts';
import { lightText, messageOf } from '../../src/understanding/router/text.ts';
import { generatedPack } from './generated.ts';
import { PHRASES } from './phrases.ts';

const words = (source: string, anyCase = false) => neededWords(source, anyCase)?.words;

describe('the words a pattern needs', () => {
  it('are one of each alternative’s, the rarest part of a sequence', () => {
    expect(words('сделк\\p{L}*|deals?')).toEqual(['сделк', 'deal']);
    expect(words('(?:по|в\\s+разрезе)\\s+менеджер\\p{L}*')).toEqual(['менеджер']);
    expect(words('abc{2}d')).toEqual(['abc']);
    expect(words('x(?=abcdef)y')).toEqual(['x']);
  });

  it('are a few characters for a small class or a digit', () => {
    expect(words('[-–—]')).toEqual(['-', '–', '—']);
    expect(words('\\d+')).toEqual([...'0123456789']);
    expect(words('[😀-😂]')).toEqual(['😀', '😁', '😂']);
  });

  it('are nothing known when a part may match anything', () => {
    expect(words('a|')).toBeUndefined();
    expect(words('[a-z]+')).toBeUndefined();
    expect(words('\\p{L}+')).toBeUndefined();
    expect(words('(?:во)?\\s*')).toBeUndefined();
  });

  it('are in lower case for a pattern of any case, and none for one of other letters', () => {
    expect(words('Vacation|Отпуск', true)).toEqual(['vacation', 'отпуск']);
    expect(words('μ', true)).toBeUndefined();
  });
});

describe('looking for the words', () => {
  it('finds a word only where it is', () => {
    const needed = neededWords('задач\\p{L}*|встреч\\p{L}*');
    expect(holdsOne('мои задачи', needed)).toBe(true);
    expect(holdsOne('мои встречи', needed)).toBe(true);
    expect(holdsOne('мои сделки', needed)).toBe(false);
    expect(holdsOne('за дачу', needed)).toBe(false);
  });

  it('leaves a text with letters that match in any case without being its lower case to the pattern', () => {
    // «ſ» is «s», the Kelvin sign «k», «ᲀ» an old «в», to a pattern of any case.
    const needed = neededWords('sick|в', true);
    expect(holdsOneInAnyCase('ſick', needed)).toBe(true);
    expect(holdsOneInAnyCase('ᲀ', needed)).toBe(true);
    expect(holdsOneInAnyCase('SICK', needed)).toBe(true);
    expect(holdsOneInAnyCase('well', needed)).toBe(false);
    expect(matchesOf('ſick', /sick/giu).length).toBe(1);
  });
});

// The texts the router reads: the phrase pack and a part of the generated pack, with their light texts.
const texts = [
  ...PHRASES.map((phrase) => phrase.text),
  ...generatedPack()
    .filter((_, at) => at % 10 === 0)
    .map((question) => question.text),
  'ЗАДАЧИ ИВАНОВА 15.11–30.11, https://example.com/2026-11-25 и Ромашка@mail.ru',
];
const lights = [...new Set(texts.flatMap((text) => [messageOf(text).light, lightText(text)]))];

describe('the grammar’s patterns, with the words they need looked for first', () => {
  const patterns = [
    ...[...MONEY, ...SUBJECTS, ...STATUSES, ...GROUPS, ...DIRECTIONS, ...PEOPLE, ...ORDERS, ...WITHOUT].map(
      (part) => part.pattern,
    ),
    ...TOPIC_RULES.map((topic) => topic.pattern),
    NOT_DONE,
    IDLE,
    LATE,
    NEGATED,
    WHOSE,
    LIMIT,
  ];

  it('find what matchAll finds in every text', () => {
    for (const pattern of patterns)
      for (const light of lights) {
        const ours = matchesOf(light, pattern).map((match) => [match.index, ...match]);
        const all = [...light.matchAll(pattern)].map((match) => [match.index, ...match]);
        expect(ours, `${pattern.source.slice(0, 60)} in «${light}»`).toEqual(all);
      }
  });
});

describe('the days chrono reads', () => {
  const reference = { instant: new Date('2026-11-25T09:30:00Z'), timezone: 180 };
  const certain = (results: ReturnType<typeof ru.parse>) =>
    results.filter((result) => result.start.isCertain('day') && /\p{L}|\d{4}-/u.test(result.text));
  const months = ['января', 'марте', 'май', 'ноябре', 'ноябрь', 'Декабря'];
  const frames = ['в {m}', 'за {m}', 'с {m} по {m}', 'в начале {m}', 'утром в {m}', 'ночью {m}', 'в эту пятницу {m}'];
  const said = [...texts, ...frames.flatMap((frame) => months.map((month) => frame.replaceAll('{m}', month)))];

  it('come only from texts with the words they are read from', () => {
    for (const text of said) {
      if (!chronoDayWords.russian.test(text)) expect(certain(ru.parse(text, reference)), text).toEqual([]);
      if (!chronoDayWords.english.test(text)) expect(certain(en.parse(text, reference)), text).toEqual([]);
    }
  });
});
