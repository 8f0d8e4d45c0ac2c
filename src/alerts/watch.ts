// Which portal to look at now, and how: each portal's pace (a portal with news is read every second, one just
// connected or with news lately every few seconds, a quiet one less often), its lease (one instance watches a
// portal at a time; the others ask again now and then, to take over when it dies), and the look its source needs.
import type { PortalClient } from '../portal/port.ts';
import { type Claim, createClaim } from './claims.ts';
import { bindMissing, type QueueState, readQueue } from './queue.ts';
import { type Cursor, type Hint, hintOfEvent, type Look, lookAt, readAgain } from './records.ts';
import type { AlertRound } from './round.ts';

export { bindMissing } from './queue.ts';

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
  /** The minute's look: change dates (webhook), new leads, stalled deals and overdue tasks (every way). */
  lookMs: 60_000,
  /** The offline queue: a portal with news in the last minute, one with news (or watched from) lately, a quiet one. */
  queueBusyMs: 1_000,
  queueRecentMs: 4_000,
  queueQuietMs: 6_000,
  busyForMs: 60_000,
  recentForMs: 3 * 60_000,
  /** Bindings are checked again this often (someone may have removed them on the portal). */
  bindCheckMs: 30 * 60_000,
  leaseMs: 30_000,
  /** A portal another instance watches is asked for again this often: it is taken over when that one dies. */
  othersMs: 10_000,
  /** What is due this soon is done on this tick: a tick a little early would otherwise wait a whole tick. */
  slackMs: 300,
};

/** Portals looked at together in a round. */
const AT_ONCE = 16;

interface PortalState extends QueueState {
  /** When the queue last brought news (or the portal was first watched). */
  newsAt: number;
  nextLookAt: number;
  nextQueueAt: number;
  boundAt: number;
  /** Until when this instance's lease on the portal surely holds (renewed when half of it is spent). */
  leaseUntil: number;
}

/** How soon a portal's queue is read again: every second with news, more slowly the longer it is quiet. */
const queuePace = (state: PortalState, at: number) =>
  at - state.newsAt < TIMINGS.busyForMs
    ? TIMINGS.queueBusyMs
    : at - state.newsAt < TIMINGS.recentForMs
      ? TIMINGS.queueRecentMs
      : TIMINGS.queueQuietMs;

/** The next time on the portal's own beat (not the tick's), so that ticks a little late do not add up. */
const nextOnBeat = (previous: number, pace: number, at: number) => (previous + pace > at ? previous + pace : at + pace);

/** A share of half a minute that is the portal's own (the same on every instance). */
const phaseOf = (key: string) => {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % (TIMINGS.lookMs / 2);
};

/**
 * The next minute's look. The one after the first comes early by the portal's own share of the minute: portals
 * watched from the same moment (a restart) then look in different seconds ever after, not all in one burst.
 */
const nextLook = (state: PortalState, key: string, at: number) =>
  at + TIMINGS.lookMs - (state.nextLookAt === 0 ? phaseOf(key) : 0);

export function createAlertWatch(deps: AlertRound) {
  const { now, logger } = deps;
  const claim = createClaim(deps);
  const states = new Map<string, PortalState>();
  const stateOf = (key: string, at: number) => {
    let state = states.get(key);
    if (!state) {
      // A portal first watched counts as one with news lately (its director has just connected, or we restarted).
      state = {
        newsAt: at - TIMINGS.busyForMs,
        nextLookAt: 0,
        nextQueueAt: 0,
        boundAt: Number.NEGATIVE_INFINITY,
        leaseUntil: 0,
      };
      states.set(key, state);
    }
    return state;
  };

  const visit = portalVisit(deps, claim);

  return {
    /**
     * Looks at every portal whose time has come, several at a time (a slow portal holds up no other); resolves to
     * how many alerts were claimed.
     */
    async round(portals: readonly WatchedPortal[]): Promise<number> {
      const watched = portals.filter((portal) => portal.mode !== 'off' && portal.recipients.length > 0);
      let claimed = 0;
      let next = 0;
      const worker = async () => {
        while (next < watched.length) {
          const portal = watched[next++]!;
          const at = now().getTime();
          const state = stateOf(portal.key, at);
          try {
            claimed += await visit(portal, state, at);
          } catch (error) {
            logger.warn('could not look at a portal for alerts', { portal: portal.key, error });
            state.nextQueueAt = at + TIMINGS.queueQuietMs;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(AT_ONCE, watched.length) }, worker));
      return claimed;
    },
    /** Records an online event named: read again with each director's rights, as any other hint. */
    async online(portal: WatchedPortal, events: readonly { event: string; data: unknown }[]): Promise<number> {
      const hints: Hint[] = events.flatMap(({ event, data }) => hintOfEvent(event, data) ?? []);
      return hints.length === 0 ? 0 : claim(portal, (recipient) => readAgain(recipient.portal, hints));
    },
  };
}

/** One portal's visit: whether it is due and ours, then its bindings, its queue and its minute's look. */
function portalVisit(deps: AlertRound, claim: Claim) {
  const { alerts, now } = deps;
  /** Whether this instance watches the portal now; the lease is written only when half of it is spent. */
  const mine = async (portal: WatchedPortal, state: PortalState, at: number) => {
    if (state.leaseUntil - at > TIMINGS.leaseMs / 2) return true;
    const until = at + TIMINGS.leaseMs;
    const held = await deps.leases.acquire(`alerts:${portal.key}`, deps.owner, new Date(until), new Date(at));
    state.leaseUntil = held ? until : 0;
    return held;
  };

  const look = (portal: WatchedPortal) => minuteLook(portal, { alerts, now, claim });

  /** Looks at one portal whose time has come; resolves to how many alerts were claimed. */
  return async (portal: WatchedPortal, state: PortalState, at: number): Promise<number> => {
    const due = (time: number) => at + TIMINGS.slackMs >= time;
    const lookDue = due(state.nextLookAt);
    const queueDue = portal.mode === 'offline' && due(state.nextQueueAt);
    if (!lookDue && !queueDue) return 0;
    if (!(await mine(portal, state, at))) {
      state.nextQueueAt = state.nextLookAt = at + TIMINGS.othersMs;
      return 0;
    }
    const binds = portal.mode === 'offline' || (portal.mode === 'online' && portal.handler !== undefined);
    if (binds && at - state.boundAt >= TIMINGS.bindCheckMs) {
      await bindMissing(portal.reader, portal.mode === 'online' ? portal.handler : undefined);
      state.boundAt = at;
    }
    let claimed = 0;
    let looked = false;
    if (queueDue) {
      const read = await readQueue(portal, state, { withLook: lookDue, now: now(), claim });
      claimed += read.claimed;
      looked = read.looked;
      if (read.news) state.newsAt = at;
      state.nextQueueAt = nextOnBeat(state.nextQueueAt, queuePace(state, at), at);
    }
    if (looked) state.nextLookAt = nextLook(state, portal.key, at);
    // One director on the offline queue: the look waits for the queue's next read and rides along with it.
    const ridesAlong = portal.mode === 'offline' && portal.recipients.length === 1;
    if (lookDue && !looked && !ridesAlong) {
      const seen = await look(portal);
      claimed += seen.claimed;
      // A portal that changed more than one look takes is looked at again soon.
      state.nextLookAt = seen.busy ? at + TIMINGS.queueBusyMs : nextLook(state, portal.key, at);
    }
    return claimed;
  };
}

/** The minute's look; a webhook's also brings the changes since the stored cursor. */
async function minuteLook(
  portal: WatchedPortal,
  deps: { alerts: AlertRound['alerts']; now: () => Date; claim: Claim },
): Promise<{ claimed: number; busy: boolean }> {
  const { alerts, now, claim } = deps;
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
  // Without change dates, each director's own look: new leads, stalled deals and overdue tasks they may see.
  const claimed = await claim(
    portal,
    async (recipient) => (await lookAt(recipient.portal, { directors: [], now: now(), zone: recipient.zone })).records,
  );
  return { claimed, busy: false };
}
