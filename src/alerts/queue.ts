// The portal's offline queue: the last batch confirmed and the next one reserved in one request (with the minute's
// look riding along when it is due and one director reads the portal: a quiet portal costs one request per read),
// the records it names read again with each director's rights; and the bindings, made again if someone removed them.
import type { BatchCommand, PortalClient } from '../portal/port.ts';
import type { Claim } from './claims.ts';
import { BOUND_EVENTS, hintOfEvent, lookAt, readAgain } from './records.ts';
import type { WatchedPortal } from './watch.ts';

/** At most this many queued events a read takes; a flood is read over several reads, 50 records a request. */
const QUEUE_LIMIT = 500;

interface QueueReply {
  process_id?: string | null;
  events?: { EVENT_NAME?: string; EVENT_DATA?: unknown }[];
}

/** What one read of a portal's queue leaves for the next. */
export interface QueueState {
  /** The reserved batch, confirmed in the next request once processed. */
  processed?: string;
}

export interface QueueRead {
  claimed: number;
  /** The minute's look came along. */
  looked: boolean;
  /** The queue brought something. */
  news: boolean;
}

export async function readQueue(
  portal: WatchedPortal,
  state: QueueState,
  input: { withLook: boolean; now: Date; claim: Claim },
): Promise<QueueRead> {
  const commands: Record<string, BatchCommand> = {};
  if (state.processed) commands.done = { method: 'event.offline.clear', params: { process_id: state.processed } };
  commands.next = { method: 'event.offline.get', params: { clear: 0, limit: QUEUE_LIMIT } };
  const [only] = portal.recipients;
  const look = input.withLook && portal.recipients.length === 1 && only;
  const seen = look
    ? await lookAt(portal.reader, { directors: [], now: input.now, zone: only.zone, extra: commands })
    : { records: [], extra: await portal.reader.batch(commands) };
  const reply = seen.extra;
  if (reply.errors.next) throw new Error(`the offline queue refused: ${reply.errors.next.error}`);
  state.processed = undefined;
  const next = reply.results.next as QueueReply | undefined;
  const hints = (next?.events ?? []).flatMap(
    (event) => hintOfEvent(String(event.EVENT_NAME ?? ''), event.EVENT_DATA) ?? [],
  );
  const claimed = await input.claim(portal, async (recipient) => [
    ...seen.records,
    ...(await readAgain(recipient.portal, hints)),
  ]);
  state.processed = next?.process_id ?? undefined;
  return { claimed, looked: Boolean(look), news: hints.length > 0 };
}

/** Binds the events the portal lacks (at connection time, and again if someone removed them). */
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
