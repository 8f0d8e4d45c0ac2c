// Who may do what on the demo portal: the scopes a webhook (or an application's token) was given, and which deals
// each person may read. A real portal checks both on every call; the product must cope with either refusal.
//
// The model, small on purpose:
// - a caller is a portal user plus the scopes of the webhook or token it came through;
// - a method outside those scopes answers 401 `insufficient_scope` (the documented system error);
// - a person with no CRM role is refused every CRM method (`Access denied.`);
// - deals of a pipeline with `readers` are seen only by those departments, portal administrators and each deal's
//   responsible person; a list leaves the others out silently, a read or write of one answers `Access denied` (as
//   crm.deal.get documents).
import { remembered } from '../remembered.ts';
import type { DemoData, Pipeline } from './company.ts';
import type { Row } from './filters.ts';
import { RestError } from './rest-error.ts';

/** Every scope the demo portal knows; a webhook made without a list gets them all. */
export const ALL_SCOPES = [
  'crm',
  'task',
  'tasks_extended',
  'calendar',
  'user',
  'user_brief',
  'user_basic',
  'department',
  'im',
  'timeman',
  'sonet_group',
  'disk',
  'log',
] as const;

/** Who is calling: the portal user, and the scopes of the webhook or token the call came through. */
export interface Caller {
  userId: number;
  scopes: ReadonlySet<string>;
  /** A webhook's refusal text differs from a token's by its last words. */
  via: 'webhook' | 'token';
}

export const webhookCaller = (userId: number, scopes: readonly string[] = ALL_SCOPES): Caller => ({
  userId,
  scopes: new Set(scopes),
  via: 'webhook',
});

/** A caller through an application's access token: the user who authorized it, with the application's scopes. */
export const tokenCaller = (userId: number, scopes: readonly string[]): Caller => ({
  userId,
  scopes: new Set(scopes),
  via: 'token',
});

/** Reads a scope list such as `crm,task,user`; an unknown name is refused so a typo never passes silently. */
export function parseScopes(list: string): string[] {
  const names = list
    .split(/[\s,]+/)
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const known = new Set<string>(ALL_SCOPES);
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`unknown scope: ${unknown.join(', ')} (known: ${ALL_SCOPES.join(', ')})`);
  return [...new Set(names)];
}

// Longest prefix wins: `im.department.` must not be read as plain `im.` only because it is shorter.
const SCOPE_OF_PREFIX: [prefix: string, scopes: string[]][] = [
  ['crm.', ['crm']],
  ['tasks.', ['task']],
  ['task.', ['task']],
  ['calendar.', ['calendar']],
  ['user.', ['user', 'user_brief', 'user_basic']],
  ['department.', ['department']],
  ['im.', ['im']],
  ['timeman.', ['timeman']],
  ['sonet_group.', ['sonet_group']],
  ['disk.', ['disk']],
  ['log.', ['log']],
];

/** The scopes any one of which opens a method; undefined for the methods every webhook has (batch, scope …). */
export const scopesOfMethod = remembered((method: string): string[] | undefined => {
  const name = method.toLowerCase();
  let best: [string, string[]] | undefined;
  for (const entry of SCOPE_OF_PREFIX) {
    if (name.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1];
}, 1_000);

export function insufficientScope(via: Caller['via']): RestError {
  const holder = via === 'webhook' ? 'webhook token' : 'access token';
  return new RestError(
    'insufficient_scope',
    `The request requires higher privileges than provided by the ${holder}`,
    401,
  );
}

/** Refuses a method outside the caller's scopes, the way the portal does before the method runs. */
export function requireScope(method: string, caller: Caller): void {
  const needed = scopesOfMethod(method);
  if (needed && !needed.some((scope) => caller.scopes.has(scope))) throw insufficientScope(caller.via);
}

/** Refuses every CRM method to a person with no CRM role, as crm.deal.list documents (`Access denied.`). */
export function requireCrmRole(method: string, data: Pick<DemoData, 'withoutCrm'>, userId: number): void {
  if (method.toLowerCase().startsWith('crm.') && data.withoutCrm.includes(userId)) {
    throw new RestError('', 'Access denied.', 400);
  }
}

/** What crm.deal.get (and the other one-deal methods) answer for a deal the user may not read. */
export const accessDenied = () => new RestError('', 'Access denied', 400);

export function isAdministrator(data: Pick<DemoData, 'administrators'>, userId: number): boolean {
  return data.administrators.includes(userId);
}

/** Whether a person sees every deal of a pipeline: open ones to all, closed ones to their readers and admins. */
export function canReadPipeline(
  data: Pick<DemoData, 'administrators' | 'users' | 'pipelines'>,
  userId: number,
  categoryId: number,
): boolean {
  const pipeline: Pipeline | undefined = data.pipelines.find((candidate) => candidate.id === categoryId);
  if (!pipeline?.readers || isAdministrator(data, userId)) return true;
  const user = data.users.find((candidate) => candidate.ID === String(userId));
  const departments = (user?.UF_DEPARTMENT ?? []) as number[];
  return departments.some((department) => pipeline.readers!.includes(department));
}

/** A closed pipeline's deal is still seen by its own responsible person. */
export function canReadDeal(
  data: Pick<DemoData, 'administrators' | 'users' | 'pipelines'>,
  userId: number,
  deal: Row,
): boolean {
  return canReadPipeline(data, userId, Number(deal.CATEGORY_ID ?? 0)) || deal.ASSIGNED_BY_ID === String(userId);
}

/** The deals a person may read, in their order: all of them (the records themselves) when every pipeline is open. */
export function readableDeals(
  data: Pick<DemoData, 'administrators' | 'users' | 'pipelines' | 'deals'>,
  userId: number,
): Row[] {
  if (data.pipelines.every((pipeline) => canReadPipeline(data, userId, pipeline.id))) return data.deals;
  return data.deals.filter((deal) => canReadDeal(data, userId, deal));
}
