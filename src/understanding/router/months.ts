// The months in the director's words, and where a month named without its year falls.
import type { DateTime } from 'luxon';
import { letters } from '../../letters.ts';

const MONTHS = [
  'январ|january|jan',
  'феврал|february|feb',
  'март|march|mar',
  'апрел|april|apr',
  'ма[йяе]|may',
  'июн|june|jun',
  'июл|july|jul',
  'август|august|aug',
  'сентябр|september|sep',
  'октябр|october|oct',
  'ноябр|november|nov',
  'декабр|december|dec',
];
const MONTH_STARTS = MONTHS.map((pattern) => letters(new RegExp(`^(?:${pattern})`, 'u')));
export const monthIndex = (word: string) => MONTH_STARTS.findIndex((start) => start.test(word));
export const monthWord = `(?:${MONTHS.map((pattern) => `(?:${pattern})\\p{L}*`).join('|')})`;

/** The month of `start` in the year that puts it nearest to today (January, said in November, is next year's). */
export function nearestYear(start: DateTime, today: DateTime): DateTime {
  const middle = today.startOf('month').plus({ days: 14 });
  // Each year's distance is worked out once: the arithmetic of dates in a zone is not cheap.
  const options = [start.minus({ years: 1 }), start, start.plus({ years: 1 })].map((month) => ({
    month,
    distance: Math.abs(month.plus({ days: 14 }).diff(middle, 'months').months),
  }));
  return options.reduce((best, option) => (option.distance < best.distance ? option : best)).month;
}
