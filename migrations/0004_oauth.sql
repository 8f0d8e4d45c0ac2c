-- Directors connected with their own rights through the Bitrix24 application (OAuth 2.0): one connection per
-- Telegram user, the portal known by its member_id. The token pair is sealed (AES-256-GCM), bound to its row and
-- generation; a refresh stores the new pair only if the generation it started from is still the stored one.
CREATE TABLE oauth_connections (
  telegram_user_id  INTEGER PRIMARY KEY,
  member_id         TEXT    NOT NULL,
  domain            TEXT    NOT NULL,
  client_endpoint   TEXT    NOT NULL,
  portal_user_id    INTEGER NOT NULL,
  user_name         TEXT    NOT NULL,
  -- NULL once the connection has ended (a refused refresh): the director is asked to connect again.
  tokens_sealed     TEXT,
  access_expires_at INTEGER NOT NULL,
  generation        INTEGER NOT NULL,
  ended_at          INTEGER,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
) STRICT;
CREATE INDEX oauth_connections_by_portal ON oauth_connections (member_id);

-- A /connect link waiting for the browser to come back: single use, bound to its Telegram user, short-lived.
-- Only a hash of the state is kept, so the table alone cannot forge a redirect.
CREATE TABLE oauth_states (
  state_hash       TEXT    PRIMARY KEY,
  telegram_user_id INTEGER NOT NULL,
  chat_id          INTEGER NOT NULL,
  portal           TEXT    NOT NULL,
  language         TEXT    NOT NULL CHECK (language IN ('ru', 'en')),
  expires_at       INTEGER NOT NULL,
  used_at          INTEGER
) STRICT;
CREATE INDEX oauth_states_by_expiry ON oauth_states (expires_at);
