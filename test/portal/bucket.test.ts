// Our copy of the portal's request limit. The pacing itself is checked on a fake clock, so a busy machine cannot
// bunch the requests up; over real HTTP only what a busy machine cannot break is checked: nothing leaves early.
import { afterEach, expect, it, vi } from 'vitest';
import { createLeakyBucket as portalLimit } from '../../src/demo-portal/rate-limit.ts';
import { type BucketSource, createLeakyBucket, paced, sharedBucket } from '../../src/portal/bucket.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import type { LeakyBucket } from '../../src/storage/instances.ts';
import { ok, type StubPortal, startStubPortal } from './stub-portal.ts';

let stub: StubPortal | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await stub?.close();
  stub = undefined;
});

it('lets 200 requests asked at once go at the portal rate: the portal limit takes every one of them', async () => {
  vi.useFakeTimers({ now: 0 });
  const limit = { perSecond: 100, burst: 20 };
  const ours = createLeakyBucket(limit, () => Date.now());
  // The portal's own bucket as the demo portal keeps it, with a hundredth of a request of room for rounding.
  const portal = portalLimit({ ...limit, burst: limit.burst + 0.01 }, () => Date.now());
  const sent: number[] = [];
  const refused: number[] = [];
  const requests = Promise.all(
    Array.from({ length: 200 }, async () => {
      await ours.take();
      sent.push(Date.now());
      if (!portal.take()) refused.push(Date.now());
    }),
  );
  await vi.runAllTimersAsync();
  await requests;
  expect(refused).toEqual([]);
  // The burst at once, the other 180 at 100 a second; never a second holding more than the burst and the rate.
  expect(sent.filter((at) => at === 0)).toHaveLength(20);
  expect(Math.max(...sent)).toBe(1_800);
  const busiest = Math.max(...sent.map((start) => sent.filter((at) => at >= start && at < start + 1000).length));
  expect(busiest).toBeLessThanOrEqual(20 + 100);
});

it('keeps under a portal of 2 a second even when its burst reaches the portal late: no refusal, at most 10 in any 5 seconds after', async () => {
  vi.useFakeTimers({ now: 0 });
  const limit = { perSecond: 2, burst: 50 };
  const ours = createLeakyBucket(paced(limit), () => Date.now());
  const portal = portalLimit(limit, () => Date.now());
  const arrivals: number[] = [];
  const refused: number[] = [];
  const requests = Promise.all(
    Array.from({ length: 80 }, async () => {
      await ours.take();
      // A busy machine: the requests sent at once reach the portal 400 ms later, the paced ones on time.
      if (Date.now() === 0) await new Promise((resolve) => setTimeout(resolve, 400));
      arrivals.push(Date.now());
      if (!portal.take()) refused.push(Date.now());
    }),
  );
  await vi.runAllTimersAsync();
  await requests;
  expect(refused).toEqual([]);
  const afterBurst = arrivals.sort((a, b) => a - b).slice(limit.burst);
  const busiest = Math.max(
    ...afterBurst.map((start) => afterBurst.filter((at) => at >= start && at < start + 5_000).length),
  );
  expect(busiest).toBeLessThanOrEqual(10);
});

it('two clients of one portal share one bucket: 200 calls at once all arrive, none before the shared rate allows', async () => {
  const rateLimit = { perSecond: 100, burst: 20 };
  stub = await startStubPortal({ handle: () => ok(true) });
  const given: LeakyBucket[] = [];
  let taken = 0;
  const buckets: BucketSource = (key, limit) => {
    const bucket = sharedBucket(key, limit);
    given.push(bucket);
    return {
      ...bucket,
      take: () => {
        taken += 1;
        return bucket.take();
      },
    };
  };
  const first = createPortalClient({ webhookUrl: stub.webhookUrl, rateLimit, retries: 0, buckets });
  const second = createPortalClient({ webhookUrl: stub.webhookUrl, rateLimit, retries: 0, buckets });
  const calls = Array.from({ length: 200 }, (_, index) => (index % 2 ? first : second).call('server.time'));
  const outcomes = await Promise.allSettled(calls);
  expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
  expect(stub.requests).toHaveLength(200);
  expect(taken).toBe(200);
  // Both clients count against the one bucket of that portal and webhook user.
  expect(given).toHaveLength(2);
  expect(given[1]).toBe(given[0]);
  // One shared bucket lets the last call go 1.8 s after the first; a bucket per client would let it go at 0.8 s.
  // A loaded machine only makes it later.
  expect(Math.max(...stub.requests.map((request) => request.at))).toBeGreaterThanOrEqual(1_790);
});
