import { afterEach, describe, expect, it } from 'vitest';
import { BatchPlanError } from '../../src/portal/batch.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import type { BatchCommand } from '../../src/portal/port.ts';
import { fail, ok, page, type StubPortal, startStubPortal } from './stub-portal.ts';

const stubs: StubPortal[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

async function portal(handle: NonNullable<Parameters<typeof startStubPortal>[0]>['handle'], rawBatch = false) {
  const stub = await startStubPortal({ handle, rawBatch });
  stubs.push(stub);
  return {
    stub,
    client: createPortalClient({
      webhookUrl: stub.webhookUrl,
      retryDelayMs: 10,
      rateLimit: { perSecond: 100, burst: 100 },
    }),
  };
}

const deals = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ ID: String(index + 1), TITLE: `Сделка ${index + 1}` }));

describe('batch', () => {
  it('sends Cyrillic, &, =, % and + exactly, and fills $result references', async () => {
    const seen: Record<string, unknown>[] = [];
    const { stub, client } = await portal((method, params) => {
      seen.push(params);
      if (method === 'crm.deal.get') return ok({ ID: params.id, CONTACT_ID: '17' });
      if (method === 'crm.contact.get') return ok({ ID: params.id, NAME: 'Иванов Пётр' });
      return ok([]);
    });
    const title = 'ООО «Ромашка» & Co = 100% + НДС';
    const reply = await client.batch({
      deal: { method: 'crm.deal.get', params: { id: 42 } },
      contact: { method: 'crm.contact.get', params: { id: '$result[deal][CONTACT_ID]' } },
      search: {
        method: 'crm.company.list',
        params: {
          filter: { '%TITLE': title, '>=DATE_CREATE': '2026-11-01T00:00:00+03:00' },
          select: ['ID', 'TITLE'],
          order: { ID: 'ASC' },
        },
      },
    });
    expect(stub.requests).toHaveLength(1);
    expect(reply.results.contact).toEqual({ ID: '17', NAME: 'Иванов Пётр' });
    expect(seen[2]).toEqual({
      filter: { '%TITLE': title, '>=DATE_CREATE': '2026-11-01T00:00:00+03:00' },
      select: ['ID', 'TITLE'],
      order: { ID: 'ASC' },
    });
    expect(reply.results.search).toEqual([]);
    expect(reply.errors).toEqual({});
    expect(reply.totals).toEqual({});
  });

  it('splits more than 50 commands into requests of 50 and keeps every answer', async () => {
    const { stub, client } = await portal((_method, params) => ok({ ID: params.id }));
    const commands: Record<string, BatchCommand> = {};
    for (let id = 1; id <= 120; id++) commands[`d${id}`] = { method: 'crm.deal.get', params: { id } };
    const reply = await client.batch(commands);
    expect(stub.requests.map((request) => Object.keys(request.params.cmd as object).length)).toEqual([50, 50, 20]);
    expect(Object.keys(reply.results)).toHaveLength(120);
    expect(reply.results.d120).toEqual({ ID: '120' });
  });

  it('refuses, before sending anything, a reference that would cross into another request', async () => {
    const { stub, client } = await portal(() => ok({}));
    const commands: Record<string, BatchCommand> = {};
    for (let id = 1; id <= 51; id++) commands[`d${id}`] = { method: 'crm.deal.get', params: { id } };
    commands.d51 = { method: 'crm.contact.get', params: { id: '$result[d1][CONTACT_ID]' } };
    await expect(client.batch(commands)).rejects.toThrow(BatchPlanError);
    await expect(client.batch(commands)).rejects.toThrow(/"d51" refers to "d1"/);
    await expect(
      client.batch({ a: { method: 'crm.deal.get', params: { id: '$result[b][ID]' } }, b: { method: 'crm.deal.get' } }),
    ).rejects.toThrow(/runs after it/);
    expect(stub.requests).toHaveLength(0);
  });

  it('reports each failing command, and stops at the first with halt', async () => {
    const { client } = await portal((_method, params) =>
      params.id === '2' ? fail(400, 'ERROR_NOT_FOUND', 'Not found') : ok({ ID: params.id }),
    );
    const commands = {
      a: { method: 'crm.deal.get', params: { id: 1 } },
      b: { method: 'crm.deal.get', params: { id: 2 } },
      c: { method: 'crm.deal.get', params: { id: 3 } },
    };
    const all = await client.batch(commands);
    expect(Object.keys(all.results)).toEqual(['a', 'c']);
    expect(all.errors).toEqual({ b: { error: 'ERROR_NOT_FOUND', error_description: 'Not found' } });
    const halted = await client.batch(commands, { halt: true });
    expect(Object.keys(halted.results)).toEqual(['a']);
    expect(Object.keys(halted.errors)).toEqual(['b']);
  });

  it('repeats a batch of reads after a portal fault, never a batch that holds a write', async () => {
    let calls = 0;
    const { stub, client } = await portal(
      () => (++calls === 1 ? fail(500, 'INTERNAL_SERVER_ERROR', 'Internal server error') : ok({ result: { a: [] } })),
      true,
    );
    await client.batch({ a: { method: 'crm.deal.list' }, b: { method: 'user.current' } });
    expect(stub.requests).toHaveLength(2);

    stub.handle = () => fail(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    const write = client.batch({
      a: { method: 'crm.deal.list' },
      b: { method: 'crm.deal.add', params: { fields: { TITLE: 'Поставка' } } },
    });
    await expect(write).rejects.toMatchObject({ kind: 'unavailable' });
    expect(stub.requests).toHaveLength(3);
  });

  it('reads empty answers the portal sends as [] as empty maps', async () => {
    const { client } = await portal(
      () => ok({ result: [], result_error: [], result_total: [], result_next: [], result_time: [] }),
      true,
    );
    expect(await client.batch({ a: { method: 'crm.deal.list' } })).toEqual({
      results: {},
      errors: {},
      totals: {},
      nexts: {},
    });
  });
});

describe('list', () => {
  it('fetches 10,000 deals in 5 requests, every one of them once', async () => {
    const all = deals(10_000);
    const { stub, client } = await portal((_method, params) => page(all, params));
    const items = await client.list<{ ID: string }>('crm.deal.list', { select: ['ID', 'TITLE'] });
    expect(items).toHaveLength(10_000);
    expect(new Set(items.map((deal) => deal.ID)).size).toBe(10_000);
    expect(items[9_999]).toEqual({ ID: '10000', TITLE: 'Сделка 10000' });
    expect(stub.requests).toHaveLength(5);
  });

  it('stops at maxItems without fetching pages it does not need', async () => {
    const all = deals(1_000);
    const { stub, client } = await portal((_method, params) => page(all, params));
    expect(await client.list('crm.deal.list', {}, { maxItems: 30 })).toHaveLength(30);
    expect(stub.requests).toHaveLength(1);
    const items = await client.list('crm.deal.list', {}, { maxItems: 120 });
    expect(items).toHaveLength(120);
    const batch = stub.requests[2]!;
    expect(Object.keys(batch.params.cmd as object)).toHaveLength(2);
  });

  it('reads tasks, items and categories wherever the method puts them', async () => {
    const tasks = Array.from({ length: 130 }, (_, index) => ({ id: String(index + 1), title: `Задача ${index + 1}` }));
    const { client, stub } = await portal((method, params) => {
      if (method === 'tasks.task.list') return page(tasks, params, 'tasks');
      if (method === 'crm.stagehistory.list') return page(deals(75), params, 'items');
      if (method === 'crm.category.list')
        return ok(
          {
            categories: [
              { id: 0, name: 'Общая' },
              { id: 3, name: 'Проекты' },
            ],
          },
          { total: 2 },
        );
      return ok([], { total: 0 });
    });
    expect(await client.list('tasks.task.list', { filter: { RESPONSIBLE_ID: 1 } })).toHaveLength(130);
    expect(await client.list('crm.stagehistory.list', { entityTypeId: 2 })).toHaveLength(75);
    expect(await client.list('crm.category.list', { entityTypeId: 2 })).toHaveLength(2);
    expect(await client.list('crm.lead.list')).toEqual([]);
    const taskRequests = stub.requests.filter((request) => request.method === 'tasks.task.list');
    expect(taskRequests[0]?.params).toEqual({ filter: { RESPONSIBLE_ID: 1 }, order: { ID: 'ASC' }, start: 0 });
    const windows = stub.requests.find((request) => request.method === 'batch')?.params.cmd as Record<string, string>;
    expect(windows.p1).toContain('filter[%3EID]=$result[p0][tasks][49][id]');
  });

  it('follows next page by page when the portal gives no total', async () => {
    const all = deals(120);
    const { client, stub } = await portal((_method, params) => {
      const reply = page(all, params) as { body: { total?: number } };
      delete reply.body.total;
      return reply;
    });
    expect(await client.list('crm.deal.list')).toHaveLength(120);
    expect(stub.requests).toHaveLength(3);
  });

  it('names the failure of a page fetched through batch', async () => {
    const { client } = await portal((_method, params) =>
      Number(params.start) >= 100 ? fail(403, 'ACCESS_DENIED', 'Access denied') : page(deals(500), params),
    );
    await expect(client.list('crm.deal.list', { order: { DATE_CREATE: 'DESC' } })).rejects.toMatchObject({
      kind: 'access',
      code: 'ACCESS_DENIED',
    });
  });

  it('loses nothing when deals are deleted while it pages in ID order', async () => {
    let all = deals(500);
    const { client } = await portal((_method, params) => {
      const reply = page(all, params);
      // Someone deletes ten deals of the first page right after it was read.
      if (Number(params.start) === 0) all = all.filter((deal) => Number(deal.ID) < 10 || Number(deal.ID) >= 20);
      return reply;
    });
    const items = await client.list<{ ID: string }>('crm.deal.list', { filter: { STAGE_SEMANTIC_ID: 'P' } });
    expect(items.map((deal) => Number(deal.ID))).toEqual(Array.from({ length: 500 }, (_, index) => index + 1));
  });

  it('pages by offsets when the caller orders by something else', async () => {
    const { client, stub } = await portal((_method, params) => page(deals(180), params));
    expect(await client.list('crm.deal.list', { order: { DATE_CREATE: 'DESC' } })).toHaveLength(180);
    const cmd = stub.requests[1]!.params.cmd as Record<string, string>;
    expect(Object.values(cmd)).toEqual([
      'crm.deal.list?order[DATE_CREATE]=DESC&start=50',
      'crm.deal.list?order[DATE_CREATE]=DESC&start=100',
      'crm.deal.list?order[DATE_CREATE]=DESC&start=150',
    ]);
  });
});
