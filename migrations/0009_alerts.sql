-- Alerts: pushes about single changes on the portal. Times are INTEGER epoch milliseconds (UTC).

-- Where each portal was last looked at, per kind of record (the change date of the newest record seen), so a
-- restart misses nothing; what was seen twice is kept from the director by the claims below.
CREATE TABLE alert_cursors (
  portal     TEXT    NOT NULL,
  source     TEXT    NOT NULL,
  position   TEXT    NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (portal, source)
) STRICT;

-- One row per alert and director, inserted before anything is sent: the UNIQUE key (portal, object, change) is
-- the claim that keeps a second look, a second instance or an event and a poll from alerting twice. A row waits,
-- is taken for sending under a lease (an instance that dies leaves it to another), and ends sent or held (for the
-- next digest: quiet hours or the daily cap).
CREATE TABLE alert_outbox (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  telegram_user_id INTEGER NOT NULL,
  portal           TEXT    NOT NULL,
  object           TEXT    NOT NULL,
  change           TEXT    NOT NULL,
  kind             TEXT    NOT NULL,
  facts            TEXT    NOT NULL,
  created_at       INTEGER NOT NULL,
  status           TEXT    NOT NULL CHECK (status IN ('waiting', 'sending', 'sent', 'held', 'digested')),
  owner            TEXT,
  lease_until      INTEGER,
  bundle_id        INTEGER,
  UNIQUE (telegram_user_id, portal, object, change)
) STRICT;
CREATE INDEX alert_outbox_open ON alert_outbox (telegram_user_id, status);

-- One row per message an alert went out in: later alerts within a few minutes are added to it by editing, so
-- they cost the director no new notification. The daily cap counts these rows.
CREATE TABLE alert_bundles (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  telegram_user_id INTEGER NOT NULL,
  opened_at        INTEGER NOT NULL,
  local_date       TEXT    NOT NULL,
  message_id       INTEGER
) STRICT;
CREATE INDEX alert_bundles_by_user ON alert_bundles (telegram_user_id, opened_at);

-- A director's alert settings (JSON; absent = the defaults).
CREATE TABLE alert_settings (
  telegram_user_id INTEGER PRIMARY KEY,
  settings         TEXT    NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;

-- The token each portal's application gave at install: an online event must carry it.
CREATE TABLE alert_portals (
  member_id         TEXT PRIMARY KEY,
  application_token TEXT NOT NULL,
  created_at        INTEGER NOT NULL
) STRICT;
