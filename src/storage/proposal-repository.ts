// The one door every write goes through: a proposal with its exact arguments, claimed once by a tap.
import { randomBytes } from 'node:crypto';
import { writeRequestSchema } from '../vocabulary/catalogue.ts';
import type { WriteRequest } from '../vocabulary/writes.ts';
import type { Database } from './db.ts';

export type ProposalStatus = 'pending' | 'executing' | 'done' | 'failed' | 'cancelled';

export interface Proposal {
  /** Short random id, safe in button data. */
  id: string;
  telegramUserId: number;
  write: WriteRequest;
  status: ProposalStatus;
  createdAt: Date;
  expiresAt: Date;
  finishedAt?: Date;
  resultText?: string;
}

/** `unreadable`: the stored write is not one the catalogue allows (corrupted, or from an older version). */
export type ClaimRefusal = 'missing' | 'expired' | 'taken' | 'cancelled' | 'done' | 'unreadable';

export type ClaimResult = { ok: true; proposal: Proposal } | { ok: false; reason: ClaimRefusal };

export interface ProposalRepository {
  create(input: { telegramUserId: number; write: WriteRequest; now: Date; ttlMs: number }): Promise<Proposal>;
  get(id: string): Promise<Proposal | undefined>;
  /** Atomic: however many taps, devices, replays or instances arrive, only one caller ever gets `ok`. */
  claim(id: string, telegramUserId: number, now: Date): Promise<ClaimResult>;
  /** Records the outcome of a claimed proposal; false if it was not being executed. */
  finish(id: string, outcome: 'done' | 'failed', resultText: string, now?: Date): Promise<boolean>;
  /** Withdraws a pending proposal of this director; false if there is none to withdraw. */
  cancel(id: string, telegramUserId: number): Promise<boolean>;
  /** Withdraws every pending proposal of this director (they now act on another portal); how many. */
  cancelAll(telegramUserId: number): Promise<number>;
}

/** Finished and expired proposals are kept this long for the operator, then dropped. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

interface ProposalRow {
  id: string;
  telegram_user_id: number;
  write_json: string;
  status: ProposalStatus;
  created_at: number;
  expires_at: number;
  finished_at: number | null;
  result_text: string | null;
}

/** The stored write, checked against the catalogue: a row is never trusted as it lies. */
function storedWrite(json: string): WriteRequest | undefined {
  try {
    const checked = writeRequestSchema.safeParse(JSON.parse(json));
    return checked.success ? checked.data : undefined;
  } catch {
    return undefined;
  }
}

const toProposal = (row: ProposalRow, write: WriteRequest): Proposal => ({
  id: row.id,
  telegramUserId: row.telegram_user_id,
  write,
  status: row.status,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
  ...(row.finished_at === null ? {} : { finishedAt: new Date(row.finished_at) }),
  ...(row.result_text === null ? {} : { resultText: row.result_text }),
});

// 9 random bytes → 12 base64url characters: unguessable, and small inside 64-byte button data.
const newId = (): string => randomBytes(9).toString('base64url');

export function createProposalRepository(db: Database): ProposalRepository {
  const select = (id: string) => db.get<ProposalRow>('SELECT * FROM proposals WHERE id = ?', [id]);

  return {
    async create({ telegramUserId, write, now, ttlMs }) {
      const at = now.getTime();
      await db.run('DELETE FROM proposals WHERE expires_at < ?', [at - KEEP_MS]);
      const id = newId();
      await db.run(
        `INSERT INTO proposals (id, telegram_user_id, write_json, status, created_at, expires_at)
         VALUES (?, ?, ?, 'pending', ?, ?)`,
        [id, telegramUserId, JSON.stringify(write), at, at + ttlMs],
      );
      return { id, telegramUserId, write, status: 'pending', createdAt: now, expiresAt: new Date(at + ttlMs) };
    },
    async get(id) {
      const row = await select(id);
      const write = row && storedWrite(row.write_json);
      return write && toProposal(row, write);
    },
    async claim(id, telegramUserId, now) {
      const stored = await select(id);
      if (stored && stored.telegram_user_id === telegramUserId && !storedWrite(stored.write_json)) {
        // Nothing unreadable is ever written: the question is closed, and the director asks again.
        await db.run(`UPDATE proposals SET status = 'failed', finished_at = ? WHERE id = ? AND status = 'pending'`, [
          now.getTime(),
          id,
        ]);
        return { ok: false, reason: 'unreadable' };
      }
      // The whole decision is in the WHERE of one UPDATE: however many connections race, one changes the row.
      const taken = await db.get<ProposalRow>(
        `UPDATE proposals SET status = 'executing'
         WHERE id = ? AND telegram_user_id = ? AND status = 'pending' AND expires_at > ?
         RETURNING *`,
        [id, telegramUserId, now.getTime()],
      );
      const write = taken && storedWrite(taken.write_json);
      if (taken && write) return { ok: true, proposal: toProposal(taken, write) };
      const row = await select(id);
      // Someone else's proposal looks exactly like no proposal at all.
      if (!row || row.telegram_user_id !== telegramUserId) return { ok: false, reason: 'missing' };
      switch (row.status) {
        case 'pending':
          return { ok: false, reason: 'expired' };
        case 'executing':
          return { ok: false, reason: 'taken' };
        case 'cancelled':
          return { ok: false, reason: 'cancelled' };
        default:
          return { ok: false, reason: 'done' };
      }
    },
    async finish(id, outcome, resultText, now = new Date()) {
      const changed = await db.run(
        `UPDATE proposals SET status = ?, finished_at = ?, result_text = ? WHERE id = ? AND status = 'executing'`,
        [outcome, now.getTime(), resultText, id],
      );
      return changed === 1;
    },
    async cancel(id, telegramUserId) {
      const changed = await db.run(
        `UPDATE proposals SET status = 'cancelled', finished_at = ?
         WHERE id = ? AND telegram_user_id = ? AND status = 'pending'`,
        [Date.now(), id, telegramUserId],
      );
      return changed === 1;
    },
    cancelAll(telegramUserId) {
      return db.run(
        `UPDATE proposals SET status = 'cancelled', finished_at = ? WHERE telegram_user_id = ? AND status = 'pending'`,
        [Date.now(), telegramUserId],
      );
    },
  };
}
