// How patient the bot is with Telegram: a time limit on every call, and a back-off after network failures
// that never grows past about a minute (grammY's auto-retry alone grows it to an hour).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, HttpError } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { cappedRetry, fatalTelegramLine, timeLimit } from '../../src/telegram/failures.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

const networkFailure = () => new HttpError('Network request failed', new Error('ECONNREFUSED'));

describe('network failures', () => {
  it('polling keeps trying through a long outage, never waiting more than about a minute between tries', async () => {
    const waits: number[] = [];
    let calls = 0;
    const retry = cappedRetry({ sleep: async (ms) => void waits.push(ms) });
    const poll = async () => {
      calls++;
      if (calls <= 40) throw networkFailure();
      return { ok: true, result: [] };
    };
    const result = await retry(poll as unknown as Parameters<typeof retry>[0], 'getUpdates', { timeout: 30 });
    expect(result).toEqual({ ok: true, result: [] });
    expect(waits).toHaveLength(40);
    expect(Math.max(...waits)).toBe(60_000);
    expect(waits.slice(0, 3)).toEqual([1_000, 2_000, 4_000]);
  });

  it('a message is tried a few times, then the failure is reported', async () => {
    let calls = 0;
    const retry = cappedRetry({ sleep: async () => {} });
    await expect(
      retry(
        async () => {
          calls++;
          throw networkFailure();
        },
        'sendMessage',
        { chat_id: 1, text: 'x' },
      ),
    ).rejects.toBeInstanceOf(HttpError);
    expect(calls).toBe(3);
  });
});

describe('time limits', () => {
  it('a Telegram call that hangs is cut off after its limit', async () => {
    // A server that takes the request and never answers.
    server = createServer(() => {});
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const api = new Api('123:abc', { apiRoot: `http://127.0.0.1:${port}` });
    api.config.use(timeLimit({ callTimeoutMs: 200 }));
    const started = Date.now();
    await expect(api.sendMessage(1, 'привет')).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('failures that stop the bot', () => {
  it('names 409 and 401 in one plain line each, and nothing else', async () => {
    const { GrammyError } = await import('grammy');
    const refusal = (code: number) =>
      new GrammyError(
        'Call to getUpdates failed!',
        { ok: false, error_code: code, description: 'x' },
        'getUpdates',
        {},
      );
    expect(fatalTelegramLine(refusal(409))).toBe('another copy of this bot is running');
    expect(fatalTelegramLine(refusal(401))).toBe('the bot token was revoked');
    expect(fatalTelegramLine(refusal(400))).toBeUndefined();
    expect(fatalTelegramLine(new Error('x'))).toBeUndefined();
  });
});
