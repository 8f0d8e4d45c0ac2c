// One field of a list's records read as operands: kept across requests while the records and their values are the
// very same, so a bot's next request reads no value again. Its date-times also stand as plain moments, side by side,
// for the comparisons (`>=CREATED_TIME` …) that make most of a long list's filter.
import type { Row } from './filters.ts';
import { type Operand, operandOf } from './operand.ts';

export class Column {
  private momentsForm?: Float64Array;

  private constructor(
    private readonly records: Row[],
    private readonly values: unknown[],
    readonly operands: Operand[],
  ) {}

  /** The column of `field` read from the records now. */
  static read(records: Row[], field: string, zone: string): Column {
    const values = records.map((record) => record[field]);
    return new Column(
      records.slice(),
      values,
      values.map((value) => operandOf(value, zone)),
    );
  }

  /** Whether a list or an object is among the values: it may change inside while it stays the same value. */
  get changeable(): boolean {
    return this.values.some((value) => typeof value === 'object' && value !== null);
  }

  /** Whether the records are those the column was read from, each with the value read. */
  holds(records: Row[], field: string): boolean {
    if (this.records.length !== records.length) return false;
    for (let index = 0; index < records.length; index++) {
      const record = records[index]!;
      if (record !== this.records[index] || record[field] !== this.values[index]) return false;
    }
    return true;
  }

  /** Each record's moment when its value is a date-time read as one; NaN for every other value. */
  get moments(): Float64Array {
    if (this.momentsForm === undefined) {
      this.momentsForm = Float64Array.from(this.operands, (operand) =>
        !operand.empty && operand.dateTime ? (operand.moment ?? Number.NaN) : Number.NaN,
      );
    }
    return this.momentsForm;
  }

  /** Whether two comparisons of moments pass and fail the same records: every value not a moment must be empty. */
  decidesAlike(before: (moment: number) => boolean, after: (moment: number) => boolean): boolean {
    const { moments, operands } = this;
    for (let index = 0; index < moments.length; index++) {
      const moment = moments[index]!;
      if (Number.isNaN(moment) ? !operands[index]!.empty : before(moment) !== after(moment)) return false;
    }
    return true;
  }
}
