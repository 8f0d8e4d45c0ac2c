// Connecting a director's own portal (settings/oauth/index.md), so that the person who approves is the person
// served. The /connect link opens the bot's page in Telegram, which proves the Telegram user with Telegram's signed
// data; the page hands a one-time address to the browser, which gets a cookie and goes to the portal; the portal
// sends that same browser back with a 30-second code, exchanged at once; the approving portal and person are
// checked, and the director confirms on the page who will act as whom. Nothing is stored before that.
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../log.ts';
import { createConnectedPortalClient } from '../../portal/client.ts';
import { isPortalError, PortalError } from '../../portal/errors.ts';
import {
  type ApplicationKeys,
  type AuthorizationServer,
  type GrantedTokens,
  GrantRefused,
} from '../../portal/oauth-server.ts';
import {
  type ConnectAttempt,
  type ConnectAttemptRepository,
  type ConnectRequest,
  type ConnectStep,
  hashOf,
  newSecret,
} from '../../storage/connect-attempts.ts';
import type { RateLimit } from '../../storage/instances.ts';
import type { OAuthConnectionRepository } from '../../storage/oauth-connections.ts';
import type { SecretBox } from '../../storage/secret-box.ts';
import type { Refusal } from '../../views/messages-connect.ts';
import { checkInitData, type SignedUser } from '../init-data.ts';
import { portalName } from './portal-address.ts';

/** A /connect link, and every step after it, works this long. */
export const CONNECT_LINK_TTL_MS = 10 * 60_000;
/** Under PUBLIC_URL: the application's handler address, where the portal sends the browser back. */
export const OAUTH_REDIRECT_PATH = '/bitrix24/oauth';
/** Under PUBLIC_URL: the page the /connect button opens in Telegram (under the handler's path, for the proxy). */
export const CONNECT_PAGE_PATH = '/bitrix24/oauth/connect';

/** `attempt` is present when this refusal ended it: its owner is told once. */
export type Refused = { ok: false; reason: Refusal; attempt?: ConnectAttempt; language?: ConnectRequest['language'] };

/** Who approved on the portal, kept sealed until the director confirms. */
interface Approval {
  granted: GrantedTokens;
  grantedAt: number;
  portalUserId: number;
  userName: string;
}

export type Confirmation = {
  ok: true;
  /** The token of the confirmation form. */
  confirm: string;
  telegramName: string;
  portal: string;
  userName: string;
  language: ConnectRequest['language'];
};

export type Connected = { ok: true; attempt: ConnectAttempt; portal: string; userName: string };

export interface ConnectFlow {
  /** The address of the bot's page for this request, to open in Telegram. */
  link(request: ConnectRequest): Promise<string>;
  /** What the page says before anything happens: the attempt's language, when the ticket is known. */
  languageOf(ticket: string): Promise<ConnectRequest['language'] | undefined>;
  /** The page, opened in Telegram, sends its signed data: the one-time address that opens the browser. */
  prove(
    ticket: string,
    initData: string | undefined,
  ): Promise<{ ok: true; handover: string; language: ConnectRequest['language'] } | Refused>;
  /** The browser opens that address: its cookie, and where the portal asks for the approval. */
  handover(secret: string): Promise<{ ok: true; browser: string; portalUrl: string } | Refused>;
  /** The portal sent the browser back with its approval: what to ask the director to confirm. */
  approved(query: URLSearchParams, browser: string | undefined): Promise<Confirmation | Refused>;
  /** The director confirmed (or cancelled) on the page: only now is the connection stored. */
  confirm(token: string, browser: string | undefined, yes: boolean): Promise<Connected | Refused>;
  /** Forgets the director's connection; the portal's name when there was one. */
  disconnect(telegramUserId: number): Promise<string | undefined>;
}

export interface ConnectFlowDeps {
  keys: ApplicationKeys;
  server: AuthorizationServer;
  attempts: ConnectAttemptRepository;
  connections: OAuthConnectionRepository;
  /** Seals the approval while it waits for the confirmation (ENCRYPTION_KEY). */
  box: SecretBox;
  /** The bot's token: Telegram's signed data is checked with it. */
  botToken: string;
  /** PUBLIC_URL, where the bot's pages are. */
  publicUrl: string;
  /** Checked at every step: access may have been withdrawn meanwhile. */
  mayConnect(telegramUserId: number): boolean;
  /** ALLOWED_TELEGRAM_IDS' `12345:7`: the portal user this Telegram user must be, when the operator said so. */
  portalUserOf(telegramUserId: number): number | undefined;
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

/** How the confirmation names the Telegram account: @name, or the name it shows. */
const telegramNameOf = (user: SignedUser) =>
  user.username ? `@${user.username}` : [user.firstName, user.lastName].filter(Boolean).join(' ') || String(user.id);

/** The browser's cookie is the one given when it opened the handover address. */
const sameSecret = (browser: string | undefined, hash: string | undefined) => {
  if (!browser || !hash) return false;
  const given = Buffer.from(hashOf(browser));
  const kept = Buffer.from(hash);
  return given.length === kept.length && timingSafeEqual(given, kept);
};

/** The approving portal is the one the director typed: its REST address, by the authorization server, is there. */
const samePortal = (clientEndpoint: string, typed: string, said: string | null) => {
  const host = new URL(typed).host;
  return new URL(clientEndpoint).host === host && (said === null || said.toLowerCase() === host);
};

const sealedAt = (attempt: ConnectAttempt) => `connect_attempts:${attempt.id}`;

/** What every step shares: the flow's parts, the clock, and how a step ends an attempt. */
interface Steps {
  deps: ConnectFlowDeps;
  logger: Logger;
  now(): number;
  expired(attempt: ConnectAttempt): boolean;
  /** Ends the attempt at `from`; its owner is told only by the request that ended it. */
  refuse(attempt: ConnectAttempt, from: ConnectStep, reason: Refusal): Promise<Refused>;
}

const unknown = (attempt?: ConnectAttempt): Refused => ({
  ok: false,
  reason: 'unknown',
  ...(attempt ? { language: attempt.language } : {}),
});

function stepsOf(deps: ConnectFlowDeps): Steps {
  const logger = deps.logger.child({ part: 'connect' });
  const now = () => deps.now().getTime();
  return {
    deps,
    logger,
    now,
    expired: (attempt) => attempt.expiresAt <= now(),
    async refuse(attempt, from, reason) {
      const ended = await deps.attempts.advance(attempt.id, from, 'refused');
      logger.warn('a connect attempt was refused', { reason, telegramUserId: attempt.telegramUserId, step: from });
      return ended ? { ok: false, reason, attempt, language: attempt.language } : unknown(attempt);
    },
  };
}

/** Who approved: the portal user of the new tokens, asked with them. */
async function whoApproved(deps: ConnectFlowDeps, endpoint: string, accessToken: string) {
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

/** The code exchanged and checked: the approval to seal, or why it is refused. */
async function approval(
  { deps, now }: Steps,
  attempt: ConnectAttempt,
  query: URLSearchParams,
  code: string,
): Promise<Approval | Refusal> {
  try {
    const granted = await deps.server.exchangeCode(code);
    if (!samePortal(granted.clientEndpoint, attempt.portal, query.get('domain'))) return 'otherPortal';
    const approved = await whoApproved(deps, granted.clientEndpoint, granted.accessToken);
    if (!approved) return 'unavailable';
    const mapped = deps.portalUserOf(attempt.telegramUserId);
    if (mapped !== undefined && mapped !== approved.id) return 'otherPerson';
    return { granted, grantedAt: now(), portalUserId: approved.id, userName: approved.name };
  } catch (error) {
    if (error instanceof GrantRefused) return 'refused';
    if (isPortalError(error)) return error.kind === 'unavailable' ? 'unavailable' : 'refused';
    throw error;
  }
}

/** The page, opened in Telegram, proves the account: the one-time address that opens the browser. */
async function prove(steps: Steps, ticket: string, initData: string | undefined): ReturnType<ConnectFlow['prove']> {
  const { deps, expired, refuse } = steps;
  const attempt = await deps.attempts.find('ticket', ticket);
  if (attempt?.step !== 'link') return unknown(attempt);
  if (expired(attempt)) return refuse(attempt, 'link', 'expired');
  const signed = checkInitData(initData, deps.botToken, deps.now());
  if (!signed.ok) return refuse(attempt, 'link', 'notTelegram');
  if (signed.data.user.id !== attempt.telegramUserId) return refuse(attempt, 'link', 'otherAccount');
  if (!deps.mayConnect(attempt.telegramUserId)) return refuse(attempt, 'link', 'refused');
  const handover = newSecret();
  const moved = await deps.attempts.advance(attempt.id, 'link', 'proven', {
    handover,
    telegramName: telegramNameOf(signed.data.user),
  });
  return moved ? { ok: true, handover, language: attempt.language } : unknown(attempt);
}

/** The browser opens the one-time address: its cookie, and where the portal asks for the approval. */
async function handover({ deps, expired, refuse }: Steps, secret: string): ReturnType<ConnectFlow['handover']> {
  const attempt = await deps.attempts.find('handover', secret);
  if (attempt?.step !== 'proven') return unknown(attempt);
  if (expired(attempt)) return refuse(attempt, 'proven', 'expired');
  const browser = newSecret();
  const state = newSecret();
  if (!(await deps.attempts.advance(attempt.id, 'proven', 'portal', { browser, state }))) return unknown(attempt);
  const query = new URLSearchParams({ client_id: deps.keys.clientId, state });
  return { ok: true, browser, portalUrl: `${attempt.portal}/oauth/authorize/?${query}` };
}

/** The portal sent the browser back: the approval checked and sealed, and what to ask the director to confirm. */
async function approved(
  steps: Steps,
  query: URLSearchParams,
  browser: string | undefined,
): Promise<Confirmation | Refused> {
  const { deps, logger, expired, refuse } = steps;
  const attempt = await deps.attempts.find('state', query.get('state') ?? '');
  if (attempt?.step !== 'portal') {
    logger.warn('a connect redirect with an unknown, used or expired state was refused');
    return unknown(attempt);
  }
  if (expired(attempt)) return refuse(attempt, 'portal', 'expired');
  if (!sameSecret(browser, attempt.browserHash)) return refuse(attempt, 'portal', 'otherBrowser');
  const code = query.get('code');
  if (!code || !deps.mayConnect(attempt.telegramUserId)) return refuse(attempt, 'portal', 'refused');
  // Taken once: the code works once, and two tabs coming back must not both exchange it.
  if (!(await deps.attempts.advance(attempt.id, 'portal', 'approving'))) return unknown(attempt);
  const found = await approval(steps, attempt, query, code);
  if (typeof found === 'string') return refuse(attempt, 'approving', found);
  const confirm = newSecret();
  const grantSealed = deps.box.seal(JSON.stringify(found), sealedAt(attempt));
  if (!(await deps.attempts.advance(attempt.id, 'approving', 'confirm', { grantSealed, confirm }))) {
    return unknown(attempt);
  }
  return {
    ok: true,
    confirm,
    telegramName: attempt.telegramName ?? String(attempt.telegramUserId),
    portal: portalName(attempt.portal),
    userName: found.userName,
    language: attempt.language,
  };
}

/** The director confirmed (or cancelled) on the page: only now is the connection stored. */
async function confirm(
  steps: Steps,
  token: string,
  browser: string | undefined,
  yes: boolean,
): Promise<Connected | Refused> {
  const { deps, expired, refuse } = steps;
  const attempt = await deps.attempts.find('confirm', token);
  if (!attempt?.grantSealed || attempt.step !== 'confirm') return unknown(attempt);
  if (expired(attempt)) return refuse(attempt, 'confirm', 'expired');
  if (!sameSecret(browser, attempt.browserHash)) return refuse(attempt, 'confirm', 'otherBrowser');
  if (!yes) return refuse(attempt, 'confirm', 'cancelled');
  if (!deps.mayConnect(attempt.telegramUserId)) return refuse(attempt, 'confirm', 'refused');
  const sealed = JSON.parse(deps.box.open(attempt.grantSealed, sealedAt(attempt))) as Approval;
  if (!(await deps.attempts.advance(attempt.id, 'confirm', 'done'))) return unknown(attempt);
  const portal = await store(steps, attempt, sealed);
  return { ok: true, attempt, portal, userName: sealed.userName };
}

/** The confirmed approval stored as the director's connection; the portal's name. */
async function store({ deps, logger }: Steps, attempt: ConnectAttempt, approved: Approval): Promise<string> {
  const { granted } = approved;
  const portal = portalName(new URL(granted.clientEndpoint).origin);
  await deps.connections.connect(
    attempt.telegramUserId,
    {
      memberId: granted.memberId,
      domain: portal,
      clientEndpoint: granted.clientEndpoint,
      portalUserId: approved.portalUserId,
      userName: approved.userName,
    },
    {
      accessToken: granted.accessToken,
      refreshToken: granted.refreshToken,
      accessExpiresAt: approved.grantedAt + granted.expiresInSec * 1000,
    },
  );
  await deps.onSwitch(attempt.telegramUserId);
  logger.info('director connected their portal', {
    telegramUserId: attempt.telegramUserId,
    memberId: granted.memberId,
    portalUserId: approved.portalUserId,
  });
  return portal;
}

export function createConnectFlow(deps: ConnectFlowDeps): ConnectFlow {
  const steps = stepsOf(deps);
  return {
    async link(request) {
      const ticket = await deps.attempts.open(request, deps.now(), CONNECT_LINK_TTL_MS);
      return `${deps.publicUrl}${CONNECT_PAGE_PATH}?${new URLSearchParams({ t: ticket })}`;
    },
    async languageOf(ticket) {
      return (await deps.attempts.find('ticket', ticket))?.language;
    },
    prove: (ticket, initData) => prove(steps, ticket, initData),
    handover: (secret) => handover(steps, secret),
    approved: (query, browser) => approved(steps, query, browser),
    confirm: (token, browser, yes) => confirm(steps, token, browser, yes),
    async disconnect(telegramUserId) {
      const connection = await deps.connections.get(telegramUserId);
      if (!connection || !(await deps.connections.remove(telegramUserId))) return undefined;
      await deps.onSwitch(telegramUserId);
      return connection.domain;
    },
  };
}
