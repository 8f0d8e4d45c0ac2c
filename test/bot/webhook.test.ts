// Webhook mode, as in production behind HTTPS: Telegram's posts are acknowledged at once, repeats of an
// update are dropped, and a post without the secret header is refused.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTOR, type Stand, startStand } from './harness.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the bot in webhook mode', () => {
  let stand: Stand;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}/telegram`;
    stand = await startStand({
      TELEGRAM_WEBHOOK_URL: url,
      TELEGRAM_WEBHOOK_PORT: String(port),
      TELEGRAM_WEBHOOK_SECRET: 'webhook-secret-for-tests',
    });
    await stand.startAssistant();
  }, 60_000);
  afterAll(async () => {
    await stand?.close();
  });

  it('registers its address with the secret and answers through it', async () => {
    expect(stand.telegram.webhook()).toEqual({ url, secret_token: 'webhook-secret-for-tests' });
    const [answer] = await stand.say(DIRECTOR, 'мои задачи');
    expect(answer?.plain).toMatch(/задач/);
  });

  it('refuses a body far bigger than any update, and keeps answering', async () => {
    const huge = JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(2 * 1024 * 1024) } });
    const status = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'webhook-secret-for-tests' },
      body: huge,
    }).then(
      (response) => response.status,
      () => 0,
    );
    // 413, or the connection cut while the body was still going out.
    expect([413, 0]).toContain(status);
    const [answer] = await stand.say(DIRECTOR, 'мои задачи');
    expect(answer?.plain).toMatch(/задач/);
  });

  it('serves /healthz and /metrics on the webhook port', async () => {
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    expect(await (await fetch(new URL('/metrics', url))).text()).toContain('assistant_updates_handled_total');
  });

  it('acknowledges a slow update before the answer is ready', async () => {
    stand.portal.faults.latencyMs = 1_500;
    try {
      const before = stand.telegram.sent(DIRECTOR.id).length;
      const updateId = stand.telegram.sendText(DIRECTOR, 'покажи сделки');
      const delivery = await stand.telegram.waitFor(() =>
        stand.telegram.deliveries.find((d) => d.update_id === updateId),
      );
      expect(delivery.status).toBe(200);
      expect(stand.telegram.sent(DIRECTOR.id).length).toBe(before);
      await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id).length > before, 30_000);
    } finally {
      stand.portal.faults.latencyMs = 0;
    }
  }, 40_000);

  it('answers an update Telegram sends twice only once', async () => {
    const before = stand.telegram.sent(DIRECTOR.id).length;
    const update = {
      update_id: 900_001,
      message: {
        message_id: 9001,
        date: Math.floor(Date.now() / 1000),
        chat: { id: DIRECTOR.id, type: 'private', first_name: DIRECTOR.first_name },
        from: { ...DIRECTOR, is_bot: false },
        text: 'итоги дня',
      },
    };
    stand.telegram.pushUpdate(update);
    stand.telegram.pushUpdate(update);
    await stand.telegram.waitFor(() => stand.telegram.deliveries.filter((d) => d.update_id === 900_001).length === 2);
    // A later question's answer arrives after anything the repeat could have caused.
    stand.telegram.sendText(DIRECTOR, 'воронка');
    await stand.telegram.waitFor(() =>
      stand.telegram
        .sent(DIRECTOR.id)
        .slice(before)
        .some((m) => /Воронка/.test(m.plain)),
    );
    const fresh = stand.telegram.sent(DIRECTOR.id).slice(before);
    expect(fresh.filter((message) => /Итоги дня/.test(message.plain))).toHaveLength(1);
  });

  it('refuses a post without the secret header', async () => {
    const response = await fetch(url, { method: 'POST', body: '{"update_id":1}' });
    expect(response.status).toBe(401);
  });
});
