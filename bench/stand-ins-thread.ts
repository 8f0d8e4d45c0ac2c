// The bot benchmark's stand-ins, the demo portal and the fake Telegram, in a thread of their own: Bitrix24 and
// Telegram answer from their own servers, so emulating them (filtering the portal's lists, parsing the sent HTML,
// their sockets' writes) is not counted as the bot's work. Each `say` is timed here, from the update queued to
// the answer received, on a thread that does nothing else.
import { parentPort } from 'node:worker_threads';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { startFakeTelegram } from '../test/fakes/telegram-api.ts';

export type StandInsRequest = { say: string } | 'close';
export interface StandInsAddress {
  webhookUrl: string;
  apiRoot: string;
  token: string;
}

export const DIRECTOR = { id: 111, first_name: 'Алексей', language_code: 'ru' };

const port = parentPort;
if (port) {
  const portal = await startDemoPortal({ port: 0, rateLimit: false });
  const telegram = await startFakeTelegram();
  port.on('message', async (request: StandInsRequest) => {
    if (request === 'close') {
      await telegram.close();
      await portal.close();
      port.postMessage('closed');
      return;
    }
    const before = telegram.sent(DIRECTOR.id).length;
    const started = performance.now();
    telegram.sendText(DIRECTOR, request.say);
    await telegram.waitFor(() => telegram.sent(DIRECTOR.id).length > before, 30_000);
    port.postMessage(performance.now() - started);
  });
  const address: StandInsAddress = { webhookUrl: portal.webhookUrl, apiRoot: telegram.apiRoot, token: telegram.token };
  port.postMessage(address);
}
