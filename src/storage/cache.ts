// A small key-value cache with expiry (names of stages, users, sources), shared across restarts.
import type { Database } from './db.ts';

export interface CacheRepository {
  get<T>(key: string, now: Date): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number, now: Date): Promise<void>;
}

export function createCacheRepository(db: Database): CacheRepository {
  return {
    async get<T>(key: string, now: Date): Promise<T | undefined> {
      const row = await db.get<{ value_json: string }>(
        'SELECT value_json FROM cache WHERE key = ? AND expires_at > ?',
        [key, now.getTime()],
      );
      return row ? (JSON.parse(row.value_json) as T) : undefined;
    },
    async set(key, value, ttlMs, now) {
      const at = now.getTime();
      // Expired entries go on every write, so the table never grows past what is live.
      await db.run('DELETE FROM cache WHERE expires_at <= ?', [at]);
      await db.run(
        `INSERT INTO cache (key, value_json, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, expires_at = excluded.expires_at`,
        [key, JSON.stringify(value ?? null), at + ttlMs],
      );
    },
  };
}
