// One instance's side of the two-instance benchmark, in a process of its own on the shared PostgreSQL database.
// `digests`: the 09:00 round for every director (ticking each second, a 10-second lease), started by a `go` line
// on stdin. `calls`: `count` requests to one portal at once. Both count the portal's limit in the shared bucket.
import { createInterface } from 'node:readline';
import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import { createDigestDispatcher } from '../src/digests/dispatcher.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { createScenarios } from '../src/scenarios/index.ts';
import { REGISTRY } from '../src/scenarios/registry.ts';
import { openDatabase } from '../src/storage/db.ts';
import { createDirectorRepository } from '../src/storage/directors.ts';
import { createSharedBuckets } from '../src/storage/instances.ts';
import { TELEGRAM_RATE } from '../src/workspaces.ts';

const { renderView } = REGISTRY;

const input = JSON.parse(process.argv[2] ?? '{}');
const db = await openDatabase(input.databaseUrl);
const buckets = createSharedBuckets(db);
const go = async () => {
  for await (const line of createInterface({ input: process.stdin })) if (line === 'go') return;
};

if (input.mode === 'calls') {
  const portal = createPortalClient({ webhookUrl: input.portalUrl, buckets });
  console.log('ready');
  await go();
  await Promise.all(Array.from({ length: input.count }, () => portal.call('user.current')));
  console.log('done');
  process.exit(0);
}

const slot = Date.parse(input.slot);
let wallStart = Date.now();
const now = () => new Date(slot + (Date.now() - wallStart));
const scenariosOf = input.webhookUrls.map((webhookUrl: string) =>
  createScenarios({ portal: createPortalClient({ webhookUrl, buckets }), now }),
);
const api = new Api(input.token, { apiRoot: input.apiRoot });
api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120 }));
const dispatcher = createDigestDispatcher({
  db,
  directors: createDirectorRepository(db),
  now,
  allowed: input.directors,
  content: async (director) => {
    const scenarios = scenariosOf[Math.floor((director.telegramUserId - 100_000) / input.directorsPerPortal)];
    const view = await scenarios.run(director, { scenario: 'morningDigest' });
    return view && renderView(view, director.language);
  },
  send: async (chatId, replies) => {
    for (const reply of replies) await api.sendMessage(chatId, reply.html, { parse_mode: 'HTML' });
  },
  instance: input.name,
  leaseMs: 10_000,
  tickMs: 1_000,
  telegramBucket: buckets('telegram', TELEGRAM_RATE),
});
console.log('ready');
await go();
wallStart = Date.now();
dispatcher.start();
