// Two periods side by side: the header says what is counted, whose and which periods; one line per period and the
// change, with money per currency (never added across currencies).
import { DateTime } from 'luxon';
import { money, moneyTotals } from '../../views/format.ts';
import { hintLine, type Page } from '../../views/lines.ts';
import {
  AGAINST,
  COMPARED_TITLE,
  COMPARISON_HINT,
  LESS_BY,
  MORE_BY,
  nothingToCompare,
  stillRunning,
  THE_SAME,
  WHOLE_COMPANY,
  YOURS,
} from '../../views/messages-abilities.ts';
import { count, type NounName } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { Period } from '../../vocabulary/query.ts';
import type { Amount, ComparedPeriod, ViewModel } from '../../vocabulary/view-models.ts';
import { periodWords, whose } from './query-view.ts';

type ComparisonView = Extract<ViewModel, { view: 'comparison' }>;

const NOUN: Record<ComparisonView['measure'], NounName> = {
  earned: 'deal',
  deals: 'deal',
  leads: 'lead',
  tasksDone: 'task',
};

/** «ноябрь», «IV квартал», «с 1 по 25 ноября»: the period's own words, without «за». */
const periodName = (period: Period, today: string, language: Language) =>
  periodWords(period, today, language).replace(/^(?:за|in)\s+/u, '');

const capital = (text: string) => text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);

function changeLine(now: number, before: number, shown: string, language: Language): string {
  if (now === before) return THE_SAME[language];
  const percent =
    before > 0 ? ` (${now > before ? '+' : '−'}${Math.round((Math.abs(now - before) / before) * 100)}%)` : '';
  return `${(now > before ? MORE_BY : LESS_BY)[language]} ${shown}${percent}`;
}

/** The change per currency, each against its own sum before. */
function moneyChanges(now: Amount[], before: Amount[], language: Language): string[] {
  const currencies = [...new Set([...now, ...before].map((sum) => sum.currency))];
  if (currencies.length === 0) return [THE_SAME[language]];
  return currencies.map((currency) => {
    const a = now.find((sum) => sum.currency === currency)?.amount ?? 0;
    const b = before.find((sum) => sum.currency === currency)?.amount ?? 0;
    return changeLine(a, b, money(Math.abs(a - b), currency, language), language);
  });
}

function sideLine(view: ComparisonView, side: ComparedPeriod, language: Language): string {
  const name = capital(periodName(side.period, view.at.today, language));
  const n = count(side.count, NOUN[view.measure], language);
  if (view.measure !== 'earned') return `• ${name}: ${n}`;
  const sum = side.sums.length ? moneyTotals(side.sums, language) : money(0, 'RUB', language);
  return `• ${name}: ${sum} — ${n}`;
}

/** «Ноябрь ещё идёт: прошло 25 из 30 дней», «2026 год ещё идёт: прошло 341 день из 365», when the period runs on. */
function runningLine(view: ComparisonView, language: Language): string | undefined {
  const { period } = view.periods[0];
  if (period.to !== view.at.today) return undefined;
  const from = DateTime.fromISO(period.from);
  const unit = (['year', 'quarter', 'month', 'week'] as const).find((one) => +from === +from.startOf(one));
  if (!unit) return undefined;
  const end = from.endOf(unit).startOf('day');
  if (+end === +DateTime.fromISO(view.at.today)) return undefined;
  const gone = Math.round(DateTime.fromISO(view.at.today).diff(from, 'days').days) + 1;
  const days = Math.round(end.diff(from, 'days').days) + 1;
  const name = capital(periodName(period, view.at.today, language));
  return stillRunning(name, count(gone, 'day', language), days)[language];
}

/** The change, or, when the period compared with has nothing at all, that there is nothing to compare with. */
function changeLines(view: ComparisonView, language: Language): string[] {
  const [now, before] = view.periods;
  if (before.count === 0 && now.count > 0)
    return [
      nothingToCompare(periodName(before.period, view.at.today, language), count(0, NOUN[view.measure], language))[
        language
      ],
    ];
  return view.measure === 'earned'
    ? moneyChanges(now.sums, before.sums, language)
    : [changeLine(now.count, before.count, String(Math.abs(now.count - before.count)), language)];
}

export function renderComparison(view: ComparisonView, language: Language): Page {
  const [now, before] = view.periods;
  const person = view.filters.person;
  const scope = !person
    ? WHOLE_COMPANY[language]
    : person.kind === 'me'
      ? YOURS[language]
      : whose(view.filters, language);
  const names = `${periodName(now.period, view.at.today, language)} ${AGAINST[language]} ${periodName(before.period, view.at.today, language)}`;
  const change = changeLines(view, language);
  const running = runningLine(view, language);
  return {
    lines: [
      `<b>${COMPARED_TITLE[view.measure][language]}${scope}: ${names}</b>`,
      sideLine(view, now, language),
      sideLine(view, before, language),
      ...change,
      ...(running ? [running] : []),
      '',
      hintLine(COMPARISON_HINT[language]),
    ],
  };
}
