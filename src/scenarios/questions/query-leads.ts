import type { Params } from '../../portal/port.ts';
import { leadSelect, toLeadItems } from '../clients/leads.ts';
import { leadSchema, parseItems } from '../portal-data.ts';
import { readTogether } from '../reads.ts';
import { valueParams } from './portal-values.ts';
import { type Answer, countRows, part, type Run, ranked, titledAbout, window } from './query-answer.ts';
import { amountFilter, between, people } from './query-filters.ts';
import { withoutRelated } from './query-without.ts';

export async function leads(run: Run): Promise<Answer> {
  const { context, query, who } = run;
  const range = window(run);
  const filter: Params = {
    ...people('ASSIGNED_BY_ID', who),
    ...between('DATE_CREATE', range),
    ...amountFilter(query),
    ...(await valueParams(context, query, run.filters)),
  };
  if (query.status === 'new') filter.STATUS_ID = 'NEW';
  if (query.status === 'open') filter.STATUS_SEMANTIC_ID = 'P';
  if (query.status === 'won' || query.status === 'done') filter.STATUS_SEMANTIC_ID = 'S';
  if (query.status === 'lost') filter.STATUS_SEMANTIC_ID = 'F';
  const reads = await readTogether(context, {
    leads: {
      method: 'crm.lead.list',
      params: { order: { DATE_CREATE: 'DESC', ID: 'DESC' }, filter, select: leadSelect },
      all: true,
      byId: true,
    },
  });
  // Read by ID windows; the newest first.
  const newest = parseItems(leadSchema, reads.leads.items)
    .filter(titledAbout(query, (lead) => lead.TITLE))
    .sort((a, b) => (b.DATE_CREATE ?? '').localeCompare(a.DATE_CREATE ?? '') || b.ID - a.ID);
  // «самые старые лиды», «последние 5 лидов».
  const raw = ranked(await withoutRelated(run, 'lead', newest, (lead) => lead.ID), query, {
    id: (lead) => lead.ID,
    created: (lead) => lead.DATE_CREATE,
  });
  if (query.groupBy) {
    const by = query.groupBy;
    const owners = await context.names.users(raw.map((lead) => lead.ASSIGNED_BY_ID ?? 0).filter((id) => id > 0));
    // Sources and statuses by the portal's own names, never their codes.
    const named = new Map<number, string>();
    for (const lead of raw)
      if (by === 'source' || by === 'stage')
        named.set(
          lead.ID,
          (by === 'source'
            ? await context.names.sourceName(lead.SOURCE_ID)
            : await context.names.leadStatusName(lead.STATUS_ID)) ?? '—',
        );
    const rows = countRows(raw, by, context.director.timeZone, (lead) => ({
      person: owners.get(lead.ASSIGNED_BY_ID ?? 0),
      date: lead.DATE_CREATE,
      name: named.get(lead.ID),
    }));
    return { result: { kind: 'groups', rows }, total: raw.length };
  }
  if (query.measure === 'count')
    return { result: { kind: 'total', count: raw.length, sums: [], averages: [] }, total: raw.length };
  const items = await toLeadItems(context, part(raw, run));
  return { result: { kind: 'leads', items }, total: raw.length };
}
