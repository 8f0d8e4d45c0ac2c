// «Напишите адрес вашего Битрикс24» waiting for its answer (migration 0007): in the shared database, so whichever
// instance gets the next message takes it as the answer.
import type { Database } from './db.ts';

export interface PortalQuestions {
  ask(telegramUserId: number, until: number): Promise<void>;
  /** Whether the question is open now (an expired one is forgotten). */
  isOpen(telegramUserId: number, now: number): Promise<boolean>;
  forget(telegramUserId: number): Promise<void>;
}

export function createPortalQuestions(db: Database): PortalQuestions {
  const forget = async (telegramUserId: number) => {
    await db.run('DELETE FROM portal_questions WHERE telegram_user_id = ?', [telegramUserId]);
  };
  return {
    async ask(telegramUserId, until) {
      await db.run(
        `INSERT INTO portal_questions (telegram_user_id, asked_until) VALUES (?, ?)
         ON CONFLICT (telegram_user_id) DO UPDATE SET asked_until = excluded.asked_until`,
        [telegramUserId, until],
      );
    },
    async isOpen(telegramUserId, now) {
      const row = await db.get<{ asked_until: number }>(
        'SELECT asked_until FROM portal_questions WHERE telegram_user_id = ?',
        [telegramUserId],
      );
      if (row && row.asked_until < now) await forget(telegramUserId);
      return Boolean(row && row.asked_until >= now);
    },
    forget,
  };
}
