// Run in its own process by sdk.test.ts, so NODE_EXTRA_CA_CERTS (read at process start) trusts the test's TLS
// terminator: Bitrix24's official SDK drives the demo portal, and every outcome goes back as one JSON line.
import { B24Hook, ParamsFactory } from '@bitrix24/b24jssdk';

interface Addresses {
  /** The director's webhook, every scope. */
  full: string;
  /** A webhook made without CRM. */
  noCrm: string;
  /** The director's webhook with a wrong secret. */
  wrongSecret: string;
}

type Outcome =
  | { ok: true; data: unknown; total?: number; more?: boolean }
  | { ok: false; code: string; status: number };

const addresses = JSON.parse(process.argv[2]!) as Addresses;
// The SDK paces itself for a real portal (2 a second, retries a second apart); the demo portal here runs without
// its rate limit, so the pacing is opened up to keep the suite within seconds.
const FAST = {
  ...ParamsFactory.getDefault(),
  rateLimit: { burstLimit: 10_000, drainRate: 10_000, adaptiveEnabled: false },
  retryDelay: 10,
};
function sdk(url: string): B24Hook {
  const hook = B24Hook.fromWebhookUrl(url);
  void hook.setRestrictionManagerParams(FAST);
  return hook;
}
const b24 = sdk(addresses.full);

const outcomes: Record<string, Outcome> = {};

function failure(error: unknown): Outcome {
  const { code, status } = error as { code?: unknown; status?: unknown; _status?: unknown };
  return { ok: false, code: String(code), status: Number(status ?? (error as { _status?: unknown })._status) };
}

/** One plain call, as `actions.v2.call.make` makes it; the total and whether more pages follow, as AjaxResult tells. */
async function call(name: string, method: string, params: Record<string, unknown> = {}, hook = b24) {
  try {
    const reply = await hook.actions.v2.call.make({ method, params });
    if (!reply.isSuccess) {
      const [error] = reply.getErrors();
      outcomes[name] = failure(error);
      return;
    }
    outcomes[name] = { ok: true, data: reply.getData()?.result, total: reply.getTotal(), more: reply.isMore() };
  } catch (error) {
    outcomes[name] = failure(error);
  }
}

async function list(name: string, options: Parameters<typeof b24.actions.v2.callList.make>[0]) {
  try {
    const reply = await b24.actions.v2.callList.make(options);
    outcomes[name] = reply.isSuccess ? { ok: true, data: reply.getData() } : failure([...reply.getErrors()][0]);
  } catch (error) {
    outcomes[name] = failure(error);
  }
}

async function fetchAll(name: string, options: Parameters<typeof b24.actions.v2.fetchList.make>[0]) {
  try {
    const chunks: unknown[][] = [];
    for await (const chunk of b24.actions.v2.fetchList.make(options)) chunks.push(chunk);
    outcomes[name] = { ok: true, data: { sizes: chunks.map((chunk) => chunk.length), items: chunks.flat() } };
  } catch (error) {
    outcomes[name] = failure(error);
  }
}

async function batch(name: string, calls: Record<string, { method: string; params?: Record<string, unknown> }>) {
  try {
    const reply = await b24.actions.v2.batch.make({
      calls,
      options: { isHaltOnError: false, returnAjaxResult: false },
    });
    const data = reply.getData() as Record<string, unknown> | undefined;
    outcomes[name] = { ok: reply.isSuccess, data, ...(reply.isSuccess ? {} : { code: 'BATCH', status: 0 }) } as Outcome;
  } catch (error) {
    outcomes[name] = failure(error);
  }
}

// Reads: every one the product makes, plain.
await call('user.current', 'user.current');
await call('user.get', 'user.get', { FILTER: { ACTIVE: true }, sort: 'ID', order: 'ASC' });
await call('user.get.select', 'user.get', { FILTER: { ID: 2 }, select: ['ID', 'LAST_NAME'], IMAGE_RESIZE: 'small' });
await call('department.get', 'department.get', { sort: 'ID', order: 'ASC' });
await call('im.department.employees.get', 'im.department.employees.get', { ID: [2] });
await call('timeman.status', 'timeman.status', { USER_ID: 1 });
await call('scope', 'scope');
await call('server.time', 'server.time');
await call('calendar.section.get', 'calendar.section.get', { type: 'user', ownerId: 1 });
await call('calendar.event.get', 'calendar.event.get', { type: 'user', ownerId: 1 });
await call('calendar.event.get.nearest', 'calendar.event.get.nearest', { type: 'user', ownerId: 1, days: 7 });
await call('calendar.accessibility.get', 'calendar.accessibility.get', {
  users: [1, 2],
  from: '2026-11-25',
  to: '2026-11-26',
});
await call('tasks.task.list', 'tasks.task.list', { filter: { RESPONSIBLE_ID: 1 }, select: ['ID', 'TITLE'] });
await call('crm.deal.list', 'crm.deal.list', { filter: { STAGE_SEMANTIC_ID: 'P' }, select: ['ID', 'TITLE'] });
await call('crm.deal.get', 'crm.deal.get', { id: 1 });
await call('crm.contact.list', 'crm.contact.list', { select: ['ID', 'NAME'] });
await call('crm.contact.get', 'crm.contact.get', { id: 1 });
await call('crm.company.list', 'crm.company.list', { select: ['ID', 'TITLE'] });
await call('crm.company.get', 'crm.company.get', { id: 1 });
await call('crm.lead.list', 'crm.lead.list', { select: ['ID', 'TITLE'] });
await call('crm.activity.list', 'crm.activity.list', { filter: { OWNER_TYPE_ID: 2 }, select: ['ID', 'SUBJECT'] });
await call('crm.stagehistory.list', 'crm.stagehistory.list', { entityTypeId: 2, order: { ID: 'ASC' } });
await call('crm.status.list', 'crm.status.list', { order: { SORT: 'ASC' }, filter: { ENTITY_ID: 'DEAL_STAGE' } });
await call('crm.category.list', 'crm.category.list', { entityTypeId: 2 });
await call('page.0', 'crm.deal.list', { order: { ID: 'ASC' }, select: ['ID'], start: 0 });
await call('page.50', 'crm.deal.list', { order: { ID: 'ASC' }, select: ['ID'], start: 50 });
await call('page.nocount', 'crm.deal.list', {
  order: { ID: 'ASC' },
  filter: { '>ID': 50 },
  select: ['ID'],
  start: -1,
});

// Every paging style the SDK has: whole lists, streamed pages, camelCase ids, results under a key.
await list('callList.deals', { method: 'crm.deal.list', params: { select: ['ID'] }, idKey: 'ID' });
await fetchAll('fetchList.deals', { method: 'crm.deal.list', params: { select: ['ID'] }, idKey: 'ID' });
await list('callList.tasks', {
  method: 'tasks.task.list',
  params: { select: ['ID'] },
  idKey: 'id',
  cursorIdKey: 'ID',
  customKeyForResult: 'tasks',
});
await fetchAll('fetchList.history', {
  method: 'crm.stagehistory.list',
  params: { entityTypeId: 2, select: ['ID', 'OWNER_ID'] },
  idKey: 'ID',
  customKeyForResult: 'items',
});
await list('callList.contacts', { method: 'crm.contact.list', params: { select: ['ID'] }, idKey: 'ID' });

// Batch: the SDK encodes each command's query, so its references arrive URL-encoded; the literal ones are
// written into `cmd` by hand.
await batch('batch.encoded', {
  me: { method: 'user.current' },
  same: { method: 'user.get', params: { ID: '$result[me][ID]' } },
  deals: { method: 'crm.deal.list', params: { filter: { ASSIGNED_BY_ID: '$result[me][ID]' }, select: ['ID'] } },
  first: { method: 'crm.deal.get', params: { id: '$result[deals][0][ID]' } },
});
await call('batch.literal', 'batch', {
  halt: 0,
  cmd: {
    me: 'user.current',
    same: 'user.get?ID=$result[me][ID]',
    tasks: 'tasks.task.list?filter[RESPONSIBLE_ID]=$result[me][ID]&select[]=ID',
    missing: 'crm.deal.get?id=999999',
  },
});

// Writes, each read back.
await call('tasks.task.add', 'tasks.task.add', {
  fields: { TITLE: 'Проверка через SDK', RESPONSIBLE_ID: 3, DEADLINE: '2026-12-01T18:00:00+03:00' },
});
const taskId = (outcomes['tasks.task.add'] as { data?: { task?: { id?: string } } }).data?.task?.id;
await call('tasks.task.get', 'tasks.task.get', { taskId, select: ['ID', 'TITLE', 'RESPONSIBLE_ID'] });
await call('tasks.task.update', 'tasks.task.update', { taskId, fields: { TITLE: 'Проверка через SDK, срочно' } });
await call('tasks.task.complete', 'tasks.task.complete', { taskId });
await call('tasks.task.delete', 'tasks.task.delete', { taskId });
await call('crm.deal.add', 'crm.deal.add', { fields: { TITLE: 'Сделка из SDK', OPPORTUNITY: 150000, CONTACT_ID: 1 } });
const dealId = (outcomes['crm.deal.add'] as { data?: number }).data;
await call('crm.deal.update', 'crm.deal.update', { id: dealId, fields: { STAGE_ID: 'PREPARATION', NO_SUCH: 'x' } });
await call('crm.deal.get.updated', 'crm.deal.get', { id: dealId });
await call('crm.timeline.comment.add', 'crm.timeline.comment.add', {
  fields: { ENTITY_TYPE: 'deal', ENTITY_ID: dealId, COMMENT: 'Комментарий из SDK' },
});
await call('crm.deal.delete', 'crm.deal.delete', { id: dealId });
await call('crm.contact.add', 'crm.contact.add', {
  fields: { NAME: 'Пётр', LAST_NAME: 'Сидоров', PHONE: [{ VALUE: '+7 900 000-00-00', VALUE_TYPE: 'WORK' }] },
});
await call('crm.company.add', 'crm.company.add', { fields: { TITLE: 'ООО «Проверка»' } });
await call('calendar.event.add', 'calendar.event.add', {
  type: 'user',
  ownerId: 1,
  section: 1,
  name: 'Встреча из SDK',
  from: '2026-11-27T15:00:00+03:00',
  to: '2026-11-27T16:00:00+03:00',
});
const eventId = (outcomes['calendar.event.add'] as { data?: number }).data;
await call('calendar.event.getbyid', 'calendar.event.getbyid', { id: eventId });
await call('calendar.event.update', 'calendar.event.update', {
  type: 'user',
  ownerId: 1,
  id: eventId,
  name: 'Встреча из SDK, перенесена',
});
await call('calendar.event.delete', 'calendar.event.delete', { type: 'user', ownerId: 1, id: eventId });

// Errors, as the documentation lists them.
await call('error.method', 'crm.nothing.list');
await call('error.credentials', 'user.current', {}, sdk(addresses.wrongSecret));
await call('error.scope', 'crm.deal.list', {}, sdk(addresses.noCrm));
await call('error.deal', 'crm.deal.get', { id: 999_999 });
await call('error.filter', 'crm.deal.list', { filter: 'STAGE_ID=NEW' });
await call('error.sort', 'tasks.task.list', { order: { NO_SUCH_KEY: 'ASC' } });
await call('error.responsible', 'tasks.task.add', { fields: { TITLE: 'Без ответственного' } });
await call('error.fields', 'tasks.task.add', {});
await call('error.complete', 'tasks.task.complete', { taskId: 999_999 });
await call('error.history', 'crm.stagehistory.list', { entityTypeId: 7 });
await call('error.historyFilter', 'crm.stagehistory.list', { entityTypeId: 2, filter: { NO_SUCH: 1 } });
await call('error.category', 'crm.category.list', { entityTypeId: 999 });
await call('error.owner', 'crm.timeline.comment.add', {
  fields: { ENTITY_TYPE: 'deal', ENTITY_ID: 999_999, COMMENT: 'x' },
});

// Marked, so whatever the SDK itself prints is never taken for the answer.
process.stdout.write(`\nSDK-OUTCOMES ${JSON.stringify(outcomes)}\n`);
