// Two instances on one PostgreSQL database. The 09:00 rush of the digests bench (1000 directors on 100 portals,
// the portals' real limits, Telegram's 30 messages a second per bot shared by both), with the first instance
// killed when half the briefings are out: how long until every director has it, and how many got it twice.
// Then both instances call one portal at once: the busiest rate the portal sees once its burst is spent.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { createDigestSettings } from '../src/digests/settings.ts';
import { openDatabase } from '../src/storage/db.ts';
import { createDirectorRepository } from '../src/storage/directors.ts';
import { startFakeTelegram } from '../test/fakes/telegram-api.ts';
import { placeInSchema } from '../test/storage/engines.ts';
import { repository } from './built.ts';
import { DIRECTORS_PER_PORTAL, PORTALS, SLOT, SWITCHED_ON, startPortals } from './digests.bench.ts';

/** A PostgreSQL server: TEST_DATABASE_URL's, or a throwaway one (.ci/postgres) stopped afterwards. */
function postgresServer(): { url: string; stop(): void } {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'b24-bench-pg-'));
  const script = join(repository, '.ci', 'postgres');
  const url = execFileSync(script, ['start', dir], { encoding: 'utf8' }).trim();
  return { url, stop: () => execFileSync(script, ['stop', dir]) };
}

/** Starts one instance process; resolves once it is ready, `go()` starts its work. */
async function instance(input: object): Promise<{ child: ChildProcess; go(): void; done: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/instance-round.ts', JSON.stringify(input)], {
    cwd: repository,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const seen = (wanted: string) =>
    new Promise<void>((resolve) => {
      lines.on('line', (line) => line === wanted && resolve());
    });
  const ready = seen('ready');
  const done = seen('done');
  await ready;
  return { child, go: () => child.stdin!.write('go\n'), done };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export default async () => {
  const server = postgresServer();
  const admin = new pg.Pool({ connectionString: server.url, max: 1 });
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const place = placeInSchema(server.url, schema);
  const telegram = await startFakeTelegram();
  const { child: portals, webhookUrls } = await startPortals();
  const children: ChildProcess[] = [portals];
  try {
    const db = await openDatabase(place);
    const directors = createDirectorRepository(db);
    const settings = createDigestSettings({ db, directors, now: () => SWITCHED_ON });
    const ids: number[] = [];
    for (let p = 0; p < PORTALS; p++) {
      for (let d = 0; d < DIRECTORS_PER_PORTAL; d++) {
        const telegramUserId = 100_000 + p * DIRECTORS_PER_PORTAL + d;
        ids.push(telegramUserId);
        const record = { telegramUserId, chatId: telegramUserId, portalUserId: d + 1, timeZone: 'Europe/Moscow' };
        await directors.save({ ...record, language: 'ru', introduced: true });
        await settings.setTime(telegramUserId, 'morningBriefing', '09:00');
      }
    }
    await db.close();

    const round = { mode: 'digests', databaseUrl: place, webhookUrls, directorsPerPortal: DIRECTORS_PER_PORTAL };
    const common = {
      ...round,
      directors: ids,
      slot: SLOT.toISOString(),
      apiRoot: telegram.apiRoot,
      token: telegram.token,
    };
    const [first, second] = [
      await instance({ ...common, name: 'first' }),
      await instance({ ...common, name: 'second' }),
    ];
    children.push(first.child, second.child);
    const started = performance.now();
    first.go();
    second.go();
    await telegram.waitFor(() => telegram.sent().length >= ids.length / 2, 300_000);
    first.child.kill('SIGKILL');
    const chats = () => new Set(telegram.sent().map((message) => message.chatId)).size;
    // Until every director has it, or nothing more comes for well past the lease and a few ticks: a briefing
    // handed over by the killed instance in the very instant it died is lost (digests are sent at most once),
    // and is counted as such rather than waited for.
    let seen = telegram.sent().length;
    let lastArrival = performance.now();
    const progress = () => {
      if (telegram.sent().length > seen) [seen, lastArrival] = [telegram.sent().length, performance.now()];
      return chats() === ids.length || performance.now() - lastArrival > 30_000;
    };
    await telegram.waitFor(progress, 600_000);
    const seconds = (lastArrival - started) / 1000;
    const lost = ids.length - chats();
    // Room for a late second copy: past the lease, and some ticks.
    await pause(12_000);
    // A briefing long enough to be split comes as several messages: it is its opening line that counts.
    const perChat = new Map<number, number>();
    for (const message of telegram.sent())
      if (message.text.includes('Доброе утро')) perChat.set(message.chatId, (perChat.get(message.chatId) ?? 0) + 1);
    const twice = [...perChat.values()].filter((count) => count > 1).length;
    second.child.kill('SIGKILL');

    const peak = await peakPortalRate(place);
    return {
      'seconds to deliver the 09:00 briefing to 1000 directors on 100 portals with two instances': Number(
        seconds.toFixed(1),
      ),
      'digests sent twice with two instances': twice,
      'digests lost with two instances': lost,
      'portal requests per second at peak, two instances, one portal': peak,
    };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await telegram.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    server.stop();
  }
};

/**
 * Two instances send 40 requests each to one portal (its real limit: 2 a second, a burst of 50) at once. The
 * figure is the most requests the portal received in any 5 seconds after the burst, per second.
 */
async function peakPortalRate(place: string): Promise<number> {
  const portal = await startDemoPortal({ port: 0 });
  const portalPort = Number(new URL(portal.webhookUrl).port);
  const arrivals: number[] = [];
  let refused = 0;
  const recorder = createServer((request, response) => {
    arrivals.push(performance.now());
    const out = httpRequest(
      { host: '127.0.0.1', port: portalPort, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        if (answer.statusCode === 503) refused++;
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    request.pipe(out);
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const through = portal.webhookUrl.replace(`:${portalPort}/`, `:${(recorder.address() as AddressInfo).port}/`);
  try {
    const callers = [
      await instance({ mode: 'calls', databaseUrl: place, portalUrl: through, count: 40 }),
      await instance({ mode: 'calls', databaseUrl: place, portalUrl: through, count: 40 }),
    ];
    for (const caller of callers) caller.go();
    await Promise.all(callers.map((caller) => caller.done));
    if (refused > 0) throw new Error(`The portal refused ${refused} requests of the two instances.`);
    const afterBurst = arrivals.sort((a, b) => a - b).slice(50);
    const busiest = Math.max(
      ...afterBurst.map((start) => afterBurst.filter((at) => at >= start && at < start + 5_000).length),
    );
    return Number((busiest / 5).toFixed(1));
  } finally {
    await new Promise((resolve) => recorder.close(resolve));
    await portal.close();
  }
}
