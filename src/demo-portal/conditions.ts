// A list filter's conditions the way the portal reads them: `>=DATE_CREATE`, `!@ID`, `%TITLE` …, each made ready once
// for every row.
import { remembered } from '../remembered.ts';
import { looksLikeDateTime } from './dates.ts';
import type { ListShape, Row } from './filters.ts';
import { compare, isEmpty, matchTexts, type Operand, operandOf } from './operand.ts';

export type Operator =
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
  /** The filter's own key, prefix and all. */
  key: string;
  /** The row's own key (after the entity's name mapping). */
  field: string;
  operator: Operator;
  negate: boolean;
  value: unknown;
}

const likeOperators: Partial<Record<Operator, Operator>> = {
  like: 'eq',
  pattern: 'eq',
  notLike: 'ne',
  notPattern: 'ne',
};

/** A filter key's operator and field: `>=DATE_CREATE` is `ge` on DATE_CREATE. A bot asks the same keys every time. */
const filterKey = remembered((rawKey: string) => {
  const found = prefixes.find(([prefix]) => rawKey.startsWith(prefix));
  return {
    key: found ? rawKey.slice(found[0].length) : rawKey,
    asked: found?.[1] ?? ('eq' as Operator),
    negate: found?.[0] === '!><',
  };
}, 1_000);

export function parseFilter(filter: unknown, shape: ListShape): Condition[] {
  if (filter === undefined || filter === null || filter === '') return [];
  if (typeof filter !== 'object' || Array.isArray(filter)) return [];
  const conditions: Condition[] = [];
  for (const [rawKey, value] of Object.entries(filter as Row)) {
    const { key, asked, negate } = filterKey(rawKey);
    if (key === '' || key === 'LOGIC') continue;
    const field = shape.field ? shape.field(key) : key;
    const operator = shape.noLike?.has(field) ? (likeOperators[asked] ?? asked) : asked;
    conditions.push({ key: rawKey, field, operator, negate, value });
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

type ValueTest = (stored: unknown) => boolean;
type OperandTest = (stored: Operand) => boolean;
type MomentTest = (stored: number) => boolean;

/** Whether a difference (stored less wanted) passes a comparison; NaN, no order between the two, passes none. */
const passes: Partial<Record<Operator, (difference: number) => boolean>> = {
  lt: (difference) => difference < 0,
  le: (difference) => difference <= 0,
  gt: (difference) => difference > 0,
  ge: (difference) => difference >= 0,
};

/** Whether a condition compares (`<`, `>=`, `><` …): its outcome for a record is decided by its value's order. */
export const isComparison = ({ operator }: Condition): boolean => operator === 'between' || operator in passes;

/** A comparison (`<`, `>=`, `><` …) made ready for values already read as operands; undefined for other operators. */
export function comparisonOf({ operator, negate, value }: Condition, zone: string): OperandTest | undefined {
  if (operator === 'between') {
    const [from, to] = (Array.isArray(value) ? value : []).map((item) => operandOf(item, zone));
    const low = from ?? operandOf(undefined, zone);
    const high = to ?? operandOf(undefined, zone);
    return (stored) => {
      const above = compare(stored, low);
      const below = compare(stored, high);
      const inside = above !== undefined && below !== undefined && above >= 0 && below <= 0;
      return negate ? !inside : inside;
    };
  }
  const pass = passes[operator];
  if (!pass) return undefined;
  const wanted = operandOf(value, zone);
  return (stored) => pass(compare(stored, wanted) ?? Number.NaN);
}

/**
 * A comparison made ready for stored values that are date-times read as moments: `compare` then subtracts the two
 * moments, or gives nothing when the wanted value has none. Undefined for other operators.
 */
export function momentComparisonOf({ operator, negate, value }: Condition, zone: string): MomentTest | undefined {
  const momentOf = (wanted: unknown) =>
    wanted === undefined || wanted === null ? undefined : operandOf(wanted, zone).moment;
  if (operator === 'between') {
    const [from, to] = (Array.isArray(value) ? value : []).map(momentOf);
    if (from === undefined || to === undefined) return () => negate;
    return (stored) => (stored - from >= 0 && stored - to <= 0) !== negate;
  }
  const pass = passes[operator];
  if (!pass) return undefined;
  const wanted = momentOf(value);
  return wanted === undefined ? () => false : (stored) => pass(stored - wanted);
}

/** One condition made ready for every row: its wanted values are read once, not once a row. */
export function testOf(condition: Condition, zone: string): ValueTest {
  const { operator, value } = condition;
  const list = Array.isArray(value) || (typeof value === 'object' && value !== null);
  switch (operator) {
    case 'eq':
    case 'in':
    case 'ne':
    case 'notIn': {
      const wanted = list ? listOf(value).map((item) => operandOf(item, zone)) : [operandOf(value, zone)];
      const positive = operator === 'eq' || operator === 'in';
      return (stored) => wanted.some((item) => equals(stored, item)) === positive;
    }
    case 'like': {
      const needles = (list ? Object.values(value as Row) : [value]).map(needleOf);
      return (stored) => needles.some((needle) => contains(stored, needle));
    }
    case 'notLike': {
      const needle = needleOf(value);
      return (stored) => !contains(stored, needle);
    }
    case 'pattern':
    case 'notPattern': {
      const pattern = patternOf(value);
      const positive = operator === 'pattern';
      return (stored) => like(stored, pattern) === positive;
    }
    default: {
      const comparison = comparisonOf(condition, zone)!;
      return (stored) => comparison(operandOf(stored, zone));
    }
  }
}

/** The filter as one test for every row: a row passes when it meets every condition. */
export function compileFilter(conditions: Condition[], zone: string): (row: Row) => boolean {
  const fields = conditions.map((condition) => condition.field);
  const tests = conditions.map((condition) => testOf(condition, zone));
  return (row) => {
    for (let index = 0; index < tests.length; index++) if (!tests[index]!(row[fields[index]!])) return false;
    return true;
  };
}
