// Codes become names: stages of every pipeline, pipelines, lead sources and statuses, people with their
// positions, departments. All of it is loaded in one batch (plus one for extra pages on a big portal)
// and kept for a time, so a warm view costs the portal nothing but its own data.
import type { z } from 'zod';
import type { PortalClient } from '../portal/port.ts';
import type { Person } from '../vocabulary/view-models.ts';
import { byGrammar, matchesName, nearlyNamed } from './matcher.ts';
import {
  categorySchema,
  currencySchema,
  departmentSchema,
  type PortalDepartment,
  type PortalUser,
  parseItems,
  personName,
  statusSchema,
  userSchema,
} from './portal-data.ts';
import { type Read, type ReadResult, readTogether } from './reads.ts';

export type { Person } from '../vocabulary/view-models.ts';

export interface Stage {
  id: string;
  name: string;
  sort: number;
  semantics: 'process' | 'success' | 'failure';
  categoryId: number;
}

export interface Pipeline {
  id: number;
  name: string;
}

export interface Department {
  id: number;
  name: string;
  parentId?: number;
  headId?: number;
}

export interface NameDirectory {
  /** The stages of one pipeline in order (0 = the default one); without an id, the stages of every pipeline. */
  stages(categoryId?: number): Promise<Stage[]>;
  /** The stage of a deal's STAGE_ID, in whichever pipeline it is. */
  stage(stageId: string): Promise<Stage | undefined>;
  pipelines(): Promise<Pipeline[]>;
  users(ids: readonly number[]): Promise<Map<number, Person>>;
  /** Active users named by the query in any grammatical case (or, failing that, by their position). */
  findUsers(query: string, options?: { anyForm?: boolean }): Promise<Person[]>;
  /** Active users whose name the query nearly spells (a typo): offered, never taken for a match. */
  nearUsers(query: string): Promise<Person[]>;
  /** The active users' profiles as the portal keeps them (departments, time zones). */
  profiles(): Promise<PortalUser[]>;
  departments(): Promise<Department[]>;
  sourceName(code: string): Promise<string | undefined>;
  leadStatusName(code: string): Promise<string | undefined>;
  /** One of the portal's own lists, code → name: lead sources, lead statuses, currencies. */
  listed(list: PortalList): Promise<Map<string, string>>;
  /** Loads everything now (one batch), so the next views are served from the cache. */
  warm(): Promise<void>;
}

export interface NameDirectoryOptions {
  now?: () => Date;
  /** How long names are kept (default 10 minutes). */
  ttlMs?: number;
}

export type PortalList = 'sources' | 'leadStatuses' | 'currencies';

interface Snapshot {
  loadedAt: number;
  stages: Stage[];
  pipelines: Pipeline[];
  sources: Map<string, string>;
  leadStatuses: Map<string, string>;
  currencies: Map<string, string>;
  users: Map<number, PortalUser>;
  departments: Department[];
}

const semanticsOf = (code: string | undefined): Stage['semantics'] => {
  const value = (code ?? '').toLowerCase();
  if (value === 's' || value === 'success') return 'success';
  if (value === 'f' || value === 'failure') return 'failure';
  return 'process';
};

/** DEAL_STAGE is the default pipeline (0); DEAL_STAGE_7 is pipeline 7. */
function categoryOfEntity(entityId: string): number | undefined {
  if (entityId === 'DEAL_STAGE') return 0;
  const match = /^DEAL_STAGE_(\d+)$/.exec(entityId);
  return match ? Number(match[1]) : undefined;
}

const toPerson = (user: PortalUser): Person => ({ id: user.ID, name: personName(user), position: user.WORK_POSITION });

export function createNameDirectory(portal: PortalClient, options: NameDirectoryOptions = {}): NameDirectory {
  const now = options.now ?? (() => new Date());
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const current = keptFor(ttlMs, now, async () => ({
    ...names(await readTogether({ portal }, LISTS)),
    loadedAt: now().getTime(),
  }));
  const others = otherUsers(portal, ttlMs);
  return {
    async stages(categoryId) {
      const { stages } = await current();
      return categoryId === undefined ? stages : stages.filter((stage) => stage.categoryId === categoryId);
    },
    async stage(stageId) {
      return (await current()).stages.find((stage) => stage.id === stageId);
    },
    async pipelines() {
      return (await current()).pipelines;
    },
    async users(ids) {
      return peopleByIds(ids, (await current()).users, others, now().getTime());
    },
    async findUsers(query, options = {}) {
      const people = [...(await current()).users.values()].map(toPerson);
      // By the name in any case («Орловой», «Марии Орловой»); the position only when the name says nothing.
      // `anyForm`: the words around were not read, so «Орлова» may be Мария or Роман's genitive.
      const byName = people.filter((person) => matchesName(person.name, query));
      return byName.length
        ? options.anyForm
          ? byName
          : byGrammar(byName, (person) => person.name, query)
        : people.filter((person) => matchesName(`${person.name} ${person.position}`, query, { prefix: true }));
    },
    async nearUsers(query) {
      return [...(await current()).users.values()].map(toPerson).filter((person) => nearlyNamed(person.name, query));
    },
    async profiles() {
      return [...(await current()).users.values()];
    },
    async departments() {
      return (await current()).departments;
    },
    async sourceName(code) {
      return (await current()).sources.get(code);
    },
    async leadStatusName(code) {
      return (await current()).leadStatuses.get(code);
    },
    async listed(list) {
      return (await current())[list];
    },
    async warm() {
      await current();
    },
  };
}

// A list the portal refuses (say, departments without the right) leaves its names empty, not the view failed.
const LISTS: Record<'categories' | 'statuses' | 'currencies' | 'users' | 'departments', Read> = {
  categories: { method: 'crm.category.list', params: { entityTypeId: 2 }, all: true, optional: true },
  currencies: { method: 'crm.currency.list', params: {}, optional: true },
  statuses: { method: 'crm.status.list', params: { order: { SORT: 'ASC' } }, all: true, optional: true },
  users: {
    method: 'user.get',
    params: { FILTER: { ACTIVE: true }, sort: 'ID', order: 'ASC' },
    all: true,
    optional: true,
  },
  departments: { method: 'department.get', params: { sort: 'ID', order: 'ASC' }, all: true, optional: true },
};

/** The names in the lists read together. */
function names(raw: Record<keyof typeof LISTS, ReadResult>): Omit<Snapshot, 'loadedAt'> {
  const { stages, sources, leadStatuses } = statusNames(parseItems(statusSchema, raw.statuses.items));
  const pipelines = parseItems(categorySchema, raw.categories.items).map((category) => ({
    id: category.id,
    name: category.name,
  }));
  // A portal that lists no default pipeline still has its stages.
  if (!pipelines.some((pipeline) => pipeline.id === 0) && stages.some((stage) => stage.categoryId === 0)) {
    pipelines.unshift({ id: 0, name: '' });
  }
  const users = new Map(parseItems(userSchema, raw.users.items).map((user) => [user.ID, user]));
  const departments = parseItems(departmentSchema, raw.departments.items).map(
    (department: PortalDepartment): Department => ({
      id: department.ID,
      name: department.NAME,
      parentId: department.PARENT || undefined,
      headId: department.UF_HEAD ? Number(department.UF_HEAD) || undefined : undefined,
    }),
  );
  const currencies = new Map(
    parseItems(currencySchema, raw.currencies.items).map((currency) => [
      currency.CURRENCY,
      currency.FULL_NAME || currency.CURRENCY,
    ]),
  );
  return { stages, pipelines, sources, leadStatuses, currencies, users, departments };
}

/** One status list holds deal stages of every pipeline, lead sources and lead statuses. */
function statusNames(statuses: z.output<typeof statusSchema>[]) {
  const stages: Stage[] = [];
  const sources = new Map<string, string>();
  const leadStatuses = new Map<string, string>();
  for (const status of statuses) {
    if (status.ENTITY_ID === 'SOURCE') sources.set(status.STATUS_ID, status.NAME);
    else if (status.ENTITY_ID === 'STATUS') leadStatuses.set(status.STATUS_ID, status.NAME);
    else {
      const categoryId = categoryOfEntity(status.ENTITY_ID);
      if (categoryId === undefined) continue;
      stages.push({
        id: status.STATUS_ID,
        name: status.NAME,
        sort: status.SORT,
        semantics: semanticsOf(status.EXTRA?.SEMANTICS ?? status.SEMANTICS),
        categoryId,
      });
    }
  }
  stages.sort((a, b) => a.categoryId - b.categoryId || a.sort - b.sort);
  return { stages, sources, leadStatuses };
}

/** The names, loaded once for many views at a time and again after `ttlMs`. */
function keptFor(ttlMs: number, now: () => Date, load: () => Promise<Snapshot>): () => Promise<Snapshot> {
  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;
  return async () => {
    if (snapshot && now().getTime() - snapshot.loadedAt < ttlMs) return snapshot;
    loading ??= load().finally(() => {
      loading = undefined;
    });
    try {
      snapshot = await loading;
    } catch (error) {
      // Names a little out of date beat no view at all; the next view tries the portal again.
      if (!snapshot) throw error;
    }
    return snapshot;
  };
}

/** People by id: the active ones from the list, the others kept or fetched. */
async function peopleByIds(
  ids: readonly number[],
  users: Map<number, PortalUser>,
  others: ReturnType<typeof otherUsers>,
  at: number,
): Promise<Map<number, Person>> {
  const found = new Map<number, Person>();
  const missing: number[] = [];
  for (const id of new Set(ids)) {
    const user = users.get(id);
    const other = others.kept(id, at);
    if (user) found.set(id, toPerson(user));
    else if (other) {
      if (other.person) found.set(id, other.person);
    } else if (id > 0) missing.push(id);
  }
  if (missing.length > 0) for (const person of await others.fetch(missing, at)) found.set(person.id, person);
  return found;
}

/**
 * Users outside the active list (dismissed people still named on old deals), fetched on demand; one the
 * portal does not have at all is remembered too, so it costs no request on every view.
 */
function otherUsers(portal: PortalClient, ttlMs: number) {
  const others = new Map<number, { person?: Person; at: number }>();
  const asking = new Map<number, Promise<Person | undefined>>();
  return {
    kept(id: number, at: number) {
      const other = others.get(id);
      return other && at - other.at < ttlMs ? other : undefined;
    },
    /** Two views asking for the same people at one moment (a forecast and its risks) share one request. */
    async fetch(ids: number[], at: number): Promise<Person[]> {
      const fresh = ids.filter((id) => !asking.has(id));
      if (fresh.length > 0) {
        const reply = portal.call('user.get', { FILTER: { ID: fresh } }).then((answer) => {
          for (const id of fresh) others.set(id, { at });
          const found = new Map<number, Person>();
          for (const user of parseItems(userSchema, answer.result)) {
            found.set(user.ID, toPerson(user));
            others.set(user.ID, { person: toPerson(user), at });
          }
          return found;
        });
        const settled = reply.finally(() => {
          for (const id of fresh) asking.delete(id);
        });
        for (const id of fresh)
          asking.set(
            id,
            settled.then((found) => found.get(id)),
          );
      }
      const people = await Promise.all(ids.map((id) => asking.get(id)));
      return people.filter((person): person is Person => person !== undefined);
    },
  };
}
