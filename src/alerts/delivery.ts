// Alerts on their way to each director, within a budget they will not mute: the first goes out at once, and those
// that follow within a few minutes are added to that same message (an edit, no new notification); quiet hours
// and the daily cap hold them for the next digest. Each director's alerts are sent by one instance at a time, and
// an alert is marked sent just before its message leaves, so an instance that dies leaves nothing sent twice.
import { DateTime } from 'luxon';
import type { AlertRow } from '../storage/alerts.ts';
import type { Reply } from '../views/reply.ts';
import type { AlertKind } from '../vocabulary/alert-kinds.ts';
import type { ShownAlert } from './alerts-view.ts';
import type { AlertFacts } from './decisions.ts';
import type { AlertRound } from './round.ts';
import type { AlertSettings } from './settings.ts';

/** Alerts within this long of a message's first one join that message. */
export const BUNDLE_MS = 5 * 60_000;
const LEASE_MS = 30_000;

/** Where and how a director reads alerts now; undefined when they may not receive any (no longer allowed). */
export interface Reader {
  chatId: number;
  zone: string;
  render(alerts: readonly ShownAlert[]): Promise<Reply>;
}

export interface AlertOutlet {
  send(chatId: number, reply: Reply): Promise<number | undefined>;
  edit(chatId: number, messageId: number, reply: Reply): Promise<void>;
}

const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Quiet hours in the director's zone (a span may pass midnight), and weekends when asked. */
export function isQuiet(settings: AlertSettings, zone: string, now: Date): boolean {
  const local = DateTime.fromJSDate(now, { zone });
  if (settings.quietWeekends && local.weekday >= 6) return true;
  const minute = local.hour * 60 + local.minute;
  const from = minutesOf(settings.quietFrom);
  const to = minutesOf(settings.quietTo);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

export const shownOf = (row: AlertRow): ShownAlert => ({
  kind: row.kind as AlertKind,
  object: row.object,
  facts: JSON.parse(row.facts) as AlertFacts,
});

export function createAlertDelivery(
  deps: AlertRound & {
    readerOf: (telegramUserId: number) => Promise<Reader | undefined>;
    outlet: AlertOutlet;
  },
) {
  const { alerts, now, owner } = deps;

  const deliver = async (telegramUserId: number) => {
    const at = now();
    const taken = await alerts.take(telegramUserId, owner, new Date(at.getTime() + LEASE_MS), at);
    if (taken.length === 0) return;
    const ids = taken.map((row) => row.id);
    const reader = await deps.readerOf(telegramUserId);
    const settings = await deps.settingsOf(telegramUserId);
    // Not allowed now, or switched off since: kept back, and only a digest (which checks again) may show them.
    if (!reader || !settings.enabled || isQuiet(settings, reader.zone, at)) {
      await alerts.settle(ids, owner, 'held');
      return;
    }
    const open = await alerts.openBundle(telegramUserId, new Date(at.getTime() - BUNDLE_MS));
    if (open?.messageId !== undefined) {
      if (!(await alerts.settle(ids, owner, 'sent', open.id))) return;
      const all = await alerts.inBundle(open.id);
      await deps.outlet.edit(reader.chatId, open.messageId, await reader.render(all.map(shownOf)));
      return;
    }
    const localDate = DateTime.fromJSDate(at, { zone: reader.zone }).toISODate() ?? '';
    if ((await alerts.bundlesOn(telegramUserId, localDate)) >= settings.dailyCap) {
      await alerts.settle(ids, owner, 'held');
      return;
    }
    const reply = await reader.render(taken.map(shownOf));
    const bundleId = await alerts.openNewBundle(telegramUserId, localDate, at);
    // Marked sent just before it leaves: a crash now loses at most this one message, never sends it twice.
    if (!(await alerts.settle(ids, owner, 'sent', bundleId))) return;
    const messageId = await deps.outlet.send(reader.chatId, reply);
    if (messageId !== undefined) await alerts.bundleSent(bundleId, messageId);
  };

  return {
    /** Sends what waits, to each director in turn (one instance per director at a time). */
    async round(): Promise<void> {
      for (const telegramUserId of await alerts.recipients(now())) {
        const lease = `alerts-to:${telegramUserId}`;
        if (!(await deps.leases.acquire(lease, owner, new Date(now().getTime() + LEASE_MS), now()))) continue;
        try {
          await deliver(telegramUserId);
        } catch (error) {
          deps.logger.warn('could not send alerts', { telegramUserId, error });
        } finally {
          await deps.leases.release(lease, owner);
        }
      }
    },
  };
}
