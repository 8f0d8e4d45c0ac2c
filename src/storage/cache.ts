// A small key-value cache with expiry (names of stages, users, sources), shared across restarts.
import type { Database } from './db.ts';

export interface CacheRepository {
  get<T>(key: string, now: Date): T | undefined;
  set(key: string, value: unknown, ttlMs: number, now: Date): void;
}

export function createCacheRepository(db: Database): CacheRepository {
  const select = db.prepare<[string, number], { value_json: string }>(
    'SELECT value_json FROM cache WHERE key = ? AND expires_at > ?',
  );
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO cache (key, value_json, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, expires_at = excluded.expires_at`,
  );
  const prune = db.prepare<[number]>('DELETE FROM cache WHERE expires_at <= ?');

  return {
    get<T>(key: string, now: Date): T | undefined {
      const row = select.get(key, now.getTime());
      return row ? (JSON.parse(row.value_json) as T) : undefined;
    },
    set(key, value, ttlMs, now) {
      const at = now.getTime();
      // Expired entries go on every write, so the table never grows past what is live.
      prune.run(at);
      upsert.run(key, JSON.stringify(value ?? null), at + ttlMs);
    },
  };
}
