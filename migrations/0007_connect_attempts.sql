-- Connecting a director's own portal, step by step, so that the person who approves is the person served and any
-- instance can take the next step. A /connect link opens the bot's page (`ticket`); the page proves the Telegram
-- user with Telegram's signed data and gets a one-time address (`handover`) that opens the browser; that browser
-- gets a cookie (its hash is `browser_hash`) and goes to the portal with the `state`; the approval comes back to
-- the same browser and waits, sealed, for the director's confirmation there (`confirm_hash`). Each step is one conditional UPDATE of `step`, so each is taken once. Only hashes of the
-- secrets are kept.
CREATE TABLE connect_attempts (
  id               TEXT    PRIMARY KEY,
  ticket_hash      TEXT    NOT NULL UNIQUE,
  telegram_user_id INTEGER NOT NULL,
  chat_id          INTEGER NOT NULL,
  -- The portal address the director typed, e.g. `https://company.bitrix24.ru`.
  portal           TEXT    NOT NULL,
  language         TEXT    NOT NULL CHECK (language IN ('ru', 'en')),
  step             TEXT    NOT NULL CHECK (step IN ('link', 'proven', 'portal', 'approving', 'confirm', 'done', 'refused')),
  expires_at       INTEGER NOT NULL,
  handover_hash    TEXT    UNIQUE,
  state_hash       TEXT    UNIQUE,
  browser_hash     TEXT,
  -- How Telegram names the person who opened the page (@name), for the confirmation.
  telegram_name    TEXT,
  -- Who approved and the new tokens, sealed (AES-256-GCM) and bound to the row, until the confirmation.
  grant_sealed     TEXT,
  confirm_hash     TEXT    UNIQUE
) STRICT;
CREATE INDEX connect_attempts_by_expiry ON connect_attempts (expires_at);

-- The old one-step links were bound only to the chat that asked for them: none of them is honoured any more.
DROP TABLE oauth_states;

-- «Напишите адрес вашего Битрикс24»: asked by one instance, answered to whichever gets the next message.
CREATE TABLE portal_questions (
  telegram_user_id INTEGER PRIMARY KEY,
  asked_until      INTEGER NOT NULL
) STRICT;
