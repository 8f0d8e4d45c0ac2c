// The portal's request-rate limit: a leaky bucket that drains `perSecond` and holds `burst` requests.

import type { RateLimit } from '../storage/instances.ts';

export type { RateLimit };

export interface LeakyBucket {
  /** Counts one request; false when the bucket is full and the request must be refused. */
  take(): boolean;
}

export function createLeakyBucket(limit: RateLimit, clock: () => number = () => performance.now()): LeakyBucket {
  let level = 0;
  let last = clock();
  return {
    take() {
      const now = clock();
      level = Math.max(0, level - ((now - last) / 1000) * limit.perSecond);
      last = now;
      if (level + 1 > limit.burst) return false;
      level += 1;
      return true;
    },
  };
}
