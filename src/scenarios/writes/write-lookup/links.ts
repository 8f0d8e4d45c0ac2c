// The clients and deals a new task or deal is about, so it is bound to them and shows on their cards: found by
// the names in the director's words. «позвонить в Ромашку» is about ООО «Ромашка», «отправить КП Ромашкину»
// about the contact Олег Ромашкин. Namesakes are alternatives of one mention: the director picks one.
import type { PortalClient } from '../../../portal/port.ts';
import type { CrmLink } from '../../../vocabulary/writes.ts';
import { matchesName, needlesOf, stemOf, wordsOf } from '../../matcher.ts';
import { parseItems, personName } from '../../portal-data.ts';
import {
  companySchema,
  contactSchema,
  dealSchema,
  type FoundCompany,
  type FoundContact,
  type FoundDeal,
} from './finders.ts';

export type LinkKind = CrmLink['kind'];

/** The records one name in the words fits: one, or several namesakes to pick from. */
export interface Mention {
  kind: LinkKind;
  /** The name as the portal keeps it (a contact: the surname), to ask «which one?» about. */
  name: string;
  records: CrmLink[];
}

// Words that name nothing: a record whose name they fit would be a guess.
const FUNCTION_WORDS = new Set(['для', 'при', 'над', 'под', 'про', 'без', 'что', 'как', 'это', 'the', 'and', 'for']);
const MAX_WORDS = 8;

const asLink = {
  company: (company: FoundCompany): CrmLink => ({ kind: 'company', id: company.ID, title: company.TITLE }),
  contact: (contact: FoundContact): CrmLink => ({ kind: 'contact', id: contact.ID, title: personName(contact) }),
  deal: (deal: FoundDeal): CrmLink => ({ kind: 'deal', id: deal.ID, title: deal.TITLE }),
};

// What the portal is asked for each word: the field that names the record, and only what the link needs.
const searched: Record<LinkKind, { method: string; field: string; select: string[]; filter?: object }> = {
  company: { method: 'crm.company.list', field: 'TITLE', select: ['ID', 'TITLE'] },
  contact: { method: 'crm.contact.list', field: 'LAST_NAME', select: ['ID', 'NAME', 'LAST_NAME'] },
  deal: { method: 'crm.deal.list', field: 'TITLE', select: ['ID', 'TITLE'], filter: { STAGE_SEMANTIC_ID: 'P' } },
};

/** The words worth looking up: the longest ones, each as the part of its stem the portal can match. */
function needlesIn(text: string): string[] {
  const words = [...new Set(wordsOf(text))].filter((word) => word.length >= 3 && !FUNCTION_WORDS.has(word));
  const longest = words.sort((a, b) => b.length - a.length).slice(0, MAX_WORDS);
  return [...new Set(longest.flatMap((word) => needlesOf(word, 1)))];
}

/** Records of these kinds whose whole name is in the text, in any case, grouped by name (namesakes together). */
export async function mentionsIn(portal: PortalClient, text: string, kinds: LinkKind[]): Promise<Mention[]> {
  const needles = needlesIn(text);
  if (needles.length === 0) return [];
  const commands = Object.fromEntries(
    kinds.flatMap((kind) => {
      const { method, field, select, filter } = searched[kind];
      return needles.map((needle, index) => [
        `${kind}_${index}`,
        { method, params: { filter: { ...filter, [`%${field}`]: needle }, select } },
      ]);
    }),
  );
  const { results } = await portal.batch(commands);
  const resultsOf = (kind: LinkKind) =>
    Object.entries(results).flatMap(([name, result]) => (name.startsWith(`${kind}_`) ? [result] : []));
  const found = [
    ...parseItems(companySchema, resultsOf('company').flat()).map((c) => ({ name: c.TITLE, link: asLink.company(c) })),
    ...parseItems(contactSchema, resultsOf('contact').flat()).map((c) => ({
      name: c.LAST_NAME,
      link: asLink.contact(c),
    })),
    ...parseItems(dealSchema, resultsOf('deal').flat()).map((d) => ({ name: d.TITLE, link: asLink.deal(d) })),
  ];
  return grouped(found.filter(({ name }) => named(text, name)));
}

/** Every word of the record's name is in the text; initials («ИП Кравцов А. Н.») are not needed. */
function named(text: string, name: string): boolean {
  const words = wordsOf(name).filter((word) => word.length > 1);
  return words.length > 0 && matchesName(text, words.join(' '));
}

/** Records named by the same words are one mention; each record once. */
function grouped(found: { name: string; link: CrmLink }[]): Mention[] {
  const mentions = new Map<string, Mention>();
  for (const { name, link } of found) {
    const key = `${link.kind}:${wordsOf(name).map(stemOf).join(' ')}`;
    const mention = mentions.get(key) ?? { kind: link.kind, name, records: [] };
    if (!mention.records.some((record) => record.id === link.id)) mention.records.push(link);
    mentions.set(key, mention);
  }
  return [...mentions.values()];
}
