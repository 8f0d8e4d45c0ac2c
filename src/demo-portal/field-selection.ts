// The `select` of a list: which of a row's fields the answer carries.
import type { ListShape, Row } from './filters.ts';

type SelectionShape = ListShape & { defaults?: (key: string) => boolean };

/** The row fields a `select` names; `all` when it names none or `*` (the entity's default fields, then those named). */
export function selectedFields(select: unknown, shape: SelectionShape): { all: boolean; fields: string[] } {
  const wanted = Array.isArray(select) ? select.map(String) : [];
  const all = wanted.length === 0 || wanted.includes('*');
  const fields = wanted.filter((key) => key !== '*').map((key) => (shape.field ? shape.field(key) : key));
  return { all, fields };
}

/** Keeps the selected fields; `*` and no selection give the entity's default fields. Read once for a whole page. */
export function fieldSelection(select: unknown, shape: SelectionShape): (row: Row) => Row {
  const { all, fields } = selectedFields(select, shape);
  return (row) => {
    const out: Row = {};
    if (all) {
      for (const key of Object.keys(row)) if (shape.defaults ? shape.defaults(key) : true) out[key] = row[key];
    }
    for (const field of fields) if (field in row) out[field] = row[field];
    return out;
  };
}
