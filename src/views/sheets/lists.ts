// Each list as a spreadsheet: its columns with Russian (or English) headers, and its file name
// («Сделки 2026-11-28.xlsx»). The caption says what the file holds.

import type { Language } from '../../vocabulary/director.ts';
import type { ExportList, ExportTable, SummaryRow } from '../../vocabulary/export-tables.ts';
import { EXPORT_LIMIT } from '../../vocabulary/export-tables.ts';
import type { QuerySubject } from '../../vocabulary/query.ts';
import { COLUMN_HEADERS, firstRows, GROUPS, OPEN_LINK, SHEET_TITLES, SUMMARY } from '../messages-files.ts';
import type { Reply } from '../reply.ts';
import { count } from '../words.ts';
import { buildWorkbook, type SheetColumn } from './workbook.ts';

type Rows<L extends ExportTable['list']> = Extract<ExportTable, { list: L }>['rows'][number];
type Columns<L extends ExportTable['list']> = (language: Language) => SheetColumn<Rows<L>>[];

const header = (language: Language, name: keyof typeof COLUMN_HEADERS): string => COLUMN_HEADERS[name][language];

const text = <Row>(header: string, width: number, value: (row: Row) => string | number | undefined) =>
  ({ header, kind: 'text', width, value }) as SheetColumn<Row>;
const typed = <Row>(
  kind: SheetColumn<Row>['kind'],
  header: string,
  width: number,
  value: (row: Row) => string | number | undefined,
): SheetColumn<Row> => ({ header, kind, width, value });

const linkColumn = <Row extends { link?: string }>(language: Language) =>
  typed<Row>('link', header(language, 'linkInBitrix24'), 20, (row) => row.link);

/** The deal list's columns, for the deals and the deals behind the forecast alike. */
const dealColumns = <Row extends Rows<'deals'>>(l: Language): SheetColumn<Row>[] => [
  typed('number', '№', 8, (row) => row.id),
  text(header(l, 'deal'), 45, (row) => row.title),
  text(header(l, 'stage'), 24, (row) => row.stage),
  text(header(l, 'pipeline'), 18, (row) => row.pipeline),
  { ...typed('money', header(l, 'amount'), 16, (row) => row.amount), currency: (row) => row.currency },
  text(header(l, 'currency'), 9, (row) => row.currency),
  text(header(l, 'company'), 30, (row) => row.company),
  text(header(l, 'responsible'), 24, (row) => row.responsible),
  typed('date', header(l, 'created'), 12, (row) => row.createdAt),
  typed('date', header(l, 'closeDate'), 14, (row) => row.closeDate),
  linkColumn(l),
];

const COLUMNS: { [L in ExportList]: Columns<L> } = {
  deals: (l) => dealColumns(l),
  forecast: (l) => [
    ...dealColumns<Rows<'forecast'>>(l).slice(0, -1),
    typed('number', header(l, 'stageProbability'), 14, (row) => Math.round(row.probability * 100)),
    {
      ...typed<Rows<'forecast'>>('money', header(l, 'weighted'), 18, (row) => row.weighted),
      currency: (row) => row.currency,
    },
    linkColumn(l),
  ],
  tasks: (l) => [
    typed('number', '№', 8, (row) => row.id),
    text(header(l, 'task'), 50, (row) => row.title),
    typed('datetime', header(l, 'deadline'), 17, (row) => row.deadline),
    text(header(l, 'overdueTask'), 12, (row) => (row.overdue ? header(l, 'yes') : '')),
    text(header(l, 'responsible'), 24, (row) => row.responsible),
    typed('date', header(l, 'created'), 12, (row) => row.createdAt),
    linkColumn(l),
  ],
  leads: (l) => [
    typed('number', '№', 8, (row) => row.id),
    text(header(l, 'lead'), 40, (row) => row.title),
    text(header(l, 'name'), 24, (row) => row.name),
    text(header(l, 'status'), 18, (row) => row.status),
    text(header(l, 'source'), 18, (row) => row.source),
    text(header(l, 'phone'), 18, (row) => row.phone),
    text('E-mail', 26, (row) => row.email),
    text(header(l, 'responsible'), 24, (row) => row.responsible),
    typed('date', header(l, 'createdLead'), 12, (row) => row.createdAt),
    linkColumn(l),
  ],
  contacts: (l) => [
    typed('number', '№', 8, (row) => row.id),
    text(header(l, 'contact'), 30, (row) => row.name),
    text(header(l, 'position'), 24, (row) => row.position),
    text(header(l, 'company'), 30, (row) => row.company),
    text(header(l, 'phone'), 18, (row) => row.phone),
    text('E-mail', 26, (row) => row.email),
    linkColumn(l),
  ],
  team: (l) => [
    text(header(l, 'employee'), 30, (row) => row.name),
    text(header(l, 'position'), 26, (row) => row.position),
    typed('number', header(l, 'activeTasks'), 15, (row) => row.activeTasks),
    typed('number', header(l, 'overdueCount'), 12, (row) => row.overdueTasks),
    linkColumn(l),
  ],
};

const NOUNS = {
  deals: 'deal',
  forecast: 'deal',
  tasks: 'task',
  leads: 'lead',
  contacts: 'contact',
  team: 'person',
} as const;

type ListTable = Exclude<ExportTable, { list: 'groups' }>;
type GroupTable = Extract<ExportTable, { list: 'groups' }>;

/** A grouped answer: the group, how many, and each currency's sum on a row of its own. */
function groupColumns(table: GroupTable, l: Language): SheetColumn<SummaryRow>[] {
  const group = GROUPS[table.groupBy].header[l];
  const dated = table.groupBy === 'week' || table.groupBy === 'month';
  const columns: SheetColumn<SummaryRow>[] = [
    dated ? typed('date', group, 14, (row) => row.start) : text(group, 30, (row) => row.label),
    typed('number', header(l, 'count'), 12, (row) => row.count),
  ];
  if (table.subject !== 'deals') return columns;
  return [
    ...columns,
    {
      ...typed<SummaryRow>('money', header(l, 'amount'), 18, (row) => row.amount),
      currency: (row) => row.currency,
    },
    text(header(l, 'currency'), 9, (row) => row.currency),
  ];
}

const subjectTitle = (subject: QuerySubject, language: Language): string =>
  subject in SHEET_TITLES ? SHEET_TITLES[subject as ExportList][language] : SUMMARY[language];

/** «Сделки», «Сделки по менеджерам». */
const titleOf = (table: ExportTable, language: Language): string =>
  table.list === 'groups'
    ? `${subjectTitle(table.subject, language)} ${GROUPS[table.groupBy].by[language]}`
    : SHEET_TITLES[table.list][language];

const columnsOf = (table: ExportTable, language: Language) =>
  (table.list === 'groups'
    ? groupColumns(table, language)
    : COLUMNS[(table as ListTable).list](language)) as SheetColumn<unknown>[];

/** «Сделки 2026-11-28.xlsx» */
export const sheetFileName = (title: string, today: string): string => `${title} ${today}.xlsx`;

export async function spreadsheetOf(table: ExportTable, language: Language): Promise<Uint8Array> {
  return buildWorkbook(
    titleOf(table, language),
    columnsOf(table, language),
    table.rows as unknown[],
    OPEN_LINK[language],
  );
}

/** The file with a one-line caption: what it holds, and that a longer list was cut. */
export async function spreadsheetReply(table: ExportTable, today: string, language: Language): Promise<Reply> {
  const total = table.rows.length;
  const title = titleOf(table, language);
  const cut = total >= EXPORT_LIMIT ? firstRows(EXPORT_LIMIT, language) : '';
  const noun = table.list === 'groups' ? 'row' : NOUNS[table.list];
  return {
    html: `📥 ${title}: ${count(total, noun, language)}${cut}`,
    attachment: { kind: 'document', fileName: sheetFileName(title, today), data: await spreadsheetOf(table, language) },
  };
}
