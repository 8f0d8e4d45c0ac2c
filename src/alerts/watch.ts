import type { BatchCommand, PortalClient } from '../portal/port.ts';
import { createClaim } from './claims.ts';
import { BOUND_EVENTS, type Cursor, type Hint, hintOfEvent, type Look, lookAt, readAgain } from './records.ts';
import type { AlertRound } from './round.ts';

export type EventsMode = 'poll' | 'offline' | 'online' | 'off';

/** A director served on a portal now: their own client (their rights), portal user and zone. */
export interface Recipient {
  telegramUserId: number;
  portalUserId: number;
  zone: string;
  portal: PortalClient;
}

export interface WatchedPortal {
  /** `webhook`, or the connected portal's member id. */
  key: string;
  mode: EventsMode;
  /** Who looks (the webhook; on a connected portal, one of its directors' connections). */
  reader: PortalClient;
  /** The online handler's address (`<PUBLIC_URL>/bitrix24/events`), for `online`. */
  handler?: string;
  recipients: Recipient[];
}

export const TIMINGS = {
  /** The minute's look: change dates (webhook), new leads and overdue tasks (every way). */
  lookMs: 60_000,
  /** The offline queue of a quiet portal, and of one that just had news. */
  queueQuietMs: 5_000,
  queueBusyMs: 1_000,
  /** How long a portal counts as busy after its queue brought news. */
  busyForMs: 60_000,
  /** Bindings are checked again this often (someone may have removed them on the portal). */
  bindCheckMs: 30 * 60_000,
  leaseMs: 30_000,
};

/** At most this many queued events a look takes; a flood is read over several looks, 50 records a request. */
const QUEUE_LIMIT = 500;

interface QueueReply {
  process_id?: string | null;
  events?: { EVENT_NAME?: string; EVENT_DATA?: unknown }[];
}

interface PortalState {
  /** When the queue last brought news: for a minute after, it is read every second. */
  newsAt: number;
  nextLookAt: number;
  nextQueueAt: number;
  boundAt: number;
  /** The reserved batch of the offline queue, confirmed in the next request once processed. */
  processed?: string;
}

export function createAlertWatch(deps: AlertRound) {
  const { alerts, now, logger } = deps;
  const states = new Map<string, PortalState>();
  const stateOf = (key: string) => {
    let state = states.get(key);
    if (!state) {
      state = { newsAt: Number.NEGATIVE_INFINITY, nextLookAt: 0, nextQueueAt: 0, boundAt: Number.NEGATIVE_INFINITY };
      states.set(key, state);
    }
    return state;
  };

  const claim = createClaim(deps);

  const mine = async (portal: WatchedPortal) =>
    deps.leases.acquire(`alerts:${portal.key}`, deps.owner, new Date(now().getTime() + TIMINGS.leaseMs), now());

  /** The minute's look; a webhook's also brings the changes since the stored cursor. */
  const look = async (portal: WatchedPortal) => {
    if (portal.mode === 'poll') {
      const stored = await alerts.cursor(portal.key, 'changes');
      const cursor: Cursor = stored ? (JSON.parse(stored) as Cursor) : {};
      const seen: Look = await lookAt(portal.reader, {
        cursor,
        directors: portal.recipients.map((recipient) => recipient.portalUserId),
        now: now(),
        zone: portal.recipients[0]?.zone ?? 'UTC',
      });
      // One reader for all: a webhook's directors act with the webhook's rights.
      const claimed = await claim(portal, async () => seen.records);
      await alerts.saveCursor(portal.key, 'changes', JSON.stringify(seen.cursor), now());
      return { claimed, busy: seen.busy };
    }
    // Without change dates, each director's own look: new leads and overdue tasks they may see.
    const claimed = await claim(
      portal,
      async (recipient) =>
        (await lookAt(recipient.portal, { directors: [], now: now(), zone: recipient.zone })).records,
    );
    return { claimed, busy: false };
  };

  /**
   * The offline queue: the last batch confirmed and the next one reserved, in one request (with the minute's look
   * when it is due and one director reads the portal: a quiet portal costs one request per read); then read again.
   */
  const readQueue = async (portal: WatchedPortal, state: PortalState, withLook: boolean) => {
    const at = now().getTime();
    if (at - state.boundAt >= TIMINGS.bindCheckMs) {
      await bindMissing(portal.reader);
      state.boundAt = at;
    }
    const commands: Record<string, BatchCommand> = {};
    if (state.processed) commands.done = { method: 'event.offline.clear', params: { process_id: state.processed } };
    commands.next = { method: 'event.offline.get', params: { clear: 0, limit: QUEUE_LIMIT } };
    const [only] = portal.recipients;
    const look = withLook && portal.recipients.length === 1 && only;
    const seen = look
      ? await lookAt(portal.reader, { directors: [], now: now(), zone: only.zone, extra: commands })
      : { records: [], extra: await portal.reader.batch(commands) };
    const reply = seen.extra;
    if (reply.errors.next) throw new Error(`the offline queue refused: ${reply.errors.next.error}`);
    state.processed = undefined;
    const next = reply.results.next as QueueReply | undefined;
    const hints = (next?.events ?? []).flatMap(
      (event) => hintOfEvent(String(event.EVENT_NAME ?? ''), event.EVENT_DATA) ?? [],
    );
    const claimed = await claim(portal, async (recipient) => [
      ...seen.records,
      ...(await readAgain(recipient.portal, hints)),
    ]);
    state.processed = next?.process_id ?? undefined;
    if (hints.length > 0) state.newsAt = at;
    return { claimed, looked: Boolean(look) };
  };

  return {
    /** Looks at every portal whose time has come; resolves to how many alerts were claimed. */
    async round(portals: readonly WatchedPortal[]): Promise<number> {
      let claimed = 0;
      for (const portal of portals) {
        if (portal.mode === 'off' || portal.recipients.length === 0) continue;
        const state = stateOf(portal.key);
        const at = now().getTime();
        const lookDue = at >= state.nextLookAt;
        const queueDue = portal.mode === 'offline' && at >= state.nextQueueAt;
        if (!lookDue && !queueDue) continue;
        try {
          if (!(await mine(portal))) continue;
          if (portal.mode === 'online' && portal.handler && at - state.boundAt >= TIMINGS.bindCheckMs) {
            await bindMissing(portal.reader, portal.handler);
            state.boundAt = at;
          }
          let looked = false;
          if (queueDue) {
            const seen = await readQueue(portal, state, lookDue);
            claimed += seen.claimed;
            looked = seen.looked;
            const busy = at - state.newsAt < TIMINGS.busyForMs;
            state.nextQueueAt = at + (busy ? TIMINGS.queueBusyMs : TIMINGS.queueQuietMs);
          }
          if (looked) state.nextLookAt = at + TIMINGS.lookMs;
          if (lookDue && !looked) {
            const seen = await look(portal);
            claimed += seen.claimed;
            // A portal that changed more than one look takes is looked at again soon.
            state.nextLookAt = at + (seen.busy ? TIMINGS.queueBusyMs : TIMINGS.lookMs);
          }
        } catch (error) {
          logger.warn('could not look at a portal for alerts', { portal: portal.key, error });
          state.nextQueueAt = at + TIMINGS.queueQuietMs;
        }
      }
      return claimed;
    },
    /** Records an online event named: read again with each director's rights, as any other hint. */
    async online(portal: WatchedPortal, events: readonly { event: string; data: unknown }[]): Promise<number> {
      const hints: Hint[] = events.flatMap(({ event, data }) => hintOfEvent(event, data) ?? []);
      return hints.length === 0 ? 0 : claim(portal, (recipient) => readAgain(recipient.portal, hints));
    },
  };
}

/** Binds the offline events the portal lacks (at connection time, and again if someone removed them). */
export async function bindMissing(reader: PortalClient, handler?: string): Promise<void> {
  const bound = await reader.call<{ event: string; offline?: number | string; handler?: string }[]>('event.get');
  const offline = handler === undefined;
  const have = new Set(
    (bound.result ?? [])
      .filter((binding) => Boolean(Number(binding.offline ?? 0)) === offline)
      .map((binding) => binding.event.toUpperCase()),
  );
  const missing = BOUND_EVENTS.filter((event) => !have.has(event));
  if (missing.length === 0) return;
  await reader.batch(
    Object.fromEntries(
      missing.map((event) => [
        event,
        { method: 'event.bind', params: offline ? { event, event_type: 'offline' } : { event, handler } },
      ]),
    ),
  );
}
