// Behind an https address the /connect button opens the bot's page as a Telegram Mini App (a `web_app` button,
// which Telegram accepts only over https): the page then gets Telegram's signed proof of who opened it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';
import { CLIENT_ID, CLIENT_SECRET, DIRECTOR, startInstance } from './harness.ts';

let portal: DemoPortal;
let telegram: FakeTelegram;
let stop: () => Promise<void>;
const folder = mkdtempSync(join(tmpdir(), 'b24-mini-app-'));
beforeAll(async () => {
  portal = await startDemoPortal({ rateLimit: false, oauth: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } });
  telegram = await startFakeTelegram();
  const instance = await startInstance({
    telegram,
    database: join(folder, 'assistant.sqlite'),
    first: portal,
    now: () => new Date(),
    publicUrl: 'https://bot.example.org',
  });
  stop = instance.stop;
}, 60_000);
afterAll(async () => {
  await stop?.();
  await telegram?.close();
  await portal?.close();
  rmSync(folder, { recursive: true, force: true });
});

it('sends the connect page as a Mini App button', async () => {
  const before = telegram.sent(DIRECTOR.id).length;
  telegram.sendText(DIRECTOR, '/connect company.bitrix24.ru');
  const withButton = await telegram.waitFor(() => telegram.sent(DIRECTOR.id)[before], 20_000);
  const [button] = withButton.reply_markup?.inline_keyboard?.[0] ?? [];
  expect(button?.url).toBeUndefined();
  expect(button?.web_app?.url).toMatch(/^https:\/\/bot\.example\.org\/bitrix24\/oauth\/connect\?t=[\w-]{32}$/);
});
