-- Two or more instances on one database. Times are INTEGER epoch milliseconds (UTC).

-- A slot being sent is leased by the instance sending it, which renews the lease while it works. A lease that
-- runs out means that instance died: another takes the slot over. A finished slot is never sent again.
ALTER TABLE digest_slots ADD COLUMN owner TEXT;
ALTER TABLE digest_slots ADD COLUMN lease_until INTEGER;
CREATE INDEX digest_slots_leased ON digest_slots (lease_until) WHERE status = 'sending';

-- Telegram re-sends an update it thinks was lost, maybe to another instance behind the load balancer: the first
-- instance to insert its id handles it. Old ids are pruned.
CREATE TABLE seen_updates (
  update_id INTEGER PRIMARY KEY,
  seen_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX seen_updates_by_age ON seen_updates (seen_at);

-- The portal's request limit as one leaky bucket per portal for all instances together: `level` requests are in
-- the bucket as of `updated_at`; it drains at the portal's rate.
CREATE TABLE portal_rates (
  key        TEXT    PRIMARY KEY,
  level      REAL    NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- A named job that only one instance may do at a time (e.g. renewing one connection's tokens), until `until`.
CREATE TABLE leases (
  name  TEXT    PRIMARY KEY,
  owner TEXT    NOT NULL,
  until INTEGER NOT NULL
) STRICT;
