// One instance of the bot in webhook mode, built from the same parts as `main` (createApp, createBot,
// startWebhook, the digest round), in a process of its own. The test gives it a clock that starts at a chosen
// moment and a short lease and tick, so a digest round and a takeover fit in a few seconds.
import { createApp } from '../../src/app.ts';
import { createLogger } from '../../src/log.ts';
import { createLeakyBucket } from '../../src/portal/bucket.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { createBot } from '../../src/telegram/bot.ts';
import { startWebhook } from '../../src/telegram/run.ts';

export interface InstanceSettings {
  name: string;
  token: string;
  /** Bot API root this instance talks to (the fake, or a door in front of it). */
  apiRoot: string;
  /** The load balancer's address, registered with setWebhook. */
  webhookUrl: string;
  port: number;
  secret: string;
  portalWebhookUrl: string;
  databaseUrl: string;
  allowed: number[];
  /** The clock reads `clockStart` at wall time `wallStart` and runs on from there. */
  clockStart: number;
  wallStart: number;
  leaseMs: number;
  tickMs: number;
  /** Starts the digest round only on SIGUSR2, so the test decides which instance sends first. */
  digestsOnSignal?: boolean;
  /** Sends digests this slowly, on its own (not in the bucket the instances share). */
  messagesPerSecond?: number;
}

const settings = JSON.parse(process.env.INSTANCE ?? '{}') as InstanceSettings;
const now = () => new Date(settings.clockStart + (Date.now() - settings.wallStart));
const logger = createLogger({ level: 'warn' }, { instance: settings.name });
const app = await createApp({
  portal: (buckets) =>
    createPortalClient({
      webhookUrl: settings.portalWebhookUrl,
      rateLimit: { perSecond: 1_000, burst: 1_000 },
      buckets,
      logger,
    }),
  databasePath: '',
  databaseUrl: settings.databaseUrl,
  allowed: settings.allowed.map((telegramUserId) => ({ telegramUserId })),
  logger,
  now,
  digestRound: {
    instance: settings.name,
    leaseMs: settings.leaseMs,
    tickMs: settings.tickMs,
    ...(settings.messagesPerSecond
      ? { telegramBucket: createLeakyBucket({ perSecond: settings.messagesPerSecond, burst: 1 }) }
      : {}),
  },
});
const { bot, sender } = createBot({
  token: settings.token,
  apiRoot: settings.apiRoot,
  assistant: app.assistant,
  access: app.access,
  logger,
});
await startWebhook(
  bot,
  { url: settings.webhookUrl, port: settings.port, secret: settings.secret, markSeen: app.markSeen },
  logger,
);
const startDigests = () =>
  app.startDigests(async (chatId, replies) => {
    await sender.send(chatId, replies);
  });
if (settings.digestsOnSignal) process.once('SIGUSR2', startDigests);
else startDigests();
process.stdout.write('ready\n');
