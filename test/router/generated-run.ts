// The generated pack against the router, without a model: each question is understood (the expected typed query
// and form), asked about or honestly not understood, or answered confidently wrong (a view of another question).

import { stemOf, wordsOf } from '../../src/scenarios/matcher.ts';
import { understand } from '../../src/understanding/router/index.ts';
import { understandMessage } from '../../src/understanding/understand-context.ts';
import type { Intent } from '../../src/understanding/understanding.ts';
import type { Names, Query } from '../../src/vocabulary/query.ts';
import { type GeneratedQuestion, generatedPack } from './generated.ts';
import { PACK_NOW, PACK_ZONE, sameIntent } from './phrases.ts';

export type Outcome = 'understood' | 'asked' | 'wrong';

export interface Result {
  question: GeneratedQuestion;
  outcome: Outcome;
  got: Intent;
  format?: string;
}

/** A name compared as the one matcher compares it: by the stems of its words, in any case or alphabet. */
const stems = (name: Names | undefined) =>
  name &&
  [name]
    .flat()
    .map((one) =>
      wordsOf(one)
        .map((word) => stemOf(word).replace(/[ьъ]/gu, ''))
        .join(' '),
    )
    .join(' | ');
const comparable = (query: Query) => ({ ...query, person: stems(query.person), client: stems(query.client) });

/** What one message comes to, without a model. */
export function outcomeOf(question: GeneratedQuestion, now = PACK_NOW, timeZone = PACK_ZONE): Result {
  const read = understandMessage(understand, question.text, { now, timeZone }, undefined);
  if ('cancelled' in read) return { question, outcome: 'wrong', got: { kind: 'unknown' } };
  // A lone yes or no: the honest «nothing to confirm», an ask.
  if (!('understanding' in read)) return { question, outcome: 'asked', got: { kind: 'unknown' } };
  const got = read.understanding.intent;
  const result = { question, got, ...(read.format ? { format: read.format } : {}) };
  if (got.kind !== 'view' && got.kind !== 'write') return { ...result, outcome: 'asked' };
  // A word said back as not understood is an honest answer, not the question's.
  if (got.kind === 'view' && got.unapplied?.length) return { ...result, outcome: 'asked' };
  const right =
    got.kind === 'view' &&
    (got.request.scenario === 'query'
      ? sameIntent(comparable(got.request.query), comparable(question.query))
      : sameIntent(got.request, question.view)) &&
    read.format === question.format;
  return { ...result, outcome: right ? 'understood' : 'wrong' };
}

export interface PackFigures {
  size: number;
  understood: number;
  wrong: Result[];
  asked: Result[];
}

export function runGeneratedPack(pack: GeneratedQuestion[] = generatedPack()): PackFigures {
  const results = pack.map((question) => outcomeOf(question));
  return {
    size: pack.length,
    understood: results.filter((result) => result.outcome === 'understood').length,
    wrong: results.filter((result) => result.outcome === 'wrong'),
    asked: results.filter((result) => result.outcome === 'asked'),
  };
}

export const describeResult = (result: Result) =>
  `${result.question.text}\n  expected ${JSON.stringify(result.question.query)} ${result.question.format ?? ''}\n  got      ${JSON.stringify(result.got)} ${result.format ?? ''}`;
