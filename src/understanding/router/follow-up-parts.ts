// The parts of a follow-up that name no subject of their own: what to measure the last answer by («а сколько это в
// сумме», «а на какую сумму», «а по количеству?», «а в деньгах?»), where the last answer's records come from
// («а откуда они?»), and the pronouns that point back at it («это», «их», «они», «из них»).
import type { Query } from '../../vocabulary/query.ts';
import { matchesOf, rule } from './spans.ts';
import { type Message, without } from './text.ts';

type Said = Pick<Query, 'measure' | 'groupBy'>;

const PARTS: { pattern: RegExp; said: Said }[] = [
  {
    pattern: rule(
      '(?:на\\s+)?как\\p{L}*\\s+(?:общ\\p{L}*\\s+)?сумм\\p{L}*|(?:сколько\\s+)?(?:\\p{L}+\\s+)?(?:в|на)\\s+(?:общ\\p{L}*\\s+)?(?:сумм\\p{L}*|деньгах|рублях)|(?:общ\\p{L}*\\s+)?сумм[аеуы]|сколько\\s+(?:\\p{L}+\\s+)?(?:денег|стоят|стоит)|how\\s+much(?:\\s+(?:money|is\\s+it|are\\s+they|in\\s+total))?|in\\s+money|total\\s+(?:sum|amount)',
    ),
    said: { measure: 'sum' },
  },
  {
    pattern: rule(
      'по\\s+количеству|(?:в\\s+)?штуках|сколько\\s+(?:\\p{L}+\\s+)?(?:штук|их|всего)|how\\s+many(?:\\s+(?:of\\s+them|are\\s+there))?|by\\s+count',
    ),
    said: { measure: 'count' },
  },
  {
    pattern: rule('откуда(?:\\s+(?:они|пришли|приходят|взялись))?|where\\s+from|where\\s+do\\s+they\\s+come\\s+from'),
    said: { groupBy: 'source' },
  },
];

// «это», «их», «они», «из них»: the last answer itself, which the follow-up keeps.
const BACK = rule('(?:из\\s+)?(?:это|эти|их|они|них|ними|them|they|those|these|it)');

/** What the follow-up measures the last answer by, and the message without those words and its pronouns. */
export function followUpParts(message: Message): { said: Said; rest: Message } {
  const spans: { start: number; end: number }[] = [];
  let said: Said = {};
  for (const part of PARTS) {
    if (Object.keys(said).length > 0) break;
    const match = matchesOf(message.light, part.pattern)[0];
    if (!match) continue;
    said = part.said;
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  const left = without(message, spans);
  const back = matchesOf(left.light, BACK).map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  return { said, rest: without(left, back) };
}
