import type { ActivityItem, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import {
  activitySchema,
  companySchema,
  contactSchema,
  dealSchema,
  type PortalActivity,
  parseItems,
  personName,
  stageHistorySchema,
  taskSchema,
} from '../portal-data.ts';
import { type Read, type ReadResult, readTogether } from '../reads.ts';
import { toDirectorTime } from '../schedule/day-window.ts';
import { byDeadline, openTaskFilter, taskSelect, toTaskItem } from '../tasks/open-tasks.ts';
import { dealNamesFor, lastMovements, stuckDaysOf, toDealItem } from './open-deals.ts';

const activityKinds: Record<number, ActivityItem['kind']> = { 1: 'meeting', 2: 'call', 3: 'task', 4: 'email' };

export function toActivityItem(activity: PortalActivity, timeZone: string): ActivityItem {
  const item: ActivityItem = {
    id: activity.ID,
    subject: activity.SUBJECT,
    kind: activityKinds[activity.TYPE_ID] ?? 'other',
    completed: activity.COMPLETED,
  };
  const at = toDirectorTime(activity.DEADLINE ?? activity.START_TIME ?? activity.CREATED, timeZone);
  if (at) item.at = at;
  return item;
}

/** Latest first. */
export const byRecency = (a: ActivityItem, b: ActivityItem): number =>
  (b.at ?? '').localeCompare(a.at ?? '') || b.id - a.id;

/** What an activity line needs, for a record's card and for questions about calls alike. */
export const activitySelect = [
  'ID',
  'SUBJECT',
  'TYPE_ID',
  'OWNER_ID',
  'OWNER_TYPE_ID',
  'DEADLINE',
  'START_TIME',
  'CREATED',
  'COMPLETED',
  'RESPONSIBLE_ID',
];

/** The activities of one CRM record (owner type 2 a deal, 3 a contact, 4 a company), newest first. */
export function activitiesRead(ownerTypeId: number, ownerId: number | string, optional: boolean): Read {
  return {
    method: 'crm.activity.list',
    params: {
      order: { ID: 'DESC' },
      filter: { OWNER_TYPE_ID: ownerTypeId, OWNER_ID: ownerId },
      select: activitySelect,
    },
    optional,
  };
}

type DealCardPart = 'deal' | 'company' | 'contact' | 'history' | 'activities' | 'tasks';

/**
 * The reads of a deal's card. `dealId` is a number, or a batch reference to an id found earlier in the same
 * request; `prefix` keeps the names apart from the other reads of that request (and marks them as read ahead:
 * their failure only means the card is read again afterwards).
 */
export function dealCardReads(dealId: number | string, prefix = ''): Record<string, Read> {
  const speculative = prefix !== '';
  return {
    [`${prefix}deal`]: { method: 'crm.deal.get', params: { id: dealId }, optional: true },
    // The client's names ride in the same request, by reference to the deal's own fields.
    [`${prefix}company`]: {
      method: 'crm.company.get',
      params: { id: `$result[${prefix}deal][COMPANY_ID]` },
      optional: true,
    },
    [`${prefix}contact`]: {
      method: 'crm.contact.get',
      params: { id: `$result[${prefix}deal][CONTACT_ID]` },
      optional: true,
    },
    [`${prefix}history`]: {
      method: 'crm.stagehistory.list',
      params: {
        entityTypeId: 2,
        order: { ID: 'DESC' },
        filter: { OWNER_ID: dealId },
        select: ['ID', 'OWNER_ID', 'CREATED_TIME', 'STAGE_ID'],
      },
      optional: speculative,
    },
    [`${prefix}activities`]: activitiesRead(2, dealId, speculative),
    [`${prefix}tasks`]: {
      method: 'tasks.task.list',
      params: {
        order: { DEADLINE: 'ASC' },
        filter: { ...openTaskFilter, UF_CRM_TASK: `D_${dealId}` },
        select: taskSelect,
      },
      optional: speculative,
    },
  };
}

/** The card from its reads, or undefined when the deal is not the one wanted (or not there at all). */
export async function dealCardFrom(
  context: ScenarioContext,
  results: Record<string, ReadResult>,
  prefix = '',
  wantedId?: number,
): Promise<ViewModel | undefined> {
  const { names, director, now, at } = context;
  const part = (name: DealCardPart) => results[`${prefix}${name}`];
  const deal = part('deal')?.failed ? undefined : dealSchema.safeParse(part('deal')?.result).data;
  if (!deal || (wantedId !== undefined && deal.ID !== wantedId)) return undefined;
  if (part('history')?.failed || part('activities')?.failed || part('tasks')?.failed) return undefined;
  const company = companySchema.safeParse(part('company')?.result).data;
  const contact = contactSchema.safeParse(part('contact')?.result).data;
  const activities = parseItems(activitySchema, part('activities')?.items);
  const movements = lastMovements(parseItems(stageHistorySchema, part('history')?.items), activities);
  const item = toDealItem(deal, {
    ...(await dealNamesFor(names, [deal])),
    stuckDays: stuckDaysOf(deal, movements, now),
    companyTitle: deal.COMPANY_ID && company?.ID === deal.COMPANY_ID ? company.TITLE : undefined,
    contactName: deal.CONTACT_ID && contact?.ID === deal.CONTACT_ID ? personName(contact) : undefined,
  });
  const createdAt = toDirectorTime(deal.DATE_CREATE, director.timeZone);
  return {
    view: 'dealCard',
    at,
    deal: { ...item, ...(createdAt ? { createdAt } : {}), ...(deal.COMMENTS ? { comments: deal.COMMENTS } : {}) },
    activities: activities
      .map((activity) => toActivityItem(activity, director.timeZone))
      .sort(byRecency)
      .slice(0, 5),
    tasks: parseItems(taskSchema, part('tasks')?.items)
      .map((task) => toTaskItem(task, now, director.timeZone))
      .sort(byDeadline),
  };
}

/** One deal in full: stage, sum, client, people, recent activities and its open tasks. */
export async function dealCard(context: ScenarioContext, dealId: number): Promise<ViewModel> {
  const results = await readTogether(context, dealCardReads(dealId));
  return (
    (await dealCardFrom(context, results)) ?? { view: 'notFound', at: context.at, about: 'deal', query: String(dealId) }
  );
}
