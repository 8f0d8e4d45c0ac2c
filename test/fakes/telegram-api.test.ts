import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, GrammyError, InlineKeyboard, InputFile, webhookCallback } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTelegram, startFakeTelegram } from './telegram-api.ts';
import { parseTelegramHtml } from './telegram-html.ts';

const director = { id: 501, first_name: 'Алексей' };

describe('the fake Telegram Bot API', () => {
  let telegram: FakeTelegram;
  let bot: Bot;

  beforeEach(async () => {
    telegram = await startFakeTelegram();
    bot = new Bot(telegram.token, { client: { apiRoot: telegram.apiRoot } });
  });
  afterEach(async () => {
    if (bot.isRunning()) await bot.stop();
    await telegram.close();
  });

  it('delivers a typed message to a polling bot and shows its HTML reply with buttons', async () => {
    bot.command('start', (ctx) =>
      ctx.reply('<b>Здравствуйте</b>, &lt;директор&gt;', {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('Задачи', 'show:tasks'),
      }),
    );
    bot.on('callback_query:data', async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(`Нажато: ${ctx.callbackQuery.data}`);
    });
    void bot.start({ drop_pending_updates: false });
    telegram.sendText(director, '/start');
    const greeting = await telegram.waitFor(() => telegram.sent(director.id)[0]);
    expect(greeting.plain).toBe('Здравствуйте, <директор>');
    expect(greeting.parse_mode).toBe('HTML');

    telegram.tapButton(director, greeting, telegram.buttonData(greeting, 'Задачи'));
    const edited = await telegram.waitFor(() => telegram.sent(director.id).find((m) => m.edits > 0));
    expect(edited.plain).toBe('Нажато: show:tasks');
    expect(edited.reply_markup).toBeUndefined();
    expect(telegram.calls.map((c) => c.method)).toContain('answerCallbackQuery');
    expect(telegram.sent()).toHaveLength(1);
  });

  it("refuses HTML Telegram refuses, with Telegram's wording", async () => {
    const refusal = (text: string) =>
      bot.api.sendMessage(director.id, text, { parse_mode: 'HTML' }).then(
        () => 'accepted',
        (error: GrammyError) => error.description,
      );
    expect(await refusal('строка<br>строка')).toMatch(/^Bad Request: can't parse entities: Unsupported start tag "br"/);
    expect(await refusal('<b>жирный')).toMatch(
      /can't parse entities: Can't find end tag corresponding to start tag "b"/,
    );
    expect(await refusal('<b><i>x</b></i>')).toMatch(/Unmatched end tag/);
    expect(await refusal('| a | b |\n|---|---|\n| 1 < 2 |')).toMatch(/can't parse entities/);
    expect(await refusal('<span>x</span>')).toMatch(/tg-spoiler/);
    expect(await refusal('x'.repeat(4097))).toBe('Bad Request: message is too long');
    expect(await refusal('<b></b>')).toBe('Bad Request: message text is empty');
    expect(await refusal('<a href="https://example.com/?a=1&amp;b=2">ссылка</a> &#8212; A&B &nbsp;')).toBe('accepted');
    expect(telegram.sent()[0]?.plain).toBe('ссылка — A&B &nbsp;');
    // Length counts what the reader sees, not the markup.
    expect(await refusal(`<b>${'я'.repeat(4096)}</b>`)).toBe('accepted');
  });

  it('refuses callback data over 64 bytes and identical edits', async () => {
    const long = 'д'.repeat(33); // 66 bytes in UTF-8
    await expect(
      bot.api.sendMessage(director.id, 'x', { reply_markup: new InlineKeyboard().text('Да', long) }),
    ).rejects.toThrow('BUTTON_DATA_INVALID');
    const message = await bot.api.sendMessage(director.id, 'один', {
      reply_markup: new InlineKeyboard().text('Да', 'ok'),
    });
    await expect(
      bot.api.editMessageText(director.id, message.message_id, 'один', {
        reply_markup: new InlineKeyboard().text('Да', 'ok'),
      }),
    ).rejects.toThrow('message is not modified');
    await bot.api.editMessageReplyMarkup(director.id, message.message_id, { reply_markup: undefined });
    expect(telegram.sent(director.id)[0]).toMatchObject({ plain: 'один', edits: 1, reply_markup: undefined });
  });

  it('refuses malformed commands and over-long tap notices', async () => {
    await bot.api.setMyCommands([{ command: 'today', description: 'Утренний брифинг' }]);
    await expect(bot.api.setMyCommands([{ command: 'Today', description: 'x' }])).rejects.toThrow(
      'BOT_COMMAND_INVALID',
    );
    await expect(bot.api.setMyCommands([{ command: 'today', description: '' }])).rejects.toThrow(
      'BOT_COMMAND_DESCRIPTION_INVALID',
    );
    await bot.api.answerCallbackQuery('1', { text: 'Готово' });
    await expect(bot.api.answerCallbackQuery('1', { text: 'я'.repeat(201) })).rejects.toThrow('MESSAGE_TOO_LONG');
  });

  it('injects faults once and answers unknown methods with true', async () => {
    telegram.failNext('sendMessage', { error_code: 429, retry_after: 1 });
    const error = await bot.api.sendMessage(director.id, 'x').catch((e: GrammyError) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(429);
    expect((error as GrammyError).parameters.retry_after).toBe(1);
    await bot.api.sendMessage(director.id, 'x');
    expect(await bot.api.setChatMenuButton({})).toBe(true);
  });

  it('reads multipart bodies and refuses a wrong token', async () => {
    await bot.api.sendDocument(director.id, new InputFile(Buffer.from('отчёт'), 'report.txt'), { caption: 'Отчёт' });
    const call = telegram.calls.find((c) => c.method === 'sendDocument');
    expect(call?.payload).toMatchObject({ chat_id: String(director.id), caption: 'Отчёт' });
    expect(Object.values(call?.payload ?? {})).toContainEqual({ file: 'report.txt', data: Buffer.from('отчёт') });
    expect(telegram.sent(director.id).at(-1)?.file).toMatchObject({ kind: 'document', fileName: 'report.txt' });
    const stranger = new Bot('1:wrong', { client: { apiRoot: telegram.apiRoot } });
    await expect(stranger.api.getMe()).rejects.toThrow('Unauthorized');
  });

  it('refuses captions over 1024 characters and photos over 10 MB, and serves voice notes by getFile', async () => {
    const photo = (bytes: number) => new InputFile(Buffer.alloc(bytes, 1), 'chart.png');
    await expect(bot.api.sendPhoto(director.id, photo(10), { caption: 'я'.repeat(1025) })).rejects.toThrow(
      'caption is too long',
    );
    await expect(bot.api.sendPhoto(director.id, photo(10 * 1024 * 1024 + 1))).rejects.toThrow('Too Large');
    await bot.api.sendPhoto(director.id, photo(10), { caption: '<b>Воронка</b>', parse_mode: 'HTML' });
    expect(telegram.sent(director.id).at(-1)).toMatchObject({ plain: 'Воронка', file: { kind: 'photo' } });

    const heard = new Promise<string | undefined>((resolve) =>
      bot.on('message:voice', (ctx) => resolve(ctx.message.voice.file_id)),
    );
    void bot.start({ drop_pending_updates: false });
    telegram.sendVoice(director, { data: Buffer.from('голос'), duration: 2 });
    const file = await bot.api.getFile((await heard)!);
    const download = await fetch(`${telegram.apiRoot}/file/bot${telegram.token}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer()).toString('utf8')).toBe('голос');
    expect((await fetch(`${telegram.apiRoot}/file/bot1:wrong/${file.file_path}`)).status).toBe(404);
  });

  it('posts updates to a registered webhook with its secret, and refuses polling meanwhile', async () => {
    bot = new Bot(telegram.token, { client: { apiRoot: telegram.apiRoot }, botInfo: await bot.api.getMe() });
    bot.on('message:text', (ctx) => ctx.reply(`Эхо: ${ctx.message.text}`));
    const server = createServer(webhookCallback(bot, 'http', { secretToken: 'hook-secret' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await bot.api.setWebhook(url, { secret_token: 'hook-secret' });
      expect(telegram.webhook()).toEqual({ url, secret_token: 'hook-secret' });
      await expect(bot.api.getUpdates()).rejects.toThrow(/Conflict/);
      const updateId = telegram.sendText(director, 'привет');
      const reply = await telegram.waitFor(() => telegram.sent(director.id)[0]);
      expect(reply.plain).toBe('Эхо: привет');
      await telegram.waitFor(() => telegram.deliveries.length > 0);
      expect(telegram.deliveries).toEqual([{ update_id: updateId, status: 200 }]);

      // A wrong secret is refused by the bot's own server.
      await bot.api.setWebhook(url, { secret_token: 'other-secret' });
      telegram.sendText(director, 'чужой');
      await telegram.waitFor(() => telegram.deliveries.length > 1);
      expect(telegram.deliveries[1]?.status).toBe(401);

      await bot.api.deleteWebhook();
      expect(telegram.webhook()).toBeUndefined();
      expect(await bot.api.getUpdates({ timeout: 0 })).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('acknowledges updates by offset, as Telegram does', async () => {
    telegram.sendText(director, 'первое');
    telegram.sendText(director, 'второе');
    const first = await bot.api.getUpdates({ offset: 0, timeout: 0 });
    expect(first.map((u) => u.message?.text)).toEqual(['первое', 'второе']);
    const rest = await bot.api.getUpdates({ offset: first[1]!.update_id + 1, timeout: 0 });
    expect(rest).toEqual([]);
    expect(telegram.pendingUpdates()).toBe(0);
  });
});

describe('Telegram HTML parsing', () => {
  it('decodes only the entities Telegram knows', () => {
    expect(parseTelegramHtml('&lt;&gt;&amp;&quot;&#x41;&#66;&apos;')).toEqual({ text: '<>&"AB&apos;' });
    expect(parseTelegramHtml('<pre><code class="language-ts">x</code></pre>')).toEqual({ text: 'x' });
    expect(parseTelegramHtml('<blockquote expandable>x</blockquote>').error).toBeUndefined();
    expect(parseTelegramHtml('a < b >').error).toMatch(/Empty tag name/);
    expect(parseTelegramHtml('a < b').error).toMatch(/Unclosed start tag/);
  });
});
