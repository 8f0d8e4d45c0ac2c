-- A digest of several messages leaves one message at a time. Just before each message is handed to Telegram, the
-- slot counts it and keeps the messages still to send: an instance taking over the slot of one that died sends
-- only those, and never a message already handed over (a crash after the hand-over almost always means Telegram
-- has it; resending would give the director a second copy).
ALTER TABLE digest_slots ADD COLUMN handed_over INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digest_slots ADD COLUMN rest TEXT;
