-- What the alerts last saw of each deal, per portal: its stage (and the stage's place in its pipeline) and its
-- close date with how many times it moved. A deal sliding back, or a close date moved again, is told only by
-- comparing with this; a deal seen for the first time is only kept.
CREATE TABLE alert_deals (
  portal      TEXT    NOT NULL,
  deal_id     INTEGER NOT NULL,
  stage_id    TEXT    NOT NULL,
  stage_sort  INTEGER NOT NULL,
  close_date  TEXT    NOT NULL,
  close_moves INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (portal, deal_id)
) STRICT;
