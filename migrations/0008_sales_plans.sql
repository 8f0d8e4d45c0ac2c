-- Sales plans the directors set in words (the portal's own plan page cannot be read from outside). One plan per
-- company, period and manager: setting it again replaces the sum and records who changed it and when.
-- `company` is the portal's address (never its secret); `manager_id` 0 is the whole company; the period is its
-- kind and its first local day. Money is a REAL: a plan is a target, never added to another currency.
CREATE TABLE sales_plans (
  company      TEXT    NOT NULL,
  period_kind  TEXT    NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year')),
  period_start TEXT    NOT NULL,
  manager_id   INTEGER NOT NULL DEFAULT 0,
  amount       REAL    NOT NULL CHECK (amount > 0),
  currency     TEXT    NOT NULL,
  set_by       INTEGER NOT NULL,
  set_at       INTEGER NOT NULL,
  PRIMARY KEY (company, period_kind, period_start, manager_id)
) STRICT;
