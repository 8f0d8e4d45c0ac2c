-- A director removed from ALLOWED_TELEGRAM_IDS gets no digests: their subscriptions are suspended at start-up,
-- kept as they were, and come back when the director is allowed again.
ALTER TABLE digest_subscriptions ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1));
