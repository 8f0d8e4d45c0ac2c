// A list's matching records in its order, worked out on their positions among the records. With a memo, an equality
// is looked up in the request's index of its field, and the comparisons and the order read each field's operands
// kept for the records (ListMemo.column) instead of reading every row's value again.
import type { Column } from './column.ts';
import { type Condition, comparisonOf, momentComparisonOf, type Operator, testOf } from './conditions.ts';
import type { ListShape, Row } from './filters.ts';
import type { ListMemo } from './list-memo.ts';
import { compare, type Operand, operandOf } from './operand.ts';

export type Memo = { lists: ListMemo; name: string };

/** One field of the record at a position, read as an operand. */
type OperandAt = (position: number) => Operand;

const equalities = new Set<Operator>(['eq', 'in', 'ne', 'notIn']);

/** The rows of `stored` (or those rows shown, when `shown`) that meet every condition, in the list's order. */
export function orderedRows(
  stored: Row[],
  query: Condition[],
  order: unknown,
  shape: ListShape & { idField: string },
  shown: boolean,
  memo?: Memo,
): Row[] {
  const source = shape.show && shown ? stored.map(shape.show.row) : stored;
  // A shown field is worked out from the clock: only the shown rows have it right.
  const columnOf = (field: string) =>
    memo && !shape.show?.derived.has(field) ? memo.lists.column(memo.name, stored, field, shape.timeZone) : undefined;
  const operandsOf = (field: string): OperandAt => {
    const operands = columnOf(field)?.operands;
    return operands
      ? (position) => operands[position]!
      : (position) => operandOf(source[position]![field], shape.timeZone);
  };
  const positions = matchingPositions(source, query, shape, columnOf, memo);
  return sortedPositions(positions, order, shape, operandsOf).map((position) => source[position]!);
}

/** The positions of the rows that meet every condition, in the records' order. */
function matchingPositions(
  source: Row[],
  query: Condition[],
  shape: ListShape,
  columnOf: (field: string) => Column | undefined,
  memo?: Memo,
): number[] {
  const zone = shape.timeZone;
  const indexed = memo
    ? query.find(({ operator, field }) => equalities.has(operator) && !shape.show?.derived.has(field))
    : undefined;
  const candidates = memo && indexed ? memo.lists.matching(columnOf(indexed.field)!, testOf(indexed, zone)) : undefined;
  const tests = query
    .filter((condition) => condition !== indexed)
    .map((condition) => positionTest(condition, source, zone, columnOf(condition.field)));
  const matching: number[] = [];
  const count = candidates ? candidates.length : source.length;
  for (let at = 0; at < count; at++) {
    const position = candidates ? candidates[at]! : at;
    let passes = true;
    for (let index = 0; passes && index < tests.length; index++) passes = tests[index]!(position);
    if (passes) matching.push(position);
  }
  return matching;
}

/**
 * A condition tested on the row at a position. With the field's column, a comparison reads the kept operand, or the
 * plain moment of a date-time; any other condition reads the row's value.
 */
function positionTest(
  condition: Condition,
  source: Row[],
  zone: string,
  column: Column | undefined,
): (position: number) => boolean {
  const { field } = condition;
  const comparison = comparisonOf(condition, zone);
  if (!comparison) {
    const test = testOf(condition, zone);
    return (position) => test(source[position]![field]);
  }
  if (!column) return (position) => comparison(operandOf(source[position]![field], zone));
  const byMoment = momentComparisonOf(condition, zone)!;
  const { operands, moments } = column;
  return (position) => {
    const moment = moments[position]!;
    return Number.isNaN(moment) ? comparison(operands[position]!) : byMoment(moment);
  };
}

/** Orders by `{ FIELD: 'ASC' | 'DESC' }`, then by id; empty values come first when ascending, as in the portal's SQL. */
function sortedPositions(
  positions: number[],
  order: unknown,
  shape: ListShape & { idField: string },
  operandsOf: (field: string) => OperandAt,
): number[] {
  const keys: [string, number][] = [];
  if (order && typeof order === 'object' && !Array.isArray(order)) {
    for (const [key, direction] of Object.entries(order as Row)) {
      const field = shape.field ? shape.field(key) : key;
      keys.push([field, String(direction).toUpperCase() === 'DESC' ? -1 : 1]);
    }
  }
  if (!keys.some(([field]) => field === shape.idField)) keys.push([shape.idField, 1]);
  const readers = keys.map(([field]) => operandsOf(field));
  // Each row's sort values are read once, not once a comparison.
  const sortable = positions.map((position) => ({ position, values: readers.map((read) => read(position)) }));
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
  return sortable.map(({ position }) => position);
}
