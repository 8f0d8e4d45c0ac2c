// `npm start` with a Bitrix24 application configured, as an operator runs it: the redirect is served on the
// listener (METRICS_PORT), the director connects from Telegram through the bot's page, and no secret or token
// reaches the log.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signInitData } from '../../src/access/init-data.ts';
import { OAUTH_REDIRECT_PATH } from '../../src/app.ts';
import { DIRECTOR, type Stand, startStand } from '../bot/harness.ts';
import { freePort } from '../fakes/free-port.ts';
import { newBrowser } from './harness.ts';

const ENCRYPTION_KEY = 'the operator passphrase 4e1c';

let stand: Stand;
let listenerPort: number;
beforeAll(async () => {
  listenerPort = await freePort();
  stand = await startStand();
  const { oauth } = stand.portal;
  oauth.redirectUri = `http://127.0.0.1:${listenerPort}${OAUTH_REDIRECT_PATH}`;
  await stand.startAssistant({
    BITRIX24_APP_CLIENT_ID: oauth.clientId,
    BITRIX24_APP_CLIENT_SECRET: oauth.clientSecret,
    BITRIX24_OAUTH_SERVER: `http://127.0.0.1:${stand.portal.port}`,
    PUBLIC_URL: `http://127.0.0.1:${listenerPort}`,
    METRICS_PORT: String(listenerPort),
    ENCRYPTION_KEY,
  });
}, 150_000);
afterAll(() => stand?.close());

it('connects a director through the started bot, and keeps the secret and the tokens out of the log', async () => {
  const commands = stand.telegram.calls.filter((call) => call.method === 'setMyCommands');
  expect(JSON.stringify(commands.at(-1)?.payload)).toContain('"disconnect"');
  await stand.say(DIRECTOR, '/connect');
  const [withLink] = await stand.say(DIRECTOR, `http://127.0.0.1:${stand.portal.port}`);
  const link = withLink?.reply_markup?.inline_keyboard?.[0]?.[0]?.url as string;
  stand.portal.oauth.signedInUserId = 3;
  // Telegram opens the page with the director's signed data; the browser goes to the portal and back.
  const browser = newBrowser();
  const opened = await browser.get(link);
  const initData = signInitData(stand.telegram.token, {
    user: { id: DIRECTOR.id, username: 'director' },
    authDate: new Date(),
  });
  const proven = await browser.post(link.split('?')[0] ?? '', {
    t: /name="t" value="([^"]+)"/.exec(opened.html)?.[1] ?? '',
    initData,
  });
  const handover = /id="open" href="([^"]+)"/.exec(proven.html)?.[1]?.replaceAll('&amp;', '&') ?? '';
  const toPortal = await browser.get(handover);
  const atPortal = await fetch(toPortal.location ?? '', { redirect: 'manual' });
  const asked = await browser.get(atPortal.headers.get('location') ?? '');
  expect(asked.html).toContain('будет видеть портал');
  const before = stand.telegram.sent(DIRECTOR.id).length;
  const confirm = /name="confirm" value="([^"]+)"/.exec(asked.html)?.[1] ?? '';
  const page = await browser.post(`http://127.0.0.1:${listenerPort}${OAUTH_REDIRECT_PATH}`, { confirm, answer: 'yes' });
  expect(page.status).toBe(200);
  const said = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 45_000);
  expect(said.plain).toBe(`Подключено: 127.0.0.1:${stand.portal.port}, вы — Дмитрий Попов`);
  const [tasks] = await stand.say(DIRECTOR, 'мои задачи');
  expect(tasks?.plain).not.toMatch(/Смирнов/);
  expect(stand.stderr()).not.toContain(stand.portal.oauth.clientSecret);
  expect(stand.stderr()).not.toContain(ENCRYPTION_KEY);
  expect(stand.stderr()).not.toMatch(/[?&](code|auth|refresh_token|client_secret)=/);
}, 150_000);
