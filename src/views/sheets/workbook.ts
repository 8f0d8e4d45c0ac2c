// An .xlsx from plain rows: typed columns (dates as dates, sums as numbers in roubles), a bold frozen header
// with an autofilter, links that open the record. Written by exceljs' streaming writer, row by row, so 10,000
// records do not sit in memory twice.
import { PassThrough } from 'node:stream';
import { DateTime } from 'luxon';

export type CellKind = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'link';
export type CellValue = string | number | undefined;

export interface SheetColumn<Row> {
  header: string;
  kind: CellKind;
  /** Characters. */
  width: number;
  /** A date or date-time is an ISO string with the director's offset; a link is an address. */
  value(row: Row): CellValue;
}

const ROWS_PER_TURN = 500;

const FORMATS: Partial<Record<CellKind, string>> = {
  number: '0',
  money: '#,##0.00 "₽";-#,##0.00 "₽"',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
};

/** Excel keeps no zone: the cell shows the director's own wall-clock time. */
const wallClock = (iso: string): Date | undefined => {
  const time = DateTime.fromISO(iso, { setZone: true });
  return time.isValid ? time.setZone('UTC', { keepLocalTime: true }).toJSDate() : undefined;
};

function cellOf(kind: CellKind, value: CellValue, linkText: string) {
  if (value === undefined || value === '') return null;
  switch (kind) {
    case 'date':
    case 'datetime':
      return typeof value === 'string' ? (wallClock(value) ?? null) : null;
    case 'number':
    case 'money':
      return typeof value === 'number' ? value : Number(value);
    case 'link':
      return { text: linkText, hyperlink: String(value) };
    case 'text':
      return String(value);
  }
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
  // exceljs is larger than the rest of the bot: it loads with the first spreadsheet.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
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
  let written = 0;
  for (const row of rows) {
    sheet.addRow(columns.map((column) => cellOf(column.kind, column.value(row), linkText))).commit();
    // Let the zip take what is written so far, rather than holding the whole sheet's text at once.
    if (++written % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
