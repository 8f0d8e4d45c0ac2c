import type { Params } from '../../portal/port.ts';
import type { Query } from '../../vocabulary/query.ts';
import type { QueryFilters, ViewModel } from '../../vocabulary/view-models.ts';
import { findReads, foundRecords } from '../clients/find-records.ts';
import type { ScenarioContext } from '../context.ts';
import { sameName } from '../matcher.ts';
import { companySchema, contactSchema, parseItems, personName } from '../portal-data.ts';
import { type Read, readTogether } from '../reads.ts';
import { withSubdepartments } from '../reports/team-status.ts';
import { departmentsNamed, isDepartmentSaid } from './query-department.ts';

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
  if (isDepartmentSaid(said)) return departmentMembers(context, query, said);
  const several = await severalPeople(context, said);
  if (several) return { ok: several };
  const exact = /^#(\d+)$/u.exec(said);
  if (exact) {
    const id = Number(exact[1]);
    const person = (await names.users([id])).get(id);
    if (!person) return { view: { view: 'queryNotFound', at, query, about: 'person', name: said } };
    return { ok: { ids: [id], shown: { kind: 'person', person } } };
  }
  const found = await names.findUsers(said);
  if (found.length === 1) return { ok: { ids: [found[0]!.id], shown: { kind: 'person', person: found[0]! } } };
  if (found.length === 0) return { ok: undefined };
  return { view: { view: 'queryChoice', at, about: 'person', name: said, options: personOptions(query, found) } };
}

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

/** «Соколова и Морозовой», «Ромашки, Ориона»: the names a list says, one each. */
const partsOf = (said: string) => said.split(/\s*,\s*|\s+(?:и|and)\s+/u).filter(Boolean);

/** «Соколова и Морозовой», «Орловой, Попова»: each part one employee, or this is no list of people. */
export async function severalPeople(context: ScenarioContext, said: string): Promise<Who | undefined> {
  const parts = partsOf(said);
  if (parts.length < 2) return undefined;
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
  const { at } = context;
  const exact = /^#(co|c)(\d+)$/u.exec(said);
  const reads = exact
    ? exact[1] === 'co'
      ? { company: { method: 'crm.company.get', params: { id: Number(exact[2]) } } }
      : { contact: { method: 'crm.contact.get', params: { id: Number(exact[2]) } } }
    : findReads(said, ['company', 'contact']);
  const results = await readTogether(context, reads as Record<string, Read>);
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

/** «сделки Альфы и Беты», «задачи по Ромашке и Васильку»: each part one client, or this is no list of clients. */
export async function severalClients(
  context: ScenarioContext,
  query: Query,
  said: string,
): Promise<Client[] | undefined> {
  const parts = partsOf(said);
  if (parts.length < 2) return undefined;
  const found = await Promise.all(parts.map((part) => resolveClient(context, query, part)));
  const clients = found.flatMap((one) => ('ok' in one && one.ok ? [one.ok] : []));
  return clients.length === parts.length ? clients : undefined;
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
