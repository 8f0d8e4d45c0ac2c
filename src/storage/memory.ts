// A short conversation memory per director: the last few lines and what the last answer was about.
import type { Database } from './db.ts';

export type MemoryRole = 'director' | 'assistant';

export interface MemoryLine {
  role: MemoryRole;
  text: string;
  at: Date;
}

export interface MemoryRepository {
  /** The lines of one exchange (the director's words and the answer's first lines), kept together. */
  remember(telegramUserId: number, lines: readonly MemoryLine[]): Promise<void>;
  /** The newest `limit` lines, oldest first (the order a conversation is read in). */
  recent(telegramUserId: number, limit: number): Promise<MemoryLine[]>;
  /**
   * What the last answer was about, as JSON text: kept and given back as written, so a reader that wrote it can
   * tell it unchanged without reading it again. `undefined` forgets it.
   */
  setContext(telegramUserId: number, json: string | undefined): Promise<void>;
  getContext(telegramUserId: number): Promise<string | undefined>;
}

/** How many lines are kept per director: enough for a follow-up, little enough to stay private. */
export const MEMORY_LINES = 10;

export function createMemoryRepository(database: Database): MemoryRepository {
  // The last lines of a conversation may go in a power cut; no answer should wait for the disk to keep them.
  const db = database.lossy;
  return {
    remember: (telegramUserId, lines) =>
      db.transaction(async (tx) => {
        for (const { role, text, at } of lines)
          await tx.run('INSERT INTO memory (telegram_user_id, role, text, at) VALUES (?, ?, ?, ?)', [
            telegramUserId,
            role,
            text,
            at.getTime(),
          ]);
        // Everything from the first line past the kept ones back: one range of the index, no list to compare with.
        await tx.run(
          `DELETE FROM memory WHERE telegram_user_id = ? AND id <=
             (SELECT id FROM memory WHERE telegram_user_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
          [telegramUserId, telegramUserId, MEMORY_LINES],
        );
      }),
    async recent(telegramUserId, limit) {
      const rows = await db.all<{ role: MemoryRole; text: string; at: number }>(
        'SELECT role, text, at FROM memory WHERE telegram_user_id = ? ORDER BY id DESC LIMIT ?',
        [telegramUserId, Math.max(0, Math.min(limit, MEMORY_LINES))],
      );
      return rows.reverse().map((row) => ({ role: row.role, text: row.text, at: new Date(row.at) }));
    },
    async setContext(telegramUserId, json) {
      if (json === undefined) {
        await db.run('DELETE FROM memory_context WHERE telegram_user_id = ?', [telegramUserId]);
        return;
      }
      await db.run(
        `INSERT INTO memory_context (telegram_user_id, value_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (telegram_user_id) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
        [telegramUserId, json, Date.now()],
      );
    },
    async getContext(telegramUserId) {
      const row = await db.get<{ value_json: string }>(
        'SELECT value_json FROM memory_context WHERE telegram_user_id = ?',
        [telegramUserId],
      );
      return row?.value_json;
    },
  };
}
