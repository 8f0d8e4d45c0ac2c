// The demo portal's events as an application meets them: bindings, the offline queue (folded per object,
// reserved and confirmed), the online handler's form-encoded call, and the webhook refused.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompanyMoves } from '../../src/demo-portal/company-moves.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { accessTokenOf, caller, NOW, request } from './portal-call.ts';

let portal: DemoPortal;
let token: string;
const app = (method: string, params: Record<string, unknown> = {}) =>
  request(`http://127.0.0.1:${portal.port}/rest/${method}`, { ...params, auth: token });

beforeAll(async () => {
  portal = await startDemoPortal({
    now: () => NOW,
    rateLimit: false,
    oauth: { redirectUri: 'https://bot.example.com/bitrix24/oauth' },
  });
  token = await accessTokenOf(portal);
});
afterAll(() => portal.close());

describe('the offline queue', () => {
  it('keeps one record per object, reserves a batch under a process id and forgets it once confirmed', async () => {
    expect((await app('event.bind', { event: 'ONCRMDEALUPDATE', event_type: 'offline' })).body.result).toBe(true);
    const moves = createCompanyMoves(portal, () => NOW);
    const won = moves.dealWon();
    portal.actAs(1, 'crm.deal.update', { id: won, fields: { COMMENTS: 'Оплата получена' } });
    const reserved = await app('event.offline.get', { clear: 0 });
    const result = reserved.body.result as { process_id: string; events: Record<string, unknown>[] };
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      EVENT_NAME: 'ONCRMDEALUPDATE',
      EVENT_DATA: { FIELDS: { ID: String(won) } },
    });
    expect(Object.keys(result.events[0]!).sort()).toEqual(
      ['EVENT_ADDITIONAL', 'EVENT_DATA', 'EVENT_NAME', 'ID', 'MESSAGE_ID', 'TIMESTAMP_X'].sort(),
    );
    // Reserved records are hidden from other requests until confirmed.
    expect(((await app('event.offline.get', { clear: 0 })).body.result as { events: unknown[] }).events).toEqual([]);
    await app('event.offline.clear', { process_id: result.process_id });
    expect(portal.events.queue).toEqual([]);
  });

  it('removes what it gives at once by default', async () => {
    createCompanyMoves(portal, () => NOW).dealWon();
    const taken = (await app('event.offline.get')).body.result as { process_id: null; events: unknown[] };
    expect(taken.process_id).toBeNull();
    expect(taken.events).toHaveLength(1);
    expect(portal.events.queue).toEqual([]);
  });

  it('is an application’s: an incoming webhook may not bind or read it', async () => {
    const refused = await caller(portal)('event.offline.get');
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('WRONG_AUTH_TYPE');
  });

  it('lists the bindings and unbinds them', async () => {
    const bound = (await app('event.get')).body.result as { event: string; offline: number }[];
    expect(bound).toContainEqual(expect.objectContaining({ event: 'ONCRMDEALUPDATE', offline: 1 }));
    await app('event.unbind', { event: 'ONCRMDEALUPDATE', event_type: 'offline' });
    expect((await app('event.get')).body.result).toEqual([]);
    expect((await app('event.bind', { event: 'ONSOMETHING', event_type: 'offline' })).body.error).toBe(
      'ERROR_EVENT_NOT_FOUND',
    );
  });
});

describe('an online handler', () => {
  it('gets a form-encoded POST with the event, the object’s id, the time and the application token', async () => {
    const bodies: string[] = [];
    const handler = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        bodies.push(`${req.headers['content-type']}\n${body}`);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => handler.listen(0, '127.0.0.1', resolve));
    const address = `http://127.0.0.1:${(handler.address() as AddressInfo).port}/events`;
    await app('event.bind', { event: 'ONTASKUPDATE', handler: address });
    const taskId = createCompanyMoves(portal, () => NOW).taskClosed();
    await portal.events.settle();
    handler.close();
    // The install call first (the token the application keeps), then the event.
    expect(bodies).toHaveLength(2);
    expect(new URLSearchParams(bodies[0]!.split('\n')[1]).get('event')).toBe('ONAPPINSTALL');
    const [type, body] = bodies[1]!.split('\n');
    expect(type).toContain('application/x-www-form-urlencoded');
    const form = new URLSearchParams(body);
    expect(form.get('event')).toBe('ONTASKUPDATE');
    expect(form.get('data[FIELDS_AFTER][ID]')).toBe(String(taskId));
    expect(form.get('auth[application_token]')).toBe(portal.events.applicationToken);
    expect(Number(form.get('ts'))).toBe(Math.floor(NOW.getTime() / 1000));
  });
});
