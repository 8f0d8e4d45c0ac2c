// New leads of a window, with their sources and statuses named.

import type { LeadItem } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { type PortalLead, personName } from '../portal-data.ts';
import type { Read } from '../reads.ts';
import { toDirectorTime, type Window } from '../schedule/day-window.ts';

export const leadSelect = [
  'ID',
  'TITLE',
  'NAME',
  'LAST_NAME',
  'STATUS_ID',
  'SOURCE_ID',
  'DATE_CREATE',
  'ASSIGNED_BY_ID',
  'COMPANY_TITLE',
  'PHONE',
  'EMAIL',
];

export function newLeadsRead(window: Window, all = true): Read {
  return {
    method: 'crm.lead.list',
    params: {
      order: { DATE_CREATE: 'DESC', ID: 'DESC' },
      filter: { '>=DATE_CREATE': window.from, '<DATE_CREATE': window.to },
      select: leadSelect,
    },
    all,
  };
}

export async function toLeadItems(context: ScenarioContext, leads: PortalLead[]): Promise<LeadItem[]> {
  const people = await context.names.users(leads.map((lead) => lead.ASSIGNED_BY_ID ?? 0).filter((id) => id > 0));
  return Promise.all(
    leads.map(async (lead) => {
      const item: LeadItem = {
        id: lead.ID,
        title: lead.TITLE || personName(lead) || lead.COMPANY_TITLE || '',
        createdAt: toDirectorTime(lead.DATE_CREATE, context.director.timeZone) ?? '',
      };
      const source = lead.SOURCE_ID ? await context.names.sourceName(lead.SOURCE_ID) : undefined;
      if (source) item.sourceName = source;
      const status = lead.STATUS_ID ? await context.names.leadStatusName(lead.STATUS_ID) : undefined;
      if (status) item.statusName = status;
      const responsible = lead.ASSIGNED_BY_ID ? people.get(lead.ASSIGNED_BY_ID) : undefined;
      if (responsible) item.responsible = responsible;
      return item;
    }),
  );
}
