// The Bitrix24 application's side of the app: the directors' own connections (sealed tokens, their renewal, one
// instance at a time) and the connect flow over them. `app.ts` builds them when an application is configured.

import {
  type ApplicationKeys,
  type AuthorizationServer,
  createAuthorizationServer,
} from '../../portal/oauth-server.ts';
import { createTokenKeeper, type TokenKeeper } from '../../portal/tokens.ts';
import { createConnectAttemptRepository } from '../../storage/connect-attempts.ts';
import type { Database } from '../../storage/db.ts';
import type { RateLimit } from '../../storage/instances.ts';
import { createLeases, instanceName } from '../../storage/instances.ts';
import { createOAuthConnectionRepository, type OAuthConnectionRepository } from '../../storage/oauth-connections.ts';
import { createSecretBox, type SecretBox } from '../../storage/secret-box.ts';
import { type ConnectFlow, type ConnectFlowDeps, createConnectFlow } from './flow.ts';

/** The Bitrix24 application (OAuth 2.0) the operator registered: directors connect with their own rights. */
export interface ApplicationOptions {
  keys: ApplicationKeys;
  /** ENCRYPTION_KEY: the directors' tokens are sealed with it. */
  encryptionKey: string;
  /** ALLOW_CONNECTED_PORTALS: anyone who connects a portal where the application is installed may use the bot. */
  allowConnectedPortals: boolean;
  /** PUBLIC_URL: where the bot's connect pages are. */
  publicUrl: string;
  /** The bot's token: the connect page's proof of the Telegram user (Telegram's signed data) is checked with it. */
  botToken: string;
  /** Tests hand in a short one; the portal's own limit otherwise. */
  rateLimit?: RateLimit;
  /** Renew a token this long before it expires (default a minute). */
  renewAheadMs?: number;
}

/** Directors' own connections through the Bitrix24 application, when one is configured. */
export interface OwnConnections {
  application: ApplicationOptions;
  connections: OAuthConnectionRepository;
  server: AuthorizationServer;
  keeper: TokenKeeper;
  box: SecretBox;
}

export function ownConnections(
  shared: Pick<ConnectFlowDeps, 'now' | 'logger'> & { db: Database },
  application: ApplicationOptions | undefined,
  instance: string | undefined,
): OwnConnections | undefined {
  if (!application) return undefined;
  const { db, now, logger } = shared;
  const box = createSecretBox(application.encryptionKey);
  const connections = createOAuthConnectionRepository(db, box);
  const server = createAuthorizationServer(application.keys);
  const keeper = createTokenKeeper({
    connections,
    server,
    now,
    ...(application.renewAheadMs === undefined ? {} : { aheadMs: application.renewAheadMs }),
    // Instances sharing the database renew a connection one at a time: its refresh token works only once.
    shared: { leases: createLeases(db), owner: instanceName(instance) },
    onEnded: (connection) =>
      logger.warn('a director’s connection ended: the portal refused to renew it', {
        telegramUserId: connection.telegramUserId,
        memberId: connection.memberId,
      }),
  });
  return { application, connections, server, keeper, box };
}

/** The connect flow over the directors' connections; the rules of who may connect come from the app. */
export function connectFlowOf(
  shared: Pick<ConnectFlowDeps, 'now' | 'logger'> & { db: Database },
  own: OwnConnections,
  rules: Pick<ConnectFlowDeps, 'mayConnect' | 'portalUserOf' | 'onSwitch'>,
): ConnectFlow {
  const { application, connections, server } = own;
  return createConnectFlow({
    keys: application.keys,
    server,
    attempts: createConnectAttemptRepository(shared.db),
    connections,
    box: own.box,
    botToken: application.botToken,
    publicUrl: application.publicUrl,
    ...rules,
    now: shared.now,
    logger: shared.logger,
    ...(application.rateLimit ? { rateLimit: application.rateLimit } : {}),
  });
}
