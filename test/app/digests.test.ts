// The digests as `createApp` wires them for the bot: a director switches the briefing on in the chat, and at
// 09:00 local the first tick delivers it, built from the portal, through the sender the bot hands in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import type { PortalClient } from '../../src/portal/port.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('digests wired into the app', () => {
  it('sends the morning briefing the director switched on, at 09:00 in the director’s zone', async () => {
    // Wednesday 25 November 2026, 08:00 in Moscow.
    const clock = { now: new Date('2026-11-25T05:00:00Z') };
    const now = () => new Date(clock.now);
    const portal = await startDemoPortal({ now, rateLimit: false });
    const folder = mkdtempSync(join(tmpdir(), 'app-digests-'));
    cleanups.push(
      () => portal.close(),
      () => rmSync(folder, { recursive: true, force: true }),
    );
    const app = await createApp({
      portal: createPortalClient({ webhookUrl: portal.webhookUrl, retries: 0 }),
      databasePath: join(folder, 'assistant.sqlite'),
      allowed: [{ telegramUserId: 111 }],
      logger: silentLogger,
      now,
    });
    cleanups.push(() => app.close());

    const [settings] = await app.assistant.handleText({ telegramUserId: 111, chatId: 111 }, 'утренний брифинг в 9:00');
    expect(plainTextOf(settings?.html ?? '')).toMatch(/Утренний брифинг.*09:00/);

    const delivered: { chatId: number; replies: Reply[] }[] = [];
    const send = async (chatId: number, replies: Reply[]) => {
      delivered.push({ chatId, replies });
    };
    clock.now = new Date('2026-11-25T06:00:30Z');
    const digests = app.startDigests(send);
    cleanups.push(() => digests.stop());
    await vi.waitFor(() => expect(delivered).toHaveLength(1), { timeout: 10_000 });
    const text = delivered[0]?.replies.map((reply) => plainTextOf(reply.html)).join('\n') ?? '';
    expect(delivered[0]?.chatId).toBe(111);
    expect(text).toMatch(/^☀️ Доброе утро! Утренний брифинг — среда, 25 ноября/);
    expect(text).toMatch(/Встречи/);
  });
});

describe('digests and ALLOWED_TELEGRAM_IDS', () => {
  // Wednesday 25 November 2026, 08:00 in Moscow.
  const clock = { now: new Date('2026-11-25T05:00:00Z') };
  const now = () => new Date(clock.now);

  async function setUp() {
    clock.now = new Date('2026-11-25T05:00:00Z');
    const portal = await startDemoPortal({ now, rateLimit: false });
    const folder = mkdtempSync(join(tmpdir(), 'app-digests-'));
    cleanups.push(
      () => portal.close(),
      () => rmSync(folder, { recursive: true, force: true }),
    );
    const asked: string[] = [];
    const client = createPortalClient({ webhookUrl: portal.webhookUrl, retries: 0 });
    // What the portal was asked, to tell whose data a digest holds.
    const recording: PortalClient = {
      call: (method, params) => {
        asked.push(JSON.stringify({ method, params }));
        return client.call(method, params);
      },
      batch: (commands, options) => {
        asked.push(JSON.stringify(commands));
        return client.batch(commands, options);
      },
      list: (method, params, options) => {
        asked.push(JSON.stringify({ method, params }));
        return client.list(method, params, options);
      },
    };
    /** One run of the bot: the app as `main` builds it with these ALLOWED_TELEGRAM_IDS. */
    const boot = async (allowed: { telegramUserId: number; portalUserId?: number }[]) => {
      const app = await createApp({
        portal: recording,
        databasePath: join(folder, 'assistant.sqlite'),
        allowed,
        logger: silentLogger,
        now,
      });
      cleanups.push(() => app.close());
      return app;
    };
    return { boot, asked };
  }

  /** Starts the digests at `at` and waits for the start-up tick to finish; returns who got what. */
  async function digestsAt(app: App, at: string, expected: number) {
    clock.now = new Date(at);
    const delivered: { chatId: number; text: string }[] = [];
    const digests = app.startDigests(async (chatId, replies) => {
      delivered.push({ chatId, text: replies.map((reply) => plainTextOf(reply.html)).join('\n') });
    });
    cleanups.push(() => digests.stop());
    await vi.waitFor(
      async () => {
        const open = await app.db.all("SELECT id FROM digest_slots WHERE status = 'sending'");
        expect(open).toHaveLength(0);
        expect(delivered).toHaveLength(expected);
      },
      { timeout: 10_000 },
    );
    await digests.stop();
    return delivered;
  }

  it('a director removed from the list gets no digest; allowed again, their digests come back', async () => {
    const { boot } = await setUp();
    const before = await boot([{ telegramUserId: 111 }, { telegramUserId: 222 }]);
    for (const telegramUserId of [111, 222])
      await before.assistant.handleText({ telegramUserId, chatId: telegramUserId }, 'утренний брифинг в 9:00');
    await before.close();

    // 222 was dismissed: removed from ALLOWED_TELEGRAM_IDS, the bot restarted.
    const without = await boot([{ telegramUserId: 111 }]);
    const wednesday = await digestsAt(without, '2026-11-25T06:00:30Z', 1);
    expect(wednesday.map((delivery) => delivery.chatId)).toEqual([111]);
    const kept = await without.db.all(
      'SELECT enabled, suspended FROM digest_subscriptions WHERE telegram_user_id = 222',
    );
    expect(kept).toEqual([{ enabled: 1, suspended: 1 }]);
    // Even a tick a minute later, and the next day, leaves them out.
    clock.now = new Date('2026-11-26T06:00:30Z');
    expect((await digestsAt(without, '2026-11-26T06:00:30Z', 1)).map((delivery) => delivery.chatId)).toEqual([111]);
    await without.close();

    const again = await boot([{ telegramUserId: 111 }, { telegramUserId: 222 }]);
    const friday = await digestsAt(again, '2026-11-27T06:00:30Z', 2);
    expect(friday.map((delivery) => delivery.chatId).sort()).toEqual([111, 222]);
  });

  it('a changed portal user for a Telegram user: the next digest is the new person’s', async () => {
    const { boot, asked } = await setUp();
    const before = await boot([{ telegramUserId: 111, portalUserId: 1 }]);
    await before.assistant.handleText({ telegramUserId: 111, chatId: 111 }, 'утренний брифинг в 9:00');
    await before.close();

    const after = await boot([{ telegramUserId: 111, portalUserId: 5 }]);
    asked.length = 0;
    const [digest] = await digestsAt(after, '2026-11-25T06:00:30Z', 1);
    expect(digest?.chatId).toBe(111);
    const requests = asked.join('\n');
    expect(requests).toMatch(/"RESPONSIBLE_ID":5\b/);
    expect(requests).not.toMatch(/"RESPONSIBLE_ID":1\b/);
  });
});
