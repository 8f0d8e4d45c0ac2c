// An ordinal in any form or a pronoun names a record just shown; words that only look like one are left alone.
// The forms are composed from parts: stems × endings × verbs, and pronouns × prepositions × writes.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import type { ShownItem } from '../../src/vocabulary/shown-items.ts';

const deal = (id: number): ShownItem => ({ kind: 'deal', id, title: `Сделка номер ${id}` });
const task = (id: number): ShownItem => ({ kind: 'task', id, title: `Задача номер ${id}` });
const base = { now: new Date('2026-11-25T07:00:00Z'), timeZone: 'Europe/Moscow' };
const deals = { ...base, shown: [1, 2, 3, 4, 5].map(deal) };
const tasks = { ...base, shown: [1, 2, 3, 4, 5].map(task) };

const STEMS = ['перв', 'втор', 'трет', 'четв', 'пят'];
const FEMININE = {
  перв: ['ую', 'ой', 'ая'],
  втор: ['ую', 'ой', 'ая'],
  трет: ['ью', 'ьей', 'ья'],
  четв: ['ёртую', 'ертой'],
  пят: ['ую', 'ой'],
} as const;

describe('an ordinal opens that line', () => {
  const forms = STEMS.flatMap((stem, index) =>
    FEMININE[stem as keyof typeof FEMININE].map((ending) => ({ word: `${stem}${ending}`, index })),
  );
  const numbers = [1, 2, 3, 4, 5].flatMap((n) =>
    [`${n}-ю`, `${n}-й`, `№${n}`, `номер ${n}`].map((word) => ({ word, index: n - 1 })),
  );
  const verbs = ['открой', 'подробнее про', 'покажи', 'что по', 'расскажи про', ''];
  it.each(
    [...forms, ...numbers].flatMap(({ word, index }, i) => [
      { text: `${verbs[i % verbs.length]} ${word}`.trim(), index },
    ]),
  )('«$text»', ({ text, index }) => {
    expect(understand(text, deals).intent).toEqual({ kind: 'open', item: deal(index + 1) });
  });

  it('«последнюю» is the last line; past the end is said so', () => {
    expect(understand('открой последнюю', deals).intent).toEqual({ kind: 'open', item: deal(5) });
    expect(understand('открой седьмую', deals).intent).toEqual({ kind: 'unresolved', why: 'pastEnd', lines: 5 });
  });
});

describe('an ordinal or a pronoun names the record of a write', () => {
  const closeVerbs = ['закрой', 'заверши', 'выполни'];
  it.each(closeVerbs.flatMap((verb) => ['вторую', '2-ю', 'вторую задачу'].map((word) => `${verb} ${word}`)))(
    '«%s»',
    (text) => {
      expect(understand(text, tasks).intent).toMatchObject({
        kind: 'write',
        draft: { type: 'completeTask', picked: task(2) },
      });
    },
  );

  it.each(
    ['переведи', 'перемести', 'передвинь'].flatMap((verb) =>
      ['третью', '3-ю', 'третью сделку'].map((word) => `${verb} ${word} на финальный счёт`),
    ),
  )('«%s»', (text) => {
    expect(understand(text, deals).intent).toMatchObject({
      kind: 'write',
      draft: { type: 'moveDeal', stageQuery: 'финальный счёт', picked: deal(3) },
    });
  });

  const focused = { ...deals, focus: deal(4) };
  it.each(['её', 'ее', 'эту сделку', 'данную сделку'])('«переведи %s в успешные» after a deal is opened', (word) => {
    expect(understand(`переведи ${word} в успешные`, focused).intent).toMatchObject({
      kind: 'write',
      draft: { type: 'moveDeal', picked: deal(4) },
    });
  });

  it.each(['в неё', 'к ней', 'по ней'])('«добавь %s комментарий …» comments on it', (words) => {
    expect(understand(`добавь ${words} комментарий созвонились`, focused).intent).toMatchObject({
      kind: 'write',
      draft: { type: 'addComment', entity: 'deal', text: 'Созвонились', picked: deal(4) },
    });
  });

  it('a pronoun after a list of several, with none opened, asks which', () => {
    expect(understand('закрой её', tasks).intent).toEqual({ kind: 'unresolved', why: 'which' });
  });
});

describe('words that only look like a reference are read as they are', () => {
  it.each([
    'поставь задачу подготовить вторую часть отчёта',
    'задачи на первую половину дня',
    'что у него завтра',
    'поставь задачу позвонить ему завтра',
    'сделки от третьей',
    'встреча на второй неделе декабря',
  ])('«%s» names no line of the list', (text) => {
    const { intent } = understand(text, { ...deals, focus: deal(1) });
    expect(intent.kind).not.toBe('open');
    expect(intent.kind).not.toBe('unresolved');
    expect(JSON.stringify(intent)).not.toContain('picked');
  });
});
