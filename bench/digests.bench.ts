// The 09:00 rush: 1000 directors on 100 portals all get their morning briefing in the same minute. The floor is
// Telegram's own limit (1000 messages / 30 a second ≈ 34 s); the portals keep their real limit of 2 requests a
// second with a burst of 50, and the messages go over HTTP to a Bot API stand-in. The portals run in a child
// process, as remote portals would: the time and memory measured are the assistant's own.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import { createDigestDispatcher } from '../src/digests/dispatcher.ts';
import { createDigestSettings } from '../src/digests/settings.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { createScenarios } from '../src/scenarios/index.ts';
import { openDatabase } from '../src/storage/db.ts';
import { createDigestRepository } from '../src/storage/digests.ts';
import { createDirectorRepository, type DirectorRecord } from '../src/storage/directors.ts';
import { renderView } from '../src/views/render.ts';
import { startFakeTelegram } from '../test/fakes/telegram-api.ts';

const PORTALS = 100;
const DIRECTORS_PER_PORTAL = 10;
// Wednesday 25 November 2026: 08:00 in Moscow when the briefings are switched on, 09:00 when they are due.
const SWITCHED_ON = new Date('2026-11-25T05:00:00Z');
const SLOT = new Date('2026-11-25T06:00:00Z');

const PORTALS_PROCESS = `
  const { startDemoPortal } = await import(${JSON.stringify(new URL('../src/demo-portal/server.ts', import.meta.url).href)});
  const now = () => new Date(${JSON.stringify(SWITCHED_ON.toISOString())});
  for (let seed = 1; seed <= ${PORTALS}; seed++) console.log((await startDemoPortal({ now, seed })).webhookUrl);
`;

/** Starts the demo portals in a child process; resolves with their webhook addresses once all listen. */
async function startPortals(): Promise<{ child: ChildProcess; webhookUrls: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', PORTALS_PROCESS], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const webhookUrls: string[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    webhookUrls.push(line);
    if (webhookUrls.length === PORTALS) break;
  }
  if (webhookUrls.length !== PORTALS) throw new Error('The demo portals did not start.');
  return { child, webhookUrls };
}

export default async () => {
  let clock = SWITCHED_ON;
  const now = () => clock;
  const folder = mkdtempSync(join(tmpdir(), 'b24-digests-bench-'));
  const db = await openDatabase(join(folder, 'assistant.sqlite'));
  const telegram = await startFakeTelegram();
  const { child, webhookUrls } = await startPortals();
  try {
    const directors = createDirectorRepository(db);
    const settings = createDigestSettings({ db, now });
    const scenariosOf = new Map<number, ReturnType<typeof createScenarios>>();
    for (const [p, webhookUrl] of webhookUrls.entries()) {
      scenariosOf.set(p, createScenarios({ portal: createPortalClient({ webhookUrl }), now }));
      for (let d = 0; d < DIRECTORS_PER_PORTAL; d++) {
        const telegramUserId = 100_000 + p * DIRECTORS_PER_PORTAL + d;
        const record: DirectorRecord = {
          telegramUserId,
          chatId: telegramUserId,
          // Each director is a different person of the company, all working in Moscow.
          portalUserId: d + 1,
          timeZone: 'Europe/Moscow',
          language: 'ru',
          introduced: true,
        };
        await directors.save(record);
        await settings.setTime(telegramUserId, 'morningBriefing', '09:00');
      }
    }

    const api = new Api(telegram.token, { apiRoot: telegram.apiRoot });
    // As the bot does: a dropped connection or a 429 is retried, not reported as a lost digest.
    api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
    const dispatcher = createDigestDispatcher({
      db,
      now,
      allowed: (await directors.all()).map((director) => director.telegramUserId),
      content: async (director, _digest) => {
        const scenarios = scenariosOf.get(Math.floor((director.telegramUserId - 100_000) / DIRECTORS_PER_PORTAL))!;
        const view = await scenarios.run(director, { scenario: 'morningDigest' });
        return view && renderView(view, director.language);
      },
      send: async (chatId, replies) => {
        for (const reply of replies) await api.sendMessage(chatId, reply.html, { parse_mode: 'HTML' });
      },
    });

    clock = SLOT;
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 100);
    const started = performance.now();
    const report = await dispatcher.tick();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const chats = new Set(telegram.sent().map((message) => message.chatId));
    if (report.sent !== PORTALS * DIRECTORS_PER_PORTAL || chats.size !== report.sent) {
      const log = createDigestRepository(db);
      const failures = [];
      for (const director of await directors.all()) {
        failures.push(...(await log.slots(director.telegramUserId)).filter((slot) => slot.status !== 'sent'));
      }
      throw new Error(`Not every director got the briefing: ${JSON.stringify({ report, failures })}`);
    }
    return {
      'seconds to deliver the 09:00 briefing to 1000 directors on 100 portals': Number(seconds.toFixed(1)),
      'peak memory during that run': Math.round(peak / 1024 / 1024),
    };
  } finally {
    child.kill();
    await telegram.close();
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  }
};
