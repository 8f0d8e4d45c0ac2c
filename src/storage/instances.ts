// What two or more instances on one database share beyond the repositories: updates already taken, the portal's
// request limit, and leases on jobs only one of them may do at a time.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import Bottleneck from 'bottleneck';
import type { Database } from './db.ts';

// A request budget shared by the instances: the portal client and Telegram's sender take their turns from it.
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface LeakyBucket {
  /** Resolves when one more request fits into the bucket. */
  take(): Promise<void>;
  /** The portal said the bucket is full: let the next requests wait for it to drain. */
  fill(): void;
}

/** How long an update id is remembered: Telegram gives up re-sending long before. */
const SEEN_FOR_MS = 24 * 60 * 60 * 1000;

/** First time an update id is seen by any instance → true. */
export function createSeenUpdates(db: Database, now: () => Date = () => new Date()) {
  let inserted = 0;
  return async (updateId: number): Promise<boolean> => {
    const at = now().getTime();
    const fresh =
      (await db.run('INSERT INTO seen_updates (update_id, seen_at) VALUES (?, ?) ON CONFLICT (update_id) DO NOTHING', [
        updateId,
        at,
      ])) === 1;
    // Now and then, not on every update: pruning is a write every instance would otherwise repeat.
    if (fresh && ++inserted % 500 === 1) await db.run('DELETE FROM seen_updates WHERE seen_at < ?', [at - SEEN_FOR_MS]);
    return fresh;
  };
}

/** Enough for an instance to keep its share of the rate while its database answers take tens of milliseconds. */
const BOOKINGS_AT_ONCE = 8;

/**
 * The portal's leaky bucket held in the database, so every instance's requests count against one limit. Each take
 * is one atomic UPDATE: drain since the last request, add this one, and wait for whatever is above the burst.
 * An instance holds a few bookings at a time (a booking lasts until its wait is over): each is a place in
 * everyone's queue, and the bookings of an instance that dies hold the others back for nothing.
 */
export function createSharedBuckets(
  db: Database,
  now: () => number = Date.now,
  wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
) {
  const buckets = new Map<string, LeakyBucket>();
  const ensure = (key: string) =>
    db.run('INSERT INTO portal_rates (key, level, updated_at) VALUES (?, 0, ?) ON CONFLICT (key) DO NOTHING', [
      key,
      now(),
    ]);
  // The rate is a fraction: cast, or PostgreSQL would take it for an integer like `updated_at`.
  const perMs = 'CAST(? AS DOUBLE PRECISION)';
  const drained = `(CASE WHEN level - (? - updated_at) * ${perMs} > 0 THEN level - (? - updated_at) * ${perMs} ELSE 0 END)`;
  const bucketFor = (key: string, limit: RateLimit): LeakyBucket => {
    const rate = limit.perSecond / 1000;
    let ready: Promise<unknown> | undefined;
    const bookings = new Bottleneck({ maxConcurrent: BOOKINGS_AT_ONCE });
    const book = async () => {
      ready ??= ensure(key);
      await ready;
      const at = now();
      const row = await db.get<{ level: number }>(
        `UPDATE portal_rates SET level = ${drained} + 1, updated_at = CASE WHEN ? > updated_at THEN ? ELSE updated_at END
           WHERE key = ? RETURNING level`,
        [at, rate, at, rate, at, at, key],
      );
      const waitMs = (((row?.level ?? 0) - limit.burst) / limit.perSecond) * 1000;
      if (waitMs > 0) await wait(Math.ceil(waitMs));
    };
    return {
      take: () => bookings.schedule(book),
      fill() {
        const at = now();
        void db
          .run(
            `UPDATE portal_rates SET level = CASE WHEN ${drained} > ? THEN ${drained} ELSE ? END, updated_at = ?
             WHERE key = ?`,
            [at, rate, at, rate, limit.burst, at, rate, at, rate, limit.burst, at, key],
          )
          .catch(() => {});
      },
    };
  };
  /** One bucket per portal key, as `sharedBucket` keeps in memory for a single instance. */
  return (key: string, limit: RateLimit): LeakyBucket => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = bucketFor(key, limit);
      buckets.set(key, bucket);
    }
    return bucket;
  };
}

export interface Leases {
  /** True when `owner` now holds `name` until `until` (it was free, had run out, or was already its own). */
  acquire(name: string, owner: string, until: Date, now: Date): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}

/**
 * Leases on jobs only one instance may do at a time, such as renewing one connection's tokens (the refresh token
 * rotates: sent twice, the second is refused). A lease that runs out frees the job of an instance that died.
 */
export function createLeases(db: Database): Leases {
  return {
    async acquire(name, owner, until, now) {
      const row = await db.get(
        `INSERT INTO leases (name, owner, until) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until
         WHERE leases.until <= ? OR leases.owner = excluded.owner
         RETURNING owner`,
        [name, owner, until.getTime(), now.getTime()],
      );
      return row !== undefined;
    },
    async release(name, owner) {
      await db.run('DELETE FROM leases WHERE name = ? AND owner = ?', [name, owner]);
    },
  };
}

/** The name this process holds leases under, unless the operator or a test gave one. */
export function instanceName(given?: string): string {
  return given ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
