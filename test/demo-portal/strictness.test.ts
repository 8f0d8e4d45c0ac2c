// Strict like the portal: authorization, unknown methods, missing arguments, the rate limit, batch rules, faults.
import { afterEach, describe, expect, it } from 'vitest';
import { type DemoPortal, type DemoPortalOptions, startDemoPortal } from '../../src/demo-portal/server.ts';
import { caller, NOW, request } from './portal-call.ts';

let portal: DemoPortal | undefined;
async function start(options: DemoPortalOptions = {}) {
  portal = await startDemoPortal({ now: () => NOW, rateLimit: false, ...options });
  return { portal, call: caller(portal) };
}
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

describe('authorization and errors', () => {
  it('a wrong secret or a wrong user gets 401 INVALID_CREDENTIALS', async () => {
    const { portal } = await start({ secret: 'rightsecret12345' });
    expect(portal.webhookUrl).toBe(`http://127.0.0.1:${portal.port}/rest/1/rightsecret12345/`);
    const wrongSecret = await request(`http://127.0.0.1:${portal.port}/rest/1/wrongsecret12345/user.current`);
    const wrongUser = await request(`http://127.0.0.1:${portal.port}/rest/2/rightsecret12345/user.current`);
    for (const answer of [wrongSecret, wrongUser]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'INVALID_CREDENTIALS', error_description: 'Invalid request credentials' });
    }
    const none = await request(`http://127.0.0.1:${portal.port}/rest/user.current`);
    expect(none).toEqual({
      status: 401,
      body: { error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' },
    });
  });

  it('an unknown method gets 404 ERROR_METHOD_NOT_FOUND', async () => {
    const { call } = await start();
    expect(await call('crm.deal.fly')).toEqual({
      status: 404,
      body: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
    });
  });

  it('missing required arguments get 400 with the portal text', async () => {
    const { call } = await start();
    const calendar = await call('calendar.event.get', { ownerId: 1 });
    expect(calendar).toEqual({
      status: 400,
      body: {
        error: '',
        error_description: 'The required parameter "type" for the method "calendar.event.get" is not set',
      },
    });
    const owner = await call('calendar.event.get', { type: 'user' });
    expect(owner.status).toBe(400);
    expect(owner.body.error_description).toContain('"ownerId"');
    const deal = await call('crm.deal.get');
    expect(deal).toEqual({ status: 400, body: { error: '', error_description: 'ID is not defined or invalid.' } });
    const task = await call('tasks.task.get');
    expect(task.status).toBe(400);
    expect(task.body.error).toBe('100');
    expect((await call('tasks.task.get', { taskId: 'abc' })).body).toEqual({
      error: '0',
      error_description: 'wrong task id',
    });
    const history = await call('crm.stagehistory.list');
    expect(history.status).toBe(400);
  });
});

// The bucket drains one request an hour here, so a slow machine that takes seconds over these calls frees no slot
// meanwhile; draining itself is checked on a fake clock (rate-limit.test.ts).
const HOURLY = 1 / 3600;

describe('the rate limit', () => {
  it('lets a burst of 50 through, then answers 503 QUERY_LIMIT_EXCEEDED', async () => {
    const { call } = await start({ rateLimit: { perSecond: HOURLY, burst: 50 } });
    const statuses: number[] = [];
    for (let n = 0; n < 55; n++) statuses.push((await call('server.time')).status);
    expect(statuses.slice(0, 50).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(50).every((status) => status === 503)).toBe(true);
    const refused = await call('server.time');
    expect(refused.body).toEqual({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' });
  });

  it('counts a batch as one request', async () => {
    const { call, portal } = await start({ rateLimit: { perSecond: HOURLY, burst: 3 } });
    const cmd = Object.fromEntries(Array.from({ length: 10 }, (_, n) => [`c${n}`, 'server.time']));
    for (let n = 0; n < 3; n++) expect((await call('batch', { cmd })).status).toBe(200);
    expect((await call('batch', { cmd })).status).toBe(503);
    expect(portal.requestCount).toBe(4);
  });
});

describe('batch', () => {
  it('passes earlier results into later commands and reports errors by name', async () => {
    const { call } = await start();
    const { body } = await call('batch', {
      halt: 0,
      cmd: {
        me: 'user.current',
        tasks: 'tasks.task.list?filter[!RESPONSIBLE_ID]=$result[me][ID]&select[]=ID&start=0',
        deals: 'crm.deal.list?filter[ASSIGNED_BY_ID]=$result[me][ID]&select[]=ID&select[]=CONTACT_ID',
        contact: 'crm.contact.get?id=$result[deals][0][CONTACT_ID]',
        broken: 'crm.deal.get',
        missing: 'crm.nothing.list',
      },
    });
    const result = body.result as Record<string, Record<string, unknown>>;
    expect(Object.keys(result.result!)).toEqual(['me', 'tasks', 'deals', 'contact']);
    const deals = result.result!.deals as { CONTACT_ID: string }[];
    expect((result.result!.contact as { ID: string }).ID).toBe(deals[0]!.CONTACT_ID);
    expect(result.result_total).toEqual({ tasks: expect.any(Number), deals: 20 });
    expect(result.result_next).toEqual({ tasks: 50 });
    expect(result.result_error).toEqual({
      broken: { error: '', error_description: 'ID is not defined or invalid.' },
      missing: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' },
    });
    expect(Object.keys(result.result_time!)).toEqual(['me', 'tasks', 'deals', 'contact']);
  });

  it('gives empty parts as [] and takes commands as a list', async () => {
    const { call } = await start();
    const { body } = await call('batch', { cmd: ['server.time', 'scope'] }, 'form');
    const result = body.result as Record<string, unknown>;
    expect(Array.isArray(result.result)).toBe(true);
    expect(result.result_error).toEqual([]);
    expect(result.result_total).toEqual([]);
    expect(result.result_next).toEqual([]);
  });

  it('stops at the first failure with halt=1, refuses a batch inside a batch and more than 50 commands', async () => {
    const { call } = await start();
    const halted = await call('batch', { halt: 1, cmd: { a: 'crm.deal.get', b: 'server.time' } });
    const result = halted.body.result as Record<string, unknown>;
    expect(result.result).toEqual([]);
    expect(Object.keys(result.result_error as object)).toEqual(['a']);
    const nested = await call('batch', { cmd: { inner: 'batch?cmd[x]=server.time' } });
    expect((nested.body.result as { result_error: Record<string, { error: string }> }).result_error.inner!.error).toBe(
      'ERROR_BATCH_METHOD_NOT_ALLOWED',
    );
    const cmd = Object.fromEntries(Array.from({ length: 51 }, (_, n) => [`c${n}`, 'server.time']));
    const tooMany = await call('batch', { cmd });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toBe('ERROR_BATCH_LENGTH_EXCEEDED');
  });
});

describe('faults', () => {
  it('refuses the next N requests with 503, then answers again', async () => {
    const { call, portal } = await start();
    portal.faults.refuseNext = 2;
    expect((await call('server.time')).status).toBe(503);
    expect((await call('server.time')).body.error).toBe('QUERY_LIMIT_EXCEEDED');
    expect((await call('server.time')).status).toBe(200);
  });

  it('blocks a method that used up its time budget with 429 OPERATION_TIME_LIMIT', async () => {
    const { call, portal } = await start();
    portal.faults.timeLimitNext = 1;
    expect(await call('crm.deal.list')).toEqual({
      status: 429,
      body: { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' },
    });
    expect((await call('crm.deal.list')).status).toBe(200);
  });

  it('answers with a proxy HTML page when asked to', async () => {
    const { portal } = await start();
    portal.faults.badGatewayNext = 1;
    const response = await fetch(`${portal.webhookUrl}server.time`);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('<html>');
  });

  it('drops connections while down and delays answers by latencyMs', async () => {
    const { call, portal } = await start();
    portal.faults.down = true;
    await expect(call('server.time')).rejects.toThrow();
    portal.faults.down = false;
    expect((await call('server.time')).status).toBe(200);
    portal.faults.latencyMs = 5_000;
    await expect(fetch(`${portal.webhookUrl}server.time`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(portal.requestCount).toBe(3);
  });
});
