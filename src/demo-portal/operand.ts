// Values as the portal's list filters and orders read them: date-times as instants, numbers as numbers, texts by
// the Russian collation.

import { remembered } from '../remembered.ts';
import { looksLikeDateTime, momentOf } from './dates.ts';

const numeric = /^-?\d+(\.\d+)?$/;

export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

// One collator for all: `localeCompare(…, 'ru')` builds a new one on every call.
const russian = new Intl.Collator('ru');
// Printable Latin and Russian letters only: for such texts the collator's "equal" is plain sameness.
const plain = /^[\x20-\x7e\u0401\u0410-\u044f\u0451]*$/;

/** A value read once and compared many times: its text, number and moment are worked out on first use. */
export class Operand {
  readonly empty: boolean;
  private textForm?: string;
  private lowerForm?: string;
  private numberForm?: number | null;
  private momentForm?: number | null;
  private dateTimeForm?: boolean;

  constructor(
    readonly raw: unknown,
    readonly zone: string,
  ) {
    this.empty = isEmpty(raw);
  }

  get text(): string {
    this.textForm ??= String(this.raw);
    return this.textForm;
  }

  get lower(): string {
    this.lowerForm ??= this.text.toLocaleLowerCase('ru');
    return this.lowerForm;
  }

  /** The number a numeric text stands for, or null. */
  get number(): number | null {
    if (this.numberForm === undefined) this.numberForm = numeric.test(this.text) ? Number(this.text) : null;
    return this.numberForm;
  }

  get moment(): number | undefined {
    if (this.momentForm === undefined) this.momentForm = momentOf(this.raw, this.zone) ?? null;
    return this.momentForm ?? undefined;
  }

  get dateTime(): boolean {
    this.dateTimeForm ??= looksLikeDateTime(this.raw);
    return this.dateTimeForm;
  }
}

// Records keep their values between requests: each stored text or number is read (date-time? number? moment?)
// once, not once a row of every list. Reading depends on the value and the zone only.
const operands = new Map<string, (raw: unknown) => Operand>();

function operandsIn(zone: string): (raw: unknown) => Operand {
  let inZone = operands.get(zone);
  if (!inZone) {
    inZone = remembered((value: unknown) => new Operand(value, zone), 100_000);
    operands.set(zone, inZone);
  }
  return inZone;
}

// A portal has one zone: its values are found without looking the zone up each time.
let last = { zone: '', operands: operandsIn('') };

export function operandOf(raw: unknown, zone: string): Operand {
  if (raw !== null && typeof raw === 'object') return new Operand(raw, zone);
  if (zone !== last.zone) last = { zone, operands: operandsIn(zone) };
  return last.operands(raw);
}

type TextComparison = (left: Operand, right: Operand) => number;

const orderTexts: TextComparison = (left, right) => russian.compare(left.lower, right.lower);

// Only sameness matters here: equal texts need no collation, and different plain texts are never equal.
export const matchTexts: TextComparison = (left, right) => {
  if (left.lower === right.lower) return 0;
  if (plain.test(left.lower) && plain.test(right.lower)) return 1;
  return russian.compare(left.lower, right.lower);
};

/** Compares a stored value with a filter value: instants for date-times, numbers for numbers, text otherwise. */
export function compare(stored: Operand, wanted: Operand, texts: TextComparison = orderTexts): number | undefined {
  if (stored.empty || wanted.raw === undefined || wanted.raw === null) return undefined;
  if (stored.dateTime) {
    const left = stored.moment;
    const right = wanted.moment;
    if (left === undefined || right === undefined) return undefined;
    return left - right;
  }
  if (typeof stored.raw === 'boolean') {
    const truthy = wanted.raw === true || ['Y', 'y', '1', 'true'].includes(wanted.text);
    return stored.raw === truthy ? 0 : 1;
  }
  const left = stored.number;
  const right = left === null ? null : wanted.number;
  if (left !== null && right !== null) return left - right;
  return texts(stored, wanted);
}
