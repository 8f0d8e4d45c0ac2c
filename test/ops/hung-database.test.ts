// A PostgreSQL that hangs (accepts connections, never answers): opening it fails with one plain line instead of
// waiting for ever; with a running bot behind a door that can freeze its traffic (TEST_DATABASE_URL), /healthz still
// answers within 2 s, the director still gets an answer, and all is well again once the database answers.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTimeout, openDatabase } from '../../src/storage/db.ts';
import { SOMETHING_WENT_WRONG, SORRY } from '../../src/views/messages.ts';
import { placeInSchema } from '../storage/engines.ts';
import { type Cleanups, DIRECTOR, startOperatorBot } from './operator-bot.ts';

const TIMEOUTS = { connectMs: 500, statementMs: 1_000 };
const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A door to `upstream` that forwards bytes until frozen; frozen, it accepts and holds, and answers nothing. */
async function freezableDoor(upstream: { host: string; port: number }) {
  let frozen = false;
  const pairs: [Socket, Socket][] = [];
  const held: Socket[] = [];
  const forward = (client: Socket) => {
    const server = connect(upstream.port, upstream.host);
    client.pipe(server).pipe(client);
    for (const socket of [client, server]) socket.on('error', () => {});
    pairs.push([client, server]);
  };
  const door: Server = createServer((client) => {
    client.on('error', () => {});
    if (frozen) held.push(client);
    else forward(client);
  });
  await new Promise<void>((resolve) => door.listen(0, '127.0.0.1', resolve));
  return {
    port: (door.address() as { port: number }).port,
    freeze() {
      frozen = true;
      for (const pair of pairs) for (const socket of pair) socket.pause();
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) for (const socket of pair) socket.resume();
      for (const client of held.splice(0)) forward(client);
    },
    async close() {
      for (const socket of [...pairs.flat(), ...held]) socket.destroy();
      await new Promise((resolve) => door.close(resolve));
    },
  };
}

describe('a hung database', () => {
  it('fails to open with one plain line, within the connect timeout, instead of hanging', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      socket.on('error', () => {});
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => silent.close(resolve));
    });
    const { port } = silent.address() as { port: number };
    const started = Date.now();
    const opening = openDatabase(`postgres://assistant:pw@127.0.0.1:${port}/assistant`, { timeouts: TIMEOUTS });
    await expect(opening).rejects.toThrow(DatabaseTimeout);
    await expect(opening).rejects.toThrow(/^The database did not answer in time/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  const server = process.env.TEST_DATABASE_URL;
  it.skipIf(!server)(
    'leaves /healthz answering within 2 s and the director answered, then recovers',
    async () => {
      const address = new URL(server as string);
      const door = await freezableDoor({ host: address.hostname, port: Number(address.port || 5432) });
      cleanups.push(() => door.close());
      const schema = `test_hung_${Date.now()}`;
      const { default: pg } = await import('pg');
      const admin = new pg.Pool({ connectionString: server, max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      cleanups.push(async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      });
      const through = new URL(placeInSchema(server as string, schema));
      through.hostname = '127.0.0.1';
      through.port = String(door.port);

      const bot = await startOperatorBot(cleanups, { databaseUrl: through.toString(), databaseTimeouts: TIMEOUTS });
      const { telegram } = bot;
      const health = async () => {
        const started = Date.now();
        const response = await bot.get('/healthz');
        return { status: response.status, body: await response.json(), ms: Date.now() - started };
      };
      // A busy machine may miss one 2 s probe while the pool opens: healthy before the freeze, within a few tries.
      await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe(200);

      door.freeze();
      const frozen = await health();
      expect(frozen).toMatchObject({ status: 503, body: { database: false } });
      expect(frozen.ms).toBeLessThan(2_000);
      // The director still hears something: the one plain sentence, not silence.
      const before = telegram.sent(DIRECTOR.id).length;
      telegram.sendText(DIRECTOR, 'мои задачи');
      const answer = await telegram.waitFor(() => telegram.sent(DIRECTOR.id)[before], 15_000);
      expect([SORRY.ru, SOMETHING_WENT_WRONG.ru]).toContain(answer.plain);

      door.thaw();
      await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe(200);
    },
    60_000,
  );
});
