-- Scheduled digests. Times are INTEGER epoch milliseconds (UTC); local times and dates are the director's.

-- One row per digest a director has touched; a digest with no row is off at its default time.
-- `next_run_at` is the next slot as a UTC instant, computed in `time_zone`; it is recomputed at once when the
-- time, the switch or the director's zone changes, so the dispatcher only compares it with the clock.
CREATE TABLE digest_subscriptions (
  telegram_user_id INTEGER NOT NULL REFERENCES directors (telegram_user_id) ON DELETE CASCADE,
  digest           TEXT    NOT NULL,
  enabled          INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  local_time       TEXT    NOT NULL,
  time_zone        TEXT    NOT NULL,
  next_run_at      INTEGER,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (telegram_user_id, digest)
) STRICT;
CREATE INDEX digest_subscriptions_due ON digest_subscriptions (next_run_at) WHERE enabled = 1;

-- One row per slot (director, digest, local date), inserted BEFORE anything is sent: the UNIQUE key is what
-- keeps a restart, a double tick or a second process from sending a slot twice. It also records the outcome.
CREATE TABLE digest_slots (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  telegram_user_id INTEGER NOT NULL REFERENCES directors (telegram_user_id) ON DELETE CASCADE,
  digest           TEXT    NOT NULL,
  local_date       TEXT    NOT NULL,
  scheduled_at     INTEGER NOT NULL,
  claimed_at       INTEGER NOT NULL,
  status           TEXT    NOT NULL
                   CHECK (status IN ('sending', 'retrying', 'sent', 'skipped_empty', 'failed', 'missed', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  -- When the current attempt began: an attempt left 'sending' long after it is one a crash cut short.
  attempt_at       INTEGER,
  retry_at         INTEGER,
  give_up_at       INTEGER,
  finished_at      INTEGER,
  detail           TEXT,
  UNIQUE (telegram_user_id, digest, local_date)
) STRICT;
CREATE INDEX digest_slots_retrying ON digest_slots (retry_at) WHERE status = 'retrying';
CREATE INDEX digest_slots_sending ON digest_slots (attempt_at) WHERE status = 'sending';
