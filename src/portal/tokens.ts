// A director's access token, kept fresh: renewed a little before it expires and when the portal says it has,
// one renewal per connection however many requests ask at once (the refresh token rotates, and a refresh token
// sent twice is refused), the new pair stored by compare-and-swap. A refused renewal ends the connection.
import type { Leases } from '../storage/instances.ts';
import type { OAuthConnection, OAuthConnectionRepository, TokenPair } from '../storage/oauth-connections.ts';
import { PortalError } from './errors.ts';
import { type AuthorizationServer, GrantRefused } from './oauth-server.ts';

export interface TokenSource {
  /** A usable access token: the stored one, renewed first when it is about to expire. */
  current(): Promise<string>;
  /** The portal refused `used`: a renewed token (renewed once, whoever else asks meanwhile). */
  renew(used: string): Promise<string>;
}

/** The director's connection has ended (renewal refused, or disconnected): they must connect again. */
export const CONNECTION_ENDED = 'CONNECTION_ENDED';

export const isConnectionEnded = (error: unknown): boolean =>
  error instanceof PortalError && error.code === CONNECTION_ENDED;

export const connectionEnded = () =>
  new PortalError('authorization', CONNECTION_ENDED, 'the director’s connection to the portal has ended');

export interface TokenKeeperDeps {
  connections: OAuthConnectionRepository;
  server: AuthorizationServer;
  now?: () => Date;
  /** Renew this long before expiry (default a minute): a request never leaves with a token about to die. */
  aheadMs?: number;
  /** Told once when a renewal is refused and the connection ends. */
  onEnded?: (connection: OAuthConnection) => void;
  /**
   * With several instances on one database: a lease per connection, so only one of them renews (a refresh token
   * sent twice is refused). `owner` names this instance.
   */
  shared?: { leases: Leases; owner: string; leaseMs?: number; pollMs?: number };
}

export interface TokenKeeper {
  sourceFor(telegramUserId: number): TokenSource;
}

/** A connection that has not ended: its token pair is there. */
type LiveConnection = OAuthConnection & { tokens: TokenPair };

/** What a renewal needs: the keeper's parts, and the clock in epoch ms. */
type RenewalDeps = TokenKeeperDeps & { nowMs: () => number };

async function liveConnection(connections: OAuthConnectionRepository, telegramUserId: number): Promise<LiveConnection> {
  const connection = await connections.get(telegramUserId);
  if (!connection?.tokens) throw connectionEnded();
  return connection as LiveConnection;
}

/** Renews the pair at the authorization server and stores it; a refused renewal ends the connection. */
async function refresh(deps: RenewalDeps, connection: LiveConnection): Promise<string> {
  const { telegramUserId, generation } = connection;
  try {
    const fresh = await deps.server.refresh(connection.tokens.refreshToken);
    const pair = {
      accessToken: fresh.accessToken,
      refreshToken: fresh.refreshToken,
      accessExpiresAt: deps.nowMs() + fresh.expiresInSec * 1000,
    };
    if (await deps.connections.rotate(telegramUserId, generation, pair)) return pair.accessToken;
    // Another instance stored its pair first (or the director reconnected): that one is the current pair.
    return (await liveConnection(deps.connections, telegramUserId)).tokens.accessToken;
  } catch (error) {
    if (!(error instanceof GrantRefused)) throw error;
    // Our refresh token may have been spent by another instance that stored the new pair meanwhile.
    const stored = await deps.connections.get(telegramUserId);
    if (stored?.tokens && stored.generation !== generation) return stored.tokens.accessToken;
    if (await deps.connections.end(telegramUserId, generation)) deps.onEnded?.(connection);
    throw connectionEnded();
  }
}

// Another instance holds the renewal: wait for the pair it stores, or for its lease to run out.
async function renewShared(
  deps: RenewalDeps,
  connection: LiveConnection,
  shared: NonNullable<TokenKeeperDeps['shared']>,
): Promise<string> {
  const name = `tokens:${connection.telegramUserId}`;
  const leaseMs = shared.leaseMs ?? 30_000;
  for (;;) {
    const stored = await liveConnection(deps.connections, connection.telegramUserId);
    if (stored.generation !== connection.generation) return stored.tokens.accessToken;
    const at = deps.nowMs();
    if (await shared.leases.acquire(name, shared.owner, new Date(at + leaseMs), new Date(at))) {
      try {
        return await refresh(deps, stored);
      } finally {
        await shared.leases.release(name, shared.owner);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, shared.pollMs ?? 100));
  }
}

export function createTokenKeeper(deps: TokenKeeperDeps): TokenKeeper {
  const now = () => (deps.now ? deps.now() : new Date()).getTime();
  const renewal: RenewalDeps = { ...deps, nowMs: now };
  const aheadMs = deps.aheadMs ?? 60_000;
  // One renewal in flight per connection and generation: everyone who finds the same pair stale waits for it.
  const renewing = new Map<string, Promise<string>>();
  const live = (telegramUserId: number) => liveConnection(deps.connections, telegramUserId);

  const renewOnce = (connection: LiveConnection): Promise<string> => {
    const key = `${connection.telegramUserId}:${connection.generation}`;
    let flight = renewing.get(key);
    if (!flight) {
      flight = (deps.shared ? renewShared(renewal, connection, deps.shared) : refresh(renewal, connection)).finally(
        () => renewing.delete(key),
      );
      renewing.set(key, flight);
    }
    return flight;
  };

  return {
    sourceFor(telegramUserId) {
      return {
        async current() {
          const connection = await live(telegramUserId);
          if (connection.tokens.accessExpiresAt - now() > aheadMs) return connection.tokens.accessToken;
          return renewOnce(connection);
        },
        async renew(used) {
          const connection = await live(telegramUserId);
          // Renewed already by someone else since `used` went out.
          if (connection.tokens.accessToken !== used) return connection.tokens.accessToken;
          return renewOnce(connection);
        },
      };
    },
  };
}
