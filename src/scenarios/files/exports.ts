// Whole lists for a spreadsheet: every record, not the first page, paged through the portal's rate limit up to
// 10,000 rows. Rows are plain typed data in the director's words, each with the address of its record in the
// portal (the portal's own pages, never its remote interface).
import { DateTime } from 'luxon';
import type { z } from 'zod';
import {
  type ContactRow,
  type DealRow,
  EXPORT_LIMIT,
  type ExportList,
  type ExportTable,
  type LeadRow,
  type MemberRow,
  type TaskRow,
} from '../../vocabulary/export-tables.ts';
import { type RecordKind, recordAddress } from '../../vocabulary/record-links.ts';
import { leadSelect } from '../clients/leads.ts';
import { linksOf, type ScenarioContext } from '../context.ts';
import { dealSelect, openDealFilter } from '../deals/open-deals.ts';
import { forecastRows } from '../plan/plan-export.ts';
import {
  companySchema,
  contactSchema,
  dealSchema,
  leadSchema,
  type PortalContact,
  type PortalDeal,
  type PortalLead,
  parseItems,
  personName,
  taskSchema,
} from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { teamStatus } from '../reports/team-status.ts';
import { toDirectorTime } from '../schedule/day-window.ts';
import { openTaskFilter, taskSelect } from '../tasks/open-tasks.ts';

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

/** The address of a record's page in the portal, e.g. https://<portal>/crm/deal/details/7/. */
const linkOf = (context: ScenarioContext, kind: RecordKind, id: number, owner?: number): string | undefined => {
  const links = linksOf(context);
  return links ? recordAddress(links, kind, id, owner) : undefined;
};

const localTime = (context: ScenarioContext, iso: string | undefined) => toDirectorTime(iso, context.director.timeZone);

// A filter by ID takes this many at once: one page of the portal's answer.
const IDS_PER_READ = 50;

/** The records with these IDs, read in pages of 50 IDs, all in batches (never the whole list of the portal). */
export async function recordsWithIds<T extends z.ZodType>(
  context: ScenarioContext,
  schema: T,
  method: string,
  ids: (number | undefined)[],
  select: string[],
): Promise<z.output<T>[]> {
  const wanted = [...new Set(ids.filter((id): id is number => Boolean(id)))];
  const reads: Record<string, Read> = {};
  for (let start = 0; start < wanted.length; start += IDS_PER_READ)
    reads[`ids${start}`] = {
      method,
      params: { filter: { ID: wanted.slice(start, start + IDS_PER_READ) }, select, order: { ID: 'ASC' } },
    };
  const results = await readTogether({ portal: context.portal }, reads);
  return parseItems(
    schema,
    Object.values(results).flatMap((result) => result.items),
  );
}

async function companyTitles(context: ScenarioContext, ids: (number | undefined)[]): Promise<Map<number, string>> {
  const companies = await recordsWithIds(context, companySchema, 'crm.company.list', ids, ['ID', 'TITLE']);
  return new Map(companies.map((company) => [company.ID, company.TITLE]));
}

const peopleOf = (context: ScenarioContext, ids: (number | undefined)[]) =>
  context.names.users([...new Set(ids.filter((id): id is number => Boolean(id)))]);

export const dealExportSelect = [...dealSelect, 'COMPANY_ID', 'CLOSEDATE'];

async function deals(context: ScenarioContext): Promise<DealRow[]> {
  return dealRows(
    context,
    await everyRecord(context, dealSchema, 'crm.deal.list', { filter: openDealFilter, select: dealExportSelect }),
  );
}

export async function dealRows(context: ScenarioContext, raw: PortalDeal[]): Promise<DealRow[]> {
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

export const taskLink = (context: ScenarioContext, responsibleId: number, id: number) =>
  linkOf(context, 'task', id, responsibleId);

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
      link: taskLink(context, responsibleId, task.id),
    };
  });
}

async function leads(context: ScenarioContext): Promise<LeadRow[]> {
  return leadRows(context, await everyRecord(context, leadSchema, 'crm.lead.list', { select: leadSelect }));
}

export async function leadRows(context: ScenarioContext, raw: PortalLead[]): Promise<LeadRow[]> {
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

export const contactExportSelect = ['ID', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'POST', 'COMPANY_ID', 'PHONE', 'EMAIL'];

async function contacts(context: ScenarioContext): Promise<ContactRow[]> {
  return contactRows(
    context,
    await everyRecord(context, contactSchema, 'crm.contact.list', { select: contactExportSelect }),
  );
}

export async function contactRows(context: ScenarioContext, raw: PortalContact[]): Promise<ContactRow[]> {
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
    case 'forecast':
      return { list, rows: await forecastRows(context) };
  }
}
