import type { Params } from '../../portal/port.ts';
import { type Names, namesOf, type Query } from '../../vocabulary/query.ts';
import type { QueryFilters, ViewModel } from '../../vocabulary/view-models.ts';
import { findReads, foundRecords } from '../clients/find-records.ts';
import type { ScenarioContext } from '../context.ts';
import { matchesName, sameName } from '../matcher.ts';
import { companySchema, contactSchema, parseItems, personName } from '../portal-data.ts';
import { type Read, type ReadResult, readTogether } from '../reads.ts';
import { withSubdepartments } from '../reports/team-status.ts';
import { departmentsNamed, isDepartmentSaid } from './query-department.ts';
import { knownTopic } from './topics.ts';

export type Who = { ids: number[]; shown: QueryFilters['person'] };
export type Resolved<T> = { ok: T } | { view: ViewModel };

// ─── who and which client ────────────────────────────────────────────────

export async function resolvePerson(context: ScenarioContext, query: Query): Promise<Resolved<Who | undefined>> {
  const { names, director, at } = context;
  const said = query.person;
  if (!said) return { ok: undefined };
  if (said === 'me') return { ok: { ids: [director.portalUserId], shown: { kind: 'me' } } };
  if (said === 'team' || said === 'sales') {
    const [departments, profiles] = await Promise.all([names.departments(), names.profiles()]);
    const roots =
      said === 'sales'
        ? departments.filter((department) => /продаж|sales/iu.test(department.name)).map((department) => department.id)
        : departments
            .filter((department) => department.headId === director.portalUserId)
            .map((department) => department.id);
    const own = profiles.find((profile) => profile.ID === director.portalUserId)?.UF_DEPARTMENT ?? [];
    const scope = withSubdepartments(roots.length ? roots : own, departments);
    const ids = profiles
      .filter((profile) => (profile.UF_DEPARTMENT ?? []).some((id) => scope.has(id)))
      .map((profile) => profile.ID);
    return { ok: { ids, shown: { kind: said } } };
  }
  if (typeof said === 'string' && isDepartmentSaid(said)) return departmentMembers(context, query, said);
  // «Орловой и Кузнецова»: each one employee, or this is no list of people (maybe one of clients).
  const parts = namesOf(said);
  if (parts.length > 1) return { ok: await severalPeople(context, parts) };
  const one = parts[0] ?? saidAs(said);
  const exact = /^#(\d+)$/u.exec(one);
  if (exact) {
    const id = Number(exact[1]);
    const person = (await names.users([id])).get(id);
    if (!person) return { view: { view: 'queryNotFound', at, query, about: 'person', name: one } };
    return { ok: { ids: [id], shown: { kind: 'person', person } } };
  }
  // A lowercase word («задачи на марс») is a name only when it spells one, stem for stem — no «Мария» for «марс».
  const typed = await names.findUsers(one);
  const found = /\p{Lu}/u.test(one) ? typed : typed.filter((person) => matchesName(person.name, one, { strict: true }));
  if (found.length === 1) return { ok: { ids: [found[0]!.id], shown: { kind: 'person', person: found[0]! } } };
  if (found.length === 0) return { ok: undefined };
  return { view: { view: 'queryChoice', at, about: 'person', name: one, options: personOptions(query, found) } };
}

/** Names as the director said them, for a reply: a list with commas. */
export const saidAs = (said: Names): string => (typeof said === 'string' ? said : said.join(', '));

/** «задачи отдела проектов», «у логистов»: the members of the department named (its subdepartments too). */
async function departmentMembers(context: ScenarioContext, query: Query, said: string): Promise<Resolved<Who>> {
  const [departments, profiles] = await Promise.all([context.names.departments(), context.names.profiles()]);
  const named = departmentsNamed(said, departments);
  if (!named.length) return { view: { view: 'queryNotFound', at: context.at, query, about: 'department', name: said } };
  const scope = withSubdepartments(
    named.map((department) => department.id),
    departments,
  );
  const ids = profiles
    .filter((profile) => (profile.UF_DEPARTMENT ?? []).some((id) => scope.has(id)))
    .map((profile) => profile.ID);
  return { ok: { ids, shown: { kind: 'department', name: named.map((department) => department.name).join(', ') } } };
}

/** «Соколова и Морозовой», «Орловой, Попова»: each part one employee, or this is no list of people. */
async function severalPeople(context: ScenarioContext, parts: string[]): Promise<Who | undefined> {
  const found = await Promise.all(parts.map((part) => context.names.findUsers(part)));
  if (!found.every((people) => people.length === 1)) return undefined;
  const people = found.map((one) => one[0]!);
  return { ids: people.map((person) => person.id), shown: { kind: 'people', people } };
}

export const personOptions = (query: Query, people: { id: number; name: string; position?: string }[]) =>
  people.slice(0, 8).map((person) => ({
    label: person.position ? `${person.name}, ${person.position}` : person.name,
    query: { ...query, person: `#${person.id}` },
  }));

/** «сделки Соколва»: nobody and no client is called so, but an employee nearly is — offered, never assumed. */
export async function nearlyNamed(
  context: ScenarioContext,
  query: Query,
  said: string,
): Promise<ViewModel | undefined> {
  const near = await context.names.nearUsers(said);
  if (near.length === 0) return undefined;
  return {
    view: 'queryChoice',
    at: context.at,
    about: 'person',
    name: said,
    near: true,
    options: personOptions(query, near),
  };
}

export type Client = { field: 'COMPANY_ID' | 'CONTACT_ID'; id: number; title: string };

export async function resolveClient(
  context: ScenarioContext,
  query: Query,
  said: string,
): Promise<Resolved<Client | undefined>> {
  return clientOf(context, query, said, await readTogether(context, clientReads(said)));
}

/** What to read to find a client by the name said («Ромашке»), or by its id («#co12»). */
function clientReads(said: string): Record<string, Read> {
  const exact = /^#(co|c)(\d+)$/u.exec(said);
  if (!exact) return findReads(said, ['company', 'contact']);
  return exact[1] === 'co'
    ? { company: { method: 'crm.company.get', params: { id: Number(exact[2]) } } }
    : { contact: { method: 'crm.contact.get', params: { id: Number(exact[2]) } } };
}

/** The client the reads found by the name said: the one, none, or which of several. */
function clientOf(
  context: ScenarioContext,
  query: Query,
  said: string,
  results: Record<string, ReadResult>,
): Resolved<Client | undefined> {
  const { at } = context;
  const exact = /^#(co|c)(\d+)$/u.exec(said);
  const found = exact
    ? {
        companies: exact[1] === 'co' ? parseItems(companySchema, [results.company?.result]) : [],
        contacts: exact[1] === 'c' ? parseItems(contactSchema, [results.contact?.result]) : [],
      }
    : foundRecords(said, results);
  const clients: Client[] = [
    ...found.companies.map((company) => ({ field: 'COMPANY_ID' as const, id: company.ID, title: company.TITLE })),
    ...found.contacts.map((contact) => ({ field: 'CONTACT_ID' as const, id: contact.ID, title: personName(contact) })),
  ];
  // «Ромашка» is the company «Ромашка», not every contact whose company name has the word.
  const same = clients.filter((client) => sameName(client.title, said));
  const fitting = same.length ? same : clients;
  if (fitting.length === 1) return { ok: fitting[0] };
  if (fitting.length === 0) return { ok: undefined };
  return {
    view: {
      view: 'queryChoice',
      at,
      about: 'client',
      name: said,
      options: fitting.slice(0, 8).map((client) => ({
        label: client.title,
        query: { ...query, client: `#${client.field === 'COMPANY_ID' ? 'co' : 'c'}${client.id}` },
      })),
    },
  };
}

/**
 * «сделки Альфы и Беты», «сделки Ромашки, Альфа-Строя и Снежинки»: each name one client — a pick list for the first
 * that fits several (the others kept), or the first that fits none, said by itself.
 */
export async function resolveClients(
  context: ScenarioContext,
  query: Query,
  said: Names,
): Promise<Resolved<Client[]> | { missing: string }> {
  const parts = namesOf(said);
  // Every name's search in one request, each under its own prefix.
  const reads = parts.flatMap((part, index) =>
    Object.entries(clientReads(part)).map(([key, read]) => [`${index}:${key}`, read] as const),
  );
  const results = await readTogether(context, Object.fromEntries(reads));
  const found = parts.map((part, index) => {
    const own = Object.entries(results).flatMap(([key, result]) =>
      key.startsWith(`${index}:`) ? [[key.slice(`${index}:`.length), result] as const] : [],
    );
    return clientOf(context, query, part, Object.fromEntries(own));
  });
  const clients = found.flatMap((one) => ('ok' in one && one.ok ? [one.ok] : []));
  if (clients.length === parts.length) return { ok: clients };
  // «Мясо и Рыба»: one client's name with «и» in it, said as one.
  if (typeof said === 'string' && parts.length > 1) {
    const whole = await resolveClient(context, query, said);
    if ('view' in whole || whole.ok) return 'view' in whole ? whole : { ok: [whole.ok!] };
  }
  const index = found.findIndex((one) => 'view' in one);
  const choice = found[index];
  if (choice && 'view' in choice && choice.view.view === 'queryChoice' && parts.length > 1) {
    const options = choice.view.options.map((option) => ({
      ...option,
      query: { ...option.query, client: parts.map((part, at) => (at === index ? saidAs(option.query.client!) : part)) },
    }));
    return { view: { ...choice.view, options } };
  }
  if (choice && 'view' in choice) return choice;
  return { missing: parts[found.findIndex((one) => 'ok' in one && !one.ok)] ?? saidAs(said) };
}

/** The portal's own filter for records bound to these clients when they are of one kind (companies or contacts). */
export function clientParams(clients: Client[]): Params {
  const [first] = clients;
  if (!first || clients.some((client) => client.field !== first.field)) return {};
  const ids = clients.map((client) => client.id);
  return { [first.field]: ids.length === 1 ? ids[0] : ids };
}

/** Whether a record is bound to one of the clients (all records when none is asked about). */
export const ofClients =
  (clients: Client[]) =>
  (record: { COMPANY_ID?: number | null; CONTACT_ID?: number | null }): boolean =>
    clients.length === 0 ||
    clients.some((client) => (client.field === 'COMPANY_ID' ? record.COMPANY_ID : record.CONTACT_ID) === client.id);

/**
 * «сделки по ромашке», «задачи по договору»: a lowercase word after «по» the router took for a topic may be a client
 * or an employee typed in lower case. The portal's directory is asked first (by the one matcher); a name it holds
 * becomes the question's client or person, anything else stays a topic searched for in the titles.
 */
export async function topicOrName(context: ScenarioContext, query: Query): Promise<Resolved<Query>> {
  const said = query.topic;
  if (!said || knownTopic(said) || query.client) return { ok: query };
  const { topic: _, ...asked } = query;
  const clients = await resolveClients(context, asked, said);
  const parts = namesOf(said);
  // A client is the one its whole name is («ромашке», «зелёной долине»); a word inside a longer name («обучению» in
  // «Сфера Обучения») stays a topic, as does a word several clients' names only hold.
  if ('view' in clients)
    return clients.view.view === 'queryChoice' &&
      clients.view.options.some((option) => parts.some((part) => sameName(option.label, part)))
      ? clients
      : { ok: query };
  if ('ok' in clients && clients.ok.every((client, index) => sameName(client.title, parts[index] ?? said))) {
    const found = clients.ok.map((client) => `#${client.field === 'COMPANY_ID' ? 'co' : 'c'}${client.id}`);
    return { ok: { ...asked, client: found.length > 1 ? found : found[0]! } };
  }
  if (query.person || parts.length > 1) return { ok: query };
  return (await staffNamed(context, asked, said)) ?? { ok: query };
}

/**
 * «задачи по Орловой»: a name asked as a client's that the staff holds instead — the question about that employee,
 * or which of them when several fit; undefined when nobody on the staff is called so.
 */
export async function staffNamed(
  context: ScenarioContext,
  query: Query,
  said: string,
): Promise<Resolved<Query> | undefined> {
  const staff = (await context.names.findUsers(said)).filter((person) => matchesName(person.name, said));
  if (staff.length === 1) return { ok: { ...query, person: `#${staff[0]!.id}` } };
  if (staff.length === 0) return undefined;
  return {
    view: { view: 'queryChoice', at: context.at, about: 'person', name: said, options: personOptions(query, staff) },
  };
}
