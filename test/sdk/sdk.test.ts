// The demo portal seen through Bitrix24's own JavaScript SDK (@bitrix24/b24jssdk), a client nobody here wrote.
// The SDK speaks https only: a local TLS terminator with a throwaway certificate stands in front of the portal,
// and the SDK runs in a child process started with NODE_EXTRA_CA_CERTS (read only at process start).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { NOW } from '../demo-portal/portal-call.ts';
import { startTlsTerminator, TEST_CA_PATH, type TlsTerminator } from './tls-terminator.ts';

type Outcome =
  | { ok: true; data: unknown; total?: number; more?: boolean }
  | { ok: false; code: string; status: number };

const root = join(import.meta.dirname, '..', '..');
let portal: DemoPortal;
let noCrm: DemoPortal;
const terminators: TlsTerminator[] = [];
let outcomes: Record<string, Outcome>;

async function behindTls(target: DemoPortal): Promise<string> {
  const terminator = await startTlsTerminator(target.port);
  terminators.push(terminator);
  return target.webhookUrl.replace(`http://127.0.0.1:${target.port}`, `https://127.0.0.1:${terminator.port}`);
}

function runSdk(addresses: Record<string, string>): Promise<Record<string, Outcome>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'sdk-client.ts'), JSON.stringify(addresses)],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', NODE_EXTRA_CA_CERTS: TEST_CA_PATH },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('exit', (code) => {
      const line = out.split('\n').find((text) => text.startsWith('SDK-OUTCOMES '));
      if (code !== 0 || !line) reject(new Error(`the SDK run failed (${code}): ${err.slice(0, 2000)}`));
      else resolve(JSON.parse(line.slice('SDK-OUTCOMES '.length)) as Record<string, Outcome>);
    });
  });
}

beforeAll(async () => {
  portal = await startDemoPortal({ now: () => NOW, rateLimit: false });
  noCrm = await startDemoPortal({ now: () => NOW, rateLimit: false, scopes: ['task', 'user'] });
  const full = await behindTls(portal);
  outcomes = await runSdk({
    full,
    noCrm: await behindTls(noCrm),
    wrongSecret: full.replace(/\/rest\/1\/[^/]+\//, '/rest/1/wrongsecret0000/'),
  });
}, 60_000);
afterAll(async () => {
  await Promise.all(terminators.map((terminator) => terminator.close()));
  await Promise.all([portal?.close(), noCrm?.close()]);
});

const ok = (name: string) => {
  const outcome = outcomes[name];
  expect(outcome, name).toMatchObject({ ok: true });
  return outcome as Extract<Outcome, { ok: true }>;
};
const data = <T>(name: string) => ok(name).data as T;
const ids = (items: { ID?: unknown; id?: unknown }[]) => items.map((item) => String(item.ID ?? item.id));

describe('reads, one by one', () => {
  it('answers every read the product makes with the documented shape', () => {
    expect(data<{ ID: string }>('user.current').ID).toBe('1');
    expect(ids(data('user.get'))).toEqual(
      portal.data.users
        .filter((user) => user.ACTIVE === true)
        .map((user) => String(user.ID))
        .slice(0, 50),
    );
    expect(data('user.get.select')).toEqual([{ ID: '2', LAST_NAME: 'Кузнецова' }]);
    expect(ids(data('department.get'))).toEqual(portal.data.departments.map((department) => String(department.ID)));
    expect(data<Record<string, number[]>>('im.department.employees.get')['2']).toContain(2);
    expect(data<{ STATUS: string }>('timeman.status').STATUS).toMatch(/^(OPENED|CLOSED|PAUSED|EXPIRED)$/);
    expect(data('scope')).toEqual(
      expect.arrayContaining(['crm', 'task', 'calendar', 'user', 'department', 'im', 'timeman']),
    );
    expect(data<string>('server.time')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    expect(data<unknown[]>('calendar.section.get').length).toBeGreaterThan(0);
    for (const name of ['calendar.event.get', 'calendar.event.get.nearest']) {
      expect(data<{ DATE_FROM_TS_UTC: string; ATTENDEES_CODES: string[] }[]>(name)[0]).toMatchObject({
        DATE_FROM_TS_UTC: expect.stringMatching(/^\d+$/),
        ATTENDEES_CODES: expect.any(Array),
      });
    }
    expect(Object.keys(data<object>('calendar.accessibility.get'))).toEqual(['1', '2']);
    expect(data<{ tasks: unknown[] }>('tasks.task.list').tasks.length).toBeGreaterThan(0);
    expect(data<{ ID: string }>('crm.deal.get').ID).toBe('1');
    expect(data<{ ID: string }>('crm.contact.get').ID).toBe('1');
    expect(data<{ ID: string }>('crm.company.get').ID).toBe('1');
    for (const name of [
      'crm.deal.list',
      'crm.contact.list',
      'crm.company.list',
      'crm.lead.list',
      'crm.activity.list',
    ]) {
      expect(data<unknown[]>(name).length, name).toBeGreaterThan(0);
    }
    expect(data<{ items: { ID: unknown }[] }>('crm.stagehistory.list').items[0]!.ID).toEqual(expect.any(Number));
    expect(data<{ CATEGORY_ID: unknown }[]>('crm.status.list').every((stage) => stage.CATEGORY_ID === null)).toBe(true);
    expect(
      data<{ categories: { id: number }[] }>('crm.category.list').categories.map((category) => category.id),
    ).toEqual([0, 1]);
  });

  it('pages by start with total and more, and without counting by ID windows', () => {
    const deals = portal.data.deals.length;
    expect(ok('page.0')).toMatchObject({ total: deals, more: true });
    expect(ids(data('page.0'))).toEqual(Array.from({ length: 50 }, (_, index) => String(index + 1)));
    expect(ids(data('page.50'))[0]).toBe('51');
    expect(ok('page.nocount')).toMatchObject({ total: 0, more: false });
    expect(ids(data('page.nocount'))[0]).toBe('51');
  });
});

describe('every paging style of the SDK returns the full set', () => {
  it('whole lists and streamed pages, upper-case and camelCase ids, results under a key', () => {
    const dealIds = portal.data.deals.map((deal) => String(deal.ID));
    expect(ids(data('callList.deals'))).toEqual(dealIds);
    const streamed = data<{ sizes: number[]; items: { ID: string }[] }>('fetchList.deals');
    expect(ids(streamed.items)).toEqual(dealIds);
    expect(streamed.sizes.every((size) => size <= 50)).toBe(true);
    // The tasks written later by this run came after the list was read: the seeded ones, all of them.
    const seededTasks = 150;
    expect(ids(data('callList.tasks')).slice(0, seededTasks)).toEqual(
      Array.from({ length: seededTasks }, (_, index) => String(index + 1)),
    );
    const history = data<{ items: { ID: number }[] }>('fetchList.history');
    expect(history.items.length).toBeGreaterThanOrEqual(portal.data.deals.length);
    expect(new Set(history.items.map((item) => item.ID)).size).toBe(history.items.length);
    expect(data<unknown[]>('callList.contacts').length).toBeGreaterThanOrEqual(80);
  });
});

describe('batch', () => {
  it('resolves the references the SDK sends URL-encoded', () => {
    const results = data<Record<string, unknown>>('batch.encoded');
    expect(ids(results.same as { ID: string }[])).toEqual(['1']);
    const deals = results.deals as { ID: string }[];
    expect(deals.length).toBeGreaterThan(0);
    expect((results.first as { ID: string }).ID).toBe(deals[0]!.ID);
  });

  it('resolves literal references and reports a failed command by name', () => {
    const reply = data<{ result: Record<string, unknown>; result_error: Record<string, { error: string }> }>(
      'batch.literal',
    );
    expect(ids(reply.result.same as { ID: string }[])).toEqual(['1']);
    expect((reply.result.tasks as { tasks: unknown[] }).tasks.length).toBeGreaterThan(0);
    expect(reply.result_error).toEqual({ missing: { error: '', error_description: 'Not found' } });
  });
});

describe('writes, each read back', () => {
  it('creates, changes, completes and deletes a task with a responsible person', () => {
    const task = data<{ task: { id: string; responsibleId: string } }>('tasks.task.add').task;
    expect(task.responsibleId).toBe('3');
    expect(data('tasks.task.get')).toEqual({ task: { id: task.id, title: 'Проверка через SDK', responsibleId: '3' } });
    expect(data<{ task: { title: string } }>('tasks.task.update').task.title).toBe('Проверка через SDK, срочно');
    expect(data<{ task: { status: string } }>('tasks.task.complete').task.status).toBe('5');
    expect(data('tasks.task.delete')).toEqual({ task: true });
    expect(portal.data.tasks.some((one) => one.id === task.id)).toBe(false);
  });

  it('creates, moves, comments on and deletes a deal; unknown fields are skipped', () => {
    const id = data<number>('crm.deal.add');
    expect(data('crm.deal.update')).toBe(true);
    const deal = data<Record<string, unknown>>('crm.deal.get.updated');
    expect(deal).toMatchObject({ ID: String(id), STAGE_ID: 'PREPARATION', OPPORTUNITY: '150000.00' });
    expect(deal).not.toHaveProperty('NO_SUCH');
    expect(data('crm.timeline.comment.add')).toEqual(expect.any(Number));
    expect(data('crm.deal.delete')).toBe(true);
  });

  it('creates a contact, a company and a calendar event, and moves and deletes the event', () => {
    expect(data('crm.contact.add')).toEqual(expect.any(Number));
    expect(data('crm.company.add')).toEqual(expect.any(Number));
    const eventId = data<number>('calendar.event.add');
    expect(data<{ NAME: string }>('calendar.event.getbyid').NAME).toBe('Встреча из SDK');
    expect(data('calendar.event.update')).toBe(eventId);
    expect(data('calendar.event.delete')).toBe(true);
  });
});

describe('errors, as the SDK reads them', () => {
  it('gives the documented codes and statuses', () => {
    expect(outcomes).toMatchObject({
      'error.method': { ok: false, code: 'ERROR_METHOD_NOT_FOUND', status: 404 },
      'error.credentials': { ok: false, code: 'INVALID_CREDENTIALS', status: 401 },
      'error.scope': { ok: false, code: 'insufficient_scope', status: 401 },
      'error.responsible': { ok: false, code: 'ERROR_CORE', status: 400 },
      'error.fields': { ok: false, code: '100', status: 400 },
      'error.history': { ok: false, code: 'ENTITY_TYPE_NOT_SUPPORTED', status: 400 },
      'error.historyFilter': { ok: false, code: 'INVALID_ARG_VALUE', status: 400 },
      'error.category': { ok: false, code: 'NOT_FOUND', status: 400 },
      'error.owner': { ok: false, code: 'OWNER_NOT_FOUND', status: 400 },
    });
  });

  it('refuses with an empty or "0" code where the portal does: the SDK reports those as a bare 400', () => {
    for (const name of ['error.deal', 'error.filter', 'error.sort', 'error.complete']) {
      expect(outcomes[name], name).toEqual({ ok: false, code: 'ERR_BAD_REQUEST', status: 400 });
    }
  });
});
