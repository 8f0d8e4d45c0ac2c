import { letters } from '../../letters.ts';
import { findAmount } from './amount.ts';
import type { Found } from './query-parts.ts';
import { rule, take } from './spans.ts';
import type { Message } from './text.ts';

const SPOKEN_AMOUNT = letters(
  /^(?:(пол|полу)(?=миллион|лям|тысяч)|(\p{L}+)\s+)?(тысяч\p{L}*|тыс|миллион\p{L}*|млн|лям\p{L}*|миллиард\p{L}*|млрд)(?![\p{L}])/u,
);
// The words that compare a sum, said alone too («а меньше?» after a question of sums: follow-up.ts).
export const MORE_WORDS = 'больше|более|свыше|дороже|крупнее|more|bigger';
export const LESS_WORDS = 'меньше|менее|дешевле|less';
const BELOW_WORD = letters(new RegExp(`^(?:${LESS_WORDS}|до|under|below)(?![\\p{L}])`, 'u'));
const DEALS_WORD = letters(/(?<![\p{L}])(?:сделк|сделок)/u);

// ─── amounts, stages, pipelines ──────────────────────────────────────────

export const BIG = { миллион: 1_000_000, миллиона: 1_000_000, million: 1_000_000, млн: 1_000_000 } as Record<
  string,
  number
>;

// «двух миллионов», «полмиллиона», «полтора миллиона», «пяти тысяч»: a sum said in words.
const COUNTS: [RegExp, number][] = [
  [/^(?:пол|полу)$/u, 0.5],
  [letters(/^полу?тор\p{L}*$/u), 1.5],
  [letters(/^(?:одн\p{L}*|один)$/u), 1],
  [/^(?:два|две|двух)$/u, 2],
  [/^(?:три|тр[её]х)$/u, 3],
  [/^(?:четыре|четыр[её]х)$/u, 4],
  [/^(?:пять|пяти)$/u, 5],
  [/^(?:шесть|шести)$/u, 6],
  [/^(?:семь|семи)$/u, 7],
  [/^(?:восемь|восьми)$/u, 8],
  [/^(?:девять|девяти)$/u, 9],
  [/^(?:десять|десяти)$/u, 10],
];
const UNITS: [RegExp, number][] = [
  [letters(/^(?:тысяч\p{L}*|тыс)$/u), 1_000],
  [letters(/^(?:миллион\p{L}*|млн|лям\p{L}*)$/u), 1_000_000],
  [letters(/^(?:миллиард\p{L}*|млрд)$/u), 1_000_000_000],
];

/** A sum said in words at the start of `words`, with how many characters it took; undefined when none. */
export function spokenAmount(words: string): { amount: number; length: number } | undefined {
  const match = words.match(SPOKEN_AMOUNT);
  if (!match) return undefined;
  const said = match[1] ?? match[2];
  const count = said === undefined ? 1 : COUNTS.find(([pattern]) => pattern.test(said))?.[1];
  const unit = UNITS.find(([pattern]) => pattern.test(match[3]!))?.[1];
  if (count === undefined || unit === undefined) return undefined;
  return { amount: count * unit, length: match[0].length };
}

export const MULTIPLIER = 'тыс\\p{L}*|млн|миллион\\p{L}*|млрд|миллиард\\p{L}*|k|m|mln|millions?|thousands?';

// The amounts', stages' and pipelines' patterns, compiled once.
const DASHED = rule(`(\\d+(?:[.,]\\d+)?)\\s*[-–—]\\s*(\\d+(?:[.,]\\d+)?)\\s*(${MULTIPLIER})(?:\\s*(?:₽|руб\\p{L}*))?`);
const EXACT = rule('(?:на\\s+(?:сумму\\s+)?)?(\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+)(?:\\s*(?:₽|руб\\p{L}*))?');
const BETWEEN = rule(
  `(?:от|from|between)\\s+(\\d+(?:[.,]\\d+)?)(?:\\s*(${MULTIPLIER}))?\\s+(?:до|to|and)\\s+(\\d+(?:[.,]\\d+)?)(?:\\s*(${MULTIPLIER}))?(?:\\s*(?:₽|руб\\p{L}*))?`,
);
const BOUND = rule(
  `(${MORE_WORDS}|${LESS_WORDS}|от|до|over|above|under|below)(?:\\s+than)?\\s+(?:чем\\s+)?(миллиона|миллион|млн|million|пол(?:у)?(?:миллион|тысяч)\\p{L}*|[^\\s\\u0001]+(?:\\s+[^\\s\\u0001]+){0,2})`,
);
const BIG_DEALS = rule('крупн\\p{L}*|больш\\p{L}*\\s+сделк\\p{L}*|big\\s+deals|large\\s+deals');
const AT_STAGE = rule(
  '(?:на|в)\\s+(?:стади|этап)\\p{L}*\\s+(?:«|")?([\\p{L}\\p{N} -]+?)(?:»|")?(?=\\s*$|\\s*\\u0001|\\s+(?:у|по|с|со|для|от)\\s)|at\\s+(?:the\\s+)?stage\\s+(.+)$',
);
const IN_PIPELINE = rule(
  '(?:в|по)\\s+воронк\\p{L}*\\s+(?:«|")?([\\p{L}\\p{N} -]+?)(?:»|")?(?=$|\\s+(?:за|в|на|у|по|с)\\s)|in\\s+(?:the\\s+)?pipeline\\s+(.+)$',
);

export function amounts(said: Message, found: Found): void {
  // A bound runs up to the words already taken («дороже 500 тысяч по месяцам»), not into them.
  const message = untaken(said, found);
  // «5-8 млн»: both bounds with a dash, the unit after them.
  take(message, found, DASHED, (match) => {
    const low = findAmount(`${match[1]} ${match[3]}`)!.amount;
    const high = findAmount(`${match[2]} ${match[3]}`)!.amount;
    found.amount = { min: Math.min(low, high), max: Math.max(low, high) };
  });
  // «сделки на 7 140 000»: the sum as the bot writes it, exactly.
  take(message, found, EXACT, (match) => {
    const amount = Number(match[1]!.replace(/\D/gu, ''));
    found.amount ??= { min: amount, max: amount };
  });
  // «от 2 до 5 млн», «from 500k to 1m»: both bounds, the unit said once at the end serving both.
  take(message, found, BETWEEN, (match) => {
    const unit = match[4] ?? match[2] ?? '';
    const low = findAmount(`${match[1]} ${match[2] ?? unit}`)?.amount;
    const high = findAmount(`${match[3]} ${unit}`)?.amount;
    if (low === undefined || high === undefined || high < 1000) {
      found.spans.pop();
      return;
    }
    found.amount = { min: Math.min(low, high), max: Math.max(low, high) };
  });
  take(message, found, BOUND, (match) => {
    const words = match[2]!;
    const spoken = spokenAmount(words);
    const amount = BIG[words] ?? findAmount(words)?.amount ?? spoken?.amount;
    if (amount === undefined || amount < 1000) {
      found.spans.pop();
      return;
    }
    const below = BELOW_WORD.test(match[1]!);
    found.amount = { ...found.amount, ...(below ? { max: amount } : { min: amount }) };
    // Only what the amount took: the words after it stay for the rest.
    const used = BIG[words] ? words.length : (findAmount(words)?.end ?? spoken?.length ?? words.length);
    const last = found.spans[found.spans.length - 1]!;
    last.end = match.index + match[0].length - words.length + used;
  });
  take(message, found, BIG_DEALS, () => {
    found.amount ??= { min: 1_000_000 };
  });
}

/** A group of a match as the director wrote it (the light text has our keywords' typos fixed). */
export function saidAs(message: Message, match: RegExpExecArray, group: string): string {
  const start = match.index + match[0].lastIndexOf(group);
  return message.raw.slice(start, start + group.length).trim();
}

/** The text with what is already taken blanked out, so a name may run up to it but not into it. */
export function untaken(message: Message, found: Found): Message {
  let light = message.light;
  for (const span of found.spans)
    light = light.slice(0, span.start) + '\u0001'.repeat(span.end - span.start) + light.slice(span.end);
  return { ...message, light };
}

export function stagesAndPipelines(message: Message, found: Found): void {
  // A stage's name may hold «на» or «в» («Счёт на предоплату», «В работе»): it runs to the end, to a
  // period or amount already taken, or to «у/по/с» before a person or client.
  take(untaken(message, found), found, AT_STAGE, (match) => {
    found.stage = saidAs(message, match, match[1] ?? match[2] ?? '');
  });
  stageSaidAsPlace(message, found);
  take(message, found, IN_PIPELINE, (match) => {
    found.pipeline = saidAs(message, match, match[1] ?? match[2] ?? '');
  });
}

// «сделки на финальном счёте», «сделки в новой стадии»: a stage named as a place, an adjective and a noun in the
// prepositional case at the end (periods and amounts are taken before, so «на этой неделе» is not one).
const STAGE_AS_PLACE = rule(
  '(?:на|в|во)\\s+(\\p{L}{3,}(?:ом|ем|ой|ей)\\s+(?!стади|этап|воронк)\\p{L}{3,}[еи])(?=\\s*$|\\s*\\u0001|\\s+(?:у|по|с|со|для|от)\\s)',
);

function stageSaidAsPlace(message: Message, found: Found): void {
  if (found.stage || !DEALS_WORD.test(message.light)) return;
  take(untaken(message, found), found, STAGE_AS_PLACE, (match) => {
    found.stage ??= saidAs(message, match, match[1] ?? '');
  });
}
