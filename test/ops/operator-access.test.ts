// The operator's endpoints as `npm start` serves them: on this machine only unless METRICS_HOST opens them, and
// /metrics only to a scraper that shows METRICS_TOKEN; /healthz stays open for the orchestrator.
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stand, startStand } from '../bot/harness.ts';
import { freePort } from '../fakes/free-port.ts';

const TOKEN = 'scrape-t0ken-of-the-operator-7c1d';
/** An address of this machine other than loopback, when it has one. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

let stand: Stand;
let port: number;
beforeAll(async () => {
  port = await freePort();
  stand = await startStand();
  await stand.startAssistant({ METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
}, 120_000);
afterAll(() => stand?.close());

const get = (host: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://${host}:${port}${path}`, { headers, signal: AbortSignal.timeout(5_000) });

it('answers /metrics only with the bearer token, and /healthz without one', async () => {
  await expect
    .poll(async () => (await get('127.0.0.1', '/healthz').catch(() => undefined))?.status, {
      timeout: 20_000,
    })
    .toBe(200);
  expect((await get('127.0.0.1', '/metrics')).status).toBe(401);
  expect((await get('127.0.0.1', '/metrics', { authorization: 'Bearer wrong-token-of-the-same-size!!' })).status).toBe(
    401,
  );
  const metrics = await get('127.0.0.1', '/metrics', { authorization: `Bearer ${TOKEN}` });
  expect(metrics.status).toBe(200);
  expect(await metrics.text()).toContain('assistant_updates_handled_total');
  expect(stand.stderr()).not.toContain(TOKEN);
});

it.skipIf(!outside)('is not reachable from another interface of the machine', async () => {
  await expect(get(outside as string, '/healthz')).rejects.toThrow();
});
