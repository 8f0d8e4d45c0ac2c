// The items of a list page, kept between requests: a bot asks the same lists with the same selection every few
// seconds, and most records have not changed since. A kept item is given again only while every selected value of
// its record is the very same one (a write, or a test changing `data`, gives a new item), and only for records whose
// selected values are all plain (a list or an object may change inside without a new value; a missing field counts
// as undefined, which JSON leaves out either way). Kept items are frozen, and their bytes are written once
// (reply-bytes.ts).
import { remembered } from '../remembered.ts';
import { fieldSelection, selectedFields } from './field-selection.ts';
import type { ListShape, Row } from './filters.ts';
import { keep } from './reply-bytes.ts';

export interface ItemShape extends ListShape {
  defaults?: (key: string) => boolean;
  /** What the answer makes of a selected row (stage history writes its ids as numbers). */
  item?: (selected: Row) => Row;
}

interface Kept {
  values: unknown[];
  item: Row;
}

/** The kept items of one list under one selection (`deals@1|ID,TITLE`), by record. */
const keptOf = remembered((_selection: string) => new WeakMap<Row, Kept>(), 1_000);

const isPlain = (value: unknown) => value === null || typeof value !== 'object';

/** The fields an item may be kept by: a selection that names its fields, none of them worked out when shown. */
function keptFields(select: unknown, shape: ItemShape): string[] | undefined {
  const { all, fields } = selectedFields(select, shape);
  if (all || fields.some((field) => shape.show?.derived.has(field))) return undefined;
  return fields;
}

function unchanged(row: Row, fields: string[], values: unknown[]): boolean {
  for (let index = 0; index < fields.length; index++) if (row[fields[index]!] !== values[index]) return false;
  return true;
}

/** A row shown, selected and made into an item, kept nowhere. */
function freshItem(row: Row, selection: (row: Row) => Row, shape: ItemShape): Row {
  // Showing a shown row again changes nothing, so the page is shown whichever rows were filtered.
  const selected = selection(shape.show ? shape.show.row(row) : row);
  return shape.item ? shape.item(selected) : selected;
}

/** The page's rows as the answer shows them: shown, selected, made into items; `list` names the list to keep them. */
export function pageItems(rows: Row[], select: unknown, shape: ItemShape, list?: string): Row[] {
  const selection = fieldSelection(select, shape);
  const fields = list === undefined ? undefined : keptFields(select, shape);
  if (list === undefined || fields === undefined) return rows.map((row) => freshItem(row, selection, shape));
  const kept = keptOf(`${list}|${fields.join(',')}`);
  return rows.map((row) => {
    const known = kept.get(row);
    if (known && unchanged(row, fields, known.values)) return known.item;
    const values = fields.map((field) => row[field]);
    if (!values.every(isPlain)) return freshItem(row, selection, shape);
    // Without the shown fields in the selection, a stored row selects the same as the row shown.
    const selected = selection(row);
    const item = shape.item ? shape.item(selected) : selected;
    keep(item);
    kept.set(row, { values, item });
    return item;
  });
}
