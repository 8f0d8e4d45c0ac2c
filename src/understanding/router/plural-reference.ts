// «а сделки у них какие?», «кто у них контакт?» after a client's dossier: «они» are the client just shown.
// «сколько из них в работе», «а среди них просроченные?»: «из них» is the list just shown, narrowed.

import { letters } from '../../letters.ts';
import type { Intent } from '../understanding.ts';
import { refinement } from './follow-up.ts';
import type { ShownContext } from './item-reference.ts';
import { parseQuery } from './query-reading.ts';
import { type Message, messageOf, without } from './text.ts';
import type { Clock } from './write-drafts.ts';

const themRe = letters(/(?<![\p{L}])(?:(у|по|с|со|о|об|про|для|от|из|среди)\s+)?(?:них|ним|ними|их)(?![\p{L}])/u);

/** The question with «они» read as what was just shown; undefined when the message has no such word or no reading. */
export function pluralIntent(
  message: Message,
  context: ShownContext & { previous?: Intent },
  clock: Clock,
): Intent | undefined {
  const match = themRe.exec(message.light);
  if (!match) return undefined;
  const rest = without(message, [{ start: match.index, end: match.index + match[0].length }]);
  const clean = { raw: rest.raw.replace(/\s+/gu, ' ').trim(), light: rest.light.replace(/\s+/gu, ' ').trim() };
  const who = byWhom(clean, context.previous, clock);
  if (who) return who;
  // «из них», «среди них»: a part of the list itself.
  if (match[1] === 'из' || match[1] === 'среди') return refinement(clean, context.previous, clock);
  const client = context.focus?.kind === 'company' || context.focus?.kind === 'contact' ? context.focus : undefined;
  if (!client) return undefined;
  const asked = parseQuery(clean, clock);
  if (!asked || asked.unapplied.length > 0 || asked.doubtful > 0) return undefined;
  const { person: _, ...query } = asked.query;
  return { kind: 'view', request: { scenario: 'query', query: { ...query, client: client.title } } };
}

const whoRe = letters(/^(?:а\s+)?кто(?![\p{L}])\s*/u);

/** «кто их обрабатывает?», «кто из них больше»: the list just shown, by the people who hold it. */
function byWhom(message: Message, previous: Intent | undefined, clock: Clock): Intent | undefined {
  const who = whoRe.exec(message.light);
  // Only a question asked in words is regrouped exactly: a ready-made view covers its own span of time.
  if (!who || previous?.kind !== 'view' || previous.request.scenario !== 'query') return undefined;
  const said = message.raw.slice(who[0].length).trim();
  // A verb alone («обрабатывает», «ведёт») says only that someone holds them.
  const words = said.split(/\s+/u).filter(Boolean);
  const asked = words.length > 1 ? `${said} по менеджерам` : 'по менеджерам';
  return refinement(messageOf(asked), previous, clock);
}
