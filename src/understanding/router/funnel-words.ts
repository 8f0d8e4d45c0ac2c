// «воронка Морозовой», «воронка по тендерам», «воронка отдела продаж»: the funnel of one manager or one pipeline
// is the open deals by stage, filtered — a typed question whose header names the filter. The plain «воронка» is
// the ready-made view.

import { letters } from '../../letters.ts';
import type { Query } from '../../vocabulary/query.ts';
import { followUpParts } from './follow-up-parts.ts';
import { NAME_LIKE } from './query-names.ts';
import { parseQuery } from './query-reading.ts';
import { type Message, messageOf } from './text.ts';
import type { Clock } from './write-drafts.ts';

const DEALS_WORD = letters(/(?<![\p{L}])(?:сделк\p{L}*|deals?)(?![\p{L}])/iu);

const FUNNEL = letters(/(?<![\p{L}])(?:воронк\p{L}*|funnel|pipeline)(?![\p{L}])/u);
// «по тендерам», «в тендерах»: a pipeline by its name, unless the word is a surname («по Морозовой»).
const BY_PIPELINE = letters(/^\s+(?:по|в|во)\s+(\p{L}[\p{L}\p{N} -]*?)[\s?!.]*$/u);

/** The filtered funnel a message asks for, or undefined when it asks the plain one or something else. */
export function funnelQuery(message: Message, clock: Clock): Query | undefined {
  const match = FUNNEL.exec(message.light);
  // «воронка в деньгах»: a measure, not a pipeline called «деньгах».
  if (!match || Object.keys(followUpParts(message).said).length > 0) return undefined;
  const before = message.raw.slice(0, match.index);
  // «сделки в тендерной воронке»: a question about deals that names a pipeline, read as such.
  if (DEALS_WORD.test(before)) return undefined;
  const after = message.raw.slice(match.index + match[0].length).replace(/[?!.]+\s*$/u, '');
  // The words after the funnel read as a question's parts first («по менеджерам», «Морозовой», «за ноябрь»).
  // A word after «по» that reads as a topic of titles is, after a funnel, a pipeline's name.
  const read = readable(`${before}сделки ${after}`, clock);
  const asked = read?.topic ? undefined : read;
  const pipeline = BY_PIPELINE.exec(after.toLowerCase());
  const named =
    asked ??
    (pipeline && !NAME_LIKE.test(pipeline[1]!.split(' ')[0]!)
      ? readable(`${before}сделки в воронке ${after.replace(/^\s+(?:по|в|во)\s+/iu, '')}`, clock)
      : undefined);
  if (!named) return undefined;
  if (!named.person && !named.pipeline && !named.client && !named.stage && !named.period && !named.groupBy)
    return undefined;
  return { ...named, status: named.status ?? 'open', groupBy: named.groupBy ?? 'stage' };
}

/** The deals question the text asks when every word of it is understood. */
function readable(text: string, clock: Clock): Query | undefined {
  const asked = parseQuery(messageOf(text), clock);
  if (!asked || asked.unapplied.length > 0 || asked.doubtful > 0 || asked.query.subject !== 'deals') return undefined;
  return asked.query;
}
