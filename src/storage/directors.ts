// The directors who use the bot: who they are in Telegram and in the portal, their zone and language.
import type { Language } from '../vocabulary/director.ts';
import type { Database } from './db.ts';

export interface DirectorRecord {
  telegramUserId: number;
  chatId: number;
  portalUserId: number;
  timeZone: string;
  language: Language;
  introduced: boolean;
}

export interface DirectorRepository {
  get(telegramUserId: number): Promise<DirectorRecord | undefined>;
  save(record: DirectorRecord): Promise<void>;
  markIntroduced(telegramUserId: number): Promise<void>;
  all(): Promise<DirectorRecord[]>;
}

interface DirectorRow {
  telegram_user_id: number;
  chat_id: number;
  portal_user_id: number;
  time_zone: string;
  language: string;
  introduced: number;
}

const toRecord = (row: DirectorRow): DirectorRecord => ({
  telegramUserId: row.telegram_user_id,
  chatId: row.chat_id,
  portalUserId: row.portal_user_id,
  timeZone: row.time_zone,
  // The table's CHECK admits only these two.
  language: row.language as Language,
  introduced: row.introduced === 1,
});

const columns = 'telegram_user_id, chat_id, portal_user_id, time_zone, language, introduced';

export function createDirectorRepository(db: Database): DirectorRepository {
  return {
    async get(telegramUserId) {
      const row = await db.get<DirectorRow>(`SELECT ${columns} FROM directors WHERE telegram_user_id = ?`, [
        telegramUserId,
      ]);
      return row && toRecord(row);
    },
    async save(record) {
      const at = Date.now();
      await db.run(
        `INSERT INTO directors (${columns}, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (telegram_user_id) DO UPDATE SET
           chat_id = excluded.chat_id, portal_user_id = excluded.portal_user_id, time_zone = excluded.time_zone,
           language = excluded.language, introduced = excluded.introduced, updated_at = excluded.updated_at`,
        [
          record.telegramUserId,
          record.chatId,
          record.portalUserId,
          record.timeZone,
          record.language,
          record.introduced ? 1 : 0,
          at,
          at,
        ],
      );
    },
    async markIntroduced(telegramUserId) {
      await db.run('UPDATE directors SET introduced = 1, updated_at = ? WHERE telegram_user_id = ?', [
        Date.now(),
        telegramUserId,
      ]);
    },
    async all() {
      return (await db.all<DirectorRow>(`SELECT ${columns} FROM directors ORDER BY telegram_user_id`)).map(toRecord);
    },
  };
}
