// The bot's own cost per reply: a message in through the fake Bot API, the whole product (router, scenario,
// view, guard, SQLite), the answer out, with the demo portal and the fake Telegram on 127.0.0.1 answering without
// delay from a thread of their own (stand-ins-thread.ts), as the real services answer from their own servers.
// Plus the share of everyday phrases understood with no model.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createApp } from '../src/app.ts';
import { silentLogger } from '../src/log.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { createBot } from '../src/telegram/bot.ts';
import { startPolling } from '../src/telegram/run.ts';
import { PACK_NOW, PACK_ZONE, phrasesUnderstoodShare } from '../test/router/phrases.ts';
import { DIRECTOR, type StandInsAddress, type StandInsRequest } from './stand-ins-thread.ts';

const PHRASES = ['мои задачи', 'покажи сделки', 'что у меня завтра', 'воронка', 'итоги дня', 'статус команды'];
const ROUNDS = 20;

const percentile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;

/** The stand-ins' thread (TypeScript loaded there as here): `ask` sends it one request and waits for its answer. */
async function standIns(): Promise<{ address: StandInsAddress; ask(request: StandInsRequest): Promise<unknown> }> {
  const load = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.resolve('./stand-ins-thread.ts'))}); })`;
  const worker = new Worker(load, { eval: true });
  // One request at a time: each message from the thread answers the one waiting.
  let waiting: { resolve(value: unknown): void; reject(error: unknown): void } | undefined;
  worker.on('message', (value) => waiting?.resolve(value));
  worker.on('error', (error) => waiting?.reject(error));
  const next = () => new Promise<unknown>((resolve, reject) => (waiting = { resolve, reject }));
  const address = (await next()) as StandInsAddress;
  const ask = async (request: StandInsRequest) => {
    const answer = next();
    worker.postMessage(request);
    const value = await answer;
    if (request === 'close') await worker.terminate();
    return value;
  };
  return { address, ask };
}

export default async function botBenchmark(): Promise<Record<string, number>> {
  const { address, ask } = await standIns();
  const folder = mkdtempSync(join(tmpdir(), 'b24-bench-bot-'));
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: address.webhookUrl, rateLimit: { perSecond: 1_000, burst: 1_000 } }),
    databasePath: join(folder, 'bench.sqlite'),
    allowed: [{ telegramUserId: DIRECTOR.id }],
    logger: silentLogger,
  });
  const { bot } = createBot({ token: address.token, apiRoot: address.apiRoot, ...app, logger: silentLogger });
  const running = await startPolling(bot, silentLogger);
  const timings: number[] = [];
  try {
    for (let round = -1; round < ROUNDS; round++) {
      for (const text of PHRASES) {
        const ms = Number(await ask({ say: text }));
        // The first round warms the name caches and the JIT: a director's first question of the day.
        if (round >= 0) timings.push(ms);
      }
    }
  } finally {
    await running.stop();
    await app.close();
    await ask('close');
    rmSync(folder, { recursive: true, force: true });
  }
  timings.sort((a, b) => a - b);
  return {
    'bot overhead per reply p50 ms': Math.round(percentile(timings, 0.5) * 10) / 10,
    'bot overhead per reply p95 ms': Math.round(percentile(timings, 0.95) * 10) / 10,
    'phrases understood without a model': Math.round(phrasesUnderstoodShare(PACK_NOW, PACK_ZONE) * 1000) / 10,
  };
}
