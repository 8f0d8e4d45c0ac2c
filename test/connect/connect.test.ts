// Each director with their own rights, end to end through the bot: /connect, the bot's page, the portal's
// redirect and the confirmation (a replayed redirect or confirmation refused; the holes in attacks.test.ts), the manager not seeing what the director sees, one renewal for requests that
// find the token stale together, a refused renewal (the one sentence, digests stop), two companies on one bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoPortal } from '../../src/demo-portal/server.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { CONNECT_AGAIN } from '../../src/views/messages.ts';
import { NOT_CONNECTED } from '../../src/views/messages-connect.ts';
import { TECHNICAL_WORDS } from '../bot/harness.ts';
import {
  CLIENT_SECRET,
  type ConnectStand,
  DIRECTOR,
  MANAGER,
  OTHER_DIRECTOR,
  STRANGER,
  startConnectStand,
  WEBHOOK_USER,
} from './harness.ts';

let stand: ConnectStand;
beforeAll(async () => {
  stand = await startConnectStand();
  // Marked records: a tender (a pipeline only finance and the director may see) and one deal in each company.
  retitle(stand.first, (deal) => deal.CATEGORY_ID === '1' && deal.ASSIGNED_BY_ID !== '3', 'Тендер Гелиотроп');
  retitle(stand.first, (deal) => deal.CATEGORY_ID === '0', 'Поставка Аметист');
  retitle(stand.second, (deal) => deal.CATEGORY_ID === '0', 'Поставка Бирюза');
}, 60_000);
afterAll(() => stand?.close());

function retitle(portal: DemoPortal, which: (deal: Record<string, unknown>) => boolean, title: string): void {
  const deal = portal.data.deals.find((candidate) => which(candidate) && candidate.STAGE_SEMANTIC_ID === 'P');
  if (!deal) throw new Error(`no deal to call ${title}`);
  deal.TITLE = title;
}

const text = (messages: { plain: string }[]) => messages.map((message) => message.plain).join('\n');
const later = (ms: number) => {
  stand.clock.now = new Date(stand.clock.now.getTime() + ms);
};

describe('connecting a director’s own portal', () => {
  it('offers to connect under the introduction, and the button asks for the portal’s address', async () => {
    const [introduction] = await stand.say(DIRECTOR, 'привет', 2);
    expect(introduction?.plain).toMatch(/^Я помощник по Битрикс24/);
    const data = stand.telegram.buttonData(introduction!, 'Подключить свой Битрикс24');
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.tapButton(DIRECTOR, introduction!, data);
    const asked = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before]);
    expect(asked.plain).toMatch(/^Напишите адрес вашего Битрикс24/);
  });

  it('registers /connect and /disconnect, and links to the bot’s own page with a single-use ticket', async () => {
    const commands = stand.telegram.calls.filter((call) => call.method === 'setMyCommands');
    expect(JSON.stringify(commands.map((call) => call.payload.commands))).toMatch(/"connect".*"disconnect"/);
    const link = new URL(await stand.connectLink(DIRECTOR, stand.first));
    expect(`${link.origin}${link.pathname}`).toBe(`${new URL(stand.handler).origin}/bitrix24/oauth/connect`);
    expect(link.searchParams.get('t')).toMatch(/^[\w-]{32}$/);
  });

  it('asks who will act as whom, says who the director is there, and refuses the same redirect replayed', async () => {
    const link = await stand.connectLink(DIRECTOR, stand.first);
    const before = stand.telegram.sent(DIRECTOR.id).length;
    const approval = await stand.approve(link, stand.first, 1);
    expect(plainTextOf(approval.page.html)).toContain(
      `Telegram @user${DIRECTOR.id} будет видеть портал 127.0.0.1:${stand.first.port} как Алексей Смирнов.`,
    );
    // Nothing is connected before the director confirms.
    expect(await stand.app.db.all('SELECT * FROM oauth_connections')).toEqual([]);
    const replayed = await approval.browser.get(approval.page.url);
    expect(replayed.status).toBe(403);
    const done = await approval.browser.post(stand.handler, { confirm: approval.confirm ?? '', answer: 'yes' });
    expect(done.status).toBe(200);
    const said = await stand.nextMessage(DIRECTOR, before);
    expect(said.plain).toBe(`Подключено: 127.0.0.1:${stand.first.port}, вы — Алексей Смирнов`);
    // The same confirmation again does nothing, and nothing more was said in Telegram.
    const again = await approval.browser.post(stand.handler, { confirm: approval.confirm ?? '', answer: 'yes' });
    expect(again.status).toBe(403);
    expect(stand.telegram.sent(DIRECTOR.id)).toHaveLength(before + 1);
    expect(text(await stand.say(DIRECTOR, 'найди Аметист'))).toMatch(/Аметист/);
  });

  it('the sales manager acts with their own rights: the tender the director sees stays hidden from them', async () => {
    // ALLOWED_TELEGRAM_IDS says the manager is portal user 3: approving as the director (signed in on that
    // computer) connects nothing.
    const link = await stand.connectLink(MANAGER, stand.first);
    const before = stand.telegram.sent(MANAGER.id).length;
    const wrong = await stand.approve(link, stand.first, 1);
    expect(wrong.page.status).toBe(403);
    expect((await stand.nextMessage(MANAGER, before)).plain).toBe(plainTextOf(NOT_CONNECTED.otherPerson.ru));
    const connected = await stand.connect(MANAGER, stand.first, 3);
    expect(connected.plain).toBe(`Подключено: 127.0.0.1:${stand.first.port}, вы — Дмитрий Попов`);
    expect(text(await stand.say(DIRECTOR, 'найди Гелиотроп'))).toMatch(/Тендер Гелиотроп/);
    const manager = text(await stand.say(MANAGER, 'найди Гелиотроп'));
    expect(manager).not.toMatch(/Тендер Гелиотроп/);
    expect(manager).toMatch(/Гелиотроп/); // the question is answered («не нашёл …»), not ignored
    // "Mine" is the connected person's own: the manager's tasks are headed by his name, not the director's.
    expect(text(await stand.say(MANAGER, 'мои задачи'))).not.toMatch(/Смирнов/);
  });

  it('two companies on one bot: each director finds only their own company’s records', async () => {
    const connected = await stand.connect(OTHER_DIRECTOR, stand.second, 1);
    expect(connected.plain).toMatch(new RegExp(`^(Connected|Подключено): 127\\.0\\.0\\.1:${stand.second.port}`));
    expect(text(await stand.say(OTHER_DIRECTOR, 'найди Бирюза'))).toMatch(/Поставка Бирюза/);
    expect(text(await stand.say(OTHER_DIRECTOR, 'найди Аметист'))).not.toMatch(/Поставка Аметист/);
    expect(text(await stand.say(DIRECTOR, 'найди Бирюза'))).not.toMatch(/Поставка Бирюза/);
    // The company webhook still serves whoever is listed and never connected.
    expect(text(await stand.say(WEBHOOK_USER, 'найди Аметист'))).toMatch(/Поставка Аметист/);
    expect(text(await stand.say(WEBHOOK_USER, 'найди Бирюза'))).not.toMatch(/Поставка Бирюза/);
    // Anyone may come in by connecting (ALLOW_CONNECTED_PORTALS), but sees nothing before that.
    const [invited] = await stand.say(STRANGER, 'покажи сделки');
    expect(invited?.plain).toBe('Чтобы я мог помогать, подключите свой Битрикс24: /connect');
    expect(JSON.stringify(invited?.reply_markup)).toContain('Подключить свой Битрикс24');
  });

  it('renews the director’s token once when many requests find it expired together', async () => {
    await stand.say(DIRECTOR, 'утренний брифинг в 9:00');
    await stand.say(MANAGER, 'утренний брифинг в 9:00');
    later(60 * 60_000);
    const before = stand.first.oauth.refreshCount;
    const conversation = { telegramUserId: DIRECTOR.id, chatId: DIRECTOR.id };
    const [answers, viaBot] = await Promise.all([
      Promise.all(
        ['мои задачи', 'покажи сделки', 'воронка', 'что у меня сегодня?', 'найди Аметист'].map((phrase) =>
          stand.app.assistant.handleText(conversation, phrase),
        ),
      ),
      stand.say(DIRECTOR, 'найди Гелиотроп'),
    ]);
    expect(stand.first.oauth.refreshCount - before).toBe(1);
    expect(
      answers
        .flat()
        .map((reply) => plainTextOf(reply.html))
        .join('\n'),
    ).toMatch(/Поставка Аметист/);
    expect(text(viaBot)).toMatch(/Тендер Гелиотроп/);
  });

  it('a refused renewal ends the connection: one sentence asking to connect again, and no more digests', async () => {
    // The manager was fired in the portal: his refresh token no longer works.
    stand.first.oauth.revoke(3);
    const [reply] = await stand.say(MANAGER, 'мои задачи');
    expect(reply?.plain).toBe(plainTextOf(CONNECT_AGAIN.ru));
    expect(reply?.plain).not.toMatch(TECHNICAL_WORDS);
    const [again] = await stand.say(MANAGER, 'покажи сделки');
    expect(again?.plain).toBe(plainTextOf(CONNECT_AGAIN.ru));

    // 09:00:30 in Moscow: the director's briefing goes out, the manager's does not.
    stand.clock.now = new Date('2026-11-25T06:00:30Z');
    const digests = stand.startDigests();
    try {
      await stand.telegram.waitFor(() => digests.delivered.some((delivery) => delivery.chatId === DIRECTOR.id), 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(digests.delivered.filter((delivery) => delivery.chatId === MANAGER.id)).toEqual([]);
    } finally {
      digests.stop();
    }
  });

  it('/disconnect forgets the tokens; the secret and the tokens are nowhere in what the bot said', async () => {
    const [said] = await stand.say(OTHER_DIRECTOR, '/disconnect');
    expect(said?.plain).toMatch(/Disconnected|Отключено/);
    // Allowed only through the connection: back to being invited to connect, with no data.
    expect(text(await stand.say(OTHER_DIRECTOR, 'покажи сделки'))).toBe(
      'To let me help, please connect your Bitrix24: /connect',
    );
    const everything = JSON.stringify(stand.telegram.calls);
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toMatch(/access_token|refresh_token/);
  });
});
