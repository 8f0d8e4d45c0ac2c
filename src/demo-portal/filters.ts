// Filtering, ordering, field selection and paging the way the portal's list methods do them.

import { looksLikeDateTime, momentOf } from './dates.ts';
import { RestError } from './rest-error.ts';

export type Row = Record<string, unknown>;

export const PAGE_SIZE = 50;

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

export interface Condition {
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
}

export function parseFilter(filter: unknown, shape: ListShape): Condition[] {
  if (filter === undefined || filter === null || filter === '') return [];
  if (typeof filter !== 'object' || Array.isArray(filter)) return [];
  const conditions: Condition[] = [];
  for (const [rawKey, value] of Object.entries(filter as Row)) {
    const found = prefixes.find(([prefix]) => rawKey.startsWith(prefix));
    const key = found ? rawKey.slice(found[0].length) : rawKey;
    if (key === '' || key === 'LOGIC') continue;
    const field = shape.field ? shape.field(key) : key;
    const operator = found?.[1] ?? 'eq';
    conditions.push({ field, operator, negate: found?.[0] === '!><', value });
  }
  return conditions;
}

const numeric = /^-?\d+(\.\d+)?$/;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Compares a stored value with a filter value: instants for date-times, numbers for numbers, text otherwise. */
function compare(stored: unknown, wanted: unknown, zone: string): number | undefined {
  if (isEmpty(stored) || wanted === undefined || wanted === null) return undefined;
  if (looksLikeDateTime(stored)) {
    const left = momentOf(stored, zone);
    const right = momentOf(wanted, zone);
    if (left === undefined || right === undefined) return undefined;
    return left - right;
  }
  if (typeof stored === 'boolean') {
    const truthy = wanted === true || ['Y', 'y', '1', 'true'].includes(String(wanted));
    return stored === truthy ? 0 : 1;
  }
  const left = String(stored);
  const right = String(wanted);
  if (numeric.test(left) && numeric.test(right)) return Number(left) - Number(right);
  return left.toLocaleLowerCase('ru').localeCompare(right.toLocaleLowerCase('ru'), 'ru');
}

/** A multi-field entry (`{ ID, VALUE_TYPE, VALUE, TYPE_ID }`) is matched by its value. */
const entryValue = (item: unknown): unknown =>
  item !== null && typeof item === 'object' && 'VALUE' in item ? (item as Row).VALUE : item;

function equals(stored: unknown, wanted: unknown, zone: string): boolean {
  if (isEmpty(wanted) && !Array.isArray(wanted)) return isEmpty(stored);
  if (Array.isArray(stored)) return stored.some((item) => equals(entryValue(item), wanted, zone));
  return compare(stored, wanted, zone) === 0;
}

function anyOf(stored: unknown, wanted: unknown, zone: string): boolean {
  const list = Array.isArray(wanted) ? wanted : typeof wanted === 'object' && wanted ? Object.values(wanted) : [wanted];
  return list.some((item) => equals(stored, item, zone));
}

/** SQL LIKE with the caller's own `%` and `_` wildcards, case-insensitive. */
function like(stored: unknown, pattern: unknown): boolean {
  if (Array.isArray(stored)) return stored.some((item) => like(entryValue(item), pattern));
  if (isEmpty(stored)) return false;
  const source = String(pattern)
    .split('')
    .map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'isu').test(String(stored));
}

function contains(stored: unknown, wanted: unknown): boolean {
  if (Array.isArray(stored)) return stored.some((item) => contains(entryValue(item), wanted));
  if (isEmpty(stored)) return false;
  const needle = String(wanted).replaceAll('%', '').toLocaleLowerCase('ru');
  return String(stored).toLocaleLowerCase('ru').includes(needle);
}

export function matches(row: Row, conditions: Condition[], zone: string): boolean {
  return conditions.every(({ field, operator, negate, value }) => {
    const stored = row[field];
    const list = Array.isArray(value) || (typeof value === 'object' && value !== null);
    switch (operator) {
      case 'eq':
      case 'in':
        return list ? anyOf(stored, value, zone) : equals(stored, value, zone);
      case 'ne':
      case 'notIn':
        return list ? !anyOf(stored, value, zone) : !equals(stored, value, zone);
      case 'like':
        return list ? Object.values(value as Row).some((item) => contains(stored, item)) : contains(stored, value);
      case 'notLike':
        return !contains(stored, value);
      case 'pattern':
        return like(stored, value);
      case 'notPattern':
        return !like(stored, value);
      case 'between': {
        const [from, to] = Array.isArray(value) ? value : [];
        const low = compare(stored, from, zone);
        const high = compare(stored, to, zone);
        const inside = low !== undefined && high !== undefined && low >= 0 && high <= 0;
        return negate ? !inside : inside;
      }
      default: {
        const difference = compare(stored, value, zone);
        if (difference === undefined) return false;
        if (operator === 'lt') return difference < 0;
        if (operator === 'le') return difference <= 0;
        if (operator === 'gt') return difference > 0;
        return difference >= 0;
      }
    }
  });
}

/** Orders rows by `{ FIELD: 'ASC' | 'DESC' }`; empty values come first when ascending, as in the portal's SQL. */
export function sortRows(rows: Row[], order: unknown, shape: ListShape, fallback: string): Row[] {
  const keys: [string, number][] = [];
  if (order && typeof order === 'object' && !Array.isArray(order)) {
    for (const [key, direction] of Object.entries(order as Row)) {
      const field = shape.field ? shape.field(key) : key;
      keys.push([field, String(direction).toUpperCase() === 'DESC' ? -1 : 1]);
    }
  }
  if (!keys.some(([field]) => field === fallback)) keys.push([fallback, 1]);
  return [...rows].sort((a, b) => {
    for (const [field, direction] of keys) {
      const left = a[field];
      const right = b[field];
      if (isEmpty(left) && isEmpty(right)) continue;
      if (isEmpty(left)) return -direction;
      if (isEmpty(right)) return direction;
      const difference = compare(left, right, shape.timeZone) ?? 0;
      if (difference !== 0) return difference > 0 ? direction : -direction;
    }
    return 0;
  });
}

/** Keeps the selected fields; `*` and no selection give the entity's default fields. */
export function selectFields(
  row: Row,
  select: unknown,
  shape: ListShape & { defaults?: (key: string) => boolean },
): Row {
  const wanted = Array.isArray(select) ? select.map(String) : [];
  const all = wanted.length === 0 || wanted.includes('*');
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (all && (shape.defaults ? shape.defaults(key) : true)) out[key] = value;
  }
  for (const key of wanted) {
    if (key === '*') continue;
    const field = shape.field ? shape.field(key) : key;
    if (field in row) out[field] = row[field];
  }
  return out;
}

export interface Page {
  items: Row[];
  total: number;
  next?: number;
}

/** Pages by 50; `start=-1` skips counting: no total, no next. */
export function pageOf(rows: Row[], start: unknown): Page {
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

/** The whole list pipeline: filter, order, page, then select (selection never changes what matches). */
export function listRows(
  rows: Row[],
  request: ListRequest,
  shape: ListShape & { idField: string; defaults?: (key: string) => boolean },
): Page {
  const conditions = parseFilter(request.filter, shape);
  const matching = rows.filter((row) => matches(row, conditions, shape.timeZone));
  const ordered = sortRows(matching, request.order, shape, shape.idField);
  const page = pageOf(ordered, request.start);
  return { ...page, items: page.items.map((row) => selectFields(row, request.select, shape)) };
}
