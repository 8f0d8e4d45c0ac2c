// The operator's listener as main.ts wires it in polling mode: /healthz says 200 only while updates flow, the
// database answers and the digest clock ticks, /metrics speaks Prometheus, and another part can mount a route.
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth, DIGEST_TICK_STALE_MS } from '../../src/ops/health.ts';
import { DIRECTOR, startOperatorBot } from './operator-bot.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The value of one sample (`name{labels}`) in a Prometheus text page; 0 when absent. */
const sample = (page: string, name: string) => {
  const line = page.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
};

describe('the operator listener', () => {
  it('is healthy while polling, the database and the digest clock work, and says which part failed', async () => {
    const bot = await startOperatorBot(cleanups);
    await expect.poll(async () => (await bot.get('/healthz')).status).toBe(200);
    expect(await (await bot.get('/healthz')).json()).toEqual({
      ok: true,
      updates: true,
      database: true,
      digests: true,
    });

    await bot.running.stop();
    const stopped = await bot.get('/healthz');
    expect(stopped.status).toBe(503);
    expect(await stopped.json()).toMatchObject({ ok: false, updates: false, database: true });

    await bot.app.close();
    expect(await (await bot.get('/healthz')).json()).toMatchObject({ database: false });
  });

  it('is unhealthy when the digest clock has not ticked for two minutes', async () => {
    const checks = { updatesAlive: () => true, pingDatabase: async () => {}, lastDigestTick: () => new Date(0) };
    expect(await checkHealth(checks, new Date(DIGEST_TICK_STALE_MS))).toMatchObject({ ok: true });
    expect(await checkHealth(checks, new Date(DIGEST_TICK_STALE_MS + 1))).toMatchObject({ ok: false, digests: false });
    expect(await checkHealth({ ...checks, lastDigestTick: () => undefined })).toMatchObject({ digests: false });
  });

  it('serves Prometheus metrics, routes mounted by other parts, and 404 for the rest', async () => {
    const bot = await startOperatorBot(cleanups);
    const metrics = await bot.get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    for (const name of [
      'assistant_updates_handled_total',
      'assistant_answer_seconds',
      'assistant_portal_requests_total',
      'assistant_portal_errors_total',
      'assistant_model_calls_total',
      'assistant_model_tokens_total',
      'assistant_digests_total',
      'assistant_proposals_total',
      'assistant_telegram_retries_total',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }

    bot.listener.route('/connected', (request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(`hello ${new URL(request.url ?? '', 'http://x').searchParams.get('code')}`);
    });
    expect(await (await bot.get('/connected?code=42')).text()).toBe('hello 42');
    expect((await bot.get('/nothing-here')).status).toBe(404);
  });

  it('counts the update, its answer time, the portal requests and a Telegram retry', async () => {
    const bot = await startOperatorBot(cleanups);
    const before = await (await bot.get('/metrics')).text();
    const sent = bot.telegram.sent(DIRECTOR.id).length;
    bot.telegram.failNext('sendMessage', { error_code: 429, retry_after: 0 });
    bot.telegram.sendText(DIRECTOR, 'мои задачи');
    await bot.telegram.waitFor(() => bot.telegram.sent(DIRECTOR.id).length > sent, 15_000);
    await expect
      .poll(async () =>
        sample(await (await bot.get('/metrics')).text(), 'assistant_updates_handled_total{kind="message"}'),
      )
      .toBe(sample(before, 'assistant_updates_handled_total{kind="message"}') + 1);
    const after = await (await bot.get('/metrics')).text();
    const grew = (name: string) => sample(after, name) - sample(before, name);
    expect(grew('assistant_answer_seconds_count{kind="message"}')).toBe(1);
    expect(grew('assistant_portal_requests_total')).toBeGreaterThan(0);
    expect(grew('assistant_telegram_retries_total')).toBe(1);
  });

  it('counts a write confirmed by a tap and one tapped after its question expired', async () => {
    let clock = new Date();
    const bot = await startOperatorBot(cleanups, { now: () => clock, proposalTtlMs: 60_000 });
    const before = await (await bot.get('/metrics')).text();
    const ask = async () => {
      const sent = bot.telegram.sent(DIRECTOR.id).length;
      bot.telegram.sendText(DIRECTOR, 'создай задачу подготовить отчёт на пятницу');
      return bot.telegram.waitFor(() => bot.telegram.sent(DIRECTOR.id)[sent], 15_000);
    };
    const tapYes = async (question: Awaited<ReturnType<typeof ask>>) => {
      bot.telegram.tapButton(DIRECTOR, question, bot.telegram.buttonData(question, 'Да'));
      await bot.telegram.waitFor(() =>
        bot.telegram.sent(DIRECTOR.id).find((m) => m.messageId === question.messageId && m.edits > 0),
      );
    };
    await tapYes(await ask());
    const late = await ask();
    clock = new Date(clock.getTime() + 61_000);
    await tapYes(late);

    const after = await (await bot.get('/metrics')).text();
    const grew = (name: string) => sample(after, name) - sample(before, name);
    expect(grew('assistant_proposals_total{outcome="confirmed"}')).toBe(1);
    expect(grew('assistant_proposals_total{outcome="expired"}')).toBe(1);
  });
});
