// Finding CRM records by any part of a name: each word of the query is looked up by the portal (a "contains"
// filter on each name field), all in one batch; a record is a match when every word is somewhere in it.
import type { Params } from '../../portal/port.ts';
import { dealSelect } from '../deals/open-deals.ts';
import { matchesName, needlesOf } from '../matcher.ts';
import {
  companySchema,
  contactSchema,
  dealSchema,
  leadSchema,
  type PortalCompany,
  type PortalContact,
  type PortalDeal,
  type PortalLead,
  parseItems,
  personName,
} from '../portal-data.ts';
import type { Read, ReadResult } from '../reads.ts';
import { leadSelect } from './leads.ts';

export type RecordKind = 'contact' | 'company' | 'deal' | 'lead';

const searched: Record<RecordKind, { method: string; fields: string[]; select: string[]; filter?: Params }> = {
  contact: {
    method: 'crm.contact.list',
    fields: ['NAME', 'LAST_NAME', 'SECOND_NAME'],
    select: ['ID', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'POST', 'COMPANY_ID', 'PHONE', 'EMAIL'],
  },
  company: { method: 'crm.company.list', fields: ['TITLE'], select: ['ID', 'TITLE', 'PHONE', 'EMAIL'] },
  deal: {
    method: 'crm.deal.list',
    fields: ['TITLE'],
    select: dealSelect,
  },
  lead: {
    method: 'crm.lead.list',
    fields: ['TITLE', 'NAME', 'LAST_NAME', 'COMPANY_TITLE'],
    select: leadSelect,
  },
};

/** The batch reads that look for the query among the given kinds of records. */
export function findReads(query: string, kinds: RecordKind[]): Record<string, Read> {
  // Each word by its stem, so any case of a name is found («с Ромашкой» → ромашк), in Cyrillic («Romashka»).
  const needles = needlesOf(query, 3);
  const reads: Record<string, Read> = {};
  for (const kind of kinds) {
    const { method, fields, select } = searched[kind];
    for (const [index, needle] of needles.entries()) {
      for (const field of fields) {
        reads[`${kind}_${field}_${index}`] = {
          method,
          params: { order: { ID: 'DESC' }, filter: { [`%${field}`]: needle }, select },
        };
      }
    }
  }
  return reads;
}

export interface Found {
  contacts: PortalContact[];
  companies: PortalCompany[];
  deals: PortalDeal[];
  leads: PortalLead[];
}

function collect<T extends { ID: number }>(
  results: Record<string, ReadResult>,
  kind: RecordKind,
  parse: (result: unknown) => T[],
  texts: (item: T) => string[],
  query: string,
): { all: T[]; whole: T[] } {
  const byId = new Map<number, T>();
  for (const [name, result] of Object.entries(results)) {
    if (!name.startsWith(`${kind}_`)) continue;
    for (const item of parse(result.items))
      if (matchesName(texts(item).join(' '), query, { prefix: true })) byId.set(item.ID, item);
  }
  const all = [...byId.values()].sort((a, b) => b.ID - a.ID);
  return { all, whole: all.filter((item) => matchesName(texts(item).join(' '), query)) };
}

/**
 * The records matching the query. When some match it by whole words, the ones matching only by the start of a
 * longer word are dropped: «Ромашка» is ООО «Ромашка», not Олег Ромашкин; «Ром» still finds both.
 */
export function foundRecords(query: string, results: Record<string, ReadResult>): Found {
  const found = {
    contacts: collect(
      results,
      'contact',
      (r) => parseItems(contactSchema, r),
      (c) => [personName(c), c.SECOND_NAME ?? ''],
      query,
    ),
    companies: collect(
      results,
      'company',
      (r) => parseItems(companySchema, r),
      (c) => [c.TITLE],
      query,
    ),
    deals: collect(
      results,
      'deal',
      (r) => parseItems(dealSchema, r),
      (d) => [d.TITLE],
      query,
    ),
    leads: collect(
      results,
      'lead',
      (r) => parseItems(leadSchema, r),
      (l) => [l.TITLE, personName(l), l.COMPANY_TITLE ?? ''],
      query,
    ),
  };
  const lists = Object.values(found);
  const side = lists.some((list) => list.whole.length > 0) ? 'whole' : 'all';
  return {
    contacts: found.contacts[side],
    companies: found.companies[side],
    deals: found.deals[side],
    leads: found.leads[side],
  };
}
