// The bot's calls to Telegram go over undici (src/telegram/transport.ts): what grammY makes of every kind of
// answer must be what it made of node-fetch's: a result, Telegram's refusal, a failure worth trying again.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramFetch } from '../../src/telegram/transport.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';

let telegram: FakeTelegram;
let api: Api;
beforeAll(async () => {
  telegram = await startFakeTelegram();
  api = new Api(telegram.token, { apiRoot: telegram.apiRoot, fetch: telegramFetch() });
});
afterAll(() => telegram.close());

/** A server that answers every call with `status` and `body`, as a proxy in front of Telegram might. */
async function answering(status: number, body: string): Promise<{ root: string; server: Server }> {
  const server = createServer((_request, response) => response.writeHead(status).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('calls to Telegram over undici', () => {
  it('a message is sent and its answer read', async () => {
    const sent = await api.sendMessage(111, 'Задачи: 3');
    expect(telegram.sent(111).at(-1)).toMatchObject({ messageId: sent.message_id, plain: 'Задачи: 3' });
  });

  it('an upload arrives whole: the picture as the bot had it, twice in a row on one connection', async () => {
    for (const size of [300_000, 70_000]) {
      const bytes = Buffer.from(Array.from({ length: size }, (_, i) => i % 251));
      const sent = await api.sendPhoto(111, new InputFile(bytes, 'Воронка.png'), { caption: 'Воронка' });
      const got = telegram.sent(111).find((message) => message.messageId === sent.message_id);
      expect(got?.file?.fileName).toBe('Воронка.png');
      expect(Buffer.compare(got!.file!.data, bytes)).toBe(0);
    }
  });

  it("Telegram's refusal is grammY's error with Telegram's words", async () => {
    telegram.failNext('sendMessage', { error_code: 400, description: 'Bad Request: chat not found' });
    const refused = await api.sendMessage(111, 'привет').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GrammyError);
    expect((refused as GrammyError).description).toBe('Bad Request: chat not found');
  });

  it('a page that is not Telegram (a proxy failing) and a closed port are network failures, tried again', async () => {
    const proxy = await answering(502, '<html><body>Bad Gateway</body></html>');
    const behindProxy = new Api('1:x', { apiRoot: proxy.root, fetch: telegramFetch() });
    await expect(behindProxy.getMe()).rejects.toBeInstanceOf(HttpError);
    await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
    await expect(behindProxy.getMe()).rejects.toBeInstanceOf(HttpError);
  });

  it('a waiting poll ends at once when the bot stops', async () => {
    const stop = new AbortController();
    // The runner's signal comes from grammY's shim; a native one is what undici is given either way.
    const poll = api.getUpdates({ timeout: 30 }, stop.signal as unknown as Parameters<Api['getUpdates']>[1]);
    setTimeout(() => stop.abort(), 50);
    // Not stopped, it would wait out its 30 s and fail the test's time limit.
    await expect(poll).rejects.toBeInstanceOf(HttpError);
  });
});
