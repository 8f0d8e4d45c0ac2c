// The bot with its operator listener, wired as main.ts wires it in polling mode, over the demo portal and the fake
// Bot API; everything it starts is stopped by `cleanups` (the test file runs them after each test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, createApp } from '../../src/app.ts';
import { startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createListener } from '../../src/ops/listener.ts';
import { mountOperatorRoutes } from '../../src/ops/routes.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { createBot } from '../../src/telegram/bot.ts';
import { startPolling } from '../../src/telegram/run.ts';
import { startFakeTelegram } from '../fakes/telegram-api.ts';

export const DIRECTOR = { id: 111, first_name: 'Алексей', language_code: 'ru' };

export type Cleanups = (() => Promise<unknown> | unknown)[];

export async function startOperatorBot(
  cleanups: Cleanups,
  options: Pick<AppOptions, 'now' | 'proposalTtlMs' | 'databaseUrl' | 'databaseTimeouts'> = {},
) {
  const folder = mkdtempSync(join(tmpdir(), 'b24-operator-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const portal = await startDemoPortal({ port: 0, rateLimit: false });
  cleanups.push(() => portal.close());
  const telegram = await startFakeTelegram();
  cleanups.push(() => telegram.close());
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: portal.webhookUrl, rateLimit: { perSecond: 1_000, burst: 1_000 } }),
    databasePath: join(folder, 'assistant.sqlite'),
    allowed: [{ telegramUserId: DIRECTOR.id }],
    logger: silentLogger,
    ...options,
  });
  cleanups.push(() => app.close());
  const { bot, sender } = createBot({ token: telegram.token, apiRoot: telegram.apiRoot, ...app, logger: silentLogger });
  const running = await startPolling(bot, silentLogger);
  cleanups.push(() => running.stop());
  const digests = app.startDigests((chatId, replies) => sender.send(chatId, replies).then(() => {}));
  cleanups.push(() => digests.stop());
  const listener = createListener(silentLogger);
  mountOperatorRoutes(listener, {
    updatesAlive: running.alive,
    pingDatabase: app.ping,
    lastDigestTick: digests.lastTick,
  });
  const port = await listener.listen(0, '127.0.0.1');
  cleanups.push(() => listener.close());
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) });
  return { app, telegram, running, listener, get };
}
