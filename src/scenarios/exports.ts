// Whole lists for a spreadsheet: every record, not the first page, paged through the portal's rate limit up to
// 10,000 rows. Rows are plain typed data in the director's words, each with the address of its record in the
// portal (the portal's own pages, never its remote interface).
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { linksOf, type ScenarioContext } from './context.ts';
import { toDirectorTime } from './day-window.ts';
import { leadSelect } from './leads.ts';
import { dealSelect, openDealFilter } from './open-deals.ts';
import { openTaskFilter, taskSelect } from './open-tasks.ts';
import {
  companySchema,
  contactSchema,
  dealSchema,
  leadSchema,
  parseItems,
  personName,
  taskSchema,
} from './portal-data.ts';
import { type RecordKind, recordAddress } from './record-links.ts';
import type { ScenarioName } from './requests.ts';
import { teamStatus } from './team-status.ts';

export type ExportList = 'deals' | 'tasks' | 'leads' | 'contacts' | 'team';
export const EXPORT_LISTS: readonly ExportList[] = ['deals', 'tasks', 'leads', 'contacts', 'team'];

/** At most this many rows: a bigger list is cut here (and says so in its row count). */
export const EXPORT_LIMIT = 10_000;

/** ISO date-times carry the director's offset; links are absent when the portal's address is unknown. */
export interface DealRow {
  id: number;
  title: string;
  stage: string;
  pipeline: string;
  amount: number;
  currency: string;
  responsible: string;
  company: string;
  createdAt?: string;
  closeDate?: string;
  link?: string;
}
export interface TaskRow {
  id: number;
  title: string;
  deadline?: string;
  overdue: boolean;
  responsible: string;
  createdAt?: string;
  link?: string;
}
export interface LeadRow {
  id: number;
  title: string;
  name: string;
  status: string;
  source: string;
  responsible: string;
  phone: string;
  email: string;
  createdAt?: string;
  link?: string;
}
export interface ContactRow {
  id: number;
  name: string;
  position: string;
  company: string;
  phone: string;
  email: string;
  link?: string;
}
export interface MemberRow {
  id: number;
  name: string;
  position: string;
  activeTasks: number;
  overdueTasks: number;
  link?: string;
}

export type ExportTable =
  | { list: 'deals'; rows: DealRow[] }
  | { list: 'tasks'; rows: TaskRow[] }
  | { list: 'leads'; rows: LeadRow[] }
  | { list: 'contacts'; rows: ContactRow[] }
  | { list: 'team'; rows: MemberRow[] };

const all = { maxItems: EXPORT_LIMIT };

/** Every record of a list, oldest first (up to the export limit), checked against its schema. */
async function everyRecord<T extends z.ZodType>(
  context: ScenarioContext,
  schema: T,
  method: string,
  params: Record<string, unknown>,
): Promise<z.output<T>[]> {
  return parseItems(schema, await context.portal.list(method, { order: { ID: 'ASC' }, ...params }, all));
}

/** The list behind a view, as its «📥 Excel» button exports it. */
export function exportListOf(scenario: ScenarioName): ExportList | undefined {
  switch (scenario) {
    case 'deals':
    case 'pipeline':
      return 'deals';
    case 'myTasks':
      return 'tasks';
    case 'newLeads':
      return 'leads';
    case 'contacts':
      return 'contacts';
    case 'teamStatus':
      return 'team';
    default:
      return undefined;
  }
}

/** The address of a record's page in the portal, e.g. https://<portal>/crm/deal/details/7/. */
const linkOf = (context: ScenarioContext, kind: RecordKind, id: number, owner?: number): string | undefined => {
  const links = linksOf(context);
  return links ? recordAddress(links, kind, id, owner) : undefined;
};

const localTime = (context: ScenarioContext, iso: string | undefined) => toDirectorTime(iso, context.director.timeZone);

async function companyTitles(context: ScenarioContext, ids: (number | undefined)[]): Promise<Map<number, string>> {
  if (!ids.some((id) => id)) return new Map();
  const companies = await everyRecord(context, companySchema, 'crm.company.list', { select: ['ID', 'TITLE'] });
  return new Map(companies.map((company) => [company.ID, company.TITLE]));
}

const peopleOf = (context: ScenarioContext, ids: (number | undefined)[]) =>
  context.names.users([...new Set(ids.filter((id): id is number => Boolean(id)))]);

async function deals(context: ScenarioContext): Promise<DealRow[]> {
  const raw = await everyRecord(context, dealSchema, 'crm.deal.list', {
    filter: openDealFilter,
    select: [...dealSelect, 'COMPANY_ID', 'CLOSEDATE'],
  });
  const [stages, pipelines, people, companies] = await Promise.all([
    context.names.stages(),
    context.names.pipelines(),
    peopleOf(
      context,
      raw.map((deal) => deal.ASSIGNED_BY_ID),
    ),
    companyTitles(
      context,
      raw.map((deal) => deal.COMPANY_ID),
    ),
  ]);
  return raw.map((deal) => ({
    id: deal.ID,
    title: deal.TITLE,
    stage: stages.find((stage) => stage.id === deal.STAGE_ID)?.name ?? '',
    pipeline: pipelines.find((pipeline) => pipeline.id === deal.CATEGORY_ID)?.name ?? '',
    amount: deal.OPPORTUNITY,
    currency: deal.CURRENCY_ID || 'RUB',
    responsible: people.get(deal.ASSIGNED_BY_ID ?? 0)?.name ?? '',
    company: companies.get(deal.COMPANY_ID ?? 0) ?? '',
    createdAt: localTime(context, deal.DATE_CREATE),
    closeDate: localTime(context, String(deal.CLOSEDATE ?? '') || undefined),
    link: linkOf(context, 'deal', deal.ID),
  }));
}

/** The director's open tasks, as «мои задачи» lists them. */
async function tasks(context: ScenarioContext): Promise<TaskRow[]> {
  const raw = await everyRecord(context, taskSchema, 'tasks.task.list', {
    filter: { ...openTaskFilter, RESPONSIBLE_ID: context.director.portalUserId },
    select: taskSelect,
  });
  const people = await peopleOf(
    context,
    raw.map((task) => task.responsibleId),
  );
  const now = context.now.getTime();
  return raw.map((task) => {
    const deadline = localTime(context, task.deadline);
    const responsibleId = task.responsibleId ?? context.director.portalUserId;
    return {
      id: task.id,
      title: task.title,
      deadline,
      overdue: deadline !== undefined && DateTime.fromISO(deadline).toMillis() < now,
      responsible: people.get(responsibleId)?.name ?? '',
      createdAt: localTime(context, task.createdDate),
      link: linkOf(context, 'task', task.id, responsibleId),
    };
  });
}

async function leads(context: ScenarioContext): Promise<LeadRow[]> {
  const raw = await everyRecord(context, leadSchema, 'crm.lead.list', { select: leadSelect });
  const people = await peopleOf(
    context,
    raw.map((lead) => lead.ASSIGNED_BY_ID),
  );
  const named = async (code: string, find: (code: string) => Promise<string | undefined>) =>
    (code && (await find(code))) || '';
  return Promise.all(
    raw.map(async (lead) => ({
      id: lead.ID,
      title: lead.TITLE,
      name: personName(lead),
      status: await named(lead.STATUS_ID, context.names.leadStatusName),
      source: await named(lead.SOURCE_ID, context.names.sourceName),
      responsible: people.get(lead.ASSIGNED_BY_ID ?? 0)?.name ?? '',
      phone: lead.PHONE.join(', '),
      email: lead.EMAIL.join(', '),
      createdAt: localTime(context, lead.DATE_CREATE),
      link: linkOf(context, 'lead', lead.ID),
    })),
  );
}

async function contacts(context: ScenarioContext): Promise<ContactRow[]> {
  const raw = await everyRecord(context, contactSchema, 'crm.contact.list', {
    select: ['ID', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'POST', 'COMPANY_ID', 'PHONE', 'EMAIL'],
  });
  const companies = await companyTitles(
    context,
    raw.map((contact) => contact.COMPANY_ID),
  );
  return raw.map((contact) => ({
    id: contact.ID,
    name: personName(contact),
    position: contact.POST,
    company: companies.get(contact.COMPANY_ID ?? 0) ?? '',
    phone: contact.PHONE.join(', '),
    email: contact.EMAIL.join(', '),
    link: linkOf(context, 'contact', contact.ID),
  }));
}

/** The team as «статус команды» shows it: everyone, with their tasks. */
async function team(context: ScenarioContext): Promise<MemberRow[]> {
  const view = await teamStatus(context);
  if (view.view !== 'teamStatus') return [];
  return view.members.map((member) => ({
    id: member.person.id,
    name: member.person.name,
    position: member.person.position,
    activeTasks: member.activeTasks,
    overdueTasks: member.overdueTasks,
    link: linkOf(context, 'person', member.person.id),
  }));
}

export async function exportTable(context: ScenarioContext, list: ExportList): Promise<ExportTable> {
  switch (list) {
    case 'deals':
      return { list, rows: await deals(context) };
    case 'tasks':
      return { list, rows: await tasks(context) };
    case 'leads':
      return { list, rows: await leads(context) };
    case 'contacts':
      return { list, rows: await contacts(context) };
    case 'team':
      return { list, rows: await team(context) };
  }
}
