import { afterEach, expect, it } from 'vitest';
import { createPortalClient } from '../../src/portal/client.ts';
import { ok, type StubPortal, startStubPortal } from './stub-portal.ts';

let stub: StubPortal | undefined;
afterEach(async () => {
  await stub?.close();
});

it('holds 200 concurrent calls from two clients of one portal to its rate: the portal never refuses', async () => {
  const rateLimit = { perSecond: 100, burst: 20 };
  // The stand-in keeps the same bucket plus 100 ms of slack, for the network's and the scheduler's jitter.
  stub = await startStubPortal({ handle: () => ok(true), rateLimit: { perSecond: 100, burst: 30 } });
  const first = createPortalClient({ webhookUrl: stub.webhookUrl, rateLimit, retries: 0 });
  const second = createPortalClient({ webhookUrl: stub.webhookUrl, rateLimit, retries: 0 });
  const calls = Array.from({ length: 200 }, (_, index) => (index % 2 ? first : second).call('server.time'));
  const outcomes = await Promise.allSettled(calls);
  expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
  expect(stub.refused).toBe(0);
  expect(stub.requests).toHaveLength(200);
  // No window of a second ever holds more than the burst plus a second's rate (and the slack).
  const times = stub.requests.map((request) => request.at);
  const busiest = Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 1000).length));
  expect(busiest).toBeLessThanOrEqual(20 + 100 + 10);
});
