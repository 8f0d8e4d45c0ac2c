// The portal's request limit is a leaky bucket per webhook: it drains `perSecond` and refuses past
// `burst`. We keep our own copy of it, shared by every client of the same portal, so that our own
// load never makes the portal refuse us.
import type { LeakyBucket, RateLimit } from '../storage/instances.ts';

export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 2, burst: 50 };

/**
 * What we allow ourselves of a portal's limit: a tenth less of the burst, and a pace 5% slower than it drains. On
 * a busy machine requests reach the portal later than we send them, the burst's sometimes later than the next
 * ones; with no margin, the portal would then see, over a few seconds, a little more than its limit.
 */
export const paced = (limit: RateLimit): RateLimit => ({
  perSecond: limit.perSecond * 0.95,
  burst: Math.max(1, Math.floor(limit.burst * 0.9)),
});

export function createLeakyBucket(limit: RateLimit, now: () => number = Date.now): LeakyBucket {
  // `level` may go above `burst`: the excess is the queue of callers already promised a later slot.
  let level = 0;
  let updatedAt = now();
  const drain = () => {
    const at = now();
    level = Math.max(0, level - ((at - updatedAt) / 1000) * limit.perSecond);
    updatedAt = at;
  };
  return {
    take() {
      drain();
      level += 1;
      const waitMs = ((level - limit.burst) / limit.perSecond) * 1000;
      return waitMs > 0 ? new Promise((resolve) => setTimeout(resolve, Math.ceil(waitMs))) : Promise.resolve();
    },
    fill() {
      drain();
      level = Math.max(level, limit.burst);
    },
  };
}

/** The bucket of one portal key: kept in this process, or in the database that several instances share. */
export type BucketSource = (key: string, limit: RateLimit) => LeakyBucket;

const buckets = new Map<string, LeakyBucket>();

/** One bucket per portal and webhook user, whoever asks. */
export const sharedBucket: BucketSource = (key, limit) => {
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = createLeakyBucket(limit);
    buckets.set(key, bucket);
  }
  return bucket;
};
