// Each director's own connection to their portal (the Bitrix24 application, OAuth 2.0): who they are there and
// the token pair, sealed at rest. A refresh replaces the pair by compare-and-swap on the generation, so of two
// refreshes of one pair (two instances, a race) only one is stored.
import type { Database, Queries } from './db.ts';
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
  connect(telegramUserId: number, identity: PortalIdentity, tokens: TokenPair): Promise<OAuthConnection>;
  get(telegramUserId: number): Promise<OAuthConnection | undefined>;
  /** Stores a refreshed pair if the connection is still at `generation`; false when someone else got there first. */
  rotate(telegramUserId: number, generation: number, tokens: TokenPair): Promise<boolean>;
  /** The portal refused to renew: the tokens are wiped and the connection stays as "ended" until reconnected. */
  end(telegramUserId: number, generation: number): Promise<boolean>;
  /** /disconnect: forgets the connection altogether. */
  remove(telegramUserId: number): Promise<boolean>;
  /** The Telegram users whose connection is alive (not ended). */
  liveUsers(): Promise<number[]>;
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

const columns =
  'telegram_user_id, member_id, domain, client_endpoint, portal_user_id, user_name, tokens_sealed, access_expires_at, generation';

const selectRow = (q: Queries, telegramUserId: number) =>
  q.get<ConnectionRow>(`SELECT ${columns} FROM oauth_connections WHERE telegram_user_id = ?`, [telegramUserId]);

/** The token pair sealed at rest, bound to its row and generation, and opened back into a connection. */
function sealedPairs(box: SecretBox) {
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
  return { seal, toConnection };
}

type SealedPairs = ReturnType<typeof sealedPairs>;

/** A new connection replacing any earlier one, one generation on: a pair sealed for the old one never opens. */
function storeConnection(
  db: Database,
  pairs: SealedPairs,
  telegramUserId: number,
  identity: PortalIdentity,
  tokens: TokenPair,
): Promise<OAuthConnection> {
  return db.transaction(async (tx) => {
    const generation = ((await selectRow(tx, telegramUserId))?.generation ?? 0) + 1;
    const at = Date.now();
    await tx.run(
      `INSERT INTO oauth_connections (telegram_user_id, member_id, domain, client_endpoint, portal_user_id, user_name,
         tokens_sealed, access_expires_at, generation, ended_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
       ON CONFLICT (telegram_user_id) DO UPDATE SET member_id = excluded.member_id, domain = excluded.domain,
         client_endpoint = excluded.client_endpoint, portal_user_id = excluded.portal_user_id,
         user_name = excluded.user_name, tokens_sealed = excluded.tokens_sealed,
         access_expires_at = excluded.access_expires_at, generation = excluded.generation, ended_at = NULL,
         updated_at = excluded.updated_at`,
      [
        telegramUserId,
        identity.memberId,
        identity.domain,
        identity.clientEndpoint,
        identity.portalUserId,
        identity.userName,
        pairs.seal(telegramUserId, generation, tokens),
        tokens.accessExpiresAt,
        generation,
        at,
        at,
      ],
    );
    return { telegramUserId, ...identity, generation, tokens };
  });
}

export function createOAuthConnectionRepository(db: Database, box: SecretBox): OAuthConnectionRepository {
  const pairs = sealedPairs(box);
  const { seal } = pairs;
  return {
    connect: (telegramUserId, identity, tokens) => storeConnection(db, pairs, telegramUserId, identity, tokens),
    async get(telegramUserId) {
      const row = await selectRow(db, telegramUserId);
      return row && pairs.toConnection(row);
    },
    async rotate(telegramUserId, generation, tokens) {
      const next = generation + 1;
      const changed = await db.run(
        `UPDATE oauth_connections SET tokens_sealed = ?, access_expires_at = ?, generation = ?, updated_at = ?
         WHERE telegram_user_id = ? AND generation = ? AND tokens_sealed IS NOT NULL`,
        [seal(telegramUserId, next, tokens), tokens.accessExpiresAt, next, Date.now(), telegramUserId, generation],
      );
      return changed === 1;
    },
    async end(telegramUserId, generation) {
      const at = Date.now();
      const changed = await db.run(
        `UPDATE oauth_connections SET tokens_sealed = NULL, ended_at = ?, updated_at = ?
         WHERE telegram_user_id = ? AND generation = ? AND tokens_sealed IS NOT NULL`,
        [at, at, telegramUserId, generation],
      );
      return changed === 1;
    },
    async remove(telegramUserId) {
      return (await db.run('DELETE FROM oauth_connections WHERE telegram_user_id = ?', [telegramUserId])) === 1;
    },
    async liveUsers() {
      const rows = await db.all<{ telegram_user_id: number }>(
        'SELECT telegram_user_id FROM oauth_connections WHERE tokens_sealed IS NOT NULL',
      );
      return rows.map((row) => row.telegram_user_id);
    },
  };
}
