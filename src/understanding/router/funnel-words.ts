// «воронка Морозовой», «воронка по тендерам», «воронка отдела продаж»: the funnel of one manager or one pipeline
// is the open deals by stage, filtered — a typed question whose header names the filter. The plain «воронка» is
// the ready-made view.
import type { Query } from '../../vocabulary/query.ts';
import { NAME_LIKE } from './query-names.ts';
import { parseQuery } from './query-reading.ts';
import { type Message, messageOf } from './text.ts';
import type { Clock } from './write-drafts.ts';

const FUNNEL = /(?<![\p{L}])(?:воронк\p{L}*|funnel|pipeline)(?![\p{L}])/u;
// «по тендерам», «в тендерах»: a pipeline by its name, unless the word is a surname («по Морозовой»).
const BY_PIPELINE = /^\s+(?:по|в|во)\s+(\p{L}[\p{L}\p{N} -]*?)[\s?!.]*$/u;

/** The filtered funnel a message asks for, or undefined when it asks the plain one or something else. */
export function funnelQuery(message: Message, clock: Clock): Query | undefined {
  const match = FUNNEL.exec(message.light);
  if (!match) return undefined;
  const before = message.raw.slice(0, match.index);
  const after = message.raw.slice(match.index + match[0].length);
  const pipeline = BY_PIPELINE.exec(after.toLowerCase());
  const surname = pipeline && NAME_LIKE.test(pipeline[1]!.split(' ')[0]!);
  const text =
    pipeline && !surname
      ? `${before}сделки по этапам в воронке ${after.replace(/^\s+(?:по|в|во)\s+/iu, '')}`
      : `${before}сделки по этапам ${after}`;
  const asked = parseQuery(messageOf(text.replace(/[?!.]+\s*$/u, '')), clock);
  if (!asked || asked.unapplied.length > 0 || asked.doubtful > 0 || asked.query.subject !== 'deals') return undefined;
  const { query } = asked;
  if (!query.person && !query.pipeline && !query.client && !query.stage && !query.period) return undefined;
  return { ...query, status: query.status ?? 'open', groupBy: 'stage' };
}
