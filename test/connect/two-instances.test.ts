// Two instances of one bot over one database (SQLite here; PostgreSQL too when TEST_DATABASE_URL is set), each
// with its own door to Telegram and its own listener, as behind a load balancer: «Напишите адрес вашего Битрикс24»
// asked by one is answered through the other, and each step of connecting may reach either instance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInitData } from '../../src/access/init-data.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { type FakeTelegram, type SentMessage, startFakeTelegram, type TelegramUser } from '../fakes/telegram-api.ts';
import { storageEngines } from '../storage/engines.ts';
import { CLIENT_ID, CLIENT_SECRET, DIRECTOR, newBrowser, startInstance } from './harness.ts';

const clock = { now: new Date('2026-11-25T05:00:00Z') };
const now = () => new Date(clock.now);
let portal: DemoPortal;
let doors: FakeTelegram[];
beforeAll(async () => {
  portal = await startDemoPortal({
    now,
    rateLimit: false,
    oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, memberId: 'company-one' },
  });
  const first = await startFakeTelegram();
  doors = [first, await startFakeTelegram({ token: first.token })];
}, 60_000);
afterAll(async () => {
  for (const door of doors ?? []) await door.close();
  await portal?.close();
});

async function say(door: FakeTelegram, user: TelegramUser, text: string): Promise<SentMessage> {
  const before = door.sent(user.id).length;
  door.sendText(user, text);
  return door.waitFor(() => door.sent(user.id)[before], 20_000);
}

/** The same address on another instance, as the load balancer would send it there. */
const at = (publicUrl: string, address: string) => {
  const url = new URL(address);
  return `${publicUrl}${url.pathname}${url.search}`;
};

describe.each(storageEngines())('on $name', (engine) => {
  it('takes the answer to the portal question on the other instance, and connects across both', async () => {
    const place = await engine.place();
    const [a, b] = [
      await startInstance({ telegram: doors[0]!, database: place, first: portal, now }),
      await startInstance({ telegram: doors[1]!, database: place, first: portal, now }),
    ];
    try {
      const asked = await say(doors[0]!, DIRECTOR, '/connect');
      expect(asked.plain).toMatch(/^Напишите адрес вашего Битрикс24/);
      const withLink = await say(doors[1]!, DIRECTOR, `http://127.0.0.1:${portal.port}`);
      const link = withLink.reply_markup?.inline_keyboard?.[0]?.[0]?.url;
      expect(typeof link).toBe('string');

      // The page from one instance, its proof to the other, and so on, step by step.
      const browser = newBrowser();
      const opened = await browser.get(at(a.publicUrl, link as string));
      const initData = signInitData(doors[0]!.token, {
        user: { id: DIRECTOR.id, username: 'director' },
        authDate: now(),
      });
      const ticket = /name="t" value="([^"]+)"/.exec(opened.html)?.[1] ?? '';
      const proven = await browser.post(`${b.publicUrl}/bitrix24/oauth/connect`, { t: ticket, initData });
      const handover = /id="open" href="([^"]+)"/.exec(proven.html)?.[1]?.replaceAll('&amp;', '&') ?? '';
      const toPortal = await browser.get(at(a.publicUrl, handover));
      portal.oauth.redirectUri = `${b.publicUrl}/bitrix24/oauth`;
      portal.oauth.signedInUserId = 1;
      const atPortal = await fetch(toPortal.location ?? '', { redirect: 'manual' });
      const question = await browser.get(atPortal.headers.get('location') ?? '');
      const confirm = /name="confirm" value="([^"]+)"/.exec(question.html)?.[1] ?? '';
      const before = doors[0]!.sent(DIRECTOR.id).length + doors[1]!.sent(DIRECTOR.id).length;
      const done = await browser.post(`${a.publicUrl}/bitrix24/oauth`, { confirm, answer: 'yes' });
      expect(done.status).toBe(200);
      // Told through whichever door the instance that confirmed uses.
      const sent = () => [...doors[0]!.sent(DIRECTOR.id), ...doors[1]!.sent(DIRECTOR.id)];
      await doors[0]!.waitFor(() => sent().length > before);
      expect(sent().map((message) => message.plain)).toContain(
        `Подключено: 127.0.0.1:${portal.port}, вы — Алексей Смирнов`,
      );
      expect(await a.app.db.all('SELECT telegram_user_id FROM oauth_connections')).toEqual([
        { telegram_user_id: DIRECTOR.id },
      ]);
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 60_000);
});
