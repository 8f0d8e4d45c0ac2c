// One bot serving two companies, as an operator runs it with a Bitrix24 application: the fake Telegram API, two
// demo portals (the application installed on both, one token server for both, as oauth.bitrix.info is), the
// company webhook of the first, and the bot's listener receiving the portals' redirects, all over 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInitData } from '../../src/access/init-data.ts';
import { type App, type AppOptions, createApp, OAUTH_REDIRECT_PATH } from '../../src/app.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createListener, type Listener } from '../../src/ops/listener.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { isPostgresAddress } from '../../src/storage/db.ts';
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
/** Listed as portal user 3 (`222:3`): the sales manager. */
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
  /** The whole /connect conversation up to the button: the address of the bot's connect page. */
  connectLink(user: TelegramUser, portal: DemoPortal): Promise<string>;
  /** A browser of its own, with its own cookies. */
  browser(): Browser;
  /**
   * Telegram opens the connect page for `opener` (signing its data, as Telegram does; `signed: false` plays a
   * page opened outside Telegram), then `browser` follows the page's button to the portal, which approves as
   * `portalUserId` and sends a browser back to the bot (`back`: another one, when given).
   */
  approve(
    link: string,
    portal: DemoPortal,
    portalUserId: number,
    options?: { opener?: TelegramUser; signed?: boolean; browser?: Browser; back?: Browser; at?: DemoPortal },
  ): Promise<Approval>;
  /** /connect, approve, confirm, and the bot's «Подключено» message. */
  connect(user: TelegramUser, portal: DemoPortal, portalUserId: number): Promise<SentMessage>;
  /** The bot's next message to `user`, after those already there. */
  nextMessage(user: TelegramUser, before: number): Promise<SentMessage>;
  startDigests(): { delivered: { chatId: number; replies: Reply[] }[]; stop(): void };
  close(): Promise<void>;
}

/** What a browser got: the status and text of the last page, and its address. */
export interface PageSeen {
  status: number;
  html: string;
  url: string;
}

/** A browser: follows nothing by itself, keeps the bot's cookie. */
export interface Browser {
  get(url: string): Promise<PageSeen & { location?: string }>;
  post(url: string, form: Record<string, string>, headers?: Record<string, string>): Promise<PageSeen>;
}

export interface Approval {
  /** The last page the bot showed (the confirmation when all went well). */
  page: PageSeen;
  /** The confirmation form's token, when the bot asked to confirm. */
  confirm?: string;
  /** The browser the portal sent back, to confirm with. */
  browser: Browser;
}

export function newBrowser(): Browser {
  let cookie = '';
  const keep = (response: Response) => {
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
  };
  return {
    async get(url) {
      const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      keep(response);
      const location = response.headers.get('location') ?? undefined;
      return { status: response.status, html: await response.text(), url, ...(location ? { location } : {}) };
    },
    async post(url, form, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers },
        body: new URLSearchParams(form).toString(),
      });
      keep(response);
      return { status: response.status, html: await response.text(), url };
    },
  };
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];

/** One instance of the bot with the application configured: its app, its polling bot and its listener. */
export async function startInstance(options: {
  telegram: FakeTelegram;
  /** A SQLite file, or a PostgreSQL address. */
  database: string;
  /** The company webhook's portal, whose token server serves both companies. */
  first: DemoPortal;
  now: () => Date;
  /** Where the bot says its pages are, when not its own listener (an https address behind a proxy). */
  publicUrl?: string;
  /** More of the app's options (the alerts' clock and pace, say). */
  extra?: Partial<AppOptions>;
}): Promise<{ app: App; publicUrl: string; sender: Sender; listener: Listener; stop(): Promise<void> }> {
  const { telegram, first, now } = options;
  const listener = createListener(silentLogger);
  const port = await listener.listen(0, '127.0.0.1');
  const publicUrl = options.publicUrl ?? `http://127.0.0.1:${port}`;
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: first.webhookUrl, retries: 0 }),
    application: {
      keys: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, server: `http://127.0.0.1:${first.port}` },
      encryptionKey: 'an operator passphrase for the tests',
      allowConnectedPortals: true,
      publicUrl,
      botToken: telegram.token,
    },
    databasePath: options.database,
    ...(isPostgresAddress(options.database) ? { databaseUrl: options.database } : {}),
    allowed: [
      { telegramUserId: DIRECTOR.id },
      { telegramUserId: MANAGER.id, portalUserId: 3 },
      { telegramUserId: WEBHOOK_USER.id },
    ],
    logger: silentLogger,
    now,
    ...options.extra,
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
  const routes = app.connectRoutes?.((chatId, replies) => sender.send(chatId, replies).then(() => {}));
  if (!routes) throw new Error('the application is configured, so the connect routes exist');
  for (const [path, route] of routes) listener.route(path, route);
  return {
    app,
    publicUrl,
    sender,
    listener,
    async stop() {
      await running.stop();
      await listener.close();
      await app.close();
    },
  };
}

export async function startConnectStand(extra: Partial<AppOptions> = {}): Promise<ConnectStand> {
  const clock = { now: new Date('2026-11-25T05:00:00Z') };
  const now = () => new Date(clock.now);
  const oauth = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, accessTokenLifetimeSec: 3600 };
  const first = await startDemoPortal({ now, rateLimit: false, oauth: { ...oauth, memberId: 'company-one' } });
  const second = await startDemoPortal({ now, rateLimit: false, oauth: { ...oauth, memberId: 'company-two' } });
  const telegram = await startFakeTelegram();
  const folder = mkdtempSync(join(tmpdir(), 'b24-connect-'));
  const { app, publicUrl, sender, listener, stop } = await startInstance({
    telegram,
    database: join(folder, 'assistant.sqlite'),
    first,
    now,
    extra,
  });
  const handler = `${publicUrl}${OAUTH_REDIRECT_PATH}`;
  first.oauth.redirectUri = handler;
  second.oauth.redirectUri = handler;

  // Who asked for a link: the tests' users, by the chat the link was sent to.
  const owners = new Map<string, TelegramUser>();
  const ownerOf = (link: string) => {
    const owner = owners.get(link);
    if (!owner) throw new Error('a link nobody asked for');
    return owner;
  };
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
      const button = withLink?.reply_markup?.inline_keyboard?.[0]?.[0];
      const url = button?.url ?? button?.web_app?.url;
      if (typeof url !== 'string') throw new Error(`no link button: ${withLink?.plain}`);
      owners.set(url, user);
      return url;
    },
    browser: newBrowser,
    async approve(link, portal, portalUserId, options = {}) {
      const opener = options.opener ?? ownerOf(link);
      const browser = options.browser ?? newBrowser();
      // The Telegram client: the page, then its script posting the signed data.
      const opened = await browser.get(link);
      if (opened.status !== 200) return { page: opened, browser };
      const initData =
        options.signed === false
          ? ''
          : signInitData(telegram.token, {
              user: { id: opener.id, firstName: opener.first_name, username: `user${opener.id}` },
              authDate: now(),
            });
      const proven = await browser.post(`${publicUrl}/bitrix24/oauth/connect`, {
        t: hidden(opened.html, 't') ?? '',
        initData,
      });
      const handover = /id="open" href="([^"]+)"/.exec(proven.html)?.[1]?.replaceAll('&amp;', '&');
      if (!handover) return { page: proven, browser };
      // The browser: the one-time address, the portal's approval page, and back to the bot.
      const toPortal = await browser.get(handover);
      if (!toPortal.location) return { page: toPortal, browser };
      portal.oauth.signedInUserId = portalUserId;
      const portalUrl = new URL(toPortal.location);
      const at = options.at ?? portal;
      const atPortal = await fetch(`http://127.0.0.1:${at.port}${portalUrl.pathname}${portalUrl.search}`, {
        redirect: 'manual',
      });
      const back = options.back ?? browser;
      const page = await back.get(atPortal.headers.get('location') ?? '');
      const confirm = hidden(page.html, 'confirm');
      return { page, browser: back, ...(confirm ? { confirm } : {}) };
    },
    nextMessage: (user, before) => telegram.waitFor(() => telegram.sent(user.id)[before], 20_000),
    async connect(user, portal, portalUserId) {
      const link = await stand.connectLink(user, portal);
      const before = telegram.sent(user.id).length;
      const approval = await stand.approve(link, portal, portalUserId);
      if (!approval.confirm) throw new Error(`the bot did not ask to confirm: ${approval.page.status}`);
      const done = await approval.browser.post(handler, { confirm: approval.confirm, answer: 'yes' });
      if (done.status !== 200) throw new Error(`the bot's page answered ${done.status}`);
      return stand.nextMessage(user, before);
    },
    startDigests() {
      const delivered: { chatId: number; replies: Reply[] }[] = [];
      const digests = app.startDigests(async (chatId, replies) => {
        delivered.push({ chatId, replies });
      });
      return { delivered, stop: () => digests.stop() };
    },
    async close() {
      await stop();
      await telegram.close();
      await first.close();
      await second.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return stand;
}
