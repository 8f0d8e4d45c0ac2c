// The authorization server of Bitrix24 applications (oauth.bitrix.info; settings/oauth/index.md and
// auto-renewal.md): a code or a refresh token in, a new token pair out. The application's secret and the tokens
// travel only here and never appear in an error or a log line.
import { request } from 'undici';
import { z } from 'zod';
import { cappedText } from '../capped-body.ts';
import { PortalError } from './errors.ts';

export interface ApplicationKeys {
  clientId: string;
  clientSecret: string;
  /** BITRIX24_OAUTH_SERVER, e.g. `https://oauth.bitrix.info`. */
  server: string;
}

export interface GrantedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSec: number;
  memberId: string;
  /** The portal's REST address for these tokens. */
  clientEndpoint: string;
}

/** The server refused the grant (invalid_grant, invalid_client, PAYMENT_REQUIRED …): the pair is dead. */
export class GrantRefused extends Error {
  override readonly name = 'GrantRefused';
  constructor(readonly code: string) {
    super(`the authorization server refused the grant (${code})`);
  }
}

export interface AuthorizationServer {
  exchangeCode(code: string): Promise<GrantedTokens>;
  refresh(refreshToken: string): Promise<GrantedTokens>;
}

const granted = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  member_id: z.string().min(1),
  client_endpoint: z.string().url(),
});

const refused = z.object({ error: z.string().min(1) });

export function createAuthorizationServer(keys: ApplicationKeys, options: { timeoutMs?: number } = {}) {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const tokenUrl = `${keys.server.replace(/\/+$/, '')}/oauth/token/`;

  const grant = async (params: Record<string, string>): Promise<GrantedTokens> => {
    const query = new URLSearchParams({ ...params, client_id: keys.clientId, client_secret: keys.clientSecret });
    let status: number;
    let text: string;
    try {
      const response = await request(`${tokenUrl}?${query}`, {
        method: 'GET',
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.statusCode;
      // A token reply is a few hundred bytes.
      text = (await cappedText(response, 64 * 1024)) ?? '';
    } catch (error) {
      // Not the request's address in the message: it holds the secret and the token.
      const code = String((error as { code?: unknown }).code ?? 'NETWORK');
      throw new PortalError('unavailable', code, `the authorization server could not be reached (${code})`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PortalError('unavailable', 'NOT_JSON', `the authorization server answered HTTP ${status}, not JSON`);
    }
    const ok = granted.safeParse(body);
    if (ok.success && status < 300) {
      return {
        accessToken: ok.data.access_token,
        refreshToken: ok.data.refresh_token,
        expiresInSec: ok.data.expires_in,
        memberId: ok.data.member_id,
        clientEndpoint: ok.data.client_endpoint,
      };
    }
    const failure = refused.safeParse(body);
    if (failure.success && status < 500) throw new GrantRefused(failure.data.error.slice(0, 60));
    throw new PortalError('unavailable', `HTTP_${status}`, `the authorization server answered HTTP ${status}`);
  };

  const server: AuthorizationServer = {
    exchangeCode: (code) => grant({ grant_type: 'authorization_code', code }),
    refresh: (refreshToken) => grant({ grant_type: 'refresh_token', refresh_token: refreshToken }),
  };
  return server;
}
