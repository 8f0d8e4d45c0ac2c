// Wires the product's parts around its portals and one database. `main.ts` (Telegram), the demo and the
// end-to-end tests all build the assistant here, so what the tests run is what the operator runs.
//
// A director acts through one workspace: the company webhook (ALLOWED_TELEGRAM_IDS), or their own connection
// through the Bitrix24 application, with their own rights. Each workspace has its own portal client, name caches
// and assistant, so two companies, or two people of different rights, never share what one of them may see.
import { createAssistant } from './assistant/assistant.ts';
import { createIdentify, type Identify } from './assistant/identify.ts';
import type { ModelLoop, ModelLoopDeps } from './assistant/model/index.ts';
import { understand } from './assistant/router/index.ts';
import { CONNECT_LINK_TTL_MS, type ConnectFlow, createConnectFlow } from './connect/flow.ts';
import { OAUTH_REDIRECT_PATH, oauthRedirectRoute } from './connect/redirect-route.ts';
import { DIGEST_CONTENT } from './digests/content.ts';
import { createDigestDispatcher, type DigestDispatcherDeps, type RunningDigests } from './digests/dispatcher.ts';
import { createDigestSettings } from './digests/settings.ts';
import type { Logger } from './log.ts';
import { type BucketSource, type RateLimit, sharedBucket } from './portal/bucket.ts';
import { createConnectedPortalClient } from './portal/client.ts';
import { type ApplicationKeys, type AuthorizationServer, createAuthorizationServer } from './portal/oauth-server.ts';
import type { PortalClient } from './portal/port.ts';
import { connectionEnded, createTokenKeeper } from './portal/tokens.ts';
import { createScenarios, type Scenarios } from './scenarios/index.ts';
import { createWriteLookup } from './scenarios/write-lookup.ts';
import { type Database, openDatabase, ping } from './storage/db.ts';
import { createDirectorRepository } from './storage/directors.ts';
import { createLeases, createSeenUpdates, createSharedBuckets, instanceName } from './storage/instances.ts';
import { createMemoryRepository } from './storage/memory.ts';
import { createOAuthConnectionRepository, type OAuthConnection } from './storage/oauth-connections.ts';
import { createOAuthStateRepository } from './storage/oauth-states.ts';
import { createProposalRepository } from './storage/proposals.ts';
import { createSecretBox } from './storage/secret-box.ts';
import type { AccessList, AssistantPort, ConnectPort } from './telegram/ports.ts';
import { pictureReply } from './views/charts/picture.ts';
import { CONNECT_AGAIN, CONNECT_BUTTON, CONNECT_FIRST } from './views/messages.ts';
import { renderView } from './views/render.ts';
import type { Reply } from './views/reply.ts';

export { OAUTH_REDIRECT_PATH };

/** The Bitrix24 application (OAuth 2.0) the operator registered: directors connect with their own rights. */
export interface ApplicationOptions {
  keys: ApplicationKeys;
  /** ENCRYPTION_KEY: the directors' tokens are sealed with it. */
  encryptionKey: string;
  /** ALLOW_CONNECTED_PORTALS: anyone who connects a portal where the application is installed may use the bot. */
  allowConnectedPortals: boolean;
  /** Tests hand in a short one; the portal's own limit otherwise. */
  rateLimit?: RateLimit;
  /** Renew a token this long before it expires (default a minute). */
  renewAheadMs?: number;
}

// A little under Telegram's 30 messages a second per bot, one at a time.
export const TELEGRAM_RATE = { perSecond: 29, burst: 1 };

export interface AppOptions {
  /**
   * The company webhook (BITRIX24_WEBHOOK_URL), when there is one: its client, or how to build it once the app
   * knows where the portal's request limit is counted.
   */
  portal?: PortalClient | ((buckets: BucketSource) => PortalClient);
  application?: ApplicationOptions;
  databasePath: string;
  /** A PostgreSQL database shared with other instances; when set, `databasePath` is not used. */
  databaseUrl?: string;
  /** ALLOWED_TELEGRAM_IDS: each Telegram user, and the portal user it stands for when given. */
  allowed: readonly { telegramUserId: number; portalUserId?: number }[];
  model?: { apiKey: string; baseURL?: string; model: string };
  logger: Logger;
  now?: () => Date;
  proposalTtlMs?: number;
  /** This instance's name, lease and tick for the digest round (tests of several instances make them short). */
  digestRound?: Pick<DigestDispatcherDeps, 'instance' | 'leaseMs' | 'tickMs' | 'rate'>;
}

export interface App {
  assistant: AssistantPort;
  access: AccessList;
  /** /connect and /disconnect, when an application is configured. */
  connect?: ConnectPort;
  db: Database;
  /** Starts the digest schedule; `send` delivers one director's digest to their chat. */
  startDigests(send: (chatId: number, replies: Reply[]) => Promise<void>): RunningDigests;
  /** The handler of the application's redirect (mounted at OAUTH_REDIRECT_PATH); `notify` writes to a chat. */
  oauthRoute?(notify: (chatId: number, replies: Reply[]) => Promise<void>): ReturnType<typeof oauthRedirectRoute>;
  /** Health check: resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The company webhook's client, when there is one. */
  portal?: PortalClient;
  /** First time any instance sees this Telegram update → true (webhook mode drops repeats). */
  markSeen(updateId: number): Promise<boolean>;
}

/** Everything that serves directors through one portal identity. */
interface Workspace {
  assistant: AssistantPort;
  scenarios: Scenarios;
  /** Who a Telegram user is on this portal: for the conversation and the digests alike. */
  identify: Identify;
}

/** The portal user a Telegram user stands for; undefined = the client's own user. */
type Identity = (telegramUserId: number) => number | undefined;

/** Where a Telegram user's requests go now. */
type Seat =
  | { kind: 'webhook' }
  | { kind: 'connected'; connection: OAuthConnection }
  /** Their own connection ended: they are asked to connect again, never moved to someone else's rights. */
  | { kind: 'ended' }
  | { kind: 'none' };

/**
 * The model's client (openai) and tokenizer are big: loaded on the first free-form question, and never when no
 * model is configured.
 */
function lazyModelLoop(deps: ModelLoopDeps): ModelLoop {
  let loop: Promise<ModelLoop> | undefined;
  return {
    async answer(input) {
      loop ??= import('./assistant/model/index.ts').then(({ createModelLoop }) => createModelLoop(deps));
      return (await loop).answer(input);
    },
  };
}

export async function createApp(options: AppOptions): Promise<App> {
  const now = options.now ?? (() => new Date());
  const logger = options.logger;
  const db = await openDatabase(options.databaseUrl ?? options.databasePath);
  // Several instances share one PostgreSQL database, and with it each portal's request limit.
  const buckets = db.engine === 'postgres' ? createSharedBuckets(db) : sharedBucket;
  const portal = typeof options.portal === 'function' ? options.portal(buckets) : options.portal;
  const directors = createDirectorRepository(db);
  const proposals = createProposalRepository(db);
  const memory = createMemoryRepository(db);
  const portalUserOf = new Map(options.allowed.map((entry) => [entry.telegramUserId, entry.portalUserId]));
  const digestSettings = createDigestSettings({ db, now });
  const application = options.application;

  const workspaceOf = (portal: PortalClient, identity: Identity): Workspace => {
    const scenarios = createScenarios({ portal, now });
    const identify = createIdentify({ directors, identity, profile: scenarios.profile, now, logger });
    const model = options.model
      ? lazyModelLoop({ ...options.model, portal, names: scenarios.names, now, logger })
      : undefined;
    const assistant = createAssistant({
      scenarios,
      understand,
      model,
      portal,
      proposals,
      directors,
      memory,
      digests: digestSettings,
      identify,
      lookup: createWriteLookup({ portal, names: scenarios.names, now }),
      now,
      logger,
      proposalTtlMs: options.proposalTtlMs,
      offerConnect: Boolean(application),
    });
    return { assistant, scenarios, identify };
  };
  const webhook = portal && workspaceOf(portal, (telegramUserId) => portalUserOf.get(telegramUserId));

  // ─── directors' own connections ──────────────────────────────────────────
  const connections = application
    ? createOAuthConnectionRepository(db, createSecretBox(application.encryptionKey))
    : undefined;
  const server: AuthorizationServer | undefined = application && createAuthorizationServer(application.keys);
  const keeper =
    connections && server
      ? createTokenKeeper({
          connections,
          server,
          now,
          ...(application?.renewAheadMs === undefined ? {} : { aheadMs: application.renewAheadMs }),
          // Instances sharing the database renew a connection one at a time: its refresh token works only once.
          shared: { leases: createLeases(db), owner: instanceName(options.digestRound?.instance) },
          onEnded: (connection) =>
            logger.warn('a director’s connection ended: the portal refused to renew it', {
              telegramUserId: connection.telegramUserId,
              memberId: connection.memberId,
            }),
        })
      : undefined;
  // One workspace per connection, made on first use; a new connection (another portal or user) gets a new one.
  const connected = new Map<string, Workspace>();
  const connectedWorkspace = (connection: OAuthConnection): Workspace => {
    const key = `${connection.telegramUserId}|${connection.memberId}|${connection.portalUserId}`;
    let workspace = connected.get(key);
    if (!workspace && keeper) {
      const portal = createConnectedPortalClient({
        endpoint: connection.clientEndpoint,
        portalUserId: connection.portalUserId,
        tokens: keeper.sourceFor(connection.telegramUserId),
        logger,
        buckets,
        ...(application?.rateLimit ? { rateLimit: application.rateLimit } : {}),
      });
      // The tokens say who the director is; ALLOWED_TELEGRAM_IDS' mapping is for the webhook only.
      workspace = workspaceOf(portal, () => undefined);
      connected.set(key, workspace);
    }
    if (!workspace) throw new Error('a connection without an application');
    return workspace;
  };

  const seatOf = async (telegramUserId: number): Promise<Seat> => {
    const connection = await connections?.get(telegramUserId);
    if (connection) return connection.tokens ? { kind: 'connected', connection } : { kind: 'ended' };
    // Who may come in at all is the Telegram side's check (access); without a connection of their own, the webhook.
    return webhook ? { kind: 'webhook' } : { kind: 'none' };
  };
  const workspaceFor = async (telegramUserId: number): Promise<Workspace | undefined> => {
    const seat = await seatOf(telegramUserId);
    if (seat.kind === 'webhook') return webhook;
    return seat.kind === 'connected' ? connectedWorkspace(seat.connection) : undefined;
  };
  const mayConnect = (telegramUserId: number) =>
    Boolean(application?.allowConnectedPortals) || portalUserOf.has(telegramUserId);
  const isAllowed = async (telegramUserId: number) =>
    portalUserOf.has(telegramUserId) ||
    Boolean(application?.allowConnectedPortals && (await connections?.get(telegramUserId)));
  /** Who gets digests now: allowed, with a portal to act through (an ended connection stops them). */
  const servedNow = async (): Promise<number[]> => {
    const ids = new Set<number>();
    for (const id of portalUserOf.keys()) if (await workspaceFor(id)) ids.add(id);
    for (const id of (await connections?.liveUsers()) ?? []) if (await isAllowed(id)) ids.add(id);
    return [...ids];
  };

  /** Without a workspace: one sentence (connect, or connect again) and the button to do it. */
  const noWorkspace = async (telegramUserId: number): Promise<Reply[]> => {
    const language = (await directors.get(telegramUserId))?.language ?? 'ru';
    const ended = (await seatOf(telegramUserId)).kind === 'ended';
    const sentence = (ended ? CONNECT_AGAIN : CONNECT_FIRST)[language];
    if (!application) return [{ html: sentence }];
    return [{ html: sentence, buttons: [[{ text: CONNECT_BUTTON[language], action: { kind: 'connect' } }]] }];
  };

  const assistant: AssistantPort = {
    async handleText(conversation, text, handling) {
      const workspace = await workspaceFor(conversation.telegramUserId);
      if (!workspace) return noWorkspace(conversation.telegramUserId);
      return workspace.assistant.handleText(conversation, text, handling);
    },
    async handleButton(conversation, data, messageId) {
      const workspace = await workspaceFor(conversation.telegramUserId);
      if (!workspace) return { replies: await noWorkspace(conversation.telegramUserId) };
      return workspace.assistant.handleButton(conversation, data, messageId);
    },
  };

  const flow: ConnectFlow | undefined =
    application && connections && server
      ? createConnectFlow({
          keys: application.keys,
          server,
          states: createOAuthStateRepository(db),
          connections,
          mayConnect,
          // Questions asked and context kept on the other portal mean other records here.
          onSwitch: async (telegramUserId) => {
            for (const key of connected.keys()) if (key.startsWith(`${telegramUserId}|`)) connected.delete(key);
            await proposals.cancelAll(telegramUserId);
            await memory.setContext(telegramUserId, undefined);
          },
          now,
          logger,
          ...(application.rateLimit ? { rateLimit: application.rateLimit } : {}),
        })
      : undefined;

  // The zone is the portal user's own and can change there: read it again before each slot. The portal user is
  // the one the director's workspace names now: a changed mapping or a new connection shows the new person's
  // data, never the old one's.
  const refreshDirector = async (telegramUserId: number) =>
    (await workspaceFor(telegramUserId))?.identify.refresh(telegramUserId);

  const app: App = {
    assistant,
    access: { isAllowed },
    db,
    startDigests(send) {
      const dispatcher = createDigestDispatcher({
        // Telegram's limit is per bot: instances sharing a database share it too.
        ...(db.engine === 'postgres' ? { telegramBucket: buckets('telegram', TELEGRAM_RATE) } : {}),
        ...options.digestRound,
        db,
        now,
        logger,
        send,
        allowed: servedNow,
        refreshDirector,
        content: async (record, digest) => {
          const workspace = await workspaceFor(record.telegramUserId);
          // Ended while this round began: the slot gets the one sentence asking to connect again.
          if (!workspace && (await seatOf(record.telegramUserId)).kind === 'ended') throw connectionEnded();
          if (!workspace) return null;
          const { scenarios } = workspace;
          // The weekly report comes with its picture: the money won week by week.
          if (digest === 'weeklyReport') {
            const picture = await scenarios.picture(record, DIGEST_CONTENT[digest]);
            if (!picture) return null;
            const text = renderView(picture.view, record.language);
            return picture.chart ? [...text, pictureReply(picture.view, picture.chart, record.language)] : text;
          }
          const view = await scenarios.run(record, DIGEST_CONTENT[digest]);
          return view ? renderView(view, record.language) : null;
        },
      });
      return dispatcher.start();
    },
    ping: async () => ping(db),
    ...(portal ? { portal } : {}),
    markSeen: createSeenUpdates(db, now),
    close: () => db.close(),
  };
  if (flow && application) {
    app.connect = {
      mayConnect,
      link: (request) => flow.link(request),
      disconnect: (telegramUserId) => flow.disconnect(telegramUserId),
      linkTtlMs: CONNECT_LINK_TTL_MS,
    };
    app.oauthRoute = (notify) => oauthRedirectRoute(flow, notify, logger);
  }
  return app;
}
