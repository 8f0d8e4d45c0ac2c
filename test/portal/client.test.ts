import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { PortalError } from '../../src/portal/errors.ts';
import { fail, ok, type StubPortal, startStubPortal } from './stub-portal.ts';

const stubs: StubPortal[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

async function portal(handle: Parameters<typeof startStubPortal>[0] = {}) {
  const stub = await startStubPortal(handle);
  stubs.push(stub);
  return stub;
}

const failure = async (promise: Promise<unknown>): Promise<PortalError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PortalError) return error;
    throw error;
  }
  throw new Error('expected a PortalError');
};

const quick = { retryDelayMs: 10, timeoutMs: 2000 };

describe('one call', () => {
  it('returns the envelope: result, total, next, time', async () => {
    const stub = await portal({ handle: () => ok([{ ID: '1' }], { total: 120, next: 50 }) });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl, ...quick });
    const reply = await client.call('crm.deal.list', { select: ['ID'] });
    expect(reply.result).toEqual([{ ID: '1' }]);
    expect(reply.total).toBe(120);
    expect(reply.next).toBe(50);
    expect(reply.time?.duration).toBe(0.01);
    expect(stub.requests[0]).toMatchObject({ method: 'crm.deal.list', params: { select: ['ID'] } });
  });

  it('turns each portal failure into its kind', async () => {
    const replies: Record<string, ReturnType<typeof fail>> = {
      profile: fail(401, 'NO_AUTH_FOUND', 'Wrong authorization data'),
      'calendar.event.get': fail(
        401,
        'insufficient_scope',
        'The request requires higher privileges than provided by the webhook token',
      ),
      'crm.deal.get': fail(403, 'ACCESS_DENIED', 'Access denied!'),
      'crm.deal.frobnicate': fail(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!'),
      'crm.deal.add': fail(400, 'ERROR_CORE', 'Не заполнено обязательное поле «Название»'),
      'tasks.task.list': fail(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.'),
    };
    const stub = await portal({ handle: (method) => replies[method] ?? ok(true) });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl, ...quick, retries: 0 });
    const kinds = await Promise.all(Object.keys(replies).map((method) => failure(client.call(method))));
    expect(kinds.map((error) => [error.kind, error.code])).toEqual([
      ['authorization', 'NO_AUTH_FOUND'],
      ['access', 'insufficient_scope'],
      ['access', 'ACCESS_DENIED'],
      ['unknownMethod', 'ERROR_METHOD_NOT_FOUND'],
      ['badRequest', 'ERROR_CORE'],
      ['rateLimited', 'OPERATION_TIME_LIMIT'],
    ]);
    expect(kinds[1]!.details.scope).toBe('calendar');
    expect(kinds[4]!.message).toContain('Не заполнено обязательное поле');
  });

  it('says authorization when the secret is wrong', async () => {
    const stub = await portal({ handle: () => ok(true) });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl.replace(stub.secret, 'wrongSecret42'), ...quick });
    const error = await failure(client.call('user.current'));
    expect([error.kind, error.code]).toEqual(['authorization', 'INVALID_CREDENTIALS']);
    expect(stub.requests).toHaveLength(0);
  });

  it('calls a page that is not JSON unavailable, and retries a read after it', async () => {
    let calls = 0;
    const stub = await portal({
      handle: () => (++calls === 1 ? { status: 502, text: '<html><body>Bad Gateway</body></html>' } : ok({ ID: '7' })),
    });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl, ...quick });
    expect((await client.call('crm.deal.get', { id: 7 })).result).toEqual({ ID: '7' });
    expect(stub.requests).toHaveLength(2);

    const noRetry = createPortalClient({ webhookUrl: stub.webhookUrl, ...quick, retries: 0 });
    stub.handle = () => ({ status: 200, text: 'Fatal error: <b>out of memory</b>' });
    const error = await failure(noRetry.call('crm.deal.get', { id: 7 }));
    expect([error.kind, error.code]).toEqual(['unavailable', 'NOT_JSON']);
  });

  it('retries two request-rate refusals, then succeeds', async () => {
    let calls = 0;
    const stub = await portal({
      handle: () => (++calls <= 2 ? fail(503, 'QUERY_LIMIT_EXCEEDED', 'Too many requests') : ok({ ID: '1' })),
    });
    const client = createPortalClient({
      webhookUrl: stub.webhookUrl,
      ...quick,
      rateLimit: { perSecond: 50, burst: 50 },
    });
    expect((await client.call('crm.deal.get', { id: 1 })).result).toEqual({ ID: '1' });
    expect(stub.requests).toHaveLength(3);
  });

  it('does not wait minutes for an operating-time reset: the caller hears at once when to come back', async () => {
    const resetAt = Math.floor(Date.now() / 1000) + 300;
    const stub = await portal({
      handle: () => ({
        status: 429,
        body: { error: 'OPERATION_TIME_LIMIT', error_description: 'blocked', time: { operating_reset_at: resetAt } },
      }),
    });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl, ...quick });
    const error = await failure(client.call('crm.deal.list'));
    expect(error.kind).toBe('rateLimited');
    expect(error.details.retryAfterMs).toBeGreaterThan(200_000);
    expect(stub.requests).toHaveLength(1);
  });

  it('never repeats a write after a portal fault: it may have happened', async () => {
    const stub = await portal({ handle: () => fail(500, 'INTERNAL_SERVER_ERROR', 'Internal server error') });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl, ...quick });
    const error = await failure(client.call('crm.deal.add', { fields: { TITLE: 'Поставка' } }));
    expect(error.kind).toBe('unavailable');
    expect(stub.requests).toHaveLength(1);

    await failure(client.call('crm.deal.list'));
    expect(stub.requests).toHaveLength(1 + 5);
  });

  it('repeats a write whose connection was refused, once the portal is up', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    let started: Promise<StubPortal> | undefined;
    const logger = createLogger({
      level: 'warn',
      write: (line) => {
        // The first attempt was refused: bring the portal up before the retry.
        started ??= portal({ port: free, handle: () => ok(42) });
        expect(line).not.toContain('stubSecret');
      },
    });
    const client = createPortalClient({
      webhookUrl: `http://127.0.0.1:${free}/rest/1/stubSecret0123456789/`,
      timeoutMs: 2000,
      retryDelayMs: 300,
      logger,
    });
    const reply = await client.call('tasks.task.add', { fields: { TITLE: 'Позвонить в Ромашку' } });
    expect(reply.result).toBe(42);
    const stub = await started!;
    expect(stub.requests.map((request) => request.method)).toEqual(['tasks.task.add']);
  });

  it('asks a read again after a timeout, but never a write: the portal may have done it', async () => {
    let calls = 0;
    const stub = await portal({ handle: () => ({ body: { result: 'ok' }, delayMs: ++calls === 1 ? 1000 : 0 }) });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl, timeoutMs: 200, retryDelayMs: 10 });
    expect((await client.call('crm.deal.get', { id: 7 })).result).toBe('ok');
    expect(stub.requests).toHaveLength(2);

    stub.handle = () => ({ body: { result: 42 }, delayMs: 1000 });
    const error = await failure(client.call('crm.deal.add', { fields: { TITLE: 'Поставка' } }));
    expect([error.kind, error.code]).toEqual(['unavailable', 'TIMEOUT']);
    expect(stub.requests.map((request) => request.method)).toEqual(['crm.deal.get', 'crm.deal.get', 'crm.deal.add']);
  });

  it('gives up on a portal that does not answer in time', async () => {
    const stub = await portal({ handle: () => ({ body: { result: 1 }, delayMs: 1000 }) });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl, timeoutMs: 100, retries: 0 });
    const error = await failure(client.call('server.time'));
    expect([error.kind, error.code]).toEqual(['unavailable', 'TIMEOUT']);
  });

  it('never shows the secret: not in errors, not in its name, not in the log', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    const stub = await portal({
      handle: () => ({ status: 500, text: `proxy error at ${stub.webhookUrl}crm.deal.list` }),
    });
    const client = createPortalClient({ webhookUrl: stub.webhookUrl, ...quick, retries: 1, logger });
    const messages = [
      (await failure(client.call('crm.deal.list'))).message,
      (await failure(client.call(`${stub.secret}.x`))).message,
      String(client),
      `${client}`,
      JSON.stringify(client.preview('crm.deal.add', { fields: {} })),
      ...lines,
    ];
    expect(lines.length).toBeGreaterThan(0);
    for (const text of messages) expect(text).not.toContain(stub.secret);
    expect(String(client)).toContain('127.0.0.1');
    expect(String(client)).toContain('user 1');
  });
});
