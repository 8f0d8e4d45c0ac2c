// Periods named by a word of their own: «3 квартал», «третий квартал», «Q3», «за 2025», «в 2025 году», «октябрь
// прошлого года», «позапрошлая неделя», «полгода», «две недели», «выходные», «до конца месяца», «осень».
import type { DateTime } from 'luxon';
import { monthIndex, monthWord, nearestYear } from './months.ts';
import type { PeriodReading, PeriodWords } from './period-words.ts';
import { NUMBER_WORDS } from './query-parts.ts';

type Unit = 'week' | 'month' | 'quarter' | 'year';
const L = '\\p{L}*';
const ON = '(?:(?:на|в|во|за|in|for|during|over)\\s+)?';
const YEAR_WORD = '(?:\\s*(?:года|году|год|г\\.?))?';

/** The whole unit that holds `start`, up to today when it is still running and only the past is asked. */
function whole(start: DateTime, unit: Unit, { today, nearest }: PeriodReading): [DateTime, DateTime] {
  const end = start.endOf(unit).startOf('day');
  return [start, end > today && !nearest && start <= today ? today : end];
}

/** A unit named without its year: the last one begun (done things), or the nearest one (things ahead). */
function placed(start: DateTime, unit: 'month' | 'quarter', at: PeriodReading): DateTime {
  if (at.nearest) return unit === 'month' ? nearestYear(start, at.today) : start;
  return start > at.today ? start.minus({ years: 1 }) : start;
}

const ORDINALS = ['перв', 'втор', 'трет', 'четверт'];
const ENGLISH_ORDINALS = ['first', 'second', 'third', 'fourth'];

// «3 квартал», «3-й квартал 2025 года», «третий квартал», «Q3», «Q3 2025», «the third quarter», «3rd quarter»
const QUARTER: PeriodWords = {
  pattern: `${ON}(?:(?:the\\s+)?(?:([1-4])\\s*-?\\s*(?:й|ый|ий|ого|ом|м|st|nd|rd|th)?|(перв|втор|трет|четверт|first|second|third|fourth)${L})\\s+(?:квартал${L}|quarter)|q([1-4]))(?:\\s+(20\\d\\d)${YEAR_WORD})?`,
  range: (m, at) => {
    const word = m[2] ?? '';
    const number =
      Number(m[1] ?? m[3]) ||
      Math.max(
        ORDINALS.findIndex((stem) => word.startsWith(stem)),
        ENGLISH_ORDINALS.indexOf(word),
      ) + 1;
    const said = at.today.set({ month: number * 3 - 2 }).startOf('quarter');
    const start = m[4] ? said.set({ year: Number(m[4]) }) : placed(said, 'quarter', at);
    return whole(start, 'quarter', at);
  },
};

// «за 2025», «в 2025 году», «for 2025»; never a sum («за 2025 рублей») nor a day's year («15 декабря 2025 года»).
const YEAR: PeriodWords = {
  pattern: `(?:на|в|во|за|in|for|during)\\s+(20[0-4]\\d)(?:-?й)?${YEAR_WORD}(?!\\s*(?:тыс|млн|руб|р\\.|₽|\\$|€|долл|евро|usd|eur|k(?![\\p{L}])))`,
  range: (m, at) => whole(at.today.set({ year: Number(m[1]) }).startOf('year'), 'year', at),
};

const YEAR_SHIFT: [RegExp, number][] = [
  [/^(?:позапрошл|year\s+before)/u, -2],
  [/^(?:прошл|предыдущ|last|previous)/u, -1],
  [/^(?:следующ|будущ|next)/u, 1],
];

// «октябрь прошлого года», «в ноябре 2025 года», «October last year»: a month in the year said.
const MONTH_OF_YEAR: PeriodWords = {
  pattern: `(?<![\\p{N}]\\s{0,3})(?<!(?:с|со|от|до|по|since|from|until|till|to|through)\\s+)${ON}(${monthWord})\\s+(?:(20\\d\\d)${YEAR_WORD}|((?:позапрошл|прошл|предыдущ|эт|текущ|следующ|будущ)${L})\\s+года|((?:last|this|next|previous)\\s+year|(?:the\\s+)?year\\s+before(?:\\s+last)?))`,
  range: (m, at) => {
    const shift = YEAR_SHIFT.find(([re]) => re.test(m[3] ?? m[4] ?? ''))?.[1] ?? 0;
    const year = m[2] ? Number(m[2]) : at.today.year + shift;
    return whole(at.today.set({ year, month: monthIndex(m[1]!) + 1 }).startOf('month'), 'month', at);
  },
};

const UNITS: [RegExp, Unit][] = [
  [/^(?:недел|week)/u, 'week'],
  [/^(?:месяц|month)/u, 'month'],
  [/^(?:квартал|quarter)/u, 'quarter'],
  [/^(?:год|year)/u, 'year'],
];
const unitOf = (word: string): Unit => UNITS.find(([re]) => re.test(word))?.[1] ?? 'week';

// «позапрошлая неделя», «за позапрошлый месяц», «the week before last»
const BEFORE_LAST: PeriodWords = {
  pattern: `${ON}позапрошл${L}\\s+(недел${L}|месяц${L}|квартал${L}|год${L})|(?:(?:in|for|over)\\s+)?(?:the\\s+)?(week|month|quarter|year)\\s+before\\s+last`,
  range: (m, { today }) => {
    const unit = unitOf(m[1] ?? m[2]!);
    const start = today.startOf(unit).minus({ [unit]: 2 });
    return [start, start.endOf(unit).startOf('day')];
  },
};

const COUNTS: Record<string, number> = {
  ...NUMBER_WORDS,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const COUNT = Object.keys(COUNTS).join('|');

// «за полгода», «последние полгода», «две недели», «за последние три месяца», «the last two weeks», «half a year»
const LAST_COUNTED: PeriodWords = {
  pattern: `(?:(?:за|в|на)\\s+)?(?:(?:последн|прошедш)${L}\\s+)?(?:(полгода|пол\\s+года)|(${COUNT})\\s+(дн${L}|недел${L}|месяц${L}))|(?:(?:in|over|for)\\s+)?(?:the\\s+)?(?:(?:last|past)\\s+)?(?:(half\\s+(?:a\\s+)?year)|(${COUNT})\\s+(days|weeks|months))`,
  range: (m, { today }) => {
    if (m[1] ?? m[4]) return [today.minus({ months: 6 }).plus({ days: 1 }), today];
    const n = COUNTS[m[2] ?? m[5]!]!;
    const unit = m[3] ?? m[6]!;
    if (/^(?:месяц|month)/u.test(unit)) return [today.minus({ months: n }).plus({ days: 1 }), today];
    return [today.minus({ days: (/^(?:недел|week)/u.test(unit) ? 7 * n : n) - 1 }), today];
  },
};

// «до конца недели», «by the end of the month»: today to the end; «с начала недели», «с начала квартала»: to today.
const TO_END: PeriodWords = {
  pattern: `(?:до|к)\\s+конц${L}\\s+(недел${L}|месяц${L}|квартал${L}|год${L})|(?:by|until|till)\\s+the\\s+end\\s+of\\s+(?:the\\s+|this\\s+)?(week|month|quarter|year)|с\\s+начала\\s+(недел${L}|квартал${L})|(week|quarter)\\s+to\\s+date`,
  range: (m, { today }) => {
    if (m[3] ?? m[4]) return [today.startOf(unitOf(m[3] ?? m[4]!)), today];
    return [today, today.endOf(unitOf(m[1] ?? m[2]!)).startOf('day')];
  },
};

/** Named periods, read before the calendar's «прошлый месяц» and a month named alone. */
export const NAMED_PERIODS: PeriodWords[] = [QUARTER, MONTH_OF_YEAR, YEAR, BEFORE_LAST, LAST_COUNTED, TO_END];
