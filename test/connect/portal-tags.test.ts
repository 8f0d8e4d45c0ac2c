// Buttons name their portal: after the director connects another portal, a tap under a message from the first
// one is answered «это сообщение из другого портала» and shows or changes nothing; a button from before tags
// existed still acts on the current portal, as it always did.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import { OTHER_PORTAL_TAP } from '../../src/views/messages-connect.ts';
import type { SentMessage } from '../fakes/telegram-api.ts';
import { type ConnectStand, DIRECTOR, startConnectStand } from './harness.ts';

let stand: ConnectStand;
beforeAll(async () => {
  stand = await startConnectStand();
}, 60_000);
afterAll(() => stand?.close());

const buttonsOf = (message: SentMessage): string[] =>
  ((message.reply_markup?.inline_keyboard ?? []) as { callback_data?: string }[][])
    .flat()
    .flatMap((button) => button.callback_data ?? []);

async function tap(message: SentMessage, data: string): Promise<SentMessage[]> {
  const before = stand.telegram.sent(DIRECTOR.id).length;
  stand.telegram.tapButton(DIRECTOR, message, data);
  await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id).length > before, 20_000);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return stand.telegram.sent(DIRECTOR.id).slice(before);
}

it('refuses a tap under the first portal’s message once the director acts on the second', async () => {
  const withButtons = (await stand.say(DIRECTOR, 'покажи сделки')).find((message) => buttonsOf(message).length);
  if (!withButtons) throw new Error('no buttons under the deals');
  const [data = ''] = buttonsOf(withButtons);
  expect(data).toMatch(/^@[\w-]{3}:/);
  expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);

  const connected = await stand.connect(DIRECTOR, stand.second, 1);
  expect(connected.plain).toMatch(/^Подключено: /);
  const answered = await tap(withButtons, data);
  expect(answered.map((message) => message.plain)).toEqual([OTHER_PORTAL_TAP.ru]);

  // Under a message of the second portal, the same kind of button works.
  const fresh = (await stand.say(DIRECTOR, 'покажи сделки')).find((message) => buttonsOf(message).length);
  const [own = ''] = fresh ? buttonsOf(fresh) : [];
  expect(own).toMatch(/^@[\w-]{3}:/);
  expect(own.slice(0, 5)).not.toBe(data.slice(0, 5));
  const acted = await tap(fresh as SentMessage, own);
  expect(acted.map((message) => message.plain)).not.toContain(OTHER_PORTAL_TAP.ru);

  // A button from before tags: acts on the portal the director uses now.
  const legacy = encodeAction({ kind: 'show', request: { scenario: 'deals' } });
  const old = await tap(withButtons, legacy);
  expect(old.map((message) => message.plain).join('\n')).toMatch(/сделк/i);
});
