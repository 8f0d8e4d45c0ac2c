// Alerts in the database: where each portal was last looked at, the claimed alerts on their way to each director,
// the messages they went out in, each director's settings, each portal's application token and what was last seen
// of each deal.
import type { Database } from './db.ts';

export interface AlertRow {
  id: number;
  telegramUserId: number;
  portal: string;
  object: string;
  change: string;
  kind: string;
  /** What the view needs, as JSON. */
  facts: string;
  createdAt: number;
  bundleId: number | undefined;
}

export interface NewAlert {
  telegramUserId: number;
  portal: string;
  /** e.g. `deal:42`: repeats of one object fold into one line. */
  object: string;
  /** What happened to it, e.g. `won`: with the object, the claim that it is told once. */
  change: string;
  kind: string;
  facts: string;
}

export interface Bundle {
  id: number;
  openedAt: number;
  messageId: number | undefined;
}

interface OutboxRow {
  id: number;
  telegram_user_id: number;
  portal: string;
  object: string;
  change: string;
  kind: string;
  facts: string;
  created_at: number;
  bundle_id: number | null;
}

const alertOf = (row: OutboxRow): AlertRow => ({
  id: Number(row.id),
  telegramUserId: Number(row.telegram_user_id),
  portal: row.portal,
  object: row.object,
  change: row.change,
  kind: row.kind,
  facts: row.facts,
  createdAt: Number(row.created_at),
  bundleId: row.bundle_id === null ? undefined : Number(row.bundle_id),
});

const COLUMNS = 'id, telegram_user_id, portal, object, change, kind, facts, created_at, bundle_id';
const marks = (ids: readonly number[]) => ids.map(() => '?').join(', ');

/** Where each portal was last looked at, and the token its application gave at install. */
function cursorsAndTokens(db: Database) {
  return {
    async cursor(portal: string, source: string): Promise<string | undefined> {
      const row = await db.get<{ position: string }>(
        'SELECT position FROM alert_cursors WHERE portal = ? AND source = ?',
        [portal, source],
      );
      return row?.position;
    },
    async saveCursor(portal: string, source: string, position: string, now: Date): Promise<void> {
      await db.run(
        `INSERT INTO alert_cursors (portal, source, position, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (portal, source) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
        [portal, source, position, now.getTime()],
      );
    },
    async applicationToken(memberId: string): Promise<string | undefined> {
      const row = await db.get<{ application_token: string }>(
        'SELECT application_token FROM alert_portals WHERE member_id = ?',
        [memberId],
      );
      return row?.application_token;
    },
    /** The token of the portal's install event; the first one kept is the one every later event must carry. */
    async keepApplicationToken(memberId: string, token: string, now: Date): Promise<void> {
      await db.run(
        `INSERT INTO alert_portals (member_id, application_token, created_at) VALUES (?, ?, ?)
         ON CONFLICT (member_id) DO NOTHING`,
        [memberId, token, now.getTime()],
      );
    },
  };
}

/** The alerts claimed for each director: waiting, taken for sending, then sent, held or digested. */
function outbox(db: Database) {
  return {
    /** Claims each alert for its director; one already claimed (by anyone, ever) is left out. Returns how many. */
    async enqueue(alerts: readonly NewAlert[], now: Date): Promise<number> {
      let claimed = 0;
      for (const alert of alerts) {
        claimed += await db.run(
          `INSERT INTO alert_outbox (telegram_user_id, portal, object, change, kind, facts, created_at, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting')
           ON CONFLICT (telegram_user_id, portal, object, change) DO NOTHING`,
          [alert.telegramUserId, alert.portal, alert.object, alert.change, alert.kind, alert.facts, now.getTime()],
        );
      }
      return claimed;
    },
    /** Directors with alerts to send: waiting ones, or ones whose sender's lease ran out (it died). */
    async recipients(now: Date): Promise<number[]> {
      const rows = await db.all<{ telegram_user_id: number }>(
        `SELECT DISTINCT telegram_user_id FROM alert_outbox
         WHERE status = 'waiting' OR (status = 'sending' AND lease_until < ?)`,
        [now.getTime()],
      );
      return rows.map((row) => Number(row.telegram_user_id));
    },
    /** Takes a director's alerts to send for `owner` until `until`; another caller gets none of them. */
    async take(telegramUserId: number, owner: string, until: Date, now: Date): Promise<AlertRow[]> {
      const rows = await db.all<OutboxRow>(
        `UPDATE alert_outbox SET status = 'sending', owner = ?, lease_until = ?
         WHERE telegram_user_id = ? AND (status = 'waiting' OR (status = 'sending' AND lease_until < ?))
         RETURNING ${COLUMNS}`,
        [owner, until.getTime(), telegramUserId, now.getTime()],
      );
      return rows.map(alertOf).sort((a, b) => a.id - b.id);
    },
    /** Marks taken alerts as going out in `bundleId` (or held for the digest); false if they are no longer ours. */
    async settle(ids: readonly number[], owner: string, status: 'sent' | 'held', bundleId?: number): Promise<boolean> {
      if (ids.length === 0) return true;
      const changed = await db.run(
        `UPDATE alert_outbox SET status = ?, bundle_id = ?, lease_until = NULL
         WHERE id IN (${marks(ids)}) AND owner = ? AND status = 'sending'`,
        [status, bundleId ?? null, ...ids, owner],
      );
      return changed === ids.length;
    },
    /** The director's latest alerts already told or kept for a digest, newest first (the dashboard shows them). */
    async latest(telegramUserId: number, limit: number): Promise<AlertRow[]> {
      const rows = await db.all<OutboxRow>(
        `SELECT ${COLUMNS} FROM alert_outbox WHERE telegram_user_id = ? AND status IN ('sent', 'held', 'digested')
         ORDER BY created_at DESC, id DESC LIMIT ?`,
        [telegramUserId, limit],
      );
      return rows.map(alertOf);
    },
    /** Alerts held for the next digest, taken by it: each goes into one digest only. */
    async takeHeld(telegramUserId: number): Promise<AlertRow[]> {
      const rows = await db.all<OutboxRow>(
        `UPDATE alert_outbox SET status = 'digested' WHERE telegram_user_id = ? AND status = 'held' RETURNING ${COLUMNS}`,
        [telegramUserId],
      );
      return rows.map(alertOf).sort((a, b) => a.id - b.id);
    },
  };
}

/** The messages alerts went out in: later alerts join one by an edit; the daily cap counts them. */
function bundles(db: Database) {
  return {
    async inBundle(bundleId: number): Promise<AlertRow[]> {
      const rows = await db.all<OutboxRow>(`SELECT ${COLUMNS} FROM alert_outbox WHERE bundle_id = ? ORDER BY id`, [
        bundleId,
      ]);
      return rows.map(alertOf);
    },
    /** The director's latest message of alerts opened since `since`, if it reached Telegram. */
    async openBundle(telegramUserId: number, since: Date): Promise<Bundle | undefined> {
      const row = await db.get<{ id: number; opened_at: number; message_id: number | null }>(
        `SELECT id, opened_at, message_id FROM alert_bundles
         WHERE telegram_user_id = ? AND opened_at >= ? AND message_id IS NOT NULL ORDER BY opened_at DESC LIMIT 1`,
        [telegramUserId, since.getTime()],
      );
      return row && { id: Number(row.id), openedAt: Number(row.opened_at), messageId: Number(row.message_id) };
    },
    async bundlesOn(telegramUserId: number, localDate: string): Promise<number> {
      const row = await db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM alert_bundles WHERE telegram_user_id = ? AND local_date = ?',
        [telegramUserId, localDate],
      );
      return Number(row?.n ?? 0);
    },
    async openNewBundle(telegramUserId: number, localDate: string, now: Date): Promise<number> {
      const row = await db.get<{ id: number }>(
        'INSERT INTO alert_bundles (telegram_user_id, opened_at, local_date) VALUES (?, ?, ?) RETURNING id',
        [telegramUserId, now.getTime(), localDate],
      );
      return Number(row?.id);
    },
    async bundleSent(bundleId: number, messageId: number): Promise<void> {
      await db.run('UPDATE alert_bundles SET message_id = ? WHERE id = ?', [messageId, bundleId]);
    },
  };
}

/** Each director's alert settings (JSON; absent: the defaults). */
function settingsStore(db: Database) {
  return {
    async settings(telegramUserId: number): Promise<string | undefined> {
      const row = await db.get<{ settings: string }>('SELECT settings FROM alert_settings WHERE telegram_user_id = ?', [
        telegramUserId,
      ]);
      return row?.settings;
    },
    async saveSettings(telegramUserId: number, settings: string, now: Date): Promise<void> {
      await db.run(
        `INSERT INTO alert_settings (telegram_user_id, settings, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (telegram_user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
        [telegramUserId, settings, now.getTime()],
      );
    },
  };
}

/** What the alerts last saw of a deal: its stage's place in the pipeline and its close date (moved how often). */
export interface DealState {
  dealId: number;
  stageId: string;
  stageSort: number;
  closeDate: string;
  closeMoves: number;
}

function dealStates(db: Database) {
  return {
    /** The earlier states of these deals on the portal, by deal (a deal never seen has none). */
    async earlierDeals(portal: string, dealIds: readonly number[]): Promise<Map<number, DealState>> {
      if (dealIds.length === 0) return new Map();
      const rows = await db.all<{
        deal_id: number;
        stage_id: string;
        stage_sort: number;
        close_date: string;
        close_moves: number;
      }>(
        `SELECT deal_id, stage_id, stage_sort, close_date, close_moves FROM alert_deals
         WHERE portal = ? AND deal_id IN (${marks(dealIds)})`,
        [portal, ...dealIds],
      );
      return new Map(
        rows.map((row) => [
          Number(row.deal_id),
          {
            dealId: Number(row.deal_id),
            stageId: row.stage_id,
            stageSort: Number(row.stage_sort),
            closeDate: row.close_date,
            closeMoves: Number(row.close_moves),
          },
        ]),
      );
    },
    async keepDeals(portal: string, states: readonly DealState[], now: Date): Promise<void> {
      for (const state of states) {
        await db.run(
          `INSERT INTO alert_deals (portal, deal_id, stage_id, stage_sort, close_date, close_moves, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (portal, deal_id) DO UPDATE SET stage_id = excluded.stage_id, stage_sort = excluded.stage_sort,
             close_date = excluded.close_date, close_moves = excluded.close_moves, updated_at = excluded.updated_at`,
          [portal, state.dealId, state.stageId, state.stageSort, state.closeDate, state.closeMoves, now.getTime()],
        );
      }
    },
  };
}

export function createAlertRepository(db: Database) {
  return { ...cursorsAndTokens(db), ...outbox(db), ...bundles(db), ...settingsStore(db), ...dealStates(db) };
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
