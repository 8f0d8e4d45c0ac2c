// Promise 5: times are in the director's own zone, taken from the portal user's profile, never asked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';

// Wednesday 25 November 2026, 12:00 in Moscow, 19:00 in Vladivostok.
const now = () => new Date('2026-11-25T09:00:00Z');

describe('a director far from Moscow', () => {
  let portal: DemoPortal;
  let app: App;
  let folder: string;
  let far: { id: number; zone: string };

  beforeAll(async () => {
    portal = await startDemoPortal({ now, rateLimit: false });
    const user = portal.data.users.find((one) => one.TIME_ZONE === 'Asia/Vladivostok');
    far = { id: Number(user?.ID), zone: String(user?.TIME_ZONE) };
    folder = mkdtempSync(join(tmpdir(), 'app-zone-'));
    app = await createApp({
      portal: createPortalClient({ webhookUrl: portal.webhookUrl, retries: 0 }),
      databasePath: join(folder, 'assistant.sqlite'),
      allowed: [{ telegramUserId: 333, portalUserId: far.id }],
      logger: silentLogger,
      now,
    });
  });
  afterAll(async () => {
    await app?.close();
    await portal?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('sees the deadlines of their tasks in the zone of their portal profile', async () => {
    const replies = await app.assistant.handleText({ telegramUserId: 333, chatId: 333 }, 'мои задачи');
    const lines = replies.flatMap((reply) => plainTextOf(reply.html).split('\n'));
    const own = portal.data.tasks.filter(
      (task) => Number(task.responsibleId) === far.id && Number(task.status) < 5 && task.deadline,
    );
    expect(own.length).toBeGreaterThan(0);
    for (const task of own) {
      const local = DateTime.fromISO(String(task.deadline)).setZone(far.zone).toFormat('HH:mm');
      const moscow = DateTime.fromISO(String(task.deadline)).setZone('Europe/Moscow').toFormat('HH:mm');
      expect(local).not.toBe(moscow);
      const line = lines.find((one) => one.includes(String(task.title)));
      expect(line, String(task.title)).toMatch(new RegExp(`${local}(?: ↗)?$`));
    }
  });
});
