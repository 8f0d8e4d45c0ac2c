// An .xlsx from plain rows: typed columns (dates as dates, sums as numbers in their own currency), a bold frozen
// header with an autofilter, links that open the record. Written by exceljs' streaming writer, row by row, so
// 10,000 records do not sit in memory twice.
import { PassThrough } from 'node:stream';
import { currencySign } from '../format.ts';

export type CellKind = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'link';
export type CellValue = string | number | undefined;

export interface SheetColumn<Row> {
  header: string;
  kind: CellKind;
  /** Characters. */
  width: number;
  /** A date or date-time is an ISO string with the director's offset; a link is an address. */
  value(row: Row): CellValue;
  /** A sum's currency code (roubles when absent). */
  currency?(row: Row): string | undefined;
}

const ROWS_PER_TURN = 500;

const FORMATS: Partial<Record<CellKind, string>> = {
  number: '0',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
};

const moneyFormat = (currency: string | undefined): string => {
  const sign = currencySign(currency ?? 'RUB').replaceAll('"', '');
  return `#,##0.00 "${sign}";-#,##0.00 "${sign}"`;
};

const ISO_WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** Excel keeps no zone: the cell shows the director's own wall-clock time, as the string writes it. */
const wallClock = (iso: string): Date | null => {
  const parts = ISO_WALL_CLOCK.exec(iso);
  if (!parts) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = parts;
  const time = new Date(Date.UTC(+year!, +month! - 1, +day!, +hour, +minute, +second));
  return Number.isNaN(time.getTime()) ? null : time;
};

function cellOf(kind: CellKind, value: CellValue, linkText: string) {
  if (value === undefined || value === '') return undefined;
  switch (kind) {
    case 'date':
    case 'datetime':
      return typeof value === 'string' ? (wallClock(value) ?? undefined) : undefined;
    case 'number':
    case 'money':
      return typeof value === 'number' ? value : Number(value);
    case 'link':
      return { text: linkText, hyperlink: String(value) };
    case 'text':
      return String(value);
  }
}

type Style = { numFmt?: string };

/**
 * One style object per column (per currency for sums), handed to every cell of it: exceljs remembers the
 * style of an object it has seen, where a fresh object per cell would be rendered and looked up again.
 */
function columnStyles<Row>(columns: readonly SheetColumn<Row>[]) {
  const shared = columns.map((column) => ({ numFmt: FORMATS[column.kind] }) as Style);
  const money = new Map<string, Style>();
  return (column: SheetColumn<Row>, index: number, row: Row): Style => {
    if (column.kind !== 'money') return shared[index]!;
    const currency = column.currency?.(row)?.trim().toUpperCase() || 'RUB';
    const style = money.get(currency) ?? { numFmt: moneyFormat(currency) };
    money.set(currency, style);
    return style;
  };
}

/** The workbook's bytes: one sheet named `sheetName`, one row per record. */
export async function buildWorkbook<Row>(
  sheetName: string,
  columns: readonly SheetColumn<Row>[],
  rows: Iterable<Row>,
  linkText = 'Открыть',
): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  // exceljs is larger than the rest of the bot: its writer loads with the first spreadsheet.
  const { default: WorkbookWriter } = await import('exceljs/lib/stream/xlsx/workbook-writer.js');
  const workbook = new WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  // A column keeps its format for what the director types in later; the cells get theirs below.
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    header: column.header,
    width: column.width,
    ...(FORMATS[column.kind] ? { style: { numFmt: FORMATS[column.kind] } } : {}),
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  const styleOf = columnStyles(columns);
  let written = 0;
  for (const record of rows) {
    const row = sheet.addRow(columns.map((column) => cellOf(column.kind, column.value(record), linkText)));
    row.eachCell((cell, number) => {
      cell.style = styleOf(columns[number - 1]!, number - 1, record);
    });
    row.commit();
    // Let the zip take what is written so far, rather than holding the whole sheet's text at once.
    if (++written % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
