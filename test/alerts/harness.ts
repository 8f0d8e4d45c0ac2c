// An app with alerts over the demo portal on a clock the test moves: the director's messages, what the alerts
// send and edit (as the Telegram side would show them), and the company's moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningAlerts } from '../../src/alerts/index.ts';
import { type App, type AppOptions, createApp } from '../../src/app.ts';
import { type CompanyMoves, createCompanyMoves } from '../../src/demo-portal/company-moves.ts';
import { type DemoPortal, type DemoPortalOptions, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';

export const DIRECTOR = 111;

/** Money's thin and no-break spaces as plain ones, so expectations read as the director reads them. */
export const spaced = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

export interface Shown {
  chatId: number;
  messageId: number;
  reply: Reply;
  /** How many times it was edited after it was sent. */
  edits: number;
}

export interface AlertStand {
  clock: { now: Date };
  portal: DemoPortal;
  moves: CompanyMoves;
  app: App;
  alerts: RunningAlerts;
  /** Every alert message, as it looks now. */
  messages: Shown[];
  text(index?: number): string;
  /** The director writes to the bot; the replies' text. */
  say(words: string): Promise<string>;
  /** Only news of the company's moves: the seed's waiting leads and overdue tasks switched off in words. */
  onlyDeals(): Promise<void>;
  /** Moves the clock on and ticks. */
  after(ms: number): Promise<void>;
  /** Closes the app (a restart) and opens a new one on the same database; `meanwhile` happens while it is down. */
  restart(meanwhile?: () => void): Promise<void>;
  close(): Promise<void>;
}

export async function alertStand(
  options: { start: string; portal?: DemoPortalOptions; app?: Partial<AppOptions> } = {
    start: '2026-11-25T09:00:00.250Z',
  },
): Promise<AlertStand> {
  const clock = { now: new Date(options.start) };
  const now = () => new Date(clock.now);
  const portal = await startDemoPortal({ now, rateLimit: false, ...options.portal });
  const folder = mkdtempSync(join(tmpdir(), 'alerts-'));
  const messages: Shown[] = [];
  const outlet = {
    async send(chatId: number, reply: Reply) {
      messages.push({ chatId, messageId: messages.length + 1, reply, edits: 0 });
      return messages.length;
    },
    async edit(chatId: number, messageId: number, reply: Reply) {
      const shown = messages.find((message) => message.chatId === chatId && message.messageId === messageId);
      if (!shown) throw new Error('no such message');
      shown.reply = reply;
      shown.edits += 1;
    },
  };
  const open = async () => {
    const app = await createApp({
      portal: createPortalClient({ webhookUrl: portal.webhookUrl, retries: 0 }),
      databasePath: join(folder, 'assistant.sqlite'),
      allowed: [{ telegramUserId: DIRECTOR }],
      logger: silentLogger,
      now,
      ...options.app,
    });
    return { app, alerts: app.startAlerts(outlet, { timer: false }) };
  };
  let running = await open();
  // The director has written once: the bot knows the chat.
  await running.app.assistant.handleText({ telegramUserId: DIRECTOR, chatId: DIRECTOR }, 'привет');
  const stand: AlertStand = {
    clock,
    portal,
    moves: createCompanyMoves(portal, now),
    get app() {
      return running.app;
    },
    get alerts() {
      return running.alerts;
    },
    messages,
    text: (index = messages.length - 1) => spaced(plainTextOf(messages[index]?.reply.html ?? '')),
    async say(words) {
      const replies = await running.app.assistant.handleText({ telegramUserId: DIRECTOR, chatId: DIRECTOR }, words);
      return spaced(replies.map((reply) => plainTextOf(reply.html)).join('\n'));
    },
    async onlyDeals() {
      for (const words of ['не присылай про лиды', 'не присылай про задачи', 'не присылай про встречи'])
        await stand.say(words);
    },
    async after(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
      await running.alerts.tick();
    },
    async restart(meanwhile) {
      await running.alerts.stop();
      await running.app.close();
      meanwhile?.();
      running = await open();
    },
    async close() {
      await running.alerts.stop();
      await running.app.close();
      await portal.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return stand;
}

export interface Instance {
  app: App;
  alerts: RunningAlerts;
}

/** Two instances on one database; the second may have been started with another ALLOWED_TELEGRAM_IDS. */
export async function twoInstances(
  cleanups: (() => Promise<void> | void)[],
  allowedOnB = [{ telegramUserId: DIRECTOR }],
) {
  const clock = { now: new Date('2026-11-25T09:00:00Z') };
  const now = () => new Date(clock.now);
  const portal: DemoPortal = await startDemoPortal({ now, rateLimit: false });
  const folder = mkdtempSync(join(tmpdir(), 'alerts-instances-'));
  cleanups.push(
    () => portal.close(),
    () => rmSync(folder, { recursive: true, force: true }),
  );
  const sent: Reply[] = [];
  const open = async (instance: string, allowed = [{ telegramUserId: DIRECTOR }]): Promise<Instance> => {
    const app = await createApp({
      portal: createPortalClient({ webhookUrl: portal.webhookUrl, retries: 0 }),
      databasePath: join(folder, 'assistant.sqlite'),
      allowed,
      logger: silentLogger,
      now,
      digestRound: { instance },
    });
    const alerts = app.startAlerts(
      {
        async send(_chatId, reply) {
          sent.push(reply);
          return sent.length;
        },
        async edit(_chatId, messageId, reply) {
          sent[messageId - 1] = reply;
        },
      },
      { timer: false },
    );
    return { app, alerts };
  };
  const a = await open('a');
  const b = await open('b', allowedOnB);
  cleanups.push(async () => {
    await b.alerts.stop();
    await b.app.close();
  });
  for (const words of ['привет', 'не присылай про лиды', 'не присылай про задачи', 'не присылай про встречи']) {
    await a.app.assistant.handleText({ telegramUserId: DIRECTOR, chatId: DIRECTOR }, words);
  }
  return { clock, portal, a, b, sent, moves: createCompanyMoves(portal, now) };
}
