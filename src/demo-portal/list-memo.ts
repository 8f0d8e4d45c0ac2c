// What a portal's lists share. Within one request: a batch asks the same list page by page, or once per person (the
// team's status asks ~27 task lists). Across requests: a bot asks the same lists every few seconds, and the records
// rarely change between. Nothing is trusted across requests without a check: each field's operands are kept with
// the records they were read from and read again when a record or a value is not the very same (a write, or a test
// changing `data`); a list is given again only while every field it read is still that column.

import { Column } from './column.ts';
import { type Condition, momentComparisonOf } from './conditions.ts';
import type { Row } from './filters.ts';

/** Where each distinct value of one field stands among a list's records, in the records' order. */
type FieldIndex = Map<unknown, number[]>;

// Only the lists and columns asked lately are kept: a bot asks a few dozen, each again and again.
const KEPT = 200;

/** Adds to a map that keeps at most `KEPT` entries, the oldest going first. */
function keep<T>(map: Map<string, T>, key: string, value: T): void {
  if (!map.has(key) && map.size >= KEPT) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** A list's query as kept: its records, the fields it reads, its shape and its comparisons (`>=`, `<`, `><` …). */
export interface KeptQuery {
  name: string;
  records: Row[];
  fields?: string[];
  zone: string;
  shape: string;
  comparisons: Condition[];
}

export class ListMemo {
  /** Lists already filtered and ordered in this request, by query. */
  private readonly ordered = new Map<string, Row[]>();
  /** The records each list reads in this request. */
  private readonly sources = new Map<string, Row[]>();
  /** Each field's operands for a list's records, as checked in this request. */
  private readonly columns = new Map<string, Column>();
  /** Across requests: the operands of each list's field and the records they were read from. */
  private readonly keptColumns = new Map<string, Column>();
  /** Across requests: lists by shape, with their query, its comparisons and the columns they read. */
  private readonly kept = new Map<string, { key: string; comparisons: Condition[]; columns: Column[]; rows: Row[] }>();
  private readonly indexes = new WeakMap<Column, FieldIndex>();

  /** Forgets what this request worked out, before anything may change a record: at each request and each write. */
  clear(): void {
    this.ordered.clear();
    this.sources.clear();
    this.columns.clear();
  }

  /** The records of the list `name` (a user's readable deals …): read once, the same array for the whole request. */
  records(name: string, rows: Row[] | (() => Row[])): Row[] {
    let read = this.sources.get(name);
    if (read === undefined) {
      read = typeof rows === 'function' ? rows() : rows;
      this.sources.set(name, read);
    }
    return read;
  }

  /** The column of `field` for the records of the list `name`, in the records' order. */
  column(name: string, records: Row[], field: string, zone: string): Column {
    const key = `${name}|${field}|${zone}`;
    let column = this.columns.get(key);
    if (column !== undefined) return column;
    const kept = this.keptColumns.get(key);
    column = kept?.holds(records, field) ? kept : Column.read(records, field, zone);
    // A changeable column is read anew each request, and no list is kept by it.
    if (column !== kept && !column.changeable) keep(this.keptColumns, key, column);
    this.columns.set(key, column);
    return column;
  }

  /**
   * The list under `key`, worked out by `order` from the records of the list `name` once a request. Given the
   * `fields` its filter and order read, it is kept under its `shape` (the query but for its comparisons' values), and
   * given again while each of those columns is the same and its comparisons, if they moved, still pass and fail the
   * same records: a bot asks for "two weeks ago" to the millisecond.
   */
  list(key: string, list: KeptQuery, order: () => Row[]): Row[] {
    let rows = this.ordered.get(key);
    if (rows !== undefined) return rows;
    const { name, records, fields, zone, shape, comparisons } = list;
    const columns = fields?.map((field) => this.column(name, records, field, zone));
    const kept = columns && this.kept.get(shape);
    const reusable =
      kept?.columns.every((column, index) => column === columns?.[index]) &&
      (kept.key === key || this.alike(kept.comparisons, list));
    rows = kept && reusable ? kept.rows : order();
    if (columns) keep(this.kept, shape, { key, comparisons, columns, rows });
    this.ordered.set(key, rows);
    return rows;
  }

  /** Whether comparisons that moved pass and fail the same records as before: each column decides. */
  private alike(before: Condition[], { comparisons, name, records, zone }: KeptQuery): boolean {
    return comparisons.every((after, index) => {
      const earlier = before[index]!;
      if (JSON.stringify(earlier.value) === JSON.stringify(after.value)) return true;
      const column = this.column(name, records, after.field, zone);
      return column.decidesAlike(momentComparisonOf(earlier, zone)!, momentComparisonOf(after, zone)!);
    });
  }

  /**
   * The positions of the records whose value in `column` passes `test`, in the records' order. A condition on one
   * field depends on that field's value only: each distinct value is tested once.
   */
  matching(column: Column, test: (value: unknown) => boolean): number[] {
    const index = this.indexOf(column);
    let found: number[] | undefined;
    let several = false;
    for (const [value, positions] of index) {
      if (!test(value)) continue;
      several = found !== undefined;
      // The index keeps its own lists: several groups are joined in a new one.
      found = found === undefined ? positions : found.concat(positions);
    }
    if (found === undefined) return [];
    return several ? found.sort(byNumber) : found;
  }

  private indexOf(column: Column): FieldIndex {
    let index = this.indexes.get(column);
    if (index === undefined) {
      index = new Map();
      const { operands } = column;
      for (let position = 0; position < operands.length; position++) {
        const value = operands[position]!.raw;
        const positions = index.get(value);
        if (positions === undefined) index.set(value, [position]);
        else positions.push(position);
      }
      this.indexes.set(column, index);
    }
    return index;
  }
}

const byNumber = (a: number, b: number) => a - b;
