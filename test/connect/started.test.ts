// `npm start` with a Bitrix24 application configured, as an operator runs it: the redirect is served on the
// listener (METRICS_PORT), the director connects from Telegram, and no secret or token reaches the log.
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OAUTH_REDIRECT_PATH } from '../../src/app.ts';
import { DIRECTOR, type Stand, startStand } from '../bot/harness.ts';

const ENCRYPTION_KEY = 'the operator passphrase 4e1c';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
  const atPortal = await fetch(link, { redirect: 'manual' });
  const before = stand.telegram.sent(DIRECTOR.id).length;
  const page = await fetch(atPortal.headers.get('location') ?? '');
  expect(page.status).toBe(200);
  const said = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 45_000);
  expect(said.plain).toBe(`Подключено: 127.0.0.1:${stand.portal.port}, вы — Дмитрий Попов`);
  const [tasks] = await stand.say(DIRECTOR, 'мои задачи');
  expect(tasks?.plain).not.toMatch(/Смирнов/);
  expect(stand.stderr()).not.toContain(stand.portal.oauth.clientSecret);
  expect(stand.stderr()).not.toContain(ENCRYPTION_KEY);
  expect(stand.stderr()).not.toMatch(/[?&](code|auth|refresh_token|client_secret)=/);
}, 150_000);
