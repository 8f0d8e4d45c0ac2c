// One bot serving two companies, as an operator runs it with a Bitrix24 application: the fake Telegram API, two
// demo portals (the application installed on both, one token server for both, as oauth.bitrix.info is), the
// company webhook of the first, and the bot's listener receiving the portals' redirects, all over 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, type AppOptions, createApp, OAUTH_REDIRECT_PATH } from '../../src/app.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createListener, type Listener } from '../../src/ops/listener.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { createBot } from '../../src/telegram/bot.ts';
import { registerCommands } from '../../src/telegram/menu.ts';
import { startPolling } from '../../src/telegram/run.ts';
import type { Sender } from '../../src/telegram/send.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type FakeTelegram, type SentMessage, startFakeTelegram, type TelegramUser } from '../fakes/telegram-api.ts';

export const CLIENT_ID = 'app.6571a2b3c4d5e6.12345678';
export const CLIENT_SECRET = 'the-application-secret-3f9a';
/** Listed in ALLOWED_TELEGRAM_IDS. */
export const DIRECTOR: TelegramUser = { id: 111, first_name: 'Алексей', language_code: 'ru' };
export const MANAGER: TelegramUser = { id: 222, first_name: 'Дмитрий', language_code: 'ru' };
/** Listed, never connects: served by the company webhook. */
export const WEBHOOK_USER: TelegramUser = { id: 444, first_name: 'Людмила', language_code: 'ru' };
/** Not listed: the director of the second company, allowed because they connect (ALLOW_CONNECTED_PORTALS). */
export const OTHER_DIRECTOR: TelegramUser = { id: 333, first_name: 'Other', language_code: 'en' };
export const STRANGER: TelegramUser = { id: 999, first_name: 'Незнакомец', language_code: 'ru' };

export interface ConnectStand {
  first: DemoPortal;
  second: DemoPortal;
  telegram: FakeTelegram;
  app: App;
  /** The bot's own sender (alerts go through it) and listener (the portals' calls come to it). */
  sender: Sender;
  listener: Listener;
  clock: { now: Date };
  /** Where the portals send the browser back. */
  handler: string;
  /** The user writes; resolves with the bot's new messages once `count` have arrived. */
  say(user: TelegramUser, text: string, count?: number): Promise<SentMessage[]>;
  /** The whole /connect conversation up to the link: the address of the portal's approval page. */
  connectLink(user: TelegramUser, portal: DemoPortal): Promise<string>;
  /** The browser: opens the link as `portalUserId`, follows the redirect to the bot; the bot's page and its URL. */
  approve(link: string, portal: DemoPortal, portalUserId: number): Promise<{ status: number; url: string }>;
  /** /connect, approve, and the bot's «Подключено» message. */
  connect(user: TelegramUser, portal: DemoPortal, portalUserId: number): Promise<SentMessage>;
  startDigests(): { delivered: { chatId: number; replies: Reply[] }[]; stop(): void };
  close(): Promise<void>;
}

export async function startConnectStand(extra: Partial<AppOptions> = {}): Promise<ConnectStand> {
  const clock = { now: new Date('2026-11-25T05:00:00Z') };
  const now = () => new Date(clock.now);
  const oauth = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessTokenLifetimeSec: 3600 };
  const first = await startDemoPortal({ now, rateLimit: false, oauth: { ...oauth, memberId: 'company-one' } });
  const second = await startDemoPortal({ now, rateLimit: false, oauth: { ...oauth, memberId: 'company-two' } });
  const telegram = await startFakeTelegram();
  const folder = mkdtempSync(join(tmpdir(), 'b24-connect-'));
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: first.webhookUrl, retries: 0 }),
    application: {
      keys: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, server: `http://127.0.0.1:${first.port}` },
      encryptionKey: 'an operator passphrase for the tests',
      allowConnectedPortals: true,
    },
    databasePath: join(folder, 'assistant.sqlite'),
    allowed: [{ telegramUserId: DIRECTOR.id }, { telegramUserId: MANAGER.id }, { telegramUserId: WEBHOOK_USER.id }],
    logger: silentLogger,
    now,
    ...extra,
  });
  const { bot, sender } = createBot({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    assistant: app.assistant,
    access: app.access,
    ...(app.connect ? { connect: app.connect } : {}),
    logger: silentLogger,
  });
  await registerCommands(bot.api, { connect: Boolean(app.connect) });
  const running = await startPolling(bot, silentLogger);
  const listener = createListener(silentLogger);
  const route = app.oauthRoute?.((chatId, replies) => sender.send(chatId, replies).then(() => {}));
  if (!route) throw new Error('the application is configured, so the redirect route exists');
  listener.route(OAUTH_REDIRECT_PATH, route);
  const port = await listener.listen(0, '127.0.0.1');
  const handler = `http://127.0.0.1:${port}${OAUTH_REDIRECT_PATH}`;
  first.oauth.redirectUri = handler;
  second.oauth.redirectUri = handler;

  const say: ConnectStand['say'] = async (user, text, count = 1) => {
    const before = telegram.sent(user.id).length;
    telegram.sendText(user, text);
    return telegram.waitFor(() => {
      const fresh = telegram.sent(user.id).slice(before);
      return fresh.length >= count ? fresh : undefined;
    }, 20_000);
  };
  const stand: ConnectStand = {
    first,
    second,
    telegram,
    app,
    sender,
    listener,
    clock,
    handler,
    say,
    async connectLink(user, portal) {
      await say(user, '/connect');
      const [withLink] = await say(user, `http://127.0.0.1:${portal.port}`);
      const url = withLink?.reply_markup?.inline_keyboard?.[0]?.[0]?.url;
      if (typeof url !== 'string') throw new Error(`no link button: ${withLink?.plain}`);
      return url;
    },
    async approve(link, portal, portalUserId) {
      portal.oauth.signedInUserId = portalUserId;
      const atPortal = await fetch(link, { redirect: 'manual' });
      const back = atPortal.headers.get('location') ?? '';
      const atBot = await fetch(back);
      await atBot.text();
      return { status: atBot.status, url: back };
    },
    async connect(user, portal, portalUserId) {
      const link = await stand.connectLink(user, portal);
      const before = telegram.sent(user.id).length;
      const page = await stand.approve(link, portal, portalUserId);
      if (page.status !== 200) throw new Error(`the bot's page answered ${page.status}`);
      return telegram.waitFor(() => telegram.sent(user.id)[before], 20_000);
    },
    startDigests() {
      const delivered: { chatId: number; replies: Reply[] }[] = [];
      const digests = app.startDigests(async (chatId, replies) => {
        delivered.push({ chatId, replies });
      });
      return { delivered, stop: () => digests.stop() };
    },
    async close() {
      await running.stop();
      await listener.close();
      await app.close();
      await telegram.close();
      await first.close();
      await second.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return stand;
}
