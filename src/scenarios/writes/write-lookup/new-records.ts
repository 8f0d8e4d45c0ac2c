// A new task or deal: who does it and which clients and deals it is about. A person or a client named by
// several records becomes one pick list whose every option is a complete write; a pick only chooses.

import type { Director } from '../../../vocabulary/director.ts';
import type { WriteDraft } from '../../../vocabulary/drafts.ts';
import type { CrmLink, WriteRequest } from '../../../vocabulary/writes.ts';
import type { Person } from '../../names.ts';
import { deadlineChoices, directReports } from './asked.ts';
import { type LinkKind, type Mention, mentionsIn } from './links.ts';
import { entityTitle } from './refresh.ts';
import { leadingPerson, withoutClientWords } from './title-slots.ts';
import {
  type LookupContext,
  type LookupOption,
  type LookupSubject,
  label,
  outcome,
  type WriteLookup,
} from './types.ts';

type TaskDraft = Extract<WriteDraft, { type: 'createTask' }>;
type DealDraft = Extract<WriteDraft, { type: 'createDeal' }>;
type ContactDraft = Extract<WriteDraft, { type: 'createContact' }>;

import type { Alternative } from './asked.ts';

/** Every combination of the parts' alternatives; a part with one alternative adds nothing to the button text. */
function combinations<T>(parts: Alternative<T>[][]): { text: string; values: T[] }[] {
  return parts.reduce<{ text: string; values: T[] }[]>(
    (done, part) =>
      done.flatMap((so) =>
        part.map((one) => ({
          text: part.length > 1 ? [so.text, one.text].filter(Boolean).join(' · ') : so.text,
          values: [...so.values, one.value],
        })),
      ),
    [{ text: '', values: [] }],
  );
}

/** The clients and deals the words name: said apart (`about`), else found in the title itself. */
async function mentions(
  context: LookupContext,
  about: string | undefined,
  title: string,
  kinds: LinkKind[],
): Promise<Mention[]> {
  if (!about) return mentionsIn(context.portal, title, kinds);
  const found = await mentionsIn(context.portal, about, kinds);
  // A name said apart that fits nothing is «not found», not silently left out.
  return found.length ? found : [{ kind: kinds.includes('company') ? 'company' : kinds[0]!, name: about, records: [] }];
}

/** «поставь по ней задачу»: the deal or client picked from what was just shown, bound as it is. */
function pickedMention(draft: TaskDraft): Mention[] | undefined {
  const { picked } = draft;
  if (picked?.kind !== 'deal' && picked?.kind !== 'company' && picked?.kind !== 'contact') return undefined;
  return [
    { kind: picked.kind, name: picked.title, records: [{ kind: picked.kind, id: picked.id, title: picked.title }] },
  ];
}

const linkChoices = (mention: Mention): Alternative<CrmLink>[] =>
  mention.records.map((record) => ({ text: record.title, value: record }));

/** What the pick list asks about: the first part with a choice. */
function subjectOf(people: number, found: Mention[]): { subject: LookupSubject; query: string } | undefined {
  if (people > 1) return undefined;
  const ambiguous = found.find((mention) => mention.records.length > 1);
  return ambiguous && { subject: ambiguous.kind, query: ambiguous.name };
}

/** Who the task goes to: the person named, the director's own people when it is given away, else the director. */
async function responsibles(
  context: LookupContext,
  director: Director,
  draft: TaskDraft,
): Promise<Alternative<number>[]> {
  const asAlternative = (person: Person) => ({
    text: person.position ? `${person.name}, ${person.position}` : person.name,
    value: person.id,
  });
  if (draft.responsibleName) return (await context.names.findUsers(draft.responsibleName)).map(asAlternative);
  if (draft.delegated) return (await directReports(context.names, director.portalUserId)).map(asAlternative);
  return [{ text: '', value: director.portalUserId }];
}

/** The deal or client «по ней» points at (the card just shown), as a mention of one record. */
async function pointedRecord(context: LookupContext, draft: TaskDraft): Promise<Mention[]> {
  if (!draft.record) return [];
  const title = await entityTitle(context, draft.record.kind, draft.record.id);
  return title ? [{ kind: draft.record.kind, name: title, records: [{ ...draft.record, title }] }] : [];
}

export async function newTask(context: LookupContext, director: Director, said: TaskDraft): Promise<WriteLookup> {
  const leading = said.responsibleName || said.delegated ? undefined : await leadingPerson(context.names, said.title);
  const draft = leading ? { ...said, responsibleName: leading.name, title: leading.rest } : said;
  const people = await responsibles(context, director, draft);
  if (people.length === 0) return { kind: 'notFound', subject: 'person', query: draft.responsibleName ?? '' };
  const found = pickedMention(draft) ?? [
    ...(await pointedRecord(context, draft)),
    ...(await mentions(context, draft.about, draft.title, ['deal', 'company', 'contact'])),
  ];
  const unknown = found.find((mention) => mention.records.length === 0);
  if (unknown) return { kind: 'notFound', subject: unknown.kind, query: unknown.name };
  const title = withoutClientWords(draft.title, found);
  // Work given to someone else without a date: the date is asked for, once the person is clear.
  // A deadline already past («вчера», «в 9» said at noon): the date is asked for again.
  const forOther =
    Boolean(draft.responsibleName || draft.delegated) &&
    people.some((person) => person.value !== director.portalUserId);
  const passed = draft.deadline !== undefined && Date.parse(draft.deadline) <= context.now().getTime();
  const askDeadline =
    (passed || (!draft.deadline && !draft.noDeadline && forOther)) &&
    people.length === 1 &&
    found.every((m) => m.records.length === 1);
  const deadlines: Alternative<string | undefined>[] = askDeadline
    ? deadlineChoices(context.now(), director)
    : [{ text: '', value: draft.deadline }];
  const options: LookupOption[] = combinations<number | string | undefined | CrmLink>([
    people,
    deadlines,
    ...found.map(linkChoices),
  ]).map(({ text, values: [responsibleId, deadline, ...links] }) => {
    const write: WriteRequest = {
      type: 'createTask',
      title,
      ...(deadline ? { deadline: deadline as string } : {}),
      responsibleId: responsibleId as number,
      ...(links.length ? { links: links as CrmLink[] } : {}),
    };
    return { label: label(text), write };
  });
  if (askDeadline)
    return {
      kind: 'choose',
      subject: 'deadline',
      query: title,
      options,
      ...(passed ? { passed: draft.deadline } : {}),
    };
  const asked = subjectOf(people.length, found);
  return outcome(asked?.subject ?? 'person', asked?.query ?? draft.responsibleName ?? '', options);
}

/** A new contact, at the company said («из Гранита»): namesakes are a pick, none «not found». */
export async function newContact(context: LookupContext, draft: ContactDraft): Promise<WriteLookup> {
  const write: WriteRequest = {
    type: 'createContact',
    name: draft.name,
    ...(draft.lastName ? { lastName: draft.lastName } : {}),
    ...(draft.phone ? { phone: draft.phone } : {}),
    ...(draft.email ? { email: draft.email } : {}),
  };
  if (!draft.companyName) return { kind: 'ready', write };
  const [company] = await mentions(context, draft.companyName, '', ['company']);
  if (!company || company.records.length === 0)
    return { kind: 'notFound', subject: 'company', query: company?.name ?? draft.companyName };
  const options = company.records.map((record) => ({
    label: label(record.title),
    write: { ...write, company: record },
  }));
  return outcome('company', company.name, options);
}

export async function newDeal(context: LookupContext, draft: DealDraft): Promise<WriteLookup> {
  const base: WriteRequest = {
    type: 'createDeal',
    title: draft.title,
    amount: draft.amount,
    currency: draft.amount === undefined ? draft.currency : (draft.currency ?? 'RUB'),
  };
  // A deal has one client: the one said apart, else the first company or contact its title names.
  const found = await mentions(context, draft.clientName, draft.title, ['company', 'contact']);
  const [client] = found;
  if (!client) return { kind: 'ready', write: base };
  if (client.records.length === 0) return { kind: 'notFound', subject: client.kind, query: client.name };
  const title = withoutClientWords(draft.title, [client]);
  return outcome(
    client.kind,
    client.name,
    client.records.map((record) => ({ label: label(record.title), write: { ...base, title, client: record } })),
  );
}
