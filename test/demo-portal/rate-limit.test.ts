// The portal's leaky bucket: a burst fills it, time drains it at the plan's rate.
import { describe, expect, it } from 'vitest';
import { createLeakyBucket } from '../../src/demo-portal/rate-limit.ts';

describe('the leaky bucket', () => {
  it('takes a burst, refuses the next request, and lets two more through after a second', () => {
    let now = 0;
    const bucket = createLeakyBucket({ perSecond: 2, burst: 50 }, () => now);
    const burst = Array.from({ length: 50 }, () => bucket.take());
    expect(burst.every(Boolean)).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 1_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  it('drains to empty after a long pause, never below', () => {
    let now = 0;
    const bucket = createLeakyBucket({ perSecond: 5, burst: 250 }, () => now);
    for (let n = 0; n < 250; n++) bucket.take();
    now += 3_600_000;
    const next = Array.from({ length: 251 }, () => bucket.take());
    expect(next.filter(Boolean)).toHaveLength(250);
  });
});
