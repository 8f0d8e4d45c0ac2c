// Money as directors type it: "500 000 ₽", "500 тысяч", "1,5 млн", "$20k".

import { letters } from '../../letters.ts';
import { matchesOf } from './spans.ts';

export interface AmountMatch {
  amount: number;
  currency?: string;
  start: number;
  end: number;
}

const currencies: { pattern: RegExp; code: string }[] = [
  { pattern: letters(/^(?:₽|руб\p{L}*|р|rub|rubles?|roubles?)$/u), code: 'RUB' },
  { pattern: letters(/^(?:\$|usd|долл\p{L}*|dollars?|бакс\p{L}*)$/u), code: 'USD' },
  { pattern: /^(?:€|eur|euros?|евро)$/u, code: 'EUR' },
];

const multipliers: { pattern: RegExp; factor: number }[] = [
  { pattern: letters(/^(?:тыс\p{L}*|т|k|к|thousands?|thou)$/u), factor: 1_000 },
  { pattern: letters(/^(?:млн|миллион\p{L}*|лям\p{L}*|m|mln|million|millions)$/u), factor: 1_000_000 },
  { pattern: letters(/^(?:млрд|миллиард\p{L}*|bn|billion)$/u), factor: 1_000_000_000 },
];

const currencyWord = '₽|\\$|€|руб\\p{L}*|р|rub|rubles?|roubles?|usd|долл\\p{L}*|dollars?|бакс\\p{L}*|eur|euros?|евро';
const multiplierWord =
  'тыс\\p{L}*|т|k|к|thousands?|млн|миллион\\p{L}*|лям\\p{L}*|m|mln|millions?|млрд|миллиард\\p{L}*|bn|billion';
const amountRe = letters(
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:на\\s+сумму\\s+|суммой\\s+|сумма\\s+|на\\s+|for\\s+|worth\\s+|of\\s+)?(${currencyWord.split('|').slice(1, 3).join('|')})?\\s*(\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+|\\d+)(?:[.,](\\d+))?\\s*(?:(${multiplierWord})\\.?(?![\\p{L}]))?\\s*(?:(${currencyWord})\\.?(?![\\p{L}]))?`,
    'giu',
  ),
);

/** The first sum of money in the (light) text, with its span ("на 500 000 ₽"). */
export function findAmount(light: string): AmountMatch | undefined {
  for (const match of matchesOf(light, amountRe)) {
    const [whole, prefixCurrency, integer, fraction, multiplier, suffixCurrency] = match;
    // A bare small number with nothing around it ("задача 2") is not money.
    if (
      !multiplier &&
      !prefixCurrency &&
      !suffixCurrency &&
      !/^\s*(?:на|for|worth|of|сумм)/u.test(whole) &&
      integer!.length < 4
    )
      continue;
    let amount = Number(`${integer!.replace(/\D/g, '')}.${fraction ?? '0'}`);
    const factor = multiplier ? multipliers.find((entry) => entry.pattern.test(multiplier))?.factor : 1;
    amount *= factor ?? 1;
    const currencyText = prefixCurrency ?? suffixCurrency;
    const currency = currencyText ? currencies.find((entry) => entry.pattern.test(currencyText))?.code : undefined;
    const trimmed = whole.replace(/\s+$/u, '');
    return {
      amount: Math.round(amount * 100) / 100,
      ...(currency ? { currency } : {}),
      start: match.index,
      end: match.index + trimmed.length,
    };
  }
  return undefined;
}
