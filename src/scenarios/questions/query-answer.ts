// What every part of a typed question's answer shares: the question being run, its window and page, and the
// counting of items by person, name, week or month.
import { DateTime } from 'luxon';
import type { Params } from '../../portal/port.ts';
import { periodWindow, type Query, type QueryGroup } from '../../vocabulary/query.ts';
import type { GroupRow, QueryFilters, QueryResult } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { toDirectorTime } from '../schedule/day-window.ts';
import type { Client, Who } from './query-who.ts';
import { aboutTopic } from './topics.ts';

export interface Run {
  context: ScenarioContext;
  query: Query;
  who: Who | undefined;
  /** The clients asked about: none, one, or several («Альфы и Беты»). */
  clients: Client[];
  filters: QueryFilters;
  offset: number;
  limit: number;
}

export interface DealFilter {
  params: Params;
  stageIds?: string[];
}

export type Answer = { result: QueryResult; total: number };

export const window = (run: Run) =>
  run.query.period ? periodWindow(run.query.period, run.context.director.timeZone) : undefined;
export const part = <T>(items: T[], run: Run) => items.slice(run.offset, run.offset + run.limit);

/**
 * Items counted by the person responsible or by a name (a source, a status), the most first, or by the week or
 * month of their date, in order: «у кого просрочки», «кто больше всех звонил», «задачи по неделям».
 */
export function countRows<T>(
  items: T[],
  by: QueryGroup,
  zone: string,
  of: (item: T) => { person?: { id: number; name: string }; date?: string; name?: string },
): GroupRow[] {
  const groups = new Map<string, GroupRow>();
  for (const item of items) {
    const { person, date, name } = of(item);
    // Without a date (a task with no deadline): the key is empty, and the row comes last.
    const key =
      by === 'week' || by === 'month'
        ? (DateTime.fromISO(toDirectorTime(date, zone) ?? '', { zone })
            .startOf(by)
            .toISODate() ?? '')
        : by === 'manager'
          ? String(person?.id ?? 0)
          : (name ?? '—');
    const row = groups.get(key) ?? {
      key,
      label: by === 'manager' ? (person?.name ?? '—') : key,
      count: 0,
      sums: [],
      averages: [],
    };
    row.count += 1;
    groups.set(key, row);
  }
  const rows = [...groups.values()];
  if (by === 'week' || by === 'month') return rows.sort((a, b) => (a.key || '~').localeCompare(b.key || '~'));
  return rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'ru'));
}

/** What a record is ordered by: when it was created, its sum (deals), its id breaking ties. */
export interface Ranking<T> {
  id: (item: T) => number;
  created: (item: T) => string | undefined;
  amount?: (item: T) => number;
}

/**
 * «самые крупные», «самые старые», «топ-5»: the records in the order asked for (one without a date last), and only
 * the first `limit`. With no order asked the list keeps its own.
 */
export function ranked<T>(items: T[], query: Query, by: Ranking<T>): T[] {
  const { sort, limit } = query;
  const value =
    sort === 'largest' || sort === 'smallest'
      ? by.amount
      : sort
        ? (item: T) => Date.parse(by.created(item) ?? '')
        : undefined;
  const sign = sort === 'largest' || sort === 'newest' ? -1 : 1;
  const out = value
    ? [...items].sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
        return sign * (x - y) || by.id(a) - by.id(b);
      })
    : items;
  return limit ? out.slice(0, limit) : out;
}

/** «задачи по КП»: the records whose titles are about the topic asked, all when none is asked. */
export const titledAbout =
  <T>(query: Query, titleOf: (item: T) => string | undefined) =>
  (item: T): boolean =>
    !query.topic || aboutTopic(titleOf(item) ?? '', query.topic);
