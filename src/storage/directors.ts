// The directors who use the bot: who they are in Telegram and in the portal, their zone and language.
import type { Language } from '../scenarios/director.ts';
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
  get(telegramUserId: number): DirectorRecord | undefined;
  save(record: DirectorRecord): void;
  markIntroduced(telegramUserId: number): void;
  all(): DirectorRecord[];
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

export function createDirectorRepository(db: Database): DirectorRepository {
  const columns = 'telegram_user_id, chat_id, portal_user_id, time_zone, language, introduced';
  const selectOne = db.prepare<[number], DirectorRow>(`SELECT ${columns} FROM directors WHERE telegram_user_id = ?`);
  const selectAll = db.prepare<[], DirectorRow>(`SELECT ${columns} FROM directors ORDER BY telegram_user_id`);
  const upsert = db.prepare(
    `INSERT INTO directors (${columns}, created_at, updated_at)
     VALUES (@telegramUserId, @chatId, @portalUserId, @timeZone, @language, @introduced, @at, @at)
     ON CONFLICT (telegram_user_id) DO UPDATE SET
       chat_id = excluded.chat_id, portal_user_id = excluded.portal_user_id, time_zone = excluded.time_zone,
       language = excluded.language, introduced = excluded.introduced, updated_at = excluded.updated_at`,
  );
  const introduce = db.prepare('UPDATE directors SET introduced = 1, updated_at = ? WHERE telegram_user_id = ?');

  return {
    get(telegramUserId) {
      const row = selectOne.get(telegramUserId);
      return row && toRecord(row);
    },
    save(record) {
      upsert.run({ ...record, introduced: record.introduced ? 1 : 0, at: Date.now() });
    },
    markIntroduced(telegramUserId) {
      introduce.run(Date.now(), telegramUserId);
    },
    all() {
      return selectAll.all().map(toRecord);
    },
  };
}
