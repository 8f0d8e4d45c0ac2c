// The assistant's side of the digests benchmark, on the compiled product (dist/) in a process of its own, so the
// memory measured is the bot's alone: 1000 directors on the portals given, one tick at 09:00, then one JSON line
// on stdout: the seconds the round took, its peak resident memory and its report.
import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import { createDigestDispatcher } from '../dist/digests/dispatcher.js';
import { createDigestSettings } from '../dist/digests/settings.js';
import { createPortalClient } from '../dist/portal/client.js';
import { createScenarios } from '../dist/scenarios/index.js';
import { REGISTRY } from '../dist/scenarios/registry.js';
import { openDatabase } from '../dist/storage/db.js';
import { createDirectorRepository } from '../dist/storage/directors.js';

const { webhookUrls, directorsPerPortal, switchedOn, slot, apiRoot, token, databasePath } = JSON.parse(process.argv[2]);
let clock = new Date(switchedOn);
const now = () => clock;
const db = await openDatabase(databasePath);
const directors = createDirectorRepository(db);
const settings = createDigestSettings({ db, directors, now });
const scenariosOf = webhookUrls.map((webhookUrl) =>
  createScenarios({ portal: createPortalClient({ webhookUrl }), now }),
);
for (const p of webhookUrls.keys()) {
  for (let d = 0; d < directorsPerPortal; d++) {
    const telegramUserId = 100_000 + p * directorsPerPortal + d;
    // Each director is a different person of the company, all working in Moscow.
    await directors.save({
      telegramUserId,
      chatId: telegramUserId,
      portalUserId: d + 1,
      timeZone: 'Europe/Moscow',
      language: 'ru',
      introduced: true,
    });
    await settings.setTime(telegramUserId, 'morningBriefing', '09:00');
  }
}

const api = new Api(token, { apiRoot });
// As the bot does: a dropped connection or a 429 is retried, not reported as a lost digest.
api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
const dispatcher = createDigestDispatcher({
  db,
  directors,
  now,
  allowed: (await directors.all()).map((director) => director.telegramUserId),
  content: async (director) => {
    const scenarios = scenariosOf[Math.floor((director.telegramUserId - 100_000) / directorsPerPortal)];
    const view = await scenarios.run(director, { scenario: 'morningDigest' });
    return view && REGISTRY.renderView(view, director.language);
  },
  send: async (chatId, replies) => {
    for (const reply of replies) await api.sendMessage(chatId, reply.html, { parse_mode: 'HTML' });
  },
});

clock = new Date(slot);
// Before the round: the modules, 100 portals' clients and the database, for telling them from the round itself.
const before = process.memoryUsage.rss();
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 100);
const started = performance.now();
const report = await dispatcher.tick();
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());
await db.close();
console.log(JSON.stringify({ seconds, peakMb: peak / 1024 / 1024, beforeMb: before / 1024 / 1024, report }));
process.exit(0);
