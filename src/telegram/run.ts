// How updates arrive: long polling (default) or a webhook behind HTTPS. Both stop cleanly on demand.
import { createServer, type Server } from 'node:http';
import { type RunnerHandle, run } from '@grammyjs/runner';
import type { Bot, Context } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../log.ts';
import type { Listener } from '../ops/listener.ts';

// The updates the bot asks Telegram for, the same by polling and by webhook.
const UPDATES: ('message' | 'callback_query' | 'edited_message')[] = ['message', 'callback_query', 'edited_message'];

/** An update is a few kilobytes; a body past this is refused. */
export const MAX_UPDATE_BYTES = 1024 * 1024;

export interface Running {
  stop(): Promise<void>;
  /** The updates loop still runs (polling) or listens (webhook): for /healthz. */
  alive(): boolean;
}

/**
 * `onFatal` hears when polling fails for good (Telegram's 409 or 401, which the runner does not retry):
 * the caller shuts down instead of the process dying of an unhandled rejection.
 */
export async function startPolling(
  bot: Bot<Context>,
  logger: Logger,
  onFatal: (error: unknown) => void = () => {},
): Promise<Running> {
  await bot.init();
  // A webhook left over from another deployment would swallow every update.
  await bot.api.deleteWebhook();
  const runner: RunnerHandle = run(bot, {
    // Network failures are retried below the runner (cappedRetry); what reaches it waits a second. Silent: the
    // runner would print raw errors to the console, past the masking logger.
    runner: { fetch: { allowed_updates: UPDATES }, retryInterval: 1_000, silent: true },
  });
  runner.task()?.catch(onFatal);
  logger.info('polling started', { bot: bot.botInfo.username });
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
    },
    alive: () => runner.isRunning(),
  };
}

export interface WebhookOptions {
  /** Public HTTPS address Telegram posts to. */
  url: string;
  port: number;
  /** Checked against X-Telegram-Bot-Api-Secret-Token. */
  secret: string;
  /**
   * First time an update id is seen, by this or any other instance → true. Telegram re-sends updates it thinks
   * were lost, and behind a load balancer the repeat may reach another instance.
   */
  markSeen(updateId: number): Promise<boolean>;
  /** The operator listener's routes (/healthz, /metrics, …), served on the webhook's port too. */
  listener?: Listener;
}

/**
 * Acknowledges each update at once and works afterwards: a model turn can outlast Telegram's
 * patience, and an unacknowledged update comes back again.
 */
export async function startWebhook(bot: Bot<Context>, options: WebhookOptions, logger: Logger): Promise<Running> {
  await bot.init();
  const pending = new Set<Promise<void>>();
  const server: Server = createServer((request, response) => {
    if (options.listener?.handle(request, response)) return;
    if (request.method !== 'POST' || request.headers['x-telegram-bot-api-secret-token'] !== options.secret) {
      response.writeHead(401).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_UPDATE_BYTES) chunks.push(chunk);
      else if (!response.headersSent) {
        // Far bigger than any update: not Telegram. Refused before it can fill the memory.
        response.writeHead(413, { connection: 'close' }).end();
        request.destroy();
      }
    });
    request.on('end', () => {
      if (size > MAX_UPDATE_BYTES) return;
      response.writeHead(200).end();
      let update: Update;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
      } catch {
        return;
      }
      if (typeof update.update_id !== 'number') return;
      const updateId = update.update_id;
      const work = options
        .markSeen(updateId)
        .then((fresh) => (fresh ? bot.handleUpdate(update) : undefined))
        .catch((error: unknown) => logger.error('update failed', { error, updateId }))
        .finally(() => pending.delete(work));
      pending.add(work);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, resolve));
  await bot.api.setWebhook(options.url, {
    secret_token: options.secret,
    allowed_updates: UPDATES,
  });
  logger.info('listening for Telegram updates', { port: options.port });
  return {
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...pending]);
    },
    alive: () => server.listening,
  };
}
