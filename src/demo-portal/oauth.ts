// The demo portal as a Bitrix24 application sees it (OAuth 2.0, settings/oauth/index.md and auto-renewal.md):
// `/oauth/authorize/` approves at once for the demo user "signed in" in the browser and sends them back to the
// application's handler with a 30-second `code`; `/oauth/token/` plays the authorization server
// (oauth.bitrix.info) with the `authorization_code` and `refresh_token` grants; REST calls carry
// `auth=<access_token>` and run with that user's rights. Like oauth.bitrix.info, one token server knows the
// grants of every portal: any demo portal of this process answers `/oauth/token/` for all of them.
import { randomBytes } from 'node:crypto';
import type { Params } from '../portal/port.ts';
import { RestError } from './rest-error.ts';

export interface DemoOAuthOptions {
  clientId?: string;
  clientSecret?: string;
  /** The application's handler address, where the browser is sent back with `code`. */
  redirectUri?: string;
  /** Seconds an access token lives (the portal's is an hour); tests make it short. */
  accessTokenLifetimeSec?: number;
  /** The portal's unique id, as the portal reports it to applications. */
  memberId?: string;
}

/** What the token server answers, in its own words. */
export class OAuthGrantError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
    readonly status: number,
  ) {
    super(description);
  }
}

export interface DemoOAuth {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly memberId: string;
  redirectUri: string | undefined;
  accessTokenLifetimeSec: number;
  /** The demo user whose browser session is open: who approves the application at `/oauth/authorize/`. */
  signedInUserId: number;
  /** How many refresh grants the token server has answered (refused ones included). */
  readonly refreshCount: number;
  /** The application is removed, or one user is fired: their refresh tokens stop working at once. */
  revoke(userId?: number): void;
}

export interface DemoOAuthServer extends DemoOAuth {
  /** `/oauth/authorize/`: the redirect's address, or an error for the browser. */
  authorize(query: URLSearchParams, portalDomain: string): string;
  /** The user an access token acts for; throws the portal's own 401 refusals. */
  userOfToken(token: string): number;
}

// Every REST scope the product needs (REST-FACTS.md), as a portal lists what it granted.
const GRANTED_SCOPE = 'crm,task,calendar,user,department,im,timeman';
/** What a token may call: the scopes granted above (rights.ts refuses the rest). */
export const GRANTED_SCOPES = GRANTED_SCOPE.split(',');
const CODE_LIFETIME_MS = 30_000;
const REFRESH_LIFETIME_MS = 180 * 24 * 60 * 60 * 1000;

const randomToken = (bytes = 16) => randomBytes(bytes).toString('hex');

interface Grant {
  portal: Installation;
  userId: number;
  expiresAt: number;
}

interface Installation {
  server: DemoOAuthServer;
  /** The portal's own address, e.g. `http://127.0.0.1:8124`. */
  origin(): string;
  clock(): number;
  userExists(id: number): boolean;
  countRefresh(): void;
}

// The token server's memory, shared by every demo portal of the process.
const codes = new Map<string, Grant>();
const accessTokens = new Map<string, Grant>();
const refreshTokens = new Map<string, Grant>();
const installations = new Set<Installation>();

function issue(portal: Installation, userId: number): Record<string, unknown> {
  const { server } = portal;
  const accessToken = randomToken();
  const refreshToken = randomToken();
  const at = portal.clock();
  accessTokens.set(accessToken, { portal, userId, expiresAt: at + server.accessTokenLifetimeSec * 1000 });
  refreshTokens.set(refreshToken, { portal, userId, expiresAt: at + REFRESH_LIFETIME_MS });
  const origin = portal.origin();
  return {
    access_token: accessToken,
    client_endpoint: `${origin}/rest/`,
    domain: 'oauth.bitrix.info',
    expires_in: server.accessTokenLifetimeSec,
    member_id: server.memberId,
    refresh_token: refreshToken,
    scope: 'app',
    server_endpoint: `${origin}/rest/`,
    status: 'L',
  };
}

/** A code or a refresh token is good once: taking it removes it. */
function take(store: Map<string, Grant>, value: unknown, params: Params): Grant {
  const grant = typeof value === 'string' ? store.get(value) : undefined;
  if (
    grant &&
    (params.client_id !== grant.portal.server.clientId || params.client_secret !== grant.portal.server.clientSecret)
  ) {
    throw new OAuthGrantError('invalid_client', 'Invalid client credentials', 401);
  }
  if (typeof value === 'string') store.delete(value);
  if (!grant || grant.expiresAt <= grant.portal.clock() || !grant.portal.userExists(grant.userId)) {
    throw new OAuthGrantError('invalid_grant', 'Invalid authorization tokens', 400);
  }
  return grant;
}

/** `/oauth/token/` of the shared token server. */
export function grantTokens(params: Params): Record<string, unknown> {
  if (params.grant_type === 'authorization_code') {
    const grant = take(codes, params.code, params);
    return issue(grant.portal, grant.userId);
  }
  if (params.grant_type === 'refresh_token') {
    // Counted before it is checked: a refresh token sent twice is exactly what tests want to see.
    const known = typeof params.refresh_token === 'string' ? refreshTokens.get(params.refresh_token) : undefined;
    if (known) known.portal.countRefresh();
    else for (const portal of installations) if (portal.server.clientId === params.client_id) portal.countRefresh();
    const grant = take(refreshTokens, params.refresh_token, params);
    return issue(grant.portal, grant.userId);
  }
  throw new OAuthGrantError('invalid_request', 'Unsupported grant type', 400);
}

export function createDemoOAuth(
  options: DemoOAuthOptions,
  portal: { now: () => Date; origin: () => string; userExists: (id: number) => boolean },
): DemoOAuthServer {
  let refreshCount = 0;
  const installation: Installation = {
    get server() {
      return server;
    },
    origin: portal.origin,
    clock: () => portal.now().getTime(),
    userExists: portal.userExists,
    countRefresh: () => {
      refreshCount += 1;
    },
  };

  const server: DemoOAuthServer = {
    clientId: options.clientId ?? `local.${randomToken(7)}.${randomToken(4)}`,
    clientSecret: options.clientSecret ?? randomToken(20),
    memberId: options.memberId ?? randomToken(),
    redirectUri: options.redirectUri,
    accessTokenLifetimeSec: options.accessTokenLifetimeSec ?? 3600,
    signedInUserId: 1,
    get refreshCount() {
      return refreshCount;
    },
    revoke: (userId) => revokeGrants(installation, userId),
    authorize: (query, portalDomain) => authorizeRedirect(installation, query, portalDomain),
    userOfToken: (token) => userOfToken(installation, token),
  };
  installations.add(installation);
  return server;
}

function revokeGrants(installation: Installation, userId: number | undefined): void {
  for (const store of [accessTokens, refreshTokens]) {
    for (const [token, grant] of store) {
      if (grant.portal === installation && (userId === undefined || grant.userId === userId)) store.delete(token);
    }
  }
}

/** The signed-in user approves the application at once: back to its handler with a code. */
function authorizeRedirect(installation: Installation, query: URLSearchParams, portalDomain: string): string {
  const { server } = installation;
  if (query.get('client_id') !== server.clientId || !server.redirectUri) {
    throw new OAuthGrantError('invalid_client', 'The application is not installed on this portal', 400);
  }
  const code = randomToken();
  codes.set(code, {
    portal: installation,
    userId: server.signedInUserId,
    expiresAt: installation.clock() + CODE_LIFETIME_MS,
  });
  const back = new URL(server.redirectUri);
  back.searchParams.set('code', code);
  back.searchParams.set('state', query.get('state') ?? '');
  back.searchParams.set('domain', portalDomain);
  back.searchParams.set('member_id', server.memberId);
  back.searchParams.set('scope', GRANTED_SCOPE);
  back.searchParams.set('server_domain', 'oauth.bitrix.info');
  return back.toString();
}

function userOfToken(installation: Installation, token: string): number {
  const entry = accessTokens.get(token);
  // A token of another portal is no token here.
  if (!entry || entry.portal !== installation || !installation.userExists(entry.userId)) {
    throw new RestError('invalid_token', 'The access token provided is invalid.', 401);
  }
  if (entry.expiresAt <= installation.clock()) {
    throw new RestError('expired_token', 'The access token provided has expired.', 401);
  }
  return entry.userId;
}
