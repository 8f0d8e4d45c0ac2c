// The sending path against the fake Bot API: what the chat shows after each send and edit.
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { createSender, noLinkPreviews, type Sender } from '../../src/telegram/send.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';

let telegram: FakeTelegram;
let sender: Sender;
beforeEach(async () => {
  telegram = await startFakeTelegram();
  sender = createSender(new Api(telegram.token, { apiRoot: telegram.apiRoot }), silentLogger);
});
afterEach(() => telegram.close());

const CHAT = 111;
const list = (listId: string): Reply => ({
  html: 'Какую сделку перевести?',
  buttons: [
    [{ text: 'Поставка', action: { kind: 'pick', listId, index: 0 } }],
    [{ text: 'Монтаж', action: { kind: 'pick', listId, index: 1 } }],
  ],
});
const buttonsOf = (messageId: number) =>
  (telegram.sent(CHAT).find((message) => message.messageId === messageId)?.reply_markup?.inline_keyboard ?? []).flat();

describe('pick lists in a chat', () => {
  it('a new list takes the buttons off the older one', async () => {
    const [older] = await sender.send(CHAT, [list('aaaaaaaa')]);
    expect(buttonsOf(older!)).toHaveLength(2);
    const [newer] = await sender.send(CHAT, [list('bbbbbbbb')]);
    expect(buttonsOf(older!)).toEqual([]);
    expect(buttonsOf(newer!)).toHaveLength(2);
  });

  it('a yes/no question takes the buttons off the open list', async () => {
    const [older] = await sender.send(CHAT, [list('aaaaaaaa')]);
    await sender.send(CHAT, [
      {
        html: 'Перевести сделку «Поставка» на этап «Счёт»?',
        buttons: [
          [
            { text: 'Да', action: { kind: 'confirm', proposalId: 'p1' } },
            { text: 'Нет', action: { kind: 'cancel', proposalId: 'p1' } },
          ],
        ],
      },
    ]);
    expect(buttonsOf(older!)).toEqual([]);
  });

  it('a plain answer leaves the list as it is', async () => {
    const [older] = await sender.send(CHAT, [list('aaaaaaaa')]);
    await sender.send(CHAT, [{ html: 'Задачи: 3' }]);
    expect(buttonsOf(older!)).toHaveLength(2);
  });
});

describe('link previews', () => {
  const previewsOff = (method: string) =>
    telegram.calls
      .filter((call) => call.method === method)
      .map((call) => call.payload.link_preview_options?.is_disabled === true);

  it('are off on every send and edit, the plain-text fallback too', async () => {
    // Telegram refuses this markup, so both the send and the edit fall back to plain text.
    const refused: Reply = { html: 'Сайт клиента: https://example.com <br> подробности' };
    const [id] = await sender.send(CHAT, [{ html: 'Сделка: https://example.com' }, refused]);
    await sender.edit(CHAT, id!, refused);
    await sender.edit(CHAT, id!, { html: 'Готово: https://example.com/done' });
    expect(previewsOff('sendMessage')).toEqual([true, true, true]);
    expect(previewsOff('editMessageText')).toEqual([true, true, true]);
  });

  it('are off on messages any part sends through the bot’s API', async () => {
    const api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    api.config.use(noLinkPreviews());
    await api.sendMessage(CHAT, 'https://example.com');
    expect(previewsOff('sendMessage')).toEqual([true]);
  });
});
