// A comment said in plain words, on a deal, a contact or a company named by its client.
import type { Question, WriteDraft } from '../../vocabulary/drafts.ts';
import { capitalise, type Message, rawSlice, restOf, unquote } from './text.ts';
import { dealOfClient } from './write-deals.ts';

/** The comment; which record, or what it says, is asked for when only the other is said. */
export function addComment(message: Message, entityWord: string, start: number): WriteDraft | Question | undefined {
  const entity = /сделк|deal/u.test(entityWord) ? 'deal' : /компани|company/u.test(entityWord) ? 'company' : 'contact';
  const rest = restOf(message, start);
  if (!rawSlice(rest, 0)) return entity === 'deal' ? 'whichDeal' : 'comment';
  const separator = rest.raw.match(/\s*(?::|—|–|\s-\s)\s*/u);
  let entityQuery: string;
  let text: string;
  if (separator?.index !== undefined) {
    entityQuery = rawSlice(rest, 0, separator.index);
    text = rawSlice(rest, separator.index + separator[0].length);
  } else {
    const quoted = rest.raw.match(/^([«"“][^»"”]+[»"”])\s+(.+)$/u) ?? rest.raw.match(/^(\S+)\s+(.+)$/u);
    // «к сделке Атлант»: the record alone, its words to be asked for.
    if (!quoted) return 'commentText';
    entityQuery = quoted[1]!;
    text = quoted[2]!;
  }
  // «к сделке с Ромашкой», «по Ромашке»: the preposition ties the record to its client, it is not in the name.
  entityQuery = dealOfClient(entityQuery);
  text = unquote(text);
  if (!entityQuery || !text) return undefined;
  return { type: 'addComment', entity, entityQuery, text: capitalise(text) };
}
