// The language of a reply the bot gives before it knows the sender: a stranger's refusal follows Telegram's
// language code, and someone allowed but not yet known hears a failure in the language of their own words,
// decided once per update (the router never runs again on the error path just to learn it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { createBot } from '../../src/telegram/bot.ts';
import { understand } from '../../src/understanding/router/index.ts';
import type { Understand } from '../../src/understanding/understand-context.ts';
import { type FakeTelegram, startFakeTelegram, type TelegramUser } from '../fakes/telegram-api.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ALICE: TelegramUser = { id: 333, first_name: 'Alice', language_code: 'en' };
const OLGA: TelegramUser = { id: 444, first_name: 'Ольга', language_code: 'ru' };
let nextId = 1;

async function fakeTelegram(): Promise<FakeTelegram> {
  const telegram = await startFakeTelegram();
  cleanups.push(() => telegram.close());
  return telegram;
}

const update = (from: TelegramUser, text: string) =>
  ({
    update_id: nextId++,
    message: { message_id: nextId++, date: 1, chat: { id: from.id, type: 'private' }, from, text },
  }) as Update;

describe('a stranger', () => {
  it('is refused in their own language, with their Telegram ID', async () => {
    const telegram = await fakeTelegram();
    const { bot } = createBot({
      token: telegram.token,
      apiRoot: telegram.apiRoot,
      assistant: { handleText: async () => [], handleButton: async () => ({ replies: [] }) },
      access: { isAllowed: () => false },
      logger: silentLogger,
    });
    await bot.init();
    await bot.handleUpdate(update(ALICE, 'show my tasks'));
    await bot.handleUpdate(update(OLGA, 'мои задачи'));
    expect(telegram.sent(ALICE.id).map((message) => message.plain)).toEqual([
      "Sorry, this assistant is only for the company's staff. Your Telegram ID is 333: send it to your administrator to get access.",
    ]);
    expect(telegram.sent(OLGA.id).map((message) => message.plain)).toEqual([
      'Извините, этот помощник доступен только сотрудникам компании. Ваш Telegram ID: 444 — передайте его администратору, чтобы получить доступ.',
    ]);
  });
});

/** The app over the demo portal; the router is counted, and the portal goes down right after it has run. */
async function appFailingAfterTheRouter(portal: DemoPortal) {
  const folder = mkdtempSync(join(tmpdir(), 'b24-languages-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const runs: string[] = [];
  const counted: Understand = (text, context) => {
    runs.push(text);
    portal.faults.down = true;
    return understand(text, context);
  };
  const app = await createApp({
    portal: createPortalClient({
      webhookUrl: portal.webhookUrl,
      rateLimit: { perSecond: 1_000, burst: 1_000 },
      retries: 0,
    }),
    databasePath: join(folder, 'assistant.sqlite'),
    allowed: [{ telegramUserId: ALICE.id }, { telegramUserId: OLGA.id }],
    understand: counted,
    logger: silentLogger,
  });
  cleanups.push(() => app.close());
  return { app, runs };
}

describe('someone allowed but not yet known, whose first question fails', () => {
  it.each([
    [ALICE, 'show my tasks', 'Could not connect to Bitrix24, please check that the portal is available.'],
    [OLGA, 'мои задачи', 'Не удалось подключиться к Битрикс24, проверьте, что портал доступен.'],
  ])('hears the failure in the language of their words, the router run once (%#)', async (who, words, sentence) => {
    const portal = await startDemoPortal({ port: 0, rateLimit: false });
    cleanups.push(() => portal.close());
    const telegram = await fakeTelegram();
    const { app, runs } = await appFailingAfterTheRouter(portal);
    const { bot } = createBot({ token: telegram.token, apiRoot: telegram.apiRoot, ...app, logger: silentLogger });
    await bot.init();
    await bot.handleUpdate(update(who, words));
    expect(telegram.sent(who.id).map((message) => message.plain)).toEqual([sentence]);
    expect(runs).toEqual([words]);
  });
});
