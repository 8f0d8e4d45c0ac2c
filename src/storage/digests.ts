// Digest subscriptions (on/off, local time, next run) and claimed slots with their outcomes.
import type { DigestName } from '../scenarios/requests.ts';
import type { Database } from './db.ts';

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
}

export interface DigestRepository {
  /** The stored subscriptions of one director (a digest without a row is off at its default time). */
  subscriptions(telegramUserId: number): DigestSubscription[];
  /** Stores the given subscriptions together. */
  save(subscriptions: DigestSubscription[], now: Date): void;
  /** Switched-on subscriptions whose next run is at or before `now`. */
  due(now: Date): DigestSubscription[];
  /** Directors with at least one digest switched on. */
  subscribers(): number[];
  /**
   * Suspends the subscriptions of everyone not in `allowed` and lifts the suspension of those in it; the
   * subscriptions themselves are kept. Returns how many directors were suspended.
   */
  suspendAllBut(allowed: readonly number[], now: Date): number;
  /** Moves the subscription to its next run and inserts the slot row, in one transaction. */
  claim(input: ClaimInput): ClaimResult;
  /** Slots waiting for another try whose time has come. */
  dueRetries(now: Date): DigestSlot[];
  /** Takes one retry for this caller: only one caller ever gets true for a given wait. */
  takeRetry(slotId: number, now: Date): boolean;
  retryLater(slotId: number, retryAt: Date, detail: string): void;
  finish(slotId: number, status: 'sent' | 'skipped_empty' | 'failed' | 'cancelled', detail: string, now: Date): void;
  /**
   * Records attempts begun before `startedBefore` and still unfinished as failed: a crash cut them short, and
   * resending could send twice. Returns how many.
   */
  abandon(startedBefore: Date, now: Date): number;
  /** Every slot of a director, oldest first: the digest log. */
  slots(telegramUserId: number): DigestSlot[];
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
});

export function createDigestRepository(db: Database): DigestRepository {
  const subscriptionColumns = 'telegram_user_id, digest, enabled, local_time, time_zone, next_run_at';
  const slotColumns =
    'id, telegram_user_id, digest, local_date, scheduled_at, claimed_at, status, attempts, retry_at, give_up_at, finished_at, detail';
  const selectSubscriptions = db.prepare<[number], SubscriptionRow>(
    `SELECT ${subscriptionColumns} FROM digest_subscriptions WHERE telegram_user_id = ?`,
  );
  const upsertSubscription = db.prepare(
    `INSERT INTO digest_subscriptions (${subscriptionColumns}, updated_at)
     VALUES (@telegramUserId, @digest, @enabled, @localTime, @timeZone, @nextRunAt, @at)
     ON CONFLICT (telegram_user_id, digest) DO UPDATE SET
       enabled = excluded.enabled, local_time = excluded.local_time, time_zone = excluded.time_zone,
       next_run_at = excluded.next_run_at, updated_at = excluded.updated_at`,
  );
  const selectDue = db.prepare<[number], SubscriptionRow>(
    `SELECT ${subscriptionColumns} FROM digest_subscriptions
     WHERE enabled = 1 AND suspended = 0 AND next_run_at <= ? ORDER BY next_run_at, telegram_user_id`,
  );
  const selectSubscribers = db.prepare<[], { telegram_user_id: number }>(
    `SELECT DISTINCT telegram_user_id FROM digest_subscriptions WHERE enabled = 1 AND suspended = 0
     ORDER BY telegram_user_id`,
  );
  const allowedNow = 'telegram_user_id IN (SELECT value FROM json_each(@allowed))';
  const suspend = db.prepare(
    `UPDATE digest_subscriptions SET suspended = 1, updated_at = @now WHERE suspended = 0 AND NOT ${allowedNow}
     RETURNING telegram_user_id`,
  );
  const restore = db.prepare(
    `UPDATE digest_subscriptions SET suspended = 0, updated_at = @now WHERE suspended = 1 AND ${allowedNow}`,
  );
  const advance = db.prepare(
    `UPDATE digest_subscriptions SET next_run_at = @nextRunAt, updated_at = @now
     WHERE telegram_user_id = @telegramUserId AND digest = @digest AND enabled = 1 AND suspended = 0
       AND next_run_at = @previousRunAt`,
  );
  const insertSlot = db.prepare(
    `INSERT INTO digest_slots
       (telegram_user_id, digest, local_date, scheduled_at, claimed_at, status, attempts, attempt_at, give_up_at, finished_at)
     VALUES (@telegramUserId, @digest, @localDate, @scheduledAt, @now, @status, @attempts, @attemptAt, @giveUpAt, @finishedAt)
     ON CONFLICT (telegram_user_id, digest, local_date) DO NOTHING`,
  );
  const selectSlot = db.prepare<[number], SlotRow>(`SELECT ${slotColumns} FROM digest_slots WHERE id = ?`);
  const selectRetries = db.prepare<[number], SlotRow>(
    `SELECT ${slotColumns} FROM digest_slots WHERE status = 'retrying' AND retry_at <= ? ORDER BY retry_at, id`,
  );
  const takeRetry = db.prepare(
    `UPDATE digest_slots SET status = 'sending', attempts = attempts + 1, attempt_at = @now, retry_at = NULL
     WHERE id = @slotId AND status = 'retrying' AND retry_at <= @now`,
  );
  const abandon = db.prepare(
    `UPDATE digest_slots SET status = 'failed', detail = 'interrupted while sending; not sent again', finished_at = ?
     WHERE status = 'sending' AND attempt_at < ?`,
  );
  const retryLater = db.prepare(`UPDATE digest_slots SET status = 'retrying', retry_at = ?, detail = ? WHERE id = ?`);
  const finish = db.prepare('UPDATE digest_slots SET status = ?, detail = ?, finished_at = ? WHERE id = ?');
  const selectSlots = db.prepare<[number], SlotRow>(
    `SELECT ${slotColumns} FROM digest_slots WHERE telegram_user_id = ? ORDER BY scheduled_at, id`,
  );

  const saveAll = db.transaction((subscriptions: DigestSubscription[], at: number) => {
    for (const subscription of subscriptions) {
      upsertSubscription.run({
        telegramUserId: subscription.telegramUserId,
        digest: subscription.digest,
        enabled: subscription.enabled ? 1 : 0,
        localTime: subscription.localTime,
        timeZone: subscription.timeZone,
        nextRunAt: subscription.enabled ? (subscription.nextRunAt?.getTime() ?? null) : null,
        at,
      });
    }
  });

  const suspendAllBut = db.transaction((allowed: readonly number[], now: number) => {
    const bound = { allowed: JSON.stringify(allowed), now };
    restore.run(bound);
    return new Set((suspend.all(bound) as { telegram_user_id: number }[]).map((row) => row.telegram_user_id)).size;
  });

  const claim = db.transaction((input: ClaimInput): ClaimResult => {
    const moved = advance.run({
      telegramUserId: input.telegramUserId,
      digest: input.digest,
      previousRunAt: input.previousRunAt.getTime(),
      nextRunAt: input.nextRunAt.getTime(),
      now: input.now.getTime(),
    });
    if (moved.changes === 0) return { outcome: 'stale' };
    const inserted = insertSlot.run({
      telegramUserId: input.telegramUserId,
      digest: input.digest,
      localDate: input.localDate,
      scheduledAt: input.scheduledAt.getTime(),
      now: input.now.getTime(),
      status: input.status,
      attempts: input.status === 'sending' ? 1 : 0,
      attemptAt: input.status === 'sending' ? input.now.getTime() : null,
      giveUpAt: input.giveUpAt?.getTime() ?? null,
      finishedAt: input.status === 'missed' ? input.now.getTime() : null,
    });
    if (inserted.changes === 0) return { outcome: 'taken' };
    return { outcome: 'claimed', slot: toSlot(selectSlot.get(Number(inserted.lastInsertRowid))!) };
  });

  return {
    subscriptions: (telegramUserId) => selectSubscriptions.all(telegramUserId).map(toSubscription),
    save: (subscriptions, now) => saveAll(subscriptions, now.getTime()),
    due: (now) => selectDue.all(now.getTime()).map(toSubscription),
    subscribers: () => selectSubscribers.all().map((row) => row.telegram_user_id),
    suspendAllBut: (allowed, now) => suspendAllBut.immediate(allowed, now.getTime()),
    // IMMEDIATE: two processes ticking at once serialize on the write lock instead of failing on upgrade.
    claim: (input) => claim.immediate(input),
    dueRetries: (now) => selectRetries.all(now.getTime()).map(toSlot),
    takeRetry: (slotId, now) => takeRetry.run({ slotId, now: now.getTime() }).changes === 1,
    retryLater: (slotId, retryAt, detail) => {
      retryLater.run(retryAt.getTime(), detail, slotId);
    },
    finish: (slotId, status, detail, now) => {
      finish.run(status, detail, now.getTime(), slotId);
    },
    abandon: (startedBefore, now) => abandon.run(now.getTime(), startedBefore.getTime()).changes,
    slots: (telegramUserId) => selectSlots.all(telegramUserId).map(toSlot),
  };
}
