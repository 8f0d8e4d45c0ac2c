// createBot: the error boundary first, then per-chat order, private chats, access, and one Composer per feature.
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { AccessList, ConnectPort } from '../access/access-ports.ts';
import type { AssistantPort } from '../assistant/assistant-port.ts';
import type { Logger } from '../log.ts';
import type { Transcriber } from '../speech/transcriber.ts';
import { languageOfCode, SORRY } from '../views/messages.ts';
import { cappedRetry, type TelegramPatience, timeLimit } from './failures.ts';
import { accessFeature } from './features/access.ts';
import { buttonsFeature } from './features/buttons.ts';
import { privateChatsFeature } from './features/chats.ts';
import { connectFeature } from './features/connect.ts';
import { conversationFeature } from './features/conversation.ts';
import { dashboardFeature } from './features/dashboard.ts';
import { unsupportedFeature } from './features/unsupported.ts';
import { voiceFeature } from './features/voice.ts';
import { createMenu } from './menu.ts';
import { countRetries, timeUpdates } from './observe.ts';
import { createSender, noLinkPreviews, type Sender } from './send.ts';
import { telegramFetch } from './transport.ts';

export interface BotDependencies {
  token: string;
  /** Bot API server root (TELEGRAM_API_ROOT): a self-hosted server or a test stand-in. */
  apiRoot?: string;
  assistant: AssistantPort;
  access: AccessList;
  /** /connect and /disconnect, when a Bitrix24 application is configured. */
  connect?: ConnectPort;
  logger: Logger;
  /** Speech to text for voice notes; absent: the director is asked to write. */
  transcriber?: Transcriber;
  /** Time limits and back-off of Telegram calls (tests shorten them). */
  patience?: TelegramPatience;
  /** Known bot identity (skips getMe; tests). */
  botInfo?: UserFromGetMe;
  /** DASHBOARD_URL: the dashboard's button in the menu and under the briefing; absent, no button anywhere. */
  dashboardUrl?: string;
}

export interface AssistantBot {
  bot: Bot<Context>;
  sender: Sender;
  /** Resolves once every update being handled now is done (shutdown waits for writes in flight). */
  idle(): Promise<void>;
}

export function createBot(deps: BotDependencies): AssistantBot {
  const bot = new Bot<Context>(deps.token, {
    client: { ...(deps.apiRoot ? { apiRoot: deps.apiRoot } : {}), fetch: telegramFetch() },
    botInfo: deps.botInfo,
  });
  bot.api.config.use(timeLimit(deps.patience));
  bot.api.config.use(noLinkPreviews());
  bot.api.config.use(countRetries());
  // Waits out Telegram's 429 `retry_after` and retries its 5xx; gives up on absurd waits. Network failures go
  // to cappedRetry: auto-retry's own back-off for them grows to an hour and never gives up.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowHttpErrors: true }));
  bot.api.config.use(cappedRetry(deps.patience));
  const sender = createSender(bot.api, deps.logger, deps.dashboardUrl);

  const inFlight = new Set<Promise<unknown>>();
  bot.use((_ctx, next) => {
    const work = next();
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  });
  bot.use(timeUpdates(deps.logger));
  // One chat's updates in order, different chats in parallel.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  // The error boundary holds for polling, the webhook and handleUpdate alike: one update's failure
  // becomes one plain sentence for the director and a log line, never a stuck bot.
  const features = bot.errorBoundary(async ({ error, ctx }) => {
    deps.logger.error('update failed', { error, updateId: ctx.update.update_id });
    const chatId = ctx.chat?.id;
    if (chatId && ctx.chat?.type === 'private')
      await bot.api.sendMessage(chatId, SORRY[languageOfCode(ctx.from?.language_code)]).catch(() => {});
  });
  features.use(privateChatsFeature());
  if (deps.connect) features.use(connectFeature(deps.connect, deps.access));
  features.use(accessFeature(deps.access));
  const menu = createMenu({ dashboard: Boolean(deps.dashboardUrl) });
  if (deps.dashboardUrl) features.use(dashboardFeature(deps.dashboardUrl));
  features.use(conversationFeature({ assistant: deps.assistant, sender, menu, logger: deps.logger }));
  const apiRoot = (deps.apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '');
  features.use(
    voiceFeature({
      assistant: deps.assistant,
      sender,
      menu,
      logger: deps.logger,
      transcriber: deps.transcriber,
      fileUrl: (filePath) => `${apiRoot}/file/bot${deps.token}/${filePath}`,
    }),
  );
  features.use(buttonsFeature({ assistant: deps.assistant, sender, logger: deps.logger }));
  features.use(unsupportedFeature());
  return {
    bot,
    sender,
    idle: async () => {
      await Promise.allSettled([...inFlight]);
    },
  };
}
