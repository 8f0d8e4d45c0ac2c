// Connecting a director's own portal (settings/oauth/index.md): a one-time link to the portal's approval page
// with a single-use state bound to the Telegram user; the browser comes back with a 30-second code, exchanged at
// once at the authorization server; the Telegram user is then tied to the portal user who approved.
import type { Logger } from '../log.ts';
import type { RateLimit } from '../portal/bucket.ts';
import { createConnectedPortalClient } from '../portal/client.ts';
import { isPortalError, PortalError } from '../portal/errors.ts';
import { type ApplicationKeys, type AuthorizationServer, GrantRefused } from '../portal/oauth-server.ts';
import type { OAuthConnectionRepository } from '../storage/oauth-connections.ts';
import type { ConnectRequest, OAuthStateRepository } from '../storage/oauth-states.ts';
import { portalName } from './portal-address.ts';

/** A /connect link works this long. */
export const CONNECT_LINK_TTL_MS = 10 * 60_000;

export type ConnectOutcome =
  | { ok: true; request: ConnectRequest; portal: string; userName: string }
  /** `state`: forged, replayed or expired (nobody to tell); otherwise the director hears it did not work. */
  | { ok: false; reason: 'state' | 'refused' | 'unavailable'; request?: ConnectRequest };

export interface ConnectFlow {
  /** The one-time address of the portal's approval page for this request. */
  link(request: ConnectRequest): Promise<string>;
  /** The browser came back to the handler with these query parameters. */
  complete(query: URLSearchParams): Promise<ConnectOutcome>;
  /** Forgets the director's connection; the portal's name when there was one. */
  disconnect(telegramUserId: number): Promise<string | undefined>;
}

export interface ConnectFlowDeps {
  keys: ApplicationKeys;
  server: AuthorizationServer;
  states: OAuthStateRepository;
  connections: OAuthConnectionRepository;
  /** Checked again when the browser comes back: access may have been withdrawn meanwhile. */
  mayConnect(telegramUserId: number): boolean;
  /** The director now acts through another portal or user: what was asked on the old one is withdrawn. */
  onSwitch(telegramUserId: number): Promise<void>;
  now: () => Date;
  logger: Logger;
  rateLimit?: RateLimit;
}

const profileOf = (result: unknown) => {
  const user = (result ?? {}) as Record<string, unknown>;
  const id = Number(user.ID);
  const name = [user.NAME, user.LAST_NAME].filter((part) => typeof part === 'string' && part.trim()).join(' ');
  return Number.isSafeInteger(id) && id > 0 ? { id, name: name || String(id) } : undefined;
};

export function createConnectFlow(deps: ConnectFlowDeps): ConnectFlow {
  const logger = deps.logger.child({ part: 'connect' });

  /** Who approved: the portal user of the new tokens, asked with them. */
  async function whoApproved(endpoint: string, accessToken: string) {
    const client = createConnectedPortalClient({
      endpoint,
      portalUserId: 0,
      tokens: {
        current: async () => accessToken,
        renew: async () => {
          throw new PortalError('authorization', 'FRESH_TOKEN_REFUSED', 'a token just issued was refused');
        },
      },
      retries: 1,
      retryDelayMs: 200,
      timeoutMs: 10_000,
      ...(deps.rateLimit ? { rateLimit: deps.rateLimit } : {}),
    });
    return profileOf((await client.call('user.current')).result);
  }

  return {
    async link(request) {
      const state = await deps.states.create(request, deps.now(), CONNECT_LINK_TTL_MS);
      const query = new URLSearchParams({ client_id: deps.keys.clientId, state });
      return `${request.portal}/oauth/authorize/?${query}`;
    },

    async complete(query) {
      const code = query.get('code');
      const request = await deps.states.claim(query.get('state') ?? '', deps.now());
      if (!request) {
        logger.warn('a connect redirect with an unknown, used or expired state was refused');
        return { ok: false, reason: 'state' };
      }
      if (!code || !deps.mayConnect(request.telegramUserId)) return { ok: false, reason: 'refused', request };
      try {
        const granted = await deps.server.exchangeCode(code);
        const approved = await whoApproved(granted.clientEndpoint, granted.accessToken);
        if (!approved) return { ok: false, reason: 'unavailable', request };
        const portal = portalName(new URL(granted.clientEndpoint).origin);
        const at = deps.now().getTime();
        await deps.connections.connect(
          request.telegramUserId,
          {
            memberId: granted.memberId,
            domain: portal,
            clientEndpoint: granted.clientEndpoint,
            portalUserId: approved.id,
            userName: approved.name,
          },
          {
            accessToken: granted.accessToken,
            refreshToken: granted.refreshToken,
            accessExpiresAt: at + granted.expiresInSec * 1000,
          },
        );
        await deps.onSwitch(request.telegramUserId);
        logger.info('director connected their portal', {
          telegramUserId: request.telegramUserId,
          memberId: granted.memberId,
          portalUserId: approved.id,
        });
        return { ok: true, request, portal, userName: approved.name };
      } catch (error) {
        if (error instanceof GrantRefused) {
          logger.warn('the authorization server refused the code', { code: error.code });
          return { ok: false, reason: 'refused', request };
        }
        if (isPortalError(error)) {
          logger.warn('connecting failed', { kind: error.kind, code: error.code });
          return { ok: false, reason: error.kind === 'unavailable' ? 'unavailable' : 'refused', request };
        }
        throw error;
      }
    },

    async disconnect(telegramUserId) {
      const connection = await deps.connections.get(telegramUserId);
      if (!connection || !(await deps.connections.remove(telegramUserId))) return undefined;
      await deps.onSwitch(telegramUserId);
      return connection.domain;
    },
  };
}
