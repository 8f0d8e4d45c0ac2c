// Files go through the same present-and-send path as text: the caption guarded and cut to 1024 characters (the
// rest follows as a message, the buttons under the last part), a file over Telegram's limit replaced by a sentence.
import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { presentReplies } from '../../src/present/present.ts';
import { createSender } from '../../src/telegram/send.ts';
import { PHOTO_BYTES_LIMIT, type Reply } from '../../src/views/reply.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';

const CHAT = 501;
const picture = (bytes = 64): Reply['attachment'] => ({
  kind: 'photo',
  fileName: 'Воронка.png',
  data: new Uint8Array(bytes).fill(7),
});
const moreButton = [[{ text: 'Ещё', action: { kind: 'show' as const, request: { scenario: 'deals' as const } } }]];

describe('sending a file', () => {
  let telegram: FakeTelegram;
  beforeEach(async () => {
    telegram = await startFakeTelegram();
  });
  afterEach(async () => {
    await telegram.close();
  });
  const send = (replies: Reply[]) =>
    createSender(new Api(telegram.token, { apiRoot: telegram.apiRoot }), silentLogger).send(
      CHAT,
      presentReplies(replies, 'ru'),
    );

  it('sends a photo with its guarded caption and buttons', async () => {
    await send([{ html: '📊 <b>Воронка</b> через REST API', attachment: picture(), buttons: moreButton }]);
    const [sent] = telegram.sent(CHAT);
    expect(sent?.file).toMatchObject({ kind: 'photo', fileName: 'Воронка.png' });
    expect(sent?.file?.data.length).toBe(64);
    expect(sent?.plain).toMatch(/^📊 Воронка/);
    expect(sent?.plain).not.toMatch(/REST|API/);
    expect(sent?.reply_markup?.inline_keyboard?.flat()).toHaveLength(1);
  });

  it('cuts a long caption at 1024 characters and sends the rest as a message with the buttons', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `• строка ${i} ${'текст '.repeat(5)}`);
    await send([{ html: lines.join('\n'), attachment: picture(), buttons: moreButton }]);
    const [photo, rest] = telegram.sent(CHAT);
    expect(photo?.file?.kind).toBe('photo');
    expect(photo?.plain.length).toBeLessThanOrEqual(1024);
    expect(photo?.reply_markup).toBeUndefined();
    expect(rest?.file).toBeUndefined();
    expect(`${photo?.plain}\n${rest?.plain}`).toContain('строка 59');
    expect(rest?.reply_markup?.inline_keyboard?.flat()).toHaveLength(1);
  });

  it('says the file is too big instead of sending a picture over 10 MB', async () => {
    await send([{ html: 'Воронка', attachment: picture(PHOTO_BYTES_LIMIT + 1) }]);
    const [sent] = telegram.sent(CHAT);
    expect(sent?.file).toBeUndefined();
    expect(sent?.plain).toMatch(/слишком больш/);
  });

  it('retries nothing itself but resends a refused caption as plain text', async () => {
    telegram.failNext('sendPhoto', { error_code: 400, description: "Bad Request: can't parse entities: bad tag" });
    await send([{ html: '<b>Воронка</b>', attachment: picture() }]);
    const [sent] = telegram.sent(CHAT);
    expect(sent?.file?.kind).toBe('photo');
    expect(sent?.parse_mode).toBeUndefined();
    expect(sent?.plain).toBe('Воронка');
  });
});
