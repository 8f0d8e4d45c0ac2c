// Filtering, ordering, field selection and paging the way the portal's list methods do them.

import { looksLikeDateTime } from './dates.ts';
import { fieldSelection } from './field-selection.ts';
import { compare, isEmpty, matchTexts, type Operand, operandOf } from './operand.ts';
import { RestError } from './rest-error.ts';

export type Row = Record<string, unknown>;

const PAGE_SIZE = 50;

type Operator =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'like'
  | 'notLike'
  | 'pattern'
  | 'notPattern'
  | 'in'
  | 'notIn'
  | 'between';

// Longest first: `!=%` must not be read as `!=` followed by a field named `%…`.
const prefixes: [string, Operator][] = [
  ['!=%', 'notPattern'],
  ['!%=', 'notPattern'],
  ['!><', 'between'],
  ['=%', 'pattern'],
  ['%=', 'pattern'],
  ['><', 'between'],
  ['>=', 'ge'],
  ['<=', 'le'],
  ['!=', 'ne'],
  ['!%', 'notLike'],
  ['!@', 'notIn'],
  ['>', 'gt'],
  ['<', 'lt'],
  ['=', 'eq'],
  ['!', 'ne'],
  ['%', 'like'],
  ['@', 'in'],
];

interface Condition {
  /** The filter's own key, prefix and all. */
  key: string;
  /** The row's own key (after the entity's name mapping). */
  field: string;
  operator: Operator;
  negate: boolean;
  value: unknown;
}

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

const likeOperators: Partial<Record<Operator, Operator>> = {
  like: 'eq',
  pattern: 'eq',
  notLike: 'ne',
  notPattern: 'ne',
};

function parseFilter(filter: unknown, shape: ListShape): Condition[] {
  if (filter === undefined || filter === null || filter === '') return [];
  if (typeof filter !== 'object' || Array.isArray(filter)) return [];
  const conditions: Condition[] = [];
  for (const [rawKey, value] of Object.entries(filter as Row)) {
    const found = prefixes.find(([prefix]) => rawKey.startsWith(prefix));
    const key = found ? rawKey.slice(found[0].length) : rawKey;
    if (key === '' || key === 'LOGIC') continue;
    const field = shape.field ? shape.field(key) : key;
    const asked = found?.[1] ?? 'eq';
    const operator = shape.noLike?.has(field) ? (likeOperators[asked] ?? asked) : asked;
    conditions.push({ key: rawKey, field, operator, negate: found?.[0] === '!><', value });
  }
  return conditions;
}

/** A multi-field entry (`{ ID, VALUE_TYPE, VALUE, TYPE_ID }`) is matched by its value. */
const entryValue = (item: unknown): unknown =>
  item !== null && typeof item === 'object' && 'VALUE' in item ? (item as Row).VALUE : item;

function equals(stored: unknown, wanted: Operand): boolean {
  if (wanted.empty && !Array.isArray(wanted.raw)) return isEmpty(stored);
  if (Array.isArray(stored)) return stored.some((item) => equals(entryValue(item), wanted));
  // The same text is equal by any reading but the date-time one (an impossible date equals nothing).
  if (typeof stored === 'string' && stored !== '' && stored === wanted.text && !looksLikeDateTime(stored)) return true;
  return compare(operandOf(stored, wanted.zone), wanted, matchTexts) === 0;
}

const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'object' && value ? Object.values(value) : [value];

/** SQL LIKE with the caller's own `%` and `_` wildcards, case-insensitive. */
function patternOf(pattern: unknown): RegExp {
  const source = String(pattern)
    .split('')
    .map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'isu');
}

function like(stored: unknown, pattern: RegExp): boolean {
  if (Array.isArray(stored)) return stored.some((item) => like(entryValue(item), pattern));
  if (isEmpty(stored)) return false;
  return pattern.test(String(stored));
}

const needleOf = (wanted: unknown): string => String(wanted).replaceAll('%', '').toLocaleLowerCase('ru');

function contains(stored: unknown, needle: string): boolean {
  if (Array.isArray(stored)) return stored.some((item) => contains(entryValue(item), needle));
  if (isEmpty(stored)) return false;
  return String(stored).toLocaleLowerCase('ru').includes(needle);
}

type RowTest = (row: Row) => boolean;

/** One condition made ready for every row: its wanted values are read once, not once a row. */
function testOf({ field, operator, negate, value }: Condition, zone: string): RowTest {
  const list = Array.isArray(value) || (typeof value === 'object' && value !== null);
  const operand = (item: unknown) => operandOf(item, zone);
  switch (operator) {
    case 'eq':
    case 'in':
    case 'ne':
    case 'notIn': {
      const wanted = list ? listOf(value).map(operand) : [operand(value)];
      const positive = operator === 'eq' || operator === 'in';
      return (row) => wanted.some((item) => equals(row[field], item)) === positive;
    }
    case 'like': {
      const needles = (list ? Object.values(value as Row) : [value]).map(needleOf);
      return (row) => needles.some((needle) => contains(row[field], needle));
    }
    case 'notLike': {
      const needle = needleOf(value);
      return (row) => !contains(row[field], needle);
    }
    case 'pattern':
    case 'notPattern': {
      const pattern = patternOf(value);
      const positive = operator === 'pattern';
      return (row) => like(row[field], pattern) === positive;
    }
    case 'between': {
      const [from, to] = (Array.isArray(value) ? value : []).map(operand);
      const low = from ?? operand(undefined);
      const high = to ?? operand(undefined);
      return (row) => {
        const stored = operand(row[field]);
        const above = compare(stored, low);
        const below = compare(stored, high);
        const inside = above !== undefined && below !== undefined && above >= 0 && below <= 0;
        return negate ? !inside : inside;
      };
    }
    default: {
      const wanted = operand(value);
      return (row) => {
        const difference = compare(operand(row[field]), wanted);
        if (difference === undefined) return false;
        if (operator === 'lt') return difference < 0;
        if (operator === 'le') return difference <= 0;
        if (operator === 'gt') return difference > 0;
        return difference >= 0;
      };
    }
  }
}

/** The filter as one test for every row: a row passes when it meets every condition. */
function compileFilter(conditions: Condition[], zone: string): RowTest {
  const tests = conditions.map((condition) => testOf(condition, zone));
  return (row) => {
    for (const test of tests) if (!test(row)) return false;
    return true;
  };
}

/** Orders rows by `{ FIELD: 'ASC' | 'DESC' }`; empty values come first when ascending, as in the portal's SQL. */
function sortRows(rows: Row[], order: unknown, shape: ListShape, fallback: string): Row[] {
  const keys: [string, number][] = [];
  if (order && typeof order === 'object' && !Array.isArray(order)) {
    for (const [key, direction] of Object.entries(order as Row)) {
      const field = shape.field ? shape.field(key) : key;
      keys.push([field, String(direction).toUpperCase() === 'DESC' ? -1 : 1]);
    }
  }
  if (!keys.some(([field]) => field === fallback)) keys.push([fallback, 1]);
  // Each row's sort values are read once, not once a comparison.
  const sortable = rows.map((row) => ({ row, values: keys.map(([field]) => operandOf(row[field], shape.timeZone)) }));
  sortable.sort((a, b) => {
    for (let index = 0; index < keys.length; index++) {
      const direction = keys[index]![1];
      const left = a.values[index]!;
      const right = b.values[index]!;
      if (left.empty && right.empty) continue;
      if (left.empty) return -direction;
      if (right.empty) return direction;
      const difference = compare(left, right) ?? 0;
      if (difference !== 0) return difference > 0 ? direction : -direction;
    }
    return 0;
  });
  return sortable.map(({ row }) => row);
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

/**
 * Lists already filtered and ordered, by query. The pages of one list asked within one request (a batch of 50
 * pages) then cost one pass over the records; whoever owns it forgets them before anything may change a record.
 */
export type ListMemo = Map<string, Row[]>;

const windowOperators = new Set<Operator>(['gt', 'ge', 'lt', 'le']);

/**
 * The whole list pipeline: filter, order, page, then select (selection never changes what matches). With a memo,
 * the list of `name` under the same filter and order is filtered and ordered once; ID windows (`>ID`, the way long
 * lists page) are cut from that list, since they leave its order as it is.
 */
export function listRows(
  rows: Row[] | (() => Row[]),
  request: ListRequest,
  shape: ListShape & { idField: string; defaults?: (key: string) => boolean },
  memo?: { lists: ListMemo; name: string },
): Page {
  const conditions = parseFilter(request.filter, shape);
  const isWindow = (condition: Condition) =>
    memo !== undefined && condition.field === shape.idField && windowOperators.has(condition.operator);
  const query = conditions.filter((condition) => !isWindow(condition));
  const window = conditions.filter(isWindow);
  const order = () => {
    const stored = typeof rows === 'function' ? rows() : rows;
    const source = shape.show && readsDerived(query, request.order, shape) ? stored.map(shape.show.row) : stored;
    const matching = source.filter(compileFilter(query, shape.timeZone));
    return sortRows(matching, request.order, shape, shape.idField);
  };
  let ordered: Row[];
  if (memo) {
    const key = `${memo.name}|${JSON.stringify(query.map(({ key, value }) => [key, value]))}|${JSON.stringify(request.order ?? null)}`;
    ordered = memo.lists.get(key) ?? order();
    memo.lists.set(key, ordered);
  } else {
    ordered = order();
  }
  const windowed = window.length === 0 ? ordered : ordered.filter(compileFilter(window, shape.timeZone));
  const page = pageOf(windowed, request.start);
  const select = fieldSelection(request.select, shape);
  const show = shape.show?.row;
  // Showing a shown row again changes nothing, so the page is shown whichever rows were filtered.
  return { ...page, items: page.items.map(show ? (row) => select(show(row)) : select) };
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
