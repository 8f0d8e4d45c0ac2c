// The catalogue's field kinds: a local date, a time, an instant, a record's id, a text… each with its check and
// its button form (how it is written into ≤ 64 bytes of callback data). The catalogue (catalogue.ts), the typed
// question (query.ts) and the model's tools build their schemas from these, so one kind is checked one way.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { remembered } from '../remembered.ts';

/** How a field is carried in a button's data; `blank` is not carried: a title read again from the portal. */
export type ButtonForm = 'int' | 'num' | 'ints' | 'date' | 'time' | 'instant' | 'text' | 'entity' | 'blank';

/** The button form of each field schema built below. */
export const buttonForms = z.registry<{ button: ButtonForm }>();
const carried = <S extends z.ZodType>(schema: S, button: ButtonForm): S => {
  buttonForms.add(schema, { button });
  return schema;
};

/** The button form of a field, through `.optional()`; undefined = the field never rides on a button. */
export function buttonFormOf(schema: z.ZodType): ButtonForm | undefined {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return buttonForms.get(inner)?.button;
}

// Every stored question is checked again on each message: a calendar check, not a date library's parser.
const isLocalDate = (value: string) => {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

// The same few instants come back in every stored question: each is parsed once.
const isInstant = remembered(
  (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && DateTime.fromISO(value, { setZone: true }).isValid,
  1_000,
);

// Limits are checked but not sent to the model: every schema keyword costs prompt tokens on each request.
export const field = {
  /** A record's id on the portal. */
  id: () => carried(z.number().int().positive(), 'int'),
  count: () => carried(z.number().int().min(0), 'int'),
  amount: () => carried(z.number().refine(Number.isFinite, 'expected a number'), 'num'),
  ids: () => carried(z.array(z.number().int().positive()), 'ints'),
  /** A local calendar date in the director's zone (the model's instructions say the form once, not per field). */
  date: () => carried(z.string().refine(isLocalDate, 'expected a date YYYY-MM-DD'), 'date'),
  /** A local time of day. */
  time: () =>
    carried(
      z
        .string()
        .describe('HH:mm')
        .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'expected a time HH:mm'),
      'time',
    ),
  /** An ISO 8601 date-time with offset, e.g. `2026-11-25T18:00:00+03:00`. */
  instant: () =>
    carried(z.string().describe('ISO date-time').refine(isInstant, 'expected an ISO date-time'), 'instant'),
  text: (max = 5000) =>
    carried(
      z
        .string()
        .refine(
          (value) => value.trim() !== '' && value.length <= max,
          `expected a non-empty text up to ${max} characters`,
        ),
      'text',
    ),
  entity: () => carried(z.enum(['deal', 'contact', 'company']), 'entity'),
  /** The title of an existing record: shown in the question, never taken from a button (read again instead). */
  portalTitle: () => carried(z.string().max(2000), 'blank'),
};
