-- Core state of the assistant. Times are INTEGER epoch milliseconds (UTC) throughout.

CREATE TABLE directors (
  telegram_user_id INTEGER PRIMARY KEY,
  chat_id          INTEGER NOT NULL,
  portal_user_id   INTEGER NOT NULL,
  time_zone        TEXT    NOT NULL,
  language         TEXT    NOT NULL CHECK (language IN ('ru', 'en')),
  introduced       INTEGER NOT NULL DEFAULT 0 CHECK (introduced IN (0, 1)),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;

-- The webhook address is sealed with AES-256-GCM, bound to its row (`portal_connections:<id>`).
CREATE TABLE portal_connections (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  label          TEXT    NOT NULL UNIQUE,
  webhook_sealed TEXT    NOT NULL,
  created_at     INTEGER NOT NULL
) STRICT;

-- Every write waits here for the director's tap; a tap claims it with one conditional UPDATE.
CREATE TABLE proposals (
  id               TEXT    PRIMARY KEY,
  telegram_user_id INTEGER NOT NULL,
  write_json       TEXT    NOT NULL,
  status           TEXT    NOT NULL DEFAULT 'pending'
                   CHECK (status IN ('pending', 'executing', 'done', 'failed', 'cancelled')),
  created_at       INTEGER NOT NULL,
  expires_at       INTEGER NOT NULL,
  finished_at      INTEGER,
  result_text      TEXT
) STRICT;
CREATE INDEX proposals_by_expiry ON proposals (expires_at);

CREATE TABLE memory (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  telegram_user_id INTEGER NOT NULL,
  role             TEXT    NOT NULL CHECK (role IN ('director', 'assistant')),
  text             TEXT    NOT NULL,
  at               INTEGER NOT NULL
) STRICT;
CREATE INDEX memory_by_director ON memory (telegram_user_id, id);

-- What the last answer was about (e.g. the previous intent), so a follow-up can build on it.
CREATE TABLE memory_context (
  telegram_user_id INTEGER PRIMARY KEY,
  value_json       TEXT    NOT NULL,
  updated_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE cache (
  key        TEXT    PRIMARY KEY,
  value_json TEXT    NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX cache_by_expiry ON cache (expires_at);
