// The bot's own cost per reply: a message in through the fake Bot API, the whole product (router,
// scenario, view, guard, SQLite), the answer out, with the demo portal and the fake Telegram on
// 127.0.0.1 answering without delay. Plus the share of everyday phrases understood with no model.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { silentLogger } from '../src/log.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { createBot } from '../src/telegram/bot.ts';
import { startPolling } from '../src/telegram/run.ts';
import { startFakeTelegram } from '../test/fakes/telegram-api.ts';
import { PACK_NOW, PACK_ZONE, phrasesUnderstoodShare } from '../test/router/phrases.ts';

const PHRASES = ['мои задачи', 'покажи сделки', 'что у меня завтра', 'воронка', 'итоги дня', 'статус команды'];
const ROUNDS = 20;

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;

export default async function botBenchmark(): Promise<Record<string, number>> {
  const portal = await startDemoPortal({ port: 0, rateLimit: false });
  const telegram = await startFakeTelegram();
  const folder = mkdtempSync(join(tmpdir(), 'b24-bench-bot-'));
  const director = { id: 111, first_name: 'Алексей', language_code: 'ru' };
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: portal.webhookUrl, rateLimit: { perSecond: 1_000, burst: 1_000 } }),
    databasePath: join(folder, 'bench.sqlite'),
    allowed: [{ telegramUserId: director.id }],
    logger: silentLogger,
  });
  const { bot } = createBot({ token: telegram.token, apiRoot: telegram.apiRoot, ...app, logger: silentLogger });
  const running = await startPolling(bot, silentLogger);
  const timings: number[] = [];
  try {
    for (let round = -1; round < ROUNDS; round++) {
      for (const text of PHRASES) {
        const before = telegram.sent(director.id).length;
        const started = performance.now();
        telegram.sendText(director, text);
        await telegram.waitFor(() => telegram.sent(director.id).length > before, 30_000);
        // The first round warms the name caches and the JIT: a director's first question of the day.
        if (round >= 0) timings.push(performance.now() - started);
      }
    }
  } finally {
    await running.stop();
    await app.close();
    await telegram.close();
    await portal.close();
    rmSync(folder, { recursive: true, force: true });
  }
  timings.sort((a, b) => a - b);
  return {
    'bot overhead per reply p50 ms': Math.round(percentile(timings, 0.5) * 10) / 10,
    'bot overhead per reply p95 ms': Math.round(percentile(timings, 0.95) * 10) / 10,
    'phrases understood without a model': Math.round(phrasesUnderstoodShare(PACK_NOW, PACK_ZONE) * 1000) / 10,
  };
}
