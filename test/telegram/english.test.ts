// The English-speaking director gets English in every fixed sentence the bot says on its own: the "sorry",
// the group-chat and the forwarded-message replies (Russian-only once).
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { createBot } from '../../src/telegram/bot.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';

let telegram: FakeTelegram;
beforeEach(async () => {
  telegram = await startFakeTelegram();
});
afterEach(() => telegram.close());

const ALICE = { id: 333, is_bot: false, first_name: 'Alice', language_code: 'en' };
let nextId = 1;

/** The bot as createBot builds it; its assistant fails every message, so the "sorry" path is real. */
async function botHandling(update: Omit<Update, 'update_id'>) {
  const { bot } = createBot({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    assistant: {
      handleText: async () => {
        throw new Error('the portal fell over');
      },
      handleButton: async () => ({ replies: [] }),
    },
    access: { isAllowed: () => true },
    logger: silentLogger,
  });
  await bot.init();
  await bot.handleUpdate({ update_id: nextId++, ...update } as Update);
  return telegram.sent().map((message) => message.plain);
}

const message = (extra: Record<string, unknown>, chat: Record<string, unknown> = { id: ALICE.id, type: 'private' }) =>
  ({ message: { message_id: nextId++, date: 1, chat, from: ALICE, text: 'show my tasks', ...extra } }) as never;

describe('an English-speaking director', () => {
  it('hears the “sorry” in English when an answer fails', async () => {
    expect(await botHandling(message({}))).toEqual(['I could not answer that; please try again in a minute.']);
  });

  it('hears in English that forwarded messages are not read', async () => {
    const forwarded = message({ forward_origin: { type: 'hidden_user', sender_user_name: 'Bob', date: 1 } });
    expect(await botHandling(forwarded)).toEqual([
      'I do not read forwarded messages — write what to show: schedule, tasks or deals.',
    ]);
  });

  it('hears in English, in a group, that the bot answers only in private', async () => {
    const inGroup = message(
      { text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
      { id: -100, type: 'group', title: 'Sales' },
    );
    expect(await botHandling(inGroup)).toEqual(['I only answer in private messages — please write to me directly.']);
  });
});
