// The digests as `createApp` wires them for the bot: a director switches the briefing on in the chat, and at
// 09:00 local the first tick delivers it, built from the portal, through the sender the bot hands in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { plainTextOf } from '../../src/views/plain-text.ts';
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
    expect(plainTextOf(settings?.html ?? '')).toMatch(/Утренний брифинг, 09:00/);

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
