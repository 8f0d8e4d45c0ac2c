// Done when: two real instances (two processes) in webhook mode on one PostgreSQL database, behind a load
// balancer, with the fake Bot API. One is killed in the middle of the morning briefing round: every director
// still gets the briefing exactly once, and every tap writes exactly once. Needs TEST_DATABASE_URL (CI sets it).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { createDigestRepository } from '../../src/storage/digest-repository.ts';
import { createDirectorRepository } from '../../src/storage/directors.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';
import { placeInSchema } from '../storage/engines.ts';
import type { InstanceSettings } from './instance.ts';

const server = process.env.TEST_DATABASE_URL;
// Wednesday 25 November 2026, 09:00 in Moscow: the morning briefing's slot.
const CLOCK_START = Date.parse('2026-11-25T06:00:00Z');
const DIRECTORS = Array.from({ length: 24 }, (_, index) => 9_100 + index);
const LEASE_MS = 1_500;
const TICK_MS = 250;

const listen = async (handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Server> => {
  const http = createServer(handler);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return http;
};
const portOf = (http: Server) => (http.address() as AddressInfo).port;
const bodyOf = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * Forwards one request to `port` and pipes the answer back (or drops it, without `response`); rejects when nobody
 * listens there.
 */
function forward(port: number, request: IncomingMessage, body: Buffer, response?: ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      { host: '127.0.0.1', port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        if (!response) return void answer.resume().on('end', resolve);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response).on('finish', resolve);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

describe.skipIf(!server)('two instances on one PostgreSQL database', () => {
  let telegram: FakeTelegram;
  let portal: DemoPortal;
  let admin: pg.Pool;
  const schema = `instances_${randomBytes(4).toString('hex')}`;
  let place: string;
  const servers: Server[] = [];
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  let turn = 0;
  // The first instance starts the round alone, one message a second, and dies the moment its first briefing
  // message has left it: Telegram gets that message, the first never hears back. Only then does the second start
  // its round, racing for the rest and taking over the slots the first left leased. It must neither send again
  // what the first had handed over, nor leave out any of the rest.
  let dying = false;
  let first: ChildProcess | undefined;
  let second: ChildProcess | undefined;

  const clockNow = (wallStart: number) => () => new Date(CLOCK_START + (Date.now() - wallStart));

  beforeAll(async () => {
    const wallStart = Date.now();
    telegram = await startFakeTelegram();
    portal = await startDemoPortal({ port: 0, rateLimit: false, now: clockNow(wallStart) });
    admin = new pg.Pool({ connectionString: server, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    place = placeInSchema(server!, schema);
    // The directors are known already (they wrote to the bot before).
    const db = await openDatabase(place);
    const directors = createDirectorRepository(db);
    for (const id of DIRECTORS) {
      await directors.save({
        telegramUserId: id,
        chatId: id,
        portalUserId: 1,
        timeZone: 'Europe/Moscow',
        language: 'ru',
        introduced: true,
      });
    }
    await db.close();

    // The load balancer: each update to the next instance; one that does not answer is skipped.
    const balancer = await listen(async (request, response) => {
      const body = await bodyOf(request);
      for (let tries = 0; tries < ports.length; tries++) {
        const port = ports[turn++ % ports.length]!;
        try {
          await forward(port, request, body, response);
          return;
        } catch {}
      }
      response.writeHead(502).end();
    });
    // The first instance's way to Telegram: it is killed here in the middle of the round.
    const telegramPort = Number(new URL(telegram.apiRoot).port);
    const door = await listen(async (request, response) => {
      const body = await bodyOf(request);
      if (!dying && request.url?.endsWith('/sendMessage') && body.toString('utf8').includes('Доброе утро')) {
        dying = true;
        first?.kill('SIGKILL');
        second?.kill('SIGUSR2');
      }
      // Once dying, what has left the first still reaches Telegram; the answer goes nowhere.
      await forward(telegramPort, request, body, dying ? undefined : response).catch(() => response.destroy());
    });
    servers.push(balancer, door);

    const instanceFile = fileURLToPath(new URL('./instance.ts', import.meta.url));
    const secret = 'balanced_s3cret';
    for (const name of ['first', 'second']) {
      const http = await listen(() => {});
      const port = portOf(http);
      await new Promise((resolve) => http.close(resolve));
      ports.push(port);
      const settings: InstanceSettings = {
        name,
        token: telegram.token,
        apiRoot: name === 'first' ? `http://127.0.0.1:${portOf(door)}` : telegram.apiRoot,
        webhookUrl: `http://127.0.0.1:${portOf(balancer)}/telegram`,
        port,
        secret,
        portalWebhookUrl: portal.webhookUrl,
        databaseUrl: place,
        allowed: DIRECTORS,
        clockStart: CLOCK_START,
        wallStart,
        leaseMs: LEASE_MS,
        tickMs: TICK_MS,
        digestsOnSignal: name === 'second',
        ...(name === 'first' ? { messagesPerSecond: 1 } : {}),
      };
      const child = spawn(process.execPath, ['--import', 'tsx', instanceFile], {
        env: { ...process.env, INSTANCE: JSON.stringify(settings) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      if (name === 'first') first = child;
      else second = child;
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString('utf8').includes('ready')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`instance ${name} stopped (${code})`)));
      });
    }
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const http of servers) await new Promise((resolve) => http.close(resolve));
    await telegram?.close();
    await portal?.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('drops a repeated update whichever instance it reaches, and writes each tapped task once', async () => {
    const tappers = DIRECTORS.slice(0, 3);
    const tasksBefore = portal.data.tasks.length;
    for (const [index, id] of tappers.entries()) {
      const user = { id, first_name: 'Директор' };
      const before = telegram.sent(id).length;
      // Telegram sends the same update twice: the balancer hands the copies to different instances.
      const update = {
        message: {
          message_id: 1_000 + index,
          date: Math.floor(Date.now() / 1000),
          chat: { id, type: 'private', first_name: 'Директор' },
          from: { id, is_bot: false, first_name: 'Директор', language_code: 'ru' },
          text: `создай задачу позвонить клиенту номер ${index + 1} завтра`,
        },
      };
      const updateId = telegram.pushUpdate(update);
      telegram.pushUpdate({ ...update, update_id: updateId });
      const question = await telegram.waitFor(() => telegram.sent(id).slice(before)[0], 30_000);
      // A double tap: two updates, one to each instance.
      const yes = telegram.buttonData(question, 'Да');
      telegram.tapButton(user, question, yes);
      telegram.tapButton(user, question, yes);
      await telegram.waitFor(() => {
        const now = telegram.sent(id).find((message) => message.messageId === question.messageId);
        return now && now.edits > 0;
      }, 30_000);
      expect(telegram.sent(id).slice(before)).toHaveLength(1);
    }
    const created = portal.data.tasks.slice(tasksBefore).map((task) => String(task.title));
    expect(created.sort()).toEqual(tappers.map((_, index) => expect.stringMatching(new RegExp(`номер ${index + 1}`))));
  }, 60_000);

  it('sends every director the morning briefing exactly once though one instance dies in the middle', async () => {
    const db = await openDatabase(place);
    const before = new Map(DIRECTORS.map((id) => [id, telegram.sent(id).length]));
    try {
      // Every director switches the 09:00 briefing on; its slot is due now.
      await createDigestRepository(db).save(
        DIRECTORS.map((id) => ({
          telegramUserId: id,
          digest: 'morningBriefing',
          enabled: true,
          localTime: '09:00',
          timeZone: 'Europe/Moscow',
          nextRunAt: new Date(CLOCK_START),
        })),
        new Date(CLOCK_START),
      );
      const briefingsOf = (id: number) =>
        telegram.sent(id).filter((message) => message.text.includes('Доброе утро')).length;
      await telegram.waitFor(() => DIRECTORS.every((id) => briefingsOf(id) >= 1), 60_000);
      // Long enough for any late duplicate: two leases and some ticks.
      await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_MS + 4 * TICK_MS));

      expect(first?.signalCode).toBe('SIGKILL');
      expect(DIRECTORS.map(briefingsOf)).toEqual(DIRECTORS.map(() => 1));
      // No part of a briefing split into several messages came twice or went missing.
      const partsOf = (id: number) => telegram.sent(id).map((message) => message.text);
      expect(DIRECTORS.map((id) => new Set(partsOf(id)).size)).toEqual(DIRECTORS.map((id) => partsOf(id).length));
      const slotParts = await db.all<{ telegram_user_id: number; detail: string }>(
        'SELECT telegram_user_id, detail FROM digest_slots',
      );
      for (const { telegram_user_id: id, detail } of slotParts)
        expect(`${partsOf(id).length - (before.get(id) ?? 0)} message(s)`).toBe(detail);
      const slots = await db.all<{ status: string; attempts: number }>('SELECT status, attempts FROM digest_slots');
      expect(slots.map((slot) => slot.status)).toEqual(DIRECTORS.map(() => 'sent'));
      // The slot the first instance died on was taken over by the second.
      expect(slots.filter((slot) => slot.attempts > 1).length).toBeGreaterThanOrEqual(1);
    } finally {
      await db.close();
    }
  }, 90_000);
});
