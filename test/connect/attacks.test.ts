// The holes of connecting, each played over real HTTP against the two-portal stand: a link forwarded to a
// signed-in director, the portal's approval address forwarded instead, a page opened outside Telegram, a late
// link, a lookalike portal, a confirmation posted from elsewhere. Each now connects nothing, and the link's owner
// hears one sentence in Telegram.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { NOT_CONNECTED } from '../../src/views/messages-connect.ts';
import { TECHNICAL_WORDS } from '../bot/harness.ts';
import type { TelegramUser } from '../fakes/telegram-api.ts';
import { type ConnectStand, DIRECTOR, newBrowser, STRANGER, startConnectStand } from './harness.ts';

/** Not listed: with ALLOW_CONNECTED_PORTALS anyone may ask for a link, an attacker too. */
const ATTACKER: TelegramUser = { id: 666, first_name: 'Мошенник', language_code: 'ru' };

let stand: ConnectStand;
beforeAll(async () => {
  stand = await startConnectStand();
}, 60_000);
afterAll(() => stand?.close());

const stored = () => stand.app.db.all<{ telegram_user_id: number }>('SELECT telegram_user_id FROM oauth_connections');

/** The one sentence the link's owner hears, after `before` messages. */
async function toldOwner(user: TelegramUser, before: number): Promise<string> {
  const said = await stand.nextMessage(user, before);
  expect(said.plain).not.toMatch(TECHNICAL_WORDS);
  return said.plain;
}

describe('connecting refuses whoever is not the person who asked', () => {
  it('a link forwarded to a signed-in director, opened in the director’s Telegram: nothing stored', async () => {
    const link = await stand.connectLink(ATTACKER, stand.first);
    const before = stand.telegram.sent(ATTACKER.id).length;
    const approval = await stand.approve(link, stand.first, 1, { opener: DIRECTOR });
    expect(approval.page.status).toBe(403);
    expect(plainTextOf(approval.page.html)).toContain('Ссылка создана для другого аккаунта Telegram');
    expect(await toldOwner(ATTACKER, before)).toBe(plainTextOf(NOT_CONNECTED.otherAccount.ru));
    expect(await stored()).toEqual([]);
    // The link is spent: opened again by its owner, it does nothing.
    expect((await stand.approve(link, stand.first, 1)).page.status).toBe(403);
    expect(await stored()).toEqual([]);
    const [invited] = await stand.say(ATTACKER, 'мои задачи');
    expect(invited?.plain).toBe('Чтобы я мог помогать, подключите свой Битрикс24: /connect');
  });

  it('the portal’s approval address forwarded instead: the director’s browser comes back without the cookie', async () => {
    const link = await stand.connectLink(ATTACKER, stand.first);
    const before = stand.telegram.sent(ATTACKER.id).length;
    const directorsBrowser = newBrowser();
    const approval = await stand.approve(link, stand.first, 1, { back: directorsBrowser });
    expect(approval.page.status).toBe(403);
    expect(approval.confirm).toBeUndefined();
    expect(await toldOwner(ATTACKER, before)).toBe(plainTextOf(NOT_CONNECTED.otherBrowser.ru));
    expect(await stored()).toEqual([]);
  });

  it('a page opened outside Telegram, with no signed data: nothing stored', async () => {
    const link = await stand.connectLink(STRANGER, stand.first);
    const before = stand.telegram.sent(STRANGER.id).length;
    const approval = await stand.approve(link, stand.first, 1, { signed: false });
    expect(approval.page.status).toBe(403);
    expect(await toldOwner(STRANGER, before)).toBe(plainTextOf(NOT_CONNECTED.notTelegram.ru));
    expect(await stored()).toEqual([]);
  });

  it('a link older than ten minutes: nothing stored, the owner told', async () => {
    const link = await stand.connectLink(DIRECTOR, stand.first);
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.clock.now = new Date(stand.clock.now.getTime() + 10 * 60_000 + 1000);
    const approval = await stand.approve(link, stand.first, 1);
    expect(approval.page.status).toBe(403);
    expect(await toldOwner(DIRECTOR, before)).toBe(plainTextOf(NOT_CONNECTED.expired.ru));
    expect(await stored()).toEqual([]);
  });

  it('a confirmation left open past the link’s lifetime connects nothing', async () => {
    const link = await stand.connectLink(DIRECTOR, stand.first);
    const approval = await stand.approve(link, stand.first, 1);
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.clock.now = new Date(stand.clock.now.getTime() + 10 * 60_000 + 1000);
    const late = await approval.browser.post(stand.handler, { confirm: approval.confirm ?? '', answer: 'yes' });
    expect(late.status).toBe(403);
    expect(await toldOwner(DIRECTOR, before)).toBe(plainTextOf(NOT_CONNECTED.expired.ru));
    expect(await stored()).toEqual([]);
  });

  it('a lookalike address: the portal that approved is not the one typed, so nothing is stored', async () => {
    // The director typed the first company's address; the approval came from the second one.
    const link = await stand.connectLink(DIRECTOR, stand.first);
    const before = stand.telegram.sent(DIRECTOR.id).length;
    const approval = await stand.approve(link, stand.first, 1, { at: stand.second });
    expect(approval.page.status).toBe(403);
    expect(await toldOwner(DIRECTOR, before)).toBe(plainTextOf(NOT_CONNECTED.otherPortal.ru));
    expect(await stored()).toEqual([]);
  });

  it('a confirmation without the browser’s cookie, or from another site, or cancelled: nothing stored', async () => {
    const link = await stand.connectLink(DIRECTOR, stand.first);
    const approval = await stand.approve(link, stand.first, 1);
    const form = { confirm: approval.confirm ?? '', answer: 'yes' };
    const elsewhere = await approval.browser.post(stand.handler, form, { origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    const before = stand.telegram.sent(DIRECTOR.id).length;
    const cookieless = await newBrowser().post(stand.handler, form);
    expect(cookieless.status).toBe(403);
    expect(await toldOwner(DIRECTOR, before)).toBe(plainTextOf(NOT_CONNECTED.otherBrowser.ru));
    expect(await stored()).toEqual([]);

    const again = await stand.approve(await stand.connectLink(DIRECTOR, stand.first), stand.first, 1);
    const cancelled = await again.browser.post(stand.handler, { confirm: again.confirm ?? '', answer: 'no' });
    expect(plainTextOf(cancelled.html)).toContain('Ничего не подключено');
    expect(await stored()).toEqual([]);
  });
});
