// Deals said in plain words: a new deal with its sum, a move to a stage, a close as won or lost.
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import { findAmount } from './amount.ts';
import { matchesOf } from './spans.ts';
import { capitalise, type Message, nominative, rawSlice, restOf, unquote, without } from './text.ts';

export function createDeal(message: Message, start: number): WriteDraft | undefined {
  const rest = restOf(message, start);
  const amount = findAmount(rest.light);
  const titlePart = amount ? without(rest, [amount]) : rest;
  const said = unquote(rawSlice(titlePart, 0).replace(/\s+(?:на|на сумму|for|worth)$/u, ''));
  // «сделку для Кристалла»: the client is said, the deal's name is not (asked for, never the client's name).
  const title = /^(?:для|с|со|with|for)\s+/iu.test(said) ? '' : said;
  if (!title) return undefined;
  return {
    type: 'createDeal',
    title: capitalise(title),
    ...(amount ? { amount: amount.amount } : {}),
    ...(amount?.currency ? { currency: amount.currency } : {}),
  };
}

const stageSplitRe = /\s+(?:на|в|во|to|into)\s+(?:(?:этап|стадию|стадия|статус|колонку|the\s+stage|stage)\s+)?/gu;
const stageWordRe = /\s+(?:на|в|во|to|into)\s+(?:этап|стадию|стадия|статус|колонку|the\s+stage|stage)\s+/u;

// «сделку с Ромашкой», «по Ромашке»: the preposition ties the deal to its client, it is not in the name.
export const dealOfClient = (said: string) =>
  nominative(unquote(said.replace(/^(?:с|со|по|для|от|у|with|for)\s+(?=\S)/iu, '')));

// «в счёт на предоплату»: a stage's own name may hold «на» or «в», so every split is kept, the last one first;
// the lookup takes the first whose deal and stage both exist.
export function moveDeal(message: Message, start: number): WriteDraft | undefined {
  const rest = restOf(message, start);
  const explicit = rest.light.match(stageWordRe);
  const splits = explicit ? [explicit] : matchesOf(rest.light, stageSplitRe).reverse();
  const read = splits.flatMap((split) => {
    const dealQuery = dealOfClient(rawSlice(rest, 0, split.index));
    const stageQuery = unquote(rawSlice(rest, split.index! + split[0].length));
    return dealQuery && stageQuery ? [{ dealQuery, stageQuery }] : [];
  });
  const [first, ...others] = read;
  if (!first) return undefined;
  return { type: 'moveDeal', ...first, ...(others.length ? { otherSplits: others } : {}) };
}

/** «закрой сделку с Ромашкой как выигранную»: a move to the pipeline's won (or lost) stage. */
export function closeDeal(message: Message, dealEnd: number, outcome: string): WriteDraft | undefined {
  const dealQuery = dealOfClient(rawSlice(message, 0, dealEnd));
  return dealQuery ? { type: 'moveDeal', dealQuery, stageQuery: outcome } : undefined;
}
