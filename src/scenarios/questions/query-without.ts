// «сделки без задач», «клиенты без сделок», «сделки ни одной активности»: of the records a question found, the
// ones that have none of what it names — no open task bound to the record, no open activity on it, or no deal
// at all. One read of those related records, for all the found records at once.
import type { Params } from '../../portal/port.ts';
import type { Query } from '../../vocabulary/query.ts';
import { activitySchema, dealSchema, parseItems, taskSchema } from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { openTaskFilter } from '../tasks/open-tasks.ts';
import type { Run } from './query-answer.ts';

type Owner = 'lead' | 'deal' | 'contact' | 'company';

/** The portal's numbers for an owner of activities, and the prefix binding a task to it. */
const OWNERS: Record<Owner, { type: number; task: string; dealField?: string }> = {
  lead: { type: 1, task: 'L' },
  deal: { type: 2, task: 'D' },
  contact: { type: 3, task: 'C', dealField: 'CONTACT_ID' },
  company: { type: 4, task: 'CO', dealField: 'COMPANY_ID' },
};

const list = (method: string, filter: Params, select: string[]): Read => ({
  method,
  params: { order: { ID: 'ASC' }, filter, select },
  all: true,
  byId: true,
});

/** The related records' read, and which owner each found one belongs to. */
function relatedRead(without: NonNullable<Query['without']>, owner: Owner, ids: number[]) {
  const { type, task, dealField } = OWNERS[owner];
  if (without === 'tasks')
    return {
      read: list('tasks.task.list', { ...openTaskFilter, UF_CRM_TASK: ids.map((id) => `${task}_${id}`) }, [
        'ID',
        'UF_CRM_TASK',
      ]),
      owners: (items: unknown[]) =>
        parseItems(taskSchema, items).flatMap((one) =>
          (one.ufCrmTask ?? []).flatMap((code) =>
            code.startsWith(`${task}_`) ? [Number(code.slice(task.length + 1))] : [],
          ),
        ),
    };
  if (without === 'activities')
    return {
      read: list('crm.activity.list', { OWNER_TYPE_ID: type, OWNER_ID: ids, COMPLETED: 'N' }, ['ID', 'OWNER_ID']),
      owners: (items: unknown[]) => parseItems(activitySchema, items).map((activity) => activity.OWNER_ID),
    };
  const field = dealField ?? 'ID';
  return {
    read: list('crm.deal.list', { [field]: ids }, ['ID', field]),
    owners: (items: unknown[]) =>
      parseItems(dealSchema, items).map((deal) => Number((deal as Record<string, unknown>)[field] ?? 0)),
  };
}

/** The records among `records` that have none of what the question names; all of them when it names nothing. */
export async function withoutRelated<T>(
  run: Run,
  owner: Owner,
  records: T[],
  idOf: (record: T) => number,
): Promise<T[]> {
  const { without } = run.query;
  const ids = records.map(idOf);
  if (!without || ids.length === 0) return records;
  const { read, owners } = relatedRead(without, owner, ids);
  const found = await readTogether(run.context, { related: read });
  const busy = new Set(owners(found.related.items));
  return records.filter((record) => !busy.has(idOf(record)));
}
