// A short conversation memory per director: the last few lines and what the last answer was about.
import type { Database } from './db.ts';

export type MemoryRole = 'director' | 'assistant';

export interface MemoryLine {
  role: MemoryRole;
  text: string;
  at: Date;
}

export interface MemoryRepository {
  remember(telegramUserId: number, role: MemoryRole, text: string, now: Date): void;
  /** The newest `limit` lines, oldest first (the order a conversation is read in). */
  recent(telegramUserId: number, limit: number): MemoryLine[];
  /** `undefined` forgets the context. */
  setContext(telegramUserId: number, value: unknown): void;
  getContext(telegramUserId: number): unknown;
}

/** How many lines are kept per director: enough for a follow-up, little enough to stay private. */
export const MEMORY_LINES = 10;

export function createMemoryRepository(db: Database): MemoryRepository {
  const insert = db.prepare<[number, string, string, number]>(
    'INSERT INTO memory (telegram_user_id, role, text, at) VALUES (?, ?, ?, ?)',
  );
  const trim = db.prepare<[number, number, number]>(
    `DELETE FROM memory WHERE telegram_user_id = ? AND id NOT IN
       (SELECT id FROM memory WHERE telegram_user_id = ? ORDER BY id DESC LIMIT ?)`,
  );
  const selectRecent = db.prepare<[number, number], { role: MemoryRole; text: string; at: number }>(
    'SELECT role, text, at FROM memory WHERE telegram_user_id = ? ORDER BY id DESC LIMIT ?',
  );
  const upsertContext = db.prepare<[number, string, number]>(
    `INSERT INTO memory_context (telegram_user_id, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (telegram_user_id) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
  );
  const deleteContext = db.prepare<[number]>('DELETE FROM memory_context WHERE telegram_user_id = ?');
  const selectContext = db.prepare<[number], { value_json: string }>(
    'SELECT value_json FROM memory_context WHERE telegram_user_id = ?',
  );

  const remember = db.transaction((telegramUserId: number, role: MemoryRole, text: string, now: Date) => {
    insert.run(telegramUserId, role, text, now.getTime());
    trim.run(telegramUserId, telegramUserId, MEMORY_LINES);
  });

  return {
    remember,
    recent(telegramUserId, limit) {
      const rows = selectRecent.all(telegramUserId, Math.max(0, Math.min(limit, MEMORY_LINES)));
      return rows.reverse().map((row) => ({ role: row.role, text: row.text, at: new Date(row.at) }));
    },
    setContext(telegramUserId, value) {
      if (value === undefined) deleteContext.run(telegramUserId);
      else upsertContext.run(telegramUserId, JSON.stringify(value), Date.now());
    },
    getContext(telegramUserId) {
      const row = selectContext.get(telegramUserId);
      return row ? JSON.parse(row.value_json) : undefined;
    },
  };
}
