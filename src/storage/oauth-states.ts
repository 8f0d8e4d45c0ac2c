// The `state` of a /connect link: random, single use, bound to the Telegram user who asked, ten minutes long.
import { createHash, randomBytes } from 'node:crypto';
import type { Language } from '../scenarios/director.ts';
import type { Database } from './db.ts';

export interface ConnectRequest {
  telegramUserId: number;
  chatId: number;
  /** The portal address the director gave, e.g. `https://company.bitrix24.ru`. */
  portal: string;
  language: Language;
}

export interface OAuthStateRepository {
  /** A fresh state for this request; only its hash is stored. */
  create(request: ConnectRequest, now: Date, ttlMs: number): Promise<string>;
  /** The request behind a state, once: a second claim, an expired or an unknown state get undefined. */
  claim(state: string, now: Date): Promise<ConnectRequest | undefined>;
}

interface StateRow {
  telegram_user_id: number;
  chat_id: number;
  portal: string;
  language: string;
}

const hashOf = (state: string) => createHash('sha256').update(state).digest('base64url');

export function createOAuthStateRepository(db: Database): OAuthStateRepository {
  return {
    async create(request, now, ttlMs) {
      const state = randomBytes(24).toString('base64url');
      // Used and expired states go on every new one: a replay of either is refused all the same.
      await db.run('DELETE FROM oauth_states WHERE expires_at <= ?', [now.getTime() - ttlMs]);
      await db.run(
        `INSERT INTO oauth_states (state_hash, telegram_user_id, chat_id, portal, language, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [
          hashOf(state),
          request.telegramUserId,
          request.chatId,
          request.portal,
          request.language,
          now.getTime() + ttlMs,
        ],
      );
      return state;
    },
    async claim(state, now) {
      // One conditional UPDATE: of two redirects carrying the same state, exactly one gets the row back.
      const row = await db.get<StateRow>(
        `UPDATE oauth_states SET used_at = ?
         WHERE state_hash = ? AND used_at IS NULL AND expires_at > ?
         RETURNING telegram_user_id, chat_id, portal, language`,
        [now.getTime(), hashOf(state), now.getTime()],
      );
      return (
        row && {
          telegramUserId: row.telegram_user_id,
          chatId: row.chat_id,
          portal: row.portal,
          // The table's CHECK admits only these two.
          language: row.language as Language,
        }
      );
    },
  };
}
