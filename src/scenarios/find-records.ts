// Finding CRM records by any part of a name: each word of the query is looked up by the portal (a "contains"
// filter on each name field), all in one batch; a record is a match when every word is somewhere in it.
import type { Params } from '../portal/port.ts';
import { normalize, queryWords } from './context.ts';
import { leadSelect } from './leads.ts';
import { dealSelect } from './open-deals.ts';
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
} from './portal-data.ts';
import type { Read, ReadResult } from './reads.ts';

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

// Russian names decline («с Ромашкой», «Иванову»): search by the stem, and compare by it too.
const endings = ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ой', 'ей', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ую', 'ию'];
const letterEndings = ['а', 'я', 'о', 'е', 'у', 'ю', 'ы', 'и', 'й', 'ь'];

export function stemOf(word: string): string {
  if (!/[а-яё]$/i.test(word)) return word;
  for (const ending of [...endings, ...letterEndings]) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** The batch reads that look for the query among the given kinds of records. */
export function findReads(query: string, kinds: RecordKind[]): Record<string, Read> {
  const words = queryWords(query).slice(0, 3);
  const reads: Record<string, Read> = {};
  for (const kind of kinds) {
    const { method, fields, select } = searched[kind];
    for (const [index, word] of words.entries()) {
      for (const field of fields) {
        reads[`${kind}_${field}_${index}`] = {
          method,
          params: { order: { ID: 'DESC' }, filter: { [`%${field}`]: stemOf(word) }, select },
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

function matchesAll(stems: string[], texts: string[]): boolean {
  const haystack = normalize(texts.join(' '));
  return stems.every((stem) => haystack.includes(stem));
}

function collect<T extends { ID: number }>(
  results: Record<string, ReadResult>,
  kind: RecordKind,
  parse: (result: unknown) => T[],
  texts: (item: T) => string[],
  stems: string[],
): T[] {
  const byId = new Map<number, T>();
  for (const [name, result] of Object.entries(results)) {
    if (!name.startsWith(`${kind}_`)) continue;
    for (const item of parse(result.items)) if (matchesAll(stems, texts(item))) byId.set(item.ID, item);
  }
  return [...byId.values()].sort((a, b) => b.ID - a.ID);
}

export function foundRecords(query: string, results: Record<string, ReadResult>): Found {
  const stems = queryWords(query)
    .slice(0, 3)
    .map((word) => normalize(stemOf(word)));
  return preferWholeWords(stems, {
    contacts: collect(
      results,
      'contact',
      (r) => parseItems(contactSchema, r),
      (c) => [personName(c), c.SECOND_NAME ?? ''],
      stems,
    ),
    companies: collect(
      results,
      'company',
      (r) => parseItems(companySchema, r),
      (c) => [c.TITLE],
      stems,
    ),
    deals: collect(
      results,
      'deal',
      (r) => parseItems(dealSchema, r),
      (d) => [d.TITLE],
      stems,
    ),
    leads: collect(
      results,
      'lead',
      (r) => parseItems(leadSchema, r),
      (l) => [l.TITLE, personName(l), l.COMPANY_TITLE ?? ''],
      stems,
    ),
  });
}

/** Every stem is a whole word of the text: «Ромашка» names ООО «Ромашка», not Олег Ромашкин. */
const wholeWords = (stems: string[], texts: string[]) => {
  const words = new Set(queryWords(texts.join(' ')).map((word) => normalize(stemOf(word))));
  return stems.every((stem) => words.has(stem));
};

/** When some records match by whole words, the ones matching only inside a longer word are dropped. */
function preferWholeWords(stems: string[], found: Found): Found {
  const whole: Found = {
    contacts: found.contacts.filter((c) => wholeWords(stems, [personName(c), c.SECOND_NAME ?? ''])),
    companies: found.companies.filter((c) => wholeWords(stems, [c.TITLE])),
    deals: found.deals.filter((d) => wholeWords(stems, [d.TITLE])),
    leads: found.leads.filter((l) => wholeWords(stems, [l.TITLE, personName(l), l.COMPANY_TITLE ?? ''])),
  };
  const any = whole.contacts.length + whole.companies.length + whole.deals.length + whole.leads.length > 0;
  return any ? whole : found;
}
