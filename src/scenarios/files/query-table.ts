// A typed question's whole answer as a spreadsheet: every record behind the list, the groups or the total,
// not only the part the chat showed.
import { EXPORT_LIMIT, type ExportTable, type SummaryRow } from '../../vocabulary/export-tables.ts';
import type { Query, QuerySubject } from '../../vocabulary/query.ts';
import type { QueryResult, ViewModel } from '../../vocabulary/view-models.ts';
import { leadSelect } from '../clients/leads.ts';
import type { ScenarioContext } from '../context.ts';
import { contactSchema, dealSchema, leadSchema } from '../portal-data.ts';
import { comparePeriods, comparisonTable } from '../questions/compare.ts';
import { runQuery } from '../questions/query-run.ts';
import {
  contactExportSelect,
  contactRows,
  dealExportSelect,
  dealRows,
  leadRows,
  recordsWithIds,
  taskLink,
} from './exports.ts';

/** The records of these items, in the items' order. */
async function inOrderOf<T extends { ID: number }>(items: { id: number }[], records: T[]): Promise<T[]> {
  const byId = new Map(records.map((record) => [record.ID, record]));
  return items.flatMap((item) => byId.get(item.id) ?? []);
}

const groupRows = (result: Extract<QueryResult, { kind: 'groups' }>, dated: boolean): SummaryRow[] =>
  result.rows.flatMap((row) => {
    const group = { label: row.label, ...(dated ? { start: row.key } : {}), count: row.count };
    if (row.sums.length === 0) return [group];
    return row.sums.map((sum) => ({ ...group, amount: sum.amount, currency: sum.currency }));
  });

// The subjects whose records make a spreadsheet (a count of them lists them).
const LISTED_SUBJECTS: ReadonlySet<QuerySubject> = new Set(['deals', 'leads', 'tasks', 'contacts']);

/** A question's answer has a spreadsheet: a list, a grouped answer, or a total (its records are the file). */
export function hasSpreadsheet(view: ViewModel): boolean {
  if (view.view === 'comparison') return true;
  if (view.view !== 'query') return false;
  switch (view.result.kind) {
    case 'deals':
    case 'leads':
    case 'tasks':
    case 'groups':
      return true;
    case 'records':
      return view.query.subject === 'contacts';
    case 'total':
      return LISTED_SUBJECTS.has(view.query.subject);
    default:
      return false;
  }
}

/** The whole answer to a question (every record, not the shown part) as a spreadsheet's rows. */
export async function queryTable(context: ScenarioContext, query: Query): Promise<ExportTable | undefined> {
  if (query.compare) return comparisonTable(await comparePeriods(context, query));
  const view = await runQuery(context, query, 0, EXPORT_LIMIT);
  if (!hasSpreadsheet(view) || view.view !== 'query') return undefined;
  const { result } = view;
  switch (result.kind) {
    case 'total':
      // «сколько заработали в ноябре»: the file lists the deals behind the sum (the answer's own filters).
      return queryTable(context, { ...view.query, measure: 'list', groupBy: undefined });
    case 'groups': {
      const groupBy = view.query.groupBy ?? 'manager';
      const dated = groupBy === 'week' || groupBy === 'month';
      return { list: 'groups', subject: view.query.subject, groupBy, rows: groupRows(result, dated) };
    }
    case 'deals': {
      const ids = result.items.map((item) => item.id);
      const raw = await recordsWithIds(context, dealSchema, 'crm.deal.list', ids, dealExportSelect);
      return { list: 'deals', rows: await dealRows(context, await inOrderOf(result.items, raw)) };
    }
    case 'leads': {
      const ids = result.items.map((item) => item.id);
      const raw = await recordsWithIds(context, leadSchema, 'crm.lead.list', ids, leadSelect);
      return { list: 'leads', rows: await leadRows(context, await inOrderOf(result.items, raw)) };
    }
    case 'records': {
      const ids = result.items.map((item) => item.id);
      const raw = await recordsWithIds(context, contactSchema, 'crm.contact.list', ids, contactExportSelect);
      return { list: 'contacts', rows: await contactRows(context, await inOrderOf(result.items, raw)) };
    }
    case 'tasks':
      return {
        list: 'tasks',
        rows: result.items.map((task) => ({
          id: task.id,
          title: task.title,
          deadline: task.deadline,
          overdue: task.overdue,
          responsible: task.responsible?.name ?? '',
          link: taskLink(context, task.responsible?.id ?? context.director.portalUserId, task.id),
        })),
      };
    default:
      return undefined;
  }
}
