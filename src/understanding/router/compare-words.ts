// «как мы по сравнению с октябрём», «сравни ноябрь и октябрь», «сколько лидов по сравнению с прошлой неделей»:
// two periods side by side; «динамика продаж»: the last six months, month by month. Every word is accounted for:
// a word this reading does not know leaves the message to the rest of the router (and the model), unless it is a
// name written with a capital letter, which is looked up as the person.
import { DateTime } from 'luxon';
import { letters } from '../../letters.ts';
import type { Period, Query } from '../../vocabulary/query.ts';
import type { Intent } from '../understanding.ts';
import { matchesOf } from './spans.ts';
import type { Message } from './text.ts';
import type { Clock } from './write-drafts.ts';
import { zonedToday } from './zone.ts';

const BETWEEN_WORDS = letters(/[^\p{L}]+/u);

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const words = (pattern: string, flags = 'u') => letters(new RegExp(`${B}(?:${pattern})${E}`, flags));

const COMPARED = words(
  'по\\s+сравнению\\s+с[о]?|в\\s+сравнении\\s+с[о]?|сравни\\p{L}*|сравнени\\p{L}*|против|относительно|vs\\.?|versus|compared\\s+(?:to|with)|compare',
);
const TREND = words('динамик\\p{L}*|тренд\\p{L}*|trend\\p{L}*|dynamics');

// Each month by its Russian and English names; «мае» and «may» are whole words, the rest any of their forms.
const MONTHS = [
  'январ\\p{L}*|january',
  'феврал\\p{L}*|february',
  'март\\p{L}*|march',
  'апрел\\p{L}*|april',
  'ма[йяе]м?|may',
  'июн\\p{L}*|june',
  'июл\\p{L}*|july',
  'август\\p{L}*|august',
  'сентябр\\p{L}*|september',
  'октябр\\p{L}*|october',
  'ноябр\\p{L}*|november',
  'декабр\\p{L}*|december',
].map((pattern) => letters(new RegExp(`^(?:${pattern})$`, 'u')));
const MONTH = words(`(${MONTHS.map((month) => month.source.slice(4, -2)).join('|')})`, 'gu');
const UNIT = words(
  '(позапрошл\\p{L}*|прошл\\p{L}*|предыдущ\\p{L}*|эт\\p{L}*|текущ\\p{L}*|last|previous|this)\\s+(недел\\p{L}*|месяц\\p{L}*|квартал\\p{L}*|год\\p{L}*|week|month|quarter|year)',
  'gu',
);
const DAY = words('(вчера\\p{L}*|сегодня\\p{L}*|позавчера\\p{L}*|yesterday|today)', 'gu');

/** What is counted: leads, tasks done, new deals, or money (the default: «как мы»). */
const SUBJECTS: [RegExp, Query][] = [
  [
    words('лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|заявк\\p{L}*|заявок|leads?'),
    { subject: 'leads', measure: 'count' },
  ],
  [words('задач\\p{L}*|tasks?'), { subject: 'tasks', status: 'done', measure: 'count' }],
  [words('сделк\\p{L}*|сделок|deals?'), { subject: 'deals', measure: 'count' }],
];
const MONEY: Query = { subject: 'deals', status: 'won', measure: 'sum' };

/** Words a comparison may hold besides its periods and subject. */
const KNOWN = words(
  [
    'как|мы|у|нас|наш\\p{L}*|а|и|с|со|по|в|во|за|на|чем|ли|дела|идут|сколько|какая|какой|каков\\p{L}*|был\\p{L}*|есть',
    'покажи|дай|скажи|пожалуйста|слушай|ну|тогда|было|стало|что|новых|новые|пришло|пришли|закрыли|сделали',
    'выполнили|закрыто|сделано|выручк\\p{L}*|продаж\\p{L}*|продал\\p{L}*|деньг\\p{L}*|денег|заработ\\p{L}*|доход\\p{L}*',
    'оборот\\p{L}*|мои|мой|моя|моих|месяц\\p{L}*|недел\\p{L}*|квартал\\p{L}*|год\\p{L}*|сравнить|how|are|we|doing',
    'show|me|my|our|the|what|is|was|and|of|in|for|sales|revenue|money|earned|new|done|closed|to|with|month|week',
    // «на этой неделе по сравнению с прошлой»: the kind of period is the one named before.
    'прошл\\p{L}*|предыдущ\\p{L}*|last|previous',
  ].join('|'),
  'gu',
);
const MINE = words('мои|мой|моя|моих|my');
const ELLIPTIC_BEFORE = words(
  '(?:с|со|и|than|to|with)\\s+(?:прошл\\p{L}*|предыдущ\\p{L}*|last|previous)(?!\\s+\\p{L})',
);

const iso = (day: DateTime) => day.toISODate() ?? '';
const whole = (start: DateTime, unit: 'week' | 'month' | 'quarter' | 'year', today: DateTime): Period => {
  const end = start.endOf(unit).startOf('day');
  return { from: iso(start), to: iso(end < today ? end : today) };
};

/** The periods the message names, in its order. */
type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

function periodsIn(light: string, today: DateTime): { at: number; period: Period; unit: Unit }[] {
  const found: { at: number; period: Period; unit: Unit }[] = [];
  for (const match of matchesOf(light, MONTH)) {
    const index = MONTHS.findIndex((month) => month.test(match[1]!));
    let start = today.set({ month: index + 1 }).startOf('month');
    if (start > today) start = start.minus({ years: 1 });
    found.push({ at: match.index, period: whole(start, 'month', today), unit: 'month' });
  }
  for (const match of matchesOf(light, UNIT)) {
    const unit = (['week', 'month', 'quarter', 'year'] as const).find((one, i) =>
      letters(new RegExp(`^(?:${['недел', 'месяц', 'квартал', 'год'][i]}|${one})`, 'u')).test(match[2]!),
    )!;
    const back = /^позапрошл/u.test(match[1]!) ? 2 : /^(?:прошл|предыдущ|last|previous)/u.test(match[1]!) ? 1 : 0;
    found.push({ at: match.index, period: whole(today.startOf(unit).minus({ [unit]: back }), unit, today), unit });
  }
  for (const match of matchesOf(light, DAY)) {
    const back = /^(?:позавчера)/u.test(match[1]!) ? 2 : /^(?:вчера|yesterday)/u.test(match[1]!) ? 1 : 0;
    const day = iso(today.minus({ days: back }));
    found.push({ at: match.index, period: { from: day, to: day }, unit: 'day' });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** The words left when everything known is taken out; written with a capital letter, they may be a person. */
function leftover(message: Message): string[] | undefined {
  const rest = message.light
    .replace(COMPARED, ' ')
    .replace(TREND, ' ')
    .replace(MONTH, ' ')
    .replace(UNIT, ' ')
    .replace(DAY, ' ')
    .replace(KNOWN, ' ');
  const left = SUBJECTS.reduce((text, [pattern]) => text.replace(letters(new RegExp(pattern, 'gu')), ' '), rest)
    .split(BETWEEN_WORDS)
    .filter(Boolean);
  if (left.length === 0) return [];
  // A name keeps its capital in what the director wrote.
  const plain = (word: string) => word.toLocaleLowerCase('ru').replaceAll('ё', 'е');
  const raw = message.raw.split(BETWEEN_WORDS);
  const names = left.map((word) => raw.find((one) => plain(one) === plain(word)));
  return names.every((name) => name && /^\p{Lu}/u.test(name)) ? (names as string[]) : undefined;
}

const trendQuery = (subject: Query, today: DateTime): Query => {
  const period = { from: iso(today.startOf('month').minus({ months: 5 })), to: iso(today) };
  if (subject.subject === 'tasks')
    return { subject: 'tasks', status: 'done', groupBy: 'month', person: 'team', period };
  if (subject.subject === 'leads') return { subject: 'leads', groupBy: 'month', period };
  return { ...subject, groupBy: 'month', period };
};

/** A comparison of two periods, or a trend by month; undefined when the message is neither. */
export function comparisonIntent(message: Message, clock: Clock): Intent | undefined {
  const compared = COMPARED.test(message.light);
  const trend = !compared && TREND.test(message.light);
  if (!compared && !trend) return undefined;
  const names = leftover(message);
  if (!names || names.length > 2) return undefined;
  const today = zonedToday(clock.now, clock.timeZone);
  const subject = SUBJECTS.find(([pattern]) => pattern.test(message.light))?.[1] ?? MONEY;
  const person = names.length ? names.join(' ') : MINE.test(message.light) ? 'me' : undefined;
  if (trend)
    return {
      kind: 'view',
      request: { scenario: 'query', query: { ...trendQuery(subject, today), ...(person ? { person } : {}) } },
    };
  const periods = periodsIn(message.light, today);
  if (periods.length === 0 || periods.length > 2) return undefined;
  const [first, second] = periods;
  const query: Query = { ...subject, ...(person ? { person } : {}) };
  if (second) return view({ ...query, period: first!.period, compare: second.period });
  // One period named: compared with the running one, or (when it is the running one) with the one before.
  const running = first!.period.to === iso(today);
  if (!running && !ELLIPTIC_BEFORE.test(message.light)) return view({ ...query, compare: first!.period });
  return view({ ...query, period: first!.period, compare: before(first!.period, first!.unit) });
}

const view = (query: Query): Intent => ({ kind: 'view', request: { scenario: 'query', query } });

/** The whole period of the same kind just before: the previous month for this month so far. */
function before(period: Period, unit: Unit): Period {
  const start = DateTime.fromISO(period.from).minus({ [unit]: 1 });
  return { from: iso(start), to: iso(start.endOf(unit).startOf('day')) };
}
