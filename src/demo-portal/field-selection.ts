// The `select` of a list: which of a row's fields the answer carries.
import type { ListShape, Row } from './filters.ts';
import { remembered } from './memo.ts';

type Picker = (row: Row, out: Row) => Row;

// A page's fields are picked by name on every row of every list. A picker compiled for the selection reads and writes
// named properties, many times faster than by a key held in a variable. Names enter its code only as JSON string
// literals, which are JavaScript string literals too.
const pickerOf = remembered((fields: string): Picker => {
  const steps = (JSON.parse(fields) as string[]).map((field) => {
    const name = JSON.stringify(field);
    return `value = row[${name}]; if (value !== undefined || ${name} in row) out[${name}] = value;`;
  });
  return new Function('row', 'out', ['let value;', ...steps, 'return out;'].join('\n')) as Picker;
});

/** Keeps the selected fields; `*` and no selection give the entity's default fields. Read once for a whole page. */
export function fieldSelection(
  select: unknown,
  shape: ListShape & { defaults?: (key: string) => boolean },
): (row: Row) => Row {
  const wanted = Array.isArray(select) ? select.map(String) : [];
  const all = wanted.length === 0 || wanted.includes('*');
  const fields = wanted.filter((key) => key !== '*').map((key) => (shape.field ? shape.field(key) : key));
  const pick = pickerOf(JSON.stringify(fields));
  return (row) => {
    const out: Row = {};
    if (all) {
      for (const key of Object.keys(row)) if (shape.defaults ? shape.defaults(key) : true) out[key] = row[key];
    }
    return pick(row, out);
  };
}
