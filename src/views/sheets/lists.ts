// Each list as a spreadsheet: its columns with Russian (or English) headers, and its file name
// («Сделки 2026-11-28.xlsx»). The caption says what the file holds.

import type { Language } from '../../vocabulary/director.ts';
import type { ExportList, ExportTable, SummaryRow } from '../../vocabulary/export-tables.ts';
import { EXPORT_LIMIT } from '../../vocabulary/export-tables.ts';
import type { QueryGroup, QuerySubject } from '../../vocabulary/query.ts';
import type { Reply } from '../reply.ts';
import { count, say } from '../words.ts';
import { buildWorkbook, type SheetColumn } from './workbook.ts';

type Rows<L extends ExportTable['list']> = Extract<ExportTable, { list: L }>['rows'][number];
type Columns<L extends ExportTable['list']> = (language: Language) => SheetColumn<Rows<L>>[];

const text = <Row>(header: string, width: number, value: (row: Row) => string | number | undefined) =>
  ({ header, kind: 'text', width, value }) as SheetColumn<Row>;
const typed = <Row>(
  kind: SheetColumn<Row>['kind'],
  header: string,
  width: number,
  value: (row: Row) => string | number | undefined,
): SheetColumn<Row> => ({ header, kind, width, value });

const linkColumn = <Row extends { link?: string }>(language: Language) =>
  typed<Row>('link', say(language, 'Ссылка в Битрикс24', 'Link in Bitrix24'), 20, (row) => row.link);

/** The deal list's columns, for the deals and the deals behind the forecast alike. */
const dealColumns = <Row extends Rows<'deals'>>(l: Language): SheetColumn<Row>[] => [
  typed('number', '№', 8, (row) => row.id),
  text(say(l, 'Сделка', 'Deal'), 45, (row) => row.title),
  text(say(l, 'Стадия', 'Stage'), 24, (row) => row.stage),
  text(say(l, 'Воронка', 'Pipeline'), 18, (row) => row.pipeline),
  { ...typed('money', say(l, 'Сумма', 'Amount'), 16, (row) => row.amount), currency: (row) => row.currency },
  text(say(l, 'Валюта', 'Currency'), 9, (row) => row.currency),
  text(say(l, 'Компания', 'Company'), 30, (row) => row.company),
  text(say(l, 'Ответственный', 'Responsible'), 24, (row) => row.responsible),
  typed('date', say(l, 'Создана', 'Created'), 12, (row) => row.createdAt),
  typed('date', say(l, 'Дата закрытия', 'Close date'), 14, (row) => row.closeDate),
  linkColumn(l),
];

const COLUMNS: { [L in ExportList]: Columns<L> } = {
  deals: (l) => dealColumns(l),
  forecast: (l) => [
    ...dealColumns<Rows<'forecast'>>(l).slice(0, -1),
    typed('number', say(l, 'Вероятность этапа, %', 'Stage probability, %'), 14, (row) =>
      Math.round(row.probability * 100),
    ),
    {
      ...typed<Rows<'forecast'>>('money', say(l, 'С учётом вероятности', 'Weighted'), 18, (row) => row.weighted),
      currency: (row) => row.currency,
    },
    linkColumn(l),
  ],
  tasks: (l) => [
    typed('number', '№', 8, (row) => row.id),
    text(say(l, 'Задача', 'Task'), 50, (row) => row.title),
    typed('datetime', say(l, 'Крайний срок', 'Deadline'), 17, (row) => row.deadline),
    text(say(l, 'Просрочена', 'Overdue'), 12, (row) => (row.overdue ? say(l, 'да', 'yes') : '')),
    text(say(l, 'Ответственный', 'Responsible'), 24, (row) => row.responsible),
    typed('date', say(l, 'Создана', 'Created'), 12, (row) => row.createdAt),
    linkColumn(l),
  ],
  leads: (l) => [
    typed('number', '№', 8, (row) => row.id),
    text(say(l, 'Лид', 'Lead'), 40, (row) => row.title),
    text(say(l, 'Имя', 'Name'), 24, (row) => row.name),
    text(say(l, 'Статус', 'Status'), 18, (row) => row.status),
    text(say(l, 'Источник', 'Source'), 18, (row) => row.source),
    text(say(l, 'Телефон', 'Phone'), 18, (row) => row.phone),
    text('E-mail', 26, (row) => row.email),
    text(say(l, 'Ответственный', 'Responsible'), 24, (row) => row.responsible),
    typed('date', say(l, 'Создан', 'Created'), 12, (row) => row.createdAt),
    linkColumn(l),
  ],
  contacts: (l) => [
    typed('number', '№', 8, (row) => row.id),
    text(say(l, 'Контакт', 'Contact'), 30, (row) => row.name),
    text(say(l, 'Должность', 'Position'), 24, (row) => row.position),
    text(say(l, 'Компания', 'Company'), 30, (row) => row.company),
    text(say(l, 'Телефон', 'Phone'), 18, (row) => row.phone),
    text('E-mail', 26, (row) => row.email),
    linkColumn(l),
  ],
  team: (l) => [
    text(say(l, 'Сотрудник', 'Employee'), 30, (row) => row.name),
    text(say(l, 'Должность', 'Position'), 26, (row) => row.position),
    typed('number', say(l, 'Задач в работе', 'Active tasks'), 15, (row) => row.activeTasks),
    typed('number', say(l, 'Просрочено', 'Overdue'), 12, (row) => row.overdueTasks),
    linkColumn(l),
  ],
};

const TITLES: Record<ExportList, [ru: string, en: string]> = {
  deals: ['Сделки', 'Deals'],
  forecast: ['Сделки в прогнозе', 'Deals in the forecast'],
  tasks: ['Задачи', 'Tasks'],
  leads: ['Лиды', 'Leads'],
  contacts: ['Контакты', 'Contacts'],
  team: ['Команда', 'Team'],
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

const GROUPED: Record<QueryGroup, [by: [ru: string, en: string], header: [ru: string, en: string]]> = {
  manager: [
    ['по менеджерам', 'by manager'],
    ['Менеджер', 'Manager'],
  ],
  client: [
    ['по клиентам', 'by client'],
    ['Клиент', 'Client'],
  ],
  stage: [
    ['по стадиям', 'by stage'],
    ['Стадия', 'Stage'],
  ],
  source: [
    ['по источникам', 'by source'],
    ['Источник', 'Source'],
  ],
  week: [
    ['по неделям', 'by week'],
    ['Неделя с', 'Week from'],
  ],
  month: [
    ['по месяцам', 'by month'],
    ['Месяц', 'Month'],
  ],
};

/** A grouped answer: the group, how many, and each currency's sum on a row of its own. */
function groupColumns(table: GroupTable, l: Language): SheetColumn<SummaryRow>[] {
  const header = say(l, ...GROUPED[table.groupBy][1]);
  const dated = table.groupBy === 'week' || table.groupBy === 'month';
  const columns: SheetColumn<SummaryRow>[] = [
    dated ? typed('date', header, 14, (row) => row.start) : text(header, 30, (row) => row.label),
    typed('number', say(l, 'Количество', 'Count'), 12, (row) => row.count),
  ];
  if (table.subject !== 'deals') return columns;
  return [
    ...columns,
    {
      ...typed<SummaryRow>('money', say(l, 'Сумма', 'Amount'), 18, (row) => row.amount),
      currency: (row) => row.currency,
    },
    text(say(l, 'Валюта', 'Currency'), 9, (row) => row.currency),
  ];
}

const subjectTitle = (subject: QuerySubject, language: Language): string =>
  subject in TITLES ? say(language, ...TITLES[subject as ExportList]) : say(language, 'Итоги', 'Summary');

/** «Сделки», «Сделки по менеджерам». */
const titleOf = (table: ExportTable, language: Language): string =>
  table.list === 'groups'
    ? `${subjectTitle(table.subject, language)} ${say(language, ...GROUPED[table.groupBy][0])}`
    : say(language, ...TITLES[table.list]);

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
    say(language, 'Открыть', 'Open'),
  );
}

/** The file with a one-line caption: what it holds, and that a longer list was cut. */
export async function spreadsheetReply(table: ExportTable, today: string, language: Language): Promise<Reply> {
  const total = table.rows.length;
  const title = titleOf(table, language);
  const cut = total >= EXPORT_LIMIT ? say(language, ` (первые ${EXPORT_LIMIT})`, ` (the first ${EXPORT_LIMIT})`) : '';
  const noun = table.list === 'groups' ? 'row' : NOUNS[table.list];
  return {
    html: `📥 ${title}: ${count(total, noun, language)}${cut}`,
    attachment: { kind: 'document', fileName: sheetFileName(title, today), data: await spreadsheetOf(table, language) },
  };
}
