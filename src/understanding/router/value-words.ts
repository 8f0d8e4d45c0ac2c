import { letters } from '../../letters.ts';
import type { Rest } from './query-names.ts';
import type { Found } from './query-parts.ts';

// «некачественные лиды», «необработанные лиды»: a lead's status said as a word of its own, shaped as an adjective
// the lexicon does not hold. It is handed on as what the leads are about, and the answer asks the portal's own list
// of lead statuses first (another company's statuses are its own words), the titles after.

const ADJECTIVE = /^\p{Ll}{4,}(?:ые|ие|ый|ий|ая|яя|ое|ее|ых|их)$/u;

/** The one adjective-shaped word left unread, taken out of the list; undefined when there is none or several. */
export function statusWordIn(unknown: string[]): string | undefined {
  const shaped = unknown.filter((word) => ADJECTIVE.test(word));
  if (shaped.length !== 1 || unknown.length !== 1) return undefined;
  unknown.splice(0, 1);
  return shaped[0];
}

// «сколько денег в воронке», «конверсия воронки»: the pipeline as a whole, no value of it — the open deals' money, or
// every deal's conversion; never a title or a name to look up.
const WHOLE_PIPELINE = letters(/^(?:воронк\p{L}*|pipeline|funnel)$/iu);
const whole = (word: string | undefined) => word !== undefined && WHOLE_PIPELINE.test(word);

/** The rest of the words with «воронка» said of the whole pipeline taken out (and its open deals asked for). */
export function withoutWholePipeline(read: Rest, found: Found): Rest {
  const [only] = read.name?.names ?? [];
  // «воронка» is a word the lexicon knows: then it is left unread rather than taken for a topic.
  const unread = read.unapplied.find(whole);
  if (!whole(read.topic) && !unread && !(read.name?.names.length === 1 && whole(only))) return read;
  // «в воронке» is where the open deals stand, whatever a money word («денег») first made of it.
  if ((whole(read.topic) || unread) && found.subject === 'deals' && found.measure !== 'conversion')
    found.status = 'open';
  const { topic, name, unapplied, ...others } = read;
  return {
    ...others,
    unapplied: unapplied.filter((word) => !whole(word)),
    ...(whole(topic) ? {} : topic ? { topic } : {}),
    ...(whole(only) ? {} : name ? { name } : {}),
  };
}
