// Permission families (scopes) of a webhook, and the ones the assistant needs.
import type { BatchCommand } from './port.ts';

/** What the assistant needs; `user_brief` is enough in place of `user`. */
export const NEEDED_SCOPES = ['crm', 'task', 'calendar', 'user', 'department', 'im', 'timeman'] as const;

const scopeByPrefix: [prefix: string, scope: string][] = [
  ['crm.', 'crm'],
  ['tasks.', 'task'],
  ['task.', 'task'],
  ['calendar.', 'calendar'],
  ['user.', 'user'],
  ['department.', 'department'],
  ['im.department.', 'department'],
  ['im.', 'im'],
  ['timeman.', 'timeman'],
  ['disk.', 'disk'],
  ['sonet_group.', 'sonet_group'],
  ['telephony.', 'telephony'],
  ['lists.', 'lists'],
  ['bizproc.', 'bizproc'],
  ['imopenlines.', 'imopenlines'],
];

/** What each needed permission family lets the assistant see, in plain words for the operator. */
export const SCOPE_WORDS: Record<(typeof NEEDED_SCOPES)[number], string> = {
  crm: 'deals, clients and leads',
  task: 'tasks',
  calendar: 'calendars',
  user: 'the staff list',
  department: 'the company structure',
  im: 'chats',
  timeman: 'work time',
};

/** One cheap read per needed family: what `b24 check` tries, to learn whether the webhook's user may read it. */
export function rightsProbes(userId: number): Record<(typeof NEEDED_SCOPES)[number], BatchCommand> {
  return {
    crm: { method: 'crm.deal.list', params: { select: ['ID'], start: -1 } },
    task: { method: 'tasks.task.list', params: { select: ['ID'], start: -1 } },
    calendar: { method: 'calendar.section.get', params: { type: 'user', ownerId: userId } },
    user: { method: 'user.get', params: { ID: userId } },
    department: { method: 'department.get', params: { ID: 1 } },
    im: { method: 'im.department.employees.get', params: { ID: [1] } },
    timeman: { method: 'timeman.status', params: { USER_ID: userId } },
  };
}

/** The scope a method belongs to, when it is one we know (longest prefix wins). */
export function scopeOfMethod(method: string): string | undefined {
  const name = method.toLowerCase();
  let best: [string, string] | undefined;
  for (const entry of scopeByPrefix)
    if (name.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

/** The needed scopes a webhook lacks. */
export function missingScopes(granted: readonly string[]): string[] {
  const have = new Set(granted.map((scope) => scope.toLowerCase()));
  if (have.has('user_brief') || have.has('user_basic')) have.add('user');
  return NEEDED_SCOPES.filter((scope) => !have.has(scope));
}
