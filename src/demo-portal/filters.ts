// Filtering, ordering, field selection and paging the way the portal's list methods do them.

import { type Condition, compileFilter, isComparison, type Operator, parseFilter } from './conditions.ts';
import { type ItemShape, pageItems } from './list-items.ts';
import { type Memo, orderedRows } from './list-order.ts';
import { RestError } from './rest-error.ts';

export type Row = Record<string, unknown>;

const PAGE_SIZE = 50;

export interface ListShape {
  /** Maps a filter/order/select key to the row's key (tasks: `RESPONSIBLE_ID` → `responsibleId`). */
  field?: (key: string) => string;
  timeZone: string;
  /** Fields where LIKE does not work (CRM status, contact and company fields): a `%` there compares whole values. */
  noLike?: ReadonlySet<string>;
  /**
   * How a stored row is shown (a task works out its sub-status from the clock). Only the page's rows are shown, so
   * a list costs no copy of every record; a filter or an order that reads a `derived` field sees shown rows.
   */
  show?: { row: (row: Row) => Row; derived: ReadonlySet<string> };
}

export interface Page {
  items: Row[];
  total: number;
  next?: number;
}

/** Pages by 50; `start=-1` skips counting: no total, no next. */
function pageOf(rows: Row[], start: unknown): Page {
  const offset = start === undefined || start === '' ? 0 : Number(start);
  if (!Number.isFinite(offset)) throw new RestError('INVALID_REQUEST', 'Invalid start value', 400);
  if (offset === -1) return { items: rows.slice(0, PAGE_SIZE), total: 0 };
  const from = Math.max(0, Math.floor(offset));
  const items = rows.slice(from, from + PAGE_SIZE);
  const page: Page = { items, total: rows.length };
  if (from + PAGE_SIZE < rows.length) page.next = from + PAGE_SIZE;
  return page;
}

export interface ListRequest {
  filter?: unknown;
  order?: unknown;
  select?: unknown;
  start?: unknown;
}

const windowOperators = new Set<Operator>(['gt', 'ge', 'lt', 'le']);

/**
 * The whole list pipeline: filter, order, page, then select (selection never changes what matches). With a memo,
 * the list of `name` under the same filter and order is filtered and ordered once a request, and kept for the next
 * ones while the values it read are the same (list-memo.ts); ID windows (`>ID`, the way long lists page) are cut
 * from that list, since they leave its order as it is.
 */
export function listRows(
  rows: Row[] | (() => Row[]),
  request: ListRequest,
  shape: ItemShape & { idField: string },
  memo?: Memo,
): Page {
  const query: Condition[] = [];
  const window: Condition[] = [];
  for (const condition of parseFilter(request.filter, shape)) {
    const isWindow = memo !== undefined && condition.field === shape.idField && windowOperators.has(condition.operator);
    (isWindow ? window : query).push(condition);
  }
  const shown = shape.show !== undefined && readsDerived(query, request.order, shape);
  const ordered = memo
    ? memoOrdered(rows, query, request.order, shape, memo, shown)
    : orderedRows(typeof rows === 'function' ? rows() : rows, query, request.order, shape, shown);
  const windowed = window.length === 0 ? ordered : ordered.filter(compileFilter(window, shape.timeZone));
  const page = pageOf(windowed, request.start);
  return { ...page, items: pageItems(page.items, request.select, shape, memo?.name) };
}

/** The list ordered once a request and kept under its shape: the query but for its comparisons' values. */
function memoOrdered(
  rows: Row[] | (() => Row[]),
  query: Condition[],
  order: unknown,
  shape: ListShape & { idField: string },
  memo: Memo,
  shown: boolean,
): Row[] {
  const records = memo.lists.records(memo.name, rows);
  const zone = shape.timeZone;
  const comparisons = query.filter(isComparison);
  const conditions = query.map((condition) =>
    isComparison(condition) ? [condition.key] : [condition.key, condition.value],
  );
  const kept = `${memo.name}|${zone}|${JSON.stringify(conditions)}|${JSON.stringify(order ?? null)}`;
  const key = `${kept}|${JSON.stringify(comparisons.map(({ value }) => value))}`;
  // A list that reads shown rows depends on the clock: it is worked out anew each request.
  const fields = shown ? undefined : fieldsRead(query, order, shape);
  return memo.lists.list(key, { name: memo.name, records, fields, zone, shape: kept, comparisons }, () =>
    orderedRows(records, query, order, shape, shown, memo),
  );
}

/** The fields of a row that the filter and the order read. */
function fieldsRead(query: Condition[], order: unknown, shape: ListShape & { idField: string }): string[] {
  const fields = new Set(query.map(({ field }) => field));
  for (const key of Object.keys(order && typeof order === 'object' && !Array.isArray(order) ? order : {})) {
    fields.add(shape.field ? shape.field(key) : key);
  }
  fields.add(shape.idField);
  return [...fields];
}

/** Whether the filter or the order reads a field that only a shown row has right. */
function readsDerived(conditions: Condition[], order: unknown, shape: ListShape): boolean {
  const derived = shape.show?.derived;
  if (!derived) return false;
  const ordered = Object.keys(order && typeof order === 'object' ? order : {});
  return (
    conditions.some(({ field }) => derived.has(field)) ||
    ordered.some((key) => derived.has(shape.field ? shape.field(key) : key))
  );
}
