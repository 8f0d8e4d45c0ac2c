// Each director's own connection to their portal (the Bitrix24 application, OAuth 2.0): who they are there and
// the token pair, sealed at rest. A refresh replaces the pair by compare-and-swap on the generation, so of two
// refreshes of one pair (two instances, a race) only one is stored.
import type { Database } from './db.ts';
import type { SecretBox } from './secret-box.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token stops working. */
  accessExpiresAt: number;
}

export interface PortalIdentity {
  /** The portal's unique id (`member_id`): connections, limits and caches are per portal. */
  memberId: string;
  /** The portal's address as the director knows it, e.g. `company.bitrix24.ru`. */
  domain: string;
  /** Where its REST interface answers, as the authorization server said (`client_endpoint`). */
  clientEndpoint: string;
  portalUserId: number;
  userName: string;
}

export interface OAuthConnection extends PortalIdentity {
  telegramUserId: number;
  generation: number;
  /** Absent once the connection has ended: the director must connect again. */
  tokens?: TokenPair;
}

export interface OAuthConnectionRepository {
  /** Stores a new connection for the Telegram user, replacing any earlier one. */
  connect(telegramUserId: number, identity: PortalIdentity, tokens: TokenPair): OAuthConnection;
  get(telegramUserId: number): OAuthConnection | undefined;
  /** Stores a refreshed pair if the connection is still at `generation`; false when someone else got there first. */
  rotate(telegramUserId: number, generation: number, tokens: TokenPair): boolean;
  /** The portal refused to renew: the tokens are wiped and the connection stays as "ended" until reconnected. */
  end(telegramUserId: number, generation: number): boolean;
  /** /disconnect: forgets the connection altogether. */
  remove(telegramUserId: number): boolean;
  /** The Telegram users whose connection is alive (not ended). */
  liveUsers(): number[];
}

interface ConnectionRow {
  telegram_user_id: number;
  member_id: string;
  domain: string;
  client_endpoint: string;
  portal_user_id: number;
  user_name: string;
  tokens_sealed: string | null;
  access_expires_at: number;
  generation: number;
}

// Bound to the row and its generation: a sealed pair copied to another row, or an old one put back, does not open.
const bindingOf = (telegramUserId: number, generation: number) => `oauth_connections:${telegramUserId}:${generation}`;

export function createOAuthConnectionRepository(db: Database, box: SecretBox): OAuthConnectionRepository {
  const columns =
    'telegram_user_id, member_id, domain, client_endpoint, portal_user_id, user_name, tokens_sealed, access_expires_at, generation';
  const select = db.prepare<[number], ConnectionRow>(
    `SELECT ${columns} FROM oauth_connections WHERE telegram_user_id = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO oauth_connections (telegram_user_id, member_id, domain, client_endpoint, portal_user_id, user_name,
       tokens_sealed, access_expires_at, generation, ended_at, created_at, updated_at)
     VALUES (@telegramUserId, @memberId, @domain, @clientEndpoint, @portalUserId, @userName, @sealed, @expiresAt,
       @generation, NULL, @at, @at)
     ON CONFLICT (telegram_user_id) DO UPDATE SET member_id = excluded.member_id, domain = excluded.domain,
       client_endpoint = excluded.client_endpoint, portal_user_id = excluded.portal_user_id,
       user_name = excluded.user_name, tokens_sealed = excluded.tokens_sealed,
       access_expires_at = excluded.access_expires_at, generation = excluded.generation, ended_at = NULL,
       updated_at = excluded.updated_at`,
  );
  const swap = db.prepare(
    `UPDATE oauth_connections SET tokens_sealed = @sealed, access_expires_at = @expiresAt, generation = @next,
       updated_at = @at
     WHERE telegram_user_id = @telegramUserId AND generation = @generation AND tokens_sealed IS NOT NULL`,
  );
  const finish = db.prepare<[number, number, number, number]>(
    `UPDATE oauth_connections SET tokens_sealed = NULL, ended_at = ?, updated_at = ?
     WHERE telegram_user_id = ? AND generation = ? AND tokens_sealed IS NOT NULL`,
  );
  const forget = db.prepare<[number]>('DELETE FROM oauth_connections WHERE telegram_user_id = ?');
  const alive = db
    .prepare<[], number>('SELECT telegram_user_id FROM oauth_connections WHERE tokens_sealed IS NOT NULL')
    .pluck();

  const seal = (telegramUserId: number, generation: number, tokens: TokenPair) =>
    box.seal(
      JSON.stringify({ access: tokens.accessToken, refresh: tokens.refreshToken }),
      bindingOf(telegramUserId, generation),
    );

  const toConnection = (row: ConnectionRow): OAuthConnection => {
    const connection: OAuthConnection = {
      telegramUserId: row.telegram_user_id,
      memberId: row.member_id,
      domain: row.domain,
      clientEndpoint: row.client_endpoint,
      portalUserId: row.portal_user_id,
      userName: row.user_name,
      generation: row.generation,
    };
    if (row.tokens_sealed !== null) {
      const opened = JSON.parse(box.open(row.tokens_sealed, bindingOf(row.telegram_user_id, row.generation))) as {
        access: string;
        refresh: string;
      };
      connection.tokens = {
        accessToken: opened.access,
        refreshToken: opened.refresh,
        accessExpiresAt: row.access_expires_at,
      };
    }
    return connection;
  };

  const connect = db.transaction((telegramUserId: number, identity: PortalIdentity, tokens: TokenPair) => {
    const generation = (select.get(telegramUserId)?.generation ?? 0) + 1;
    upsert.run({
      telegramUserId,
      ...identity,
      sealed: seal(telegramUserId, generation, tokens),
      expiresAt: tokens.accessExpiresAt,
      generation,
      at: Date.now(),
    });
    return { telegramUserId, ...identity, generation, tokens };
  });

  return {
    connect,
    get(telegramUserId) {
      const row = select.get(telegramUserId);
      return row && toConnection(row);
    },
    rotate(telegramUserId, generation, tokens) {
      const next = generation + 1;
      const changed = swap.run({
        telegramUserId,
        generation,
        next,
        sealed: seal(telegramUserId, next, tokens),
        expiresAt: tokens.accessExpiresAt,
        at: Date.now(),
      }).changes;
      return changed === 1;
    },
    end(telegramUserId, generation) {
      const at = Date.now();
      return finish.run(at, at, telegramUserId, generation).changes === 1;
    },
    remove(telegramUserId) {
      return forget.run(telegramUserId).changes === 1;
    },
    liveUsers: () => alive.all(),
  };
}
