// How numbers, money, dates and times read to a director, in Russian or English.
import { DateTime } from 'luxon';
import type { Language } from '../vocabulary/director.ts';
import type { PlanPeriod } from '../vocabulary/plan-view-model.ts';
import type { LocalDate } from '../vocabulary/requests.ts';

const locales: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };
// Digit groups are set apart by a thin no-break space, the amount from its sign by a no-break space.
const thinSpace = '\u202f';
const noBreakSpace = '\u00a0';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, language: Language): Intl.NumberFormat {
  const key = `${language}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locales[language], {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: 0,
        maximumFractionDigits: 2,
      });
    } catch {
      // A portal can hold a currency code Intl does not know: show the amount alone.
      format = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/** «1 250 000 ₽», «$1,250», «1 250 000 ₸». */
export function money(amount: number, currency: string, language: Language): string {
  const code = currency.trim().toUpperCase() || 'RUB';
  return moneyFormat(code, language)
    .formatToParts(amount)
    .map((part) => {
      if (part.type === 'group') return language === 'ru' ? thinSpace : part.value;
      if (part.type === 'literal' && /^\s+$/.test(part.value)) return noBreakSpace;
      return part.value;
    })
    .join('');
}

/** The currency's sign as the director reads it: «₽», «$», «€»; a code Intl does not know stays a code. */
export function currencySign(currency: string): string {
  const code = currency.trim().toUpperCase() || 'RUB';
  const sign = moneyFormat(code, 'ru')
    .formatToParts(0)
    .find((part) => part.type === 'currency')?.value;
  return sign ?? code;
}

/** Several currencies side by side, never added: «1 250 000 ₽ и 3 000 $» (a «+» would read as one sum). */
export function moneyTotals(totals: readonly { currency: string; amount: number }[], language: Language): string {
  return totals.map((total) => money(total.amount, total.currency, language)).join(language === 'ru' ? ' и ' : ' and ');
}

/** The word forms of a noun for each plural category of the language (`Intl.PluralRules`). */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const pluralRules: Record<Language, Intl.PluralRules> = {
  ru: new Intl.PluralRules('ru'),
  en: new Intl.PluralRules('en'),
};

/** The word alone: plural(3, задача) → «задачи». */
export function plural(n: number, forms: PluralForms, language: Language): string {
  const category = pluralRules[language].select(n);
  if (category === 'one') return forms.one;
  if (category === 'few') return forms.few ?? forms.other;
  if (category === 'many') return forms.many ?? forms.other;
  return forms.other;
}

/** The number and the word: countOf(3, задача) → «3 задачи». */
export function countOf(n: number, forms: PluralForms, language: Language): string {
  return `${n}${noBreakSpace}${plural(n, forms, language)}`;
}

function localDay(date: LocalDate | DateTime, language: Language): DateTime {
  const day = typeof date === 'string' ? DateTime.fromISO(date) : date;
  return day.setLocale(locales[language]);
}

// Luxon builds a language's month and weekday names anew for every date given a locale (a few hundred microseconds
// each, many times per list): the words of a day are kept.
const dayWords = new Map<string, string>();
function formatDay(date: LocalDate | DateTime, language: Language, pattern: string): string {
  if (typeof date !== 'string') return localDay(date, language).toFormat(pattern);
  const key = `${date}|${language}|${pattern}`;
  let words = dayWords.get(key);
  if (words === undefined) {
    if (dayWords.size > 5_000) dayWords.clear();
    words = localDay(date, language).toFormat(pattern);
    dayWords.set(key, words);
  }
  return words;
}

/** «среда, 25 ноября» / «Wednesday, 25 November» (the year only when it is not the current one). */
export function dayInWords(date: LocalDate | DateTime, language: Language, today?: LocalDate): string {
  const year = typeof date === 'string' ? Number(date.slice(0, 4)) : date.year;
  const thisYear = (today ? DateTime.fromISO(today) : DateTime.now()).year;
  return formatDay(date, language, year === thisYear ? 'cccc, d MMMM' : 'cccc, d MMMM yyyy');
}

/** «25 ноября» / «25 November». */
export function dateInWords(date: LocalDate | DateTime, language: Language): string {
  return formatDay(date, language, 'd MMMM');
}

// Russian "на <weekday>" takes the accusative; luxon gives the nominative.
const accusative: Record<string, string> = { среда: 'среду', пятница: 'пятницу', суббота: 'субботу' };

/** «на среду, 25 ноября» / «for Wednesday, 25 November»; «на сегодня, …» when it is today. */
export function forDay(date: LocalDate, language: Language, today?: LocalDate): string {
  const words = dayInWords(date, language, today);
  if (language === 'en') return `for ${words}`;
  const [weekday = '', ...rest] = words.split(', ');
  return `на ${[accusative[weekday] ?? weekday, ...rest].join(', ')}`;
}

/** The weekday alone, ready for «На среду …» / «For Wednesday …». */
export function weekdayFor(date: LocalDate, language: Language): string {
  const weekday = formatDay(date, language, 'cccc');
  return language === 'en' ? weekday : (accusative[weekday] ?? weekday);
}

/** «сегодня», «завтра», «вчера» or the day in words. */
export function relativeDay(date: LocalDate, today: LocalDate, language: Language): string {
  const days = daysBetween(today, date);
  const words: Record<Language, Record<number, string>> = {
    ru: { [-1]: 'вчера', 0: 'сегодня', 1: 'завтра' },
    en: { [-1]: 'yesterday', 0: 'today', 1: 'tomorrow' },
  };
  return words[language][days] ?? dayInWords(date, language, today);
}

// The portal's usual form, a real date and time: its date and its time are read off the text as written with its
// own offset, as luxon would read them (a reply's list asked luxon for each of them several times).
const plainIso =
  /^([1-9]\d{3})-(0[1-9]|1[0-2])-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** A date-time in the portal's usual form that is a real moment (no 31 February): read as written. */
export function asWritten(iso: string): boolean {
  const [, year, month, day] = plainIso.exec(iso) ?? [];
  if (!day) return false;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= daysInMonth;
}

/** Whole days from one local date to another (both `YYYY-MM-DD`), by the calendar. */
const daysBetween = (from: LocalDate, to: LocalDate): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The local time of an ISO date-time that already carries the director's offset: «14:00».
 * A zone may be given to convert first.
 */
export function timeOf(iso: string, language: Language, timeZone?: string): string {
  if (!timeZone && asWritten(iso)) return iso.slice(11, 16);
  let time = DateTime.fromISO(iso, { setZone: true });
  if (timeZone) time = time.setZone(timeZone);
  // 24-hour time in both languages: «14:00» reads shorter in a list than «2:00 pm».
  // Written out by hand: luxon would build the language's names for a locale only to print two numbers.
  if (!time.isValid) return time.setLocale(locales[language]).toFormat('HH:mm');
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** The local date (`YYYY-MM-DD`) of an ISO date-time that carries the director's offset. */
export function localDateOf(iso: string, timeZone?: string): LocalDate {
  if (!timeZone && asWritten(iso)) return iso.slice(0, 10);
  let time = DateTime.fromISO(iso, { setZone: true });
  if (timeZone) time = time.setZone(timeZone);
  return time.toISODate() ?? iso.slice(0, 10);
}

/** «до 18:00» today, «до завтра 18:00», «до 3 декабря 18:00» — when something is due, from the director's today. */
export function dueInWords(iso: string, today: LocalDate, language: Language): string {
  const day = localDateOf(iso);
  const time = timeOf(iso, language);
  const prefix = language === 'ru' ? 'до' : 'due';
  if (day === today) return `${prefix} ${time}`;
  const days = daysBetween(today, day);
  if (days === 1 || days === -1) return `${prefix} ${relativeDay(day, today, language)} ${time}`;
  return `${prefix} ${dateInWords(day, language)} ${time}`;
}

/** A day's heading in a list of several days: «пятница, 27 ноября», «среда, 25 ноября (сегодня)». */
export function dayHeading(date: string, today: string, language: Language): string {
  const day = DateTime.fromISO(date).setLocale(locales[language]).toFormat('cccc, d MMMM');
  return date === today ? `${day}${language === 'ru' ? ' (сегодня)' : ' (today)'}` : day;
}

const MONTHS_RU = 'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'.split(' ');
const MONTHS_EN = 'January February March April May June July August September October November December'.split(' ');

/** «декабрь 2026», «4 квартал 2026», «2027 год» / «December 2026», «Q4 2026», «2027». */
export function periodInWords(period: PlanPeriod, language: Language): string {
  const [year, month] = period.start.split('-').map(Number) as [number, number];
  if (period.kind === 'year') return language === 'ru' ? `${year} год` : String(year);
  if (period.kind === 'quarter') {
    const quarter = Math.floor((month - 1) / 3) + 1;
    return language === 'ru' ? `${quarter} квартал ${year}` : `Q${quarter} ${year}`;
  }
  return language === 'ru' ? `${MONTHS_RU[month - 1]} ${year}` : `${MONTHS_EN[month - 1]} ${year}`;
}
