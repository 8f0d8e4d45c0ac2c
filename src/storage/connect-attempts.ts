// A director's connection in the making (migration 0007): the link's ticket, the page's proof of the Telegram user,
// the one-time address that opens the browser, the browser's cookie, the portal's state and the sealed approval waiting for the confirmation. Each step moves
// the row on by one conditional UPDATE, so two requests racing for one step get it once between them.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Language } from '../vocabulary/director.ts';
import type { Database } from './db.ts';

export interface ConnectRequest {
  telegramUserId: number;
  chatId: number;
  /** The portal address the director gave, e.g. `https://company.bitrix24.ru`. */
  portal: string;
  language: Language;
}

export type ConnectStep = 'link' | 'proven' | 'portal' | 'approving' | 'confirm' | 'done' | 'refused';

export interface ConnectAttempt extends ConnectRequest {
  id: string;
  step: ConnectStep;
  expiresAt: number;
  browserHash?: string;
  telegramName?: string;
  grantSealed?: string;
}

/** What a step stores besides its name; secrets go in plain and are stored hashed. */
export interface StepChange {
  handover?: string;
  state?: string;
  browser?: string;
  telegramName?: string;
  grantSealed?: string;
  confirm?: string;
}

export interface ConnectAttemptRepository {
  /** A new attempt at the `link` step; the ticket for the page's address (only its hash is stored). */
  open(request: ConnectRequest, now: Date, ttlMs: number): Promise<string>;
  /** The attempt behind a ticket, a portal state or a confirmation token, whatever its step. */
  find(by: 'ticket' | 'handover' | 'state' | 'confirm', secret: string): Promise<ConnectAttempt | undefined>;
  /** Moves the attempt from `from` to `to`; false when another request moved it first. */
  advance(id: string, from: ConnectStep, to: ConnectStep, change?: StepChange): Promise<boolean>;
}

/** A fresh secret for a ticket, a cookie or a form. */
export const newSecret = (): string => randomBytes(24).toString('base64url');
export const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

interface AttemptRow {
  id: string;
  telegram_user_id: number;
  chat_id: number;
  portal: string;
  language: string;
  step: string;
  expires_at: number;
  browser_hash: string | null;
  telegram_name: string | null;
  grant_sealed: string | null;
}

const COLUMNS = {
  ticket: 'ticket_hash',
  handover: 'handover_hash',
  state: 'state_hash',
  confirm: 'confirm_hash',
} as const;

const attemptOf = (row: AttemptRow): ConnectAttempt => ({
  id: row.id,
  telegramUserId: row.telegram_user_id,
  chatId: row.chat_id,
  portal: row.portal,
  // The table's CHECKs admit only these.
  language: row.language as Language,
  step: row.step as ConnectStep,
  expiresAt: row.expires_at,
  ...(row.browser_hash ? { browserHash: row.browser_hash } : {}),
  ...(row.telegram_name ? { telegramName: row.telegram_name } : {}),
  ...(row.grant_sealed ? { grantSealed: row.grant_sealed } : {}),
});

export function createConnectAttemptRepository(db: Database): ConnectAttemptRepository {
  return {
    async open(request, now, ttlMs) {
      const ticket = newSecret();
      // Finished and long-expired attempts go on every new one: a replay of either is refused all the same.
      await db.run('DELETE FROM connect_attempts WHERE expires_at <= ?', [now.getTime() - ttlMs]);
      await db.run(
        `INSERT INTO connect_attempts (id, ticket_hash, telegram_user_id, chat_id, portal, language, step, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, 'link', ?)`,
        [
          randomUUID(),
          hashOf(ticket),
          request.telegramUserId,
          request.chatId,
          request.portal,
          request.language,
          now.getTime() + ttlMs,
        ],
      );
      return ticket;
    },
    async find(by, secret) {
      if (!secret) return undefined;
      const row = await db.get<AttemptRow>(
        `SELECT id, telegram_user_id, chat_id, portal, language, step, expires_at, browser_hash, telegram_name,
           grant_sealed
         FROM connect_attempts WHERE ${COLUMNS[by]} = ?`,
        [hashOf(secret)],
      );
      return row && attemptOf(row);
    },
    async advance(id, from, to, change = {}) {
      const hashed = (secret: string | undefined) => (secret === undefined ? null : hashOf(secret));
      // The sealed approval is needed only until the confirmation: a finished attempt keeps no tokens.
      const keepGrant = to === 'confirm' || to === 'approving';
      const changed = await db.run(
        `UPDATE connect_attempts SET step = ?, handover_hash = COALESCE(?, handover_hash), state_hash = COALESCE(?, state_hash),
           browser_hash = COALESCE(?, browser_hash), telegram_name = COALESCE(?, telegram_name),
           grant_sealed = ${keepGrant ? 'COALESCE(?, grant_sealed)' : '?'}, confirm_hash = COALESCE(?, confirm_hash)
         WHERE id = ? AND step = ?`,
        [
          to,
          hashed(change.handover),
          hashed(change.state),
          hashed(change.browser),
          change.telegramName ?? null,
          keepGrant ? (change.grantSealed ?? null) : null,
          hashed(change.confirm),
          id,
          from,
        ],
      );
      return changed === 1;
    },
  };
}
