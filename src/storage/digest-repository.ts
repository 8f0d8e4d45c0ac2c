// Digest subscriptions (on/off, local time, next run) and claimed slots with their outcomes.
import type { DigestName } from '../vocabulary/requests.ts';
import type { Database, Param } from './db.ts';

export interface DigestSubscription {
  telegramUserId: number;
  digest: DigestName;
  enabled: boolean;
  /** Local `HH:mm` in `timeZone`. */
  localTime: string;
  /** The zone `nextRunAt` was computed in. */
  timeZone: string;
  /** The next slot as a UTC instant; undefined while off. */
  nextRunAt: Date | undefined;
}

export type SlotStatus = 'sending' | 'retrying' | 'sent' | 'skipped_empty' | 'failed' | 'missed' | 'cancelled';

export interface DigestSlot {
  id: number;
  telegramUserId: number;
  digest: DigestName;
  localDate: string;
  scheduledAt: Date;
  claimedAt: Date;
  status: SlotStatus;
  attempts: number;
  retryAt: Date | undefined;
  /** Past this instant a slot the portal keeps refusing is given up. */
  giveUpAt: Date | undefined;
  finishedAt: Date | undefined;
  detail: string | undefined;
  /** Messages of this digest already handed to Telegram. */
  handedOver: number;
  /** The messages still to send once some were handed over, as the sender stored them (JSON). */
  rest: string | undefined;
}

export type ClaimResult =
  | { outcome: 'claimed'; slot: DigestSlot }
  /** Someone else (another tick, another process) moved the subscription on first. */
  | { outcome: 'stale' }
  /** The slot of that local date already has a row. */
  | { outcome: 'taken' };

export interface ClaimInput {
  telegramUserId: number;
  digest: DigestName;
  /** The `nextRunAt` this caller read: the claim only goes through if it is still the stored one. */
  previousRunAt: Date;
  nextRunAt: Date;
  localDate: string;
  scheduledAt: Date;
  /** 'sending' claims the slot to send it now; 'missed' records a slot too late to send. */
  status: 'sending' | 'missed';
  giveUpAt?: Date;
  now: Date;
  /** Who sends it, and until when that instance holds it unless it renews. */
  lease: Lease;
}

export interface Lease {
  owner: string;
  until: Date;
}

export interface DigestRepository {
  /** The stored subscriptions of one director (a digest without a row is off at its default time). */
  subscriptions(telegramUserId: number): Promise<DigestSubscription[]>;
  /** Stores the given subscriptions together. */
  save(subscriptions: DigestSubscription[], now: Date): Promise<void>;
  /** Switched-on subscriptions whose next run is at or before `now`. */
  due(now: Date): Promise<DigestSubscription[]>;
  /** Directors with at least one digest switched on. */
  subscribers(): Promise<number[]>;
  /**
   * Suspends the subscriptions of everyone not in `allowed` and lifts the suspension of those in it; the
   * subscriptions themselves are kept. Returns how many directors were suspended.
   */
  suspendAllBut(allowed: readonly number[], now: Date): Promise<number>;
  /** Moves the subscription to its next run and inserts the slot row, in one transaction. */
  claim(input: ClaimInput): Promise<ClaimResult>;
  /** Slots waiting for another try whose time has come. */
  dueRetries(now: Date): Promise<DigestSlot[]>;
  /** Takes one retry for this caller: only one caller ever gets true for a given wait. */
  takeRetry(slotId: number, now: Date, lease: Lease): Promise<boolean>;
  /** Keeps the slots `lease.owner` is sending its own while it works. */
  renewLeases(lease: Lease): Promise<void>;
  /**
   * Slots whose sender's lease ran out before they were finished: that instance died. They become this caller's,
   * each counted as a new attempt; only one caller gets each.
   */
  takeOver(now: Date, lease: Lease): Promise<DigestSlot[]>;
  /**
   * Counts the slot's messages handed to Telegram as `handedOver`, keeping `rest` (those still to send), just
   * before the next one leaves. False when the slot is no longer `owner`'s to send: another instance took it over.
   */
  handOver(slotId: number, owner: string, handedOver: number, rest: string): Promise<boolean>;
  retryLater(slotId: number, retryAt: Date, detail: string): Promise<void>;
  finish(
    slotId: number,
    status: 'sent' | 'skipped_empty' | 'failed' | 'cancelled',
    detail: string,
    now: Date,
  ): Promise<void>;
  /**
   * Records as failed the slots a dead sender left unfinished that are too late to take over (past their give-up
   * time), and unleased ones begun before `startedBefore`. Returns how many.
   */
  abandon(startedBefore: Date, now: Date): Promise<number>;
  /** Every slot of a director, oldest first: the digest log. */
  slots(telegramUserId: number): Promise<DigestSlot[]>;
}

interface SubscriptionRow {
  telegram_user_id: number;
  digest: string;
  enabled: number;
  local_time: string;
  time_zone: string;
  next_run_at: number | null;
}

interface SlotRow {
  id: number;
  telegram_user_id: number;
  digest: string;
  local_date: string;
  scheduled_at: number;
  claimed_at: number;
  status: string;
  attempts: number;
  retry_at: number | null;
  give_up_at: number | null;
  finished_at: number | null;
  detail: string | null;
  handed_over: number;
  rest: string | null;
}

const dateOrUndefined = (ms: number | null) => (ms === null ? undefined : new Date(ms));

const toSubscription = (row: SubscriptionRow): DigestSubscription => ({
  telegramUserId: row.telegram_user_id,
  // Only the digest module writes these rows, with DigestName values.
  digest: row.digest as DigestName,
  enabled: row.enabled === 1,
  localTime: row.local_time,
  timeZone: row.time_zone,
  nextRunAt: dateOrUndefined(row.next_run_at),
});

const toSlot = (row: SlotRow): DigestSlot => ({
  id: row.id,
  telegramUserId: row.telegram_user_id,
  digest: row.digest as DigestName,
  localDate: row.local_date,
  scheduledAt: new Date(row.scheduled_at),
  claimedAt: new Date(row.claimed_at),
  // The table's CHECK admits only SlotStatus values.
  status: row.status as SlotStatus,
  attempts: row.attempts,
  retryAt: dateOrUndefined(row.retry_at),
  giveUpAt: dateOrUndefined(row.give_up_at),
  finishedAt: dateOrUndefined(row.finished_at),
  detail: row.detail ?? undefined,
  handedOver: row.handed_over,
  rest: row.rest ?? undefined,
});

const subscriptionColumns = 'telegram_user_id, digest, enabled, local_time, time_zone, next_run_at';
const slotColumns =
  'id, telegram_user_id, digest, local_date, scheduled_at, claimed_at, status, attempts, retry_at, give_up_at, finished_at, detail, handed_over, rest';

type SlotsWhere = (where: string, params: Param[]) => Promise<DigestSlot[]>;

/** Who gets which digest when: the subscriptions, and their suspension while a director is not allowed. */
function subscriptionStore(
  db: Database,
): Pick<DigestRepository, 'subscriptions' | 'save' | 'due' | 'subscribers' | 'suspendAllBut'> {
  return {
    async subscriptions(telegramUserId) {
      const rows = await db.all<SubscriptionRow>(
        `SELECT ${subscriptionColumns} FROM digest_subscriptions WHERE telegram_user_id = ?`,
        [telegramUserId],
      );
      return rows.map(toSubscription);
    },
    save: (subscriptions, now) =>
      db.transaction(async (tx) => {
        for (const subscription of subscriptions) {
          await tx.run(
            `INSERT INTO digest_subscriptions (${subscriptionColumns}, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (telegram_user_id, digest) DO UPDATE SET
               enabled = excluded.enabled, local_time = excluded.local_time, time_zone = excluded.time_zone,
               next_run_at = excluded.next_run_at, updated_at = excluded.updated_at`,
            [
              subscription.telegramUserId,
              subscription.digest,
              subscription.enabled ? 1 : 0,
              subscription.localTime,
              subscription.timeZone,
              subscription.enabled ? (subscription.nextRunAt?.getTime() ?? null) : null,
              now.getTime(),
            ],
          );
        }
      }),
    async due(now) {
      const rows = await db.all<SubscriptionRow>(
        `SELECT ${subscriptionColumns} FROM digest_subscriptions
         WHERE enabled = 1 AND suspended = 0 AND next_run_at <= ? ORDER BY next_run_at, telegram_user_id`,
        [now.getTime()],
      );
      return rows.map(toSubscription);
    },
    async subscribers() {
      const rows = await db.all<{ telegram_user_id: number }>(
        `SELECT DISTINCT telegram_user_id FROM digest_subscriptions WHERE enabled = 1 AND suspended = 0
         ORDER BY telegram_user_id`,
      );
      return rows.map((row) => row.telegram_user_id);
    },
    suspendAllBut: (allowed, now) =>
      db.transaction(async (tx) => {
        // An empty list allows nobody: `IN ()` is not valid SQL everywhere, so it becomes a condition never true.
        const allowedNow = allowed.length ? `telegram_user_id IN (${allowed.map(() => '?').join(', ')})` : '1 = 0';
        await tx.run(
          `UPDATE digest_subscriptions SET suspended = 0, updated_at = ? WHERE suspended = 1 AND ${allowedNow}`,
          [now.getTime(), ...allowed],
        );
        const suspended = await tx.all<{ telegram_user_id: number }>(
          `UPDATE digest_subscriptions SET suspended = 1, updated_at = ? WHERE suspended = 0 AND NOT (${allowedNow})
           RETURNING telegram_user_id`,
          [now.getTime(), ...allowed],
        );
        return new Set(suspended.map((row) => row.telegram_user_id)).size;
      }),
  };
}

/** Moves the subscription on and inserts the slot row together: only one caller ever claims a slot. */
const claimSlot = (db: Database, input: ClaimInput) =>
  db.transaction(async (tx): Promise<ClaimResult> => {
    const moved = await tx.run(
      `UPDATE digest_subscriptions SET next_run_at = ?, updated_at = ?
       WHERE telegram_user_id = ? AND digest = ? AND enabled = 1 AND suspended = 0 AND next_run_at = ?`,
      [
        input.nextRunAt.getTime(),
        input.now.getTime(),
        input.telegramUserId,
        input.digest,
        input.previousRunAt.getTime(),
      ],
    );
    if (moved === 0) return { outcome: 'stale' };
    const sending = input.status === 'sending';
    const inserted = await tx.get<SlotRow>(
      `INSERT INTO digest_slots
         (telegram_user_id, digest, local_date, scheduled_at, claimed_at, status, attempts, attempt_at, give_up_at,
          finished_at, owner, lease_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (telegram_user_id, digest, local_date) DO NOTHING
       RETURNING ${slotColumns}`,
      [
        input.telegramUserId,
        input.digest,
        input.localDate,
        input.scheduledAt.getTime(),
        input.now.getTime(),
        input.status,
        sending ? 1 : 0,
        sending ? input.now.getTime() : null,
        input.giveUpAt?.getTime() ?? null,
        input.status === 'missed' ? input.now.getTime() : null,
        sending ? input.lease.owner : null,
        sending ? input.lease.until.getTime() : null,
      ],
    );
    return inserted ? { outcome: 'claimed', slot: toSlot(inserted) } : { outcome: 'taken' };
  });

/** Which instance sends a slot: retries taken, leases renewed and taken over, each message handed over. */
function slotHolds(
  db: Database,
  slotsWhere: SlotsWhere,
): Pick<DigestRepository, 'dueRetries' | 'takeRetry' | 'renewLeases' | 'takeOver' | 'handOver'> {
  return {
    dueRetries: (now) => slotsWhere(`status = 'retrying' AND retry_at <= ? ORDER BY retry_at, id`, [now.getTime()]),
    async takeRetry(slotId, now, lease) {
      const changed = await db.run(
        `UPDATE digest_slots SET status = 'sending', attempts = attempts + 1, attempt_at = ?, retry_at = NULL,
           owner = ?, lease_until = ?
         WHERE id = ? AND status = 'retrying' AND retry_at <= ?`,
        [now.getTime(), lease.owner, lease.until.getTime(), slotId, now.getTime()],
      );
      return changed === 1;
    },
    async renewLeases(lease) {
      await db.run(`UPDATE digest_slots SET lease_until = ? WHERE owner = ? AND status = 'sending'`, [
        lease.until.getTime(),
        lease.owner,
      ]);
    },
    async takeOver(now, lease) {
      // The lease is checked again on the row itself, so of two instances taking over at once only one gets it.
      const rows = await db.all<SlotRow>(
        `UPDATE digest_slots SET owner = ?, lease_until = ?, attempts = attempts + 1, attempt_at = ?
         WHERE status = 'sending' AND lease_until <= ?
         RETURNING ${slotColumns}`,
        [lease.owner, lease.until.getTime(), now.getTime(), now.getTime()],
      );
      return rows.map(toSlot);
    },
    async handOver(slotId, owner, handedOver, rest) {
      const changed = await db.run(
        `UPDATE digest_slots SET handed_over = ?, rest = ? WHERE id = ? AND owner = ? AND status = 'sending'`,
        [handedOver, rest, slotId, owner],
      );
      return changed === 1;
    },
  };
}

/** How slots end, and the digest log of a director. */
function slotOutcomes(
  db: Database,
  slotsWhere: SlotsWhere,
): Pick<DigestRepository, 'retryLater' | 'finish' | 'abandon' | 'slots'> {
  return {
    async retryLater(slotId, retryAt, detail) {
      await db.run(`UPDATE digest_slots SET status = 'retrying', retry_at = ?, detail = ? WHERE id = ?`, [
        retryAt.getTime(),
        detail,
        slotId,
      ]);
    },
    async finish(slotId, status, detail, now) {
      await db.run('UPDATE digest_slots SET status = ?, detail = ?, finished_at = ?, rest = NULL WHERE id = ?', [
        status,
        detail,
        now.getTime(),
        slotId,
      ]);
    },
    abandon: (startedBefore, now) =>
      db.run(
        `UPDATE digest_slots SET status = 'failed', detail = 'interrupted while sending; not sent again', finished_at = ?, rest = NULL
         WHERE status = 'sending' AND ((lease_until IS NULL AND attempt_at < ?) OR (lease_until <= ? AND give_up_at <= ?))`,
        [now.getTime(), startedBefore.getTime(), now.getTime(), now.getTime()],
      ),
    slots: (telegramUserId) => slotsWhere('telegram_user_id = ? ORDER BY scheduled_at, id', [telegramUserId]),
  };
}

export function createDigestRepository(db: Database): DigestRepository {
  const slotsWhere: SlotsWhere = async (where, params) =>
    (await db.all<SlotRow>(`SELECT ${slotColumns} FROM digest_slots WHERE ${where}`, params)).map(toSlot);
  return {
    ...subscriptionStore(db),
    claim: (input) => claimSlot(db, input),
    ...slotHolds(db, slotsWhere),
    ...slotOutcomes(db, slotsWhere),
  };
}
