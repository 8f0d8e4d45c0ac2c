// Where each Telegram user's requests go: the company webhook (ALLOWED_TELEGRAM_IDS), their own connection
// through the Bitrix24 application, an ended connection (they are asked to connect again, never moved to someone
// else's rights), or nowhere. And the one rule of who may come in, connect, and get what is pushed.
import type { OAuthConnection } from '../storage/oauth-connections.ts';
import type { OwnConnections } from './connect/application.ts';
import { keepWhileUsed } from './workspace-keeper.ts';

/** Where a Telegram user's requests go now. */
export type Seat =
  | { kind: 'webhook' }
  | { kind: 'connected'; connection: OAuthConnection }
  /** Their own connection ended: they are asked to connect again, never moved to someone else's rights. */
  | { kind: 'ended' }
  | { kind: 'none' };

/** Each Telegram user's seat, and the workspace `W` (a portal client and what serves through it) there. */
export interface Seats<W> {
  seatOf(telegramUserId: number): Promise<Seat>;
  workspaceFor(telegramUserId: number): Promise<W | undefined>;
  /** Forgets a user's workspaces of their own: after a switch to another portal or user. */
  forget(telegramUserId: number): void;
}

export function createSeats<W>(deps: {
  now: () => Date;
  webhook: W | undefined;
  own: OwnConnections | undefined;
  /** A workspace over a director's own connection, built on first use. */
  connected(connection: OAuthConnection): W;
}): Seats<W> {
  const { webhook, own } = deps;
  // One workspace per connection, made on first use and let go when idle; a new connection (another portal or
  // user) gets a new one.
  const kept = keepWhileUsed<W>(deps.now);
  const seatOf = async (telegramUserId: number): Promise<Seat> => {
    const connection = await own?.connections.get(telegramUserId);
    if (connection) return connection.tokens ? { kind: 'connected', connection } : { kind: 'ended' };
    // Who may come in at all is the channel's check (the rules below); without a connection, the webhook.
    return webhook ? { kind: 'webhook' } : { kind: 'none' };
  };
  return {
    seatOf,
    async workspaceFor(telegramUserId) {
      const seat = await seatOf(telegramUserId);
      if (seat.kind === 'webhook') return webhook;
      if (seat.kind !== 'connected') return undefined;
      const { connection } = seat;
      const key = `${connection.telegramUserId}|${connection.memberId}|${connection.portalUserId}`;
      return kept.use(key, () => deps.connected(connection));
    },
    forget: (telegramUserId) => kept.forget(`${telegramUserId}|`),
  };
}

export interface AccessRules {
  /** Allowed now: in ALLOWED_TELEGRAM_IDS, or connected when ALLOW_CONNECTED_PORTALS is on. */
  isAllowed(telegramUserId: number): Promise<boolean>;
  mayConnect(telegramUserId: number): boolean;
  /** Allowed, with a portal to act through (an ended connection stops them): who digests and alerts go to. */
  servedNow(): Promise<number[]>;
}

/** Who may connect, who may come in, and who gets digests and alerts now. */
export function accessRules<W>(
  portalUserOf: Map<number, number | undefined>,
  own: OwnConnections | undefined,
  seats: Seats<W>,
): AccessRules {
  const allowConnected = Boolean(own?.application.allowConnectedPortals);
  const isAllowed = async (telegramUserId: number) =>
    portalUserOf.has(telegramUserId) || Boolean(allowConnected && (await own?.connections.get(telegramUserId)));
  return {
    mayConnect: (telegramUserId: number) => allowConnected || portalUserOf.has(telegramUserId),
    isAllowed,
    async servedNow(): Promise<number[]> {
      const ids = new Set<number>();
      for (const id of portalUserOf.keys()) if (await seats.workspaceFor(id)) ids.add(id);
      for (const id of (await own?.connections.liveUsers()) ?? []) if (await isAllowed(id)) ids.add(id);
      return [...ids];
    },
  };
}
