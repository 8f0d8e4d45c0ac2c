// The production runtime as an operator starts it: the compiled bot (`npm run build`, then `node dist/main.js`)
// with the demo portal and a fake Telegram on 127.0.0.1. Start-up time until the first Telegram call, and the
// bot's resident memory once it has answered one question.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { startFakeTelegram } from '../test/fakes/telegram-api.ts';
import { buildOnce, productionNodeFlags, repository } from './built.ts';

const DIRECTOR = { id: 111, first_name: 'Алексей', language_code: 'ru' };
const STARTS = 5;

/** Resident memory of a process, from /proc (Linux). */
const rssMegabytes = (pid: number) => {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1]) / 1024;
};

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

export default async function runtimeBenchmark(): Promise<Record<string, number>> {
  buildOnce();
  const flags = productionNodeFlags();
  const portal = await startDemoPortal({ port: 0 });
  const telegram = await startFakeTelegram();
  const folder = mkdtempSync(join(tmpdir(), 'b24-bench-runtime-'));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    BITRIX24_WEBHOOK_URL: portal.webhookUrl,
    ALLOWED_TELEGRAM_IDS: String(DIRECTOR.id),
    DATABASE_PATH: join(folder, 'assistant.sqlite'),
  };
  const starts: number[] = [];
  let idle = Number.NaN;
  try {
    for (let round = 1; round <= STARTS; round++) {
      const before = telegram.calls.length;
      const started = performance.now();
      const bot = spawn(process.execPath, [...flags, 'dist/main.js'], { cwd: repository, env, stdio: 'ignore' });
      try {
        await telegram.waitFor(() => telegram.calls.length > before, 30_000);
        starts.push((performance.now() - started) / 1000);
        if (round === STARTS) {
          await telegram.waitFor(() => telegram.calls.some((call) => call.method === 'getUpdates'), 30_000);
          const sent = telegram.sent(DIRECTOR.id).length;
          telegram.sendText(DIRECTOR, 'мои задачи');
          await telegram.waitFor(() => telegram.sent(DIRECTOR.id).length > sent, 30_000);
          // Settled: the answer's garbage is what an idle bot would have collected by now.
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          idle = rssMegabytes(bot.pid!);
        }
      } finally {
        await stopped(bot);
      }
    }
  } finally {
    await telegram.close();
    await portal.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return {
    // The fastest of the starts: whatever else the machine is doing only ever adds to a start.
    'seconds from start to ready': Number(Math.min(...starts).toFixed(2)),
    'idle memory of the bot (MB)': Math.round(idle),
  };
}
