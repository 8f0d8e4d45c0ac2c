// Wires the product's parts around its portals and one database. `main.ts` (Telegram), the demo and the
// end-to-end tests all build the assistant here, so what the tests run is what the operator runs.
//
// A director acts through one workspace: the company webhook (ALLOWED_TELEGRAM_IDS), or their own connection
// through the Bitrix24 application, with their own rights. Each workspace has its own portal client, name caches
// and assistant, so two companies, or two people of different rights, never share what one of them may see.

import type { AccessList, ConnectPort } from './access/access-ports.ts';
import {
  type ApplicationOptions,
  connectFlowOf,
  type OwnConnections,
  ownConnections,
} from './access/connect/application.ts';
import { CONNECT_LINK_TTL_MS, OAUTH_REDIRECT_PATH } from './access/connect/flow.ts';
import { connectRoutes, type Notify } from './access/connect/routes.ts';
import { createIdentify, type Identify } from './access/identify.ts';
import type { AlertOutlet } from './alerts/delivery.ts';
import type { RunningAlerts } from './alerts/index.ts';
import type { AlertSettings } from './alerts/settings.ts';
import { type AlertSettingsPort, createAlertSettings } from './alerts/settings-port.ts';
import type { EventsMode } from './alerts/watch.ts';
import { alertStarter, withHeldAlerts } from './alerts/wiring.ts';
import { createAssistant } from './assistant/assistant.ts';
import type { AssistantPort } from './assistant/assistant-port.ts';
import { alertSources } from './dashboard/alert-sources.ts';
import type { DashboardSeat } from './dashboard/routes.ts';
import { DIGEST_CONTENT } from './digests/content.ts';
import { createDigestDispatcher, type DigestDispatcherDeps, type RunningDigests } from './digests/dispatcher.ts';
import { createDigestSettings, type DigestSettingsPort } from './digests/settings.ts';
import type { Logger } from './log.ts';
import type { RouteHandler } from './ops/listener.ts';
import { type BucketSource, sharedBucket } from './portal/bucket.ts';
import { createConnectedPortalClient } from './portal/client.ts';
import type { PortalClient } from './portal/port.ts';
import { connectionEnded } from './portal/tokens.ts';
import { pictureReply } from './scenarios/files/picture.ts';
import { createScenarios, type Scenarios } from './scenarios/index.ts';
import { createWriteLookup } from './scenarios/writes/write-lookup.ts';
import { type AlertRepository, createAlertRepository } from './storage/alerts.ts';
import { type Database, type DatabaseTimeouts, openDatabase, ping } from './storage/db.ts';
import { createDirectorRepository, type DirectorRepository } from './storage/directors.ts';
import { createSeenUpdates, createSharedBuckets } from './storage/instances.ts';
import { createMemoryRepository, type MemoryRepository } from './storage/memory.ts';
import type { OAuthConnection } from './storage/oauth-connections.ts';
import { createPlanRepository, type PlanRepository } from './storage/plans.ts';
import { createPortalQuestions } from './storage/portal-questions.ts';
import { createProposalRepository, type ProposalRepository } from './storage/proposal-repository.ts';
import { workspaceTagOf } from './telegram/workspace-tag.ts';
import { lazyModelLoop } from './understanding/model/lazy.ts';
import { understand } from './understanding/router/index.ts';
import type { Understand } from './understanding/understand-context.ts';
import { CONNECT_AGAIN, CONNECT_BUTTON, CONNECT_FIRST } from './views/messages.ts';
import { OTHER_PORTAL_TAP } from './views/messages-connect.ts';
import type { Reply } from './views/reply.ts';
import { keepWhileUsed } from './workspace-keeper.ts';

export type { ApplicationOptions };
export { OAUTH_REDIRECT_PATH };

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
  /** PostgreSQL's connection and statement time limits (tests of a hung server shorten them). */
  databaseTimeouts?: DatabaseTimeouts;
  /** ALLOWED_TELEGRAM_IDS: each Telegram user, and the portal user it stands for when given. */
  allowed: readonly { telegramUserId: number; portalUserId?: number }[];
  model?: { apiKey: string; baseURL?: string; model: string };
  /** How messages are understood without a model (default: the router's rules; the model evaluation turns them off). */
  understand?: Understand;
  logger: Logger;
  now?: () => Date;
  proposalTtlMs?: number;
  /** This instance's name, lease and tick for the digest round (tests of several instances make them short). */
  digestRound?: Pick<DigestDispatcherDeps, 'instance' | 'leaseMs' | 'tickMs' | 'rate'>;
  /** BITRIX24_EVENTS. */
  events?: EventsMode;
  /** Where the portals call the online event handler: `<PUBLIC_URL>/bitrix24/events`. */
  eventsHandler?: string;
  /** Alert settings a director starts with, over the product's defaults (the demo keeps no quiet hours). */
  alertDefaults?: Partial<AlertSettings>;
}

export interface App {
  assistant: AssistantPort;
  access: AccessList;
  /** /connect and /disconnect, when an application is configured. */
  connect?: ConnectPort;
  db: Database;
  /** Starts watching the portals for alerts; `outlet` sends and edits alert messages. `timer: false`: tests tick. */
  startAlerts(outlet: AlertOutlet, options?: { timer?: boolean }): RunningAlerts;
  /** Starts the digest schedule; `send` delivers one director's digest to their chat. */
  startDigests(send: (chatId: number, replies: Reply[]) => Promise<void>): RunningDigests;
  /** The connect pages and the application's handler, by path, to mount on the listener; `notify` writes to a chat. */
  connectRoutes?(notify: Notify): [path: string, handler: RouteHandler][];
  /** Health check: resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The company webhook's client, when there is one. */
  portal?: PortalClient;
  /** First time any instance sees this Telegram update → true (webhook mode drops repeats). */
  markSeen(updateId: number): Promise<boolean>;
  /** The dashboard's way in: the chat's own rules for one Telegram user (allowed, their workspace, their portal user). */
  dashboardSeat(telegramUserId: number): Promise<DashboardSeat | undefined>;
}

/** Everything that serves directors through one portal identity. */
interface Workspace {
  assistant: AssistantPort;
  portal: PortalClient;
  scenarios: Scenarios;
  /** Who a Telegram user is on this portal: for the conversation and the digests alike. */
  identify: Identify;
  /** The portal's tag on every button of this workspace's messages. */
  tag: string;
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

export async function createApp(options: AppOptions): Promise<App> {
  const shared = await openShared(options);
  const portal = typeof options.portal === 'function' ? options.portal(shared.buckets) : options.portal;
  const portalUserOf = new Map(options.allowed.map((entry) => [entry.telegramUserId, entry.portalUserId]));
  const webhook =
    portal &&
    workspaceOf(shared, options, portal, {
      identity: (telegramUserId) => portalUserOf.get(telegramUserId),
      tag: workspaceTagOf(`webhook ${portal.origin ?? String(portal)}`),
    });
  const own = ownConnections(shared, options.application, options.digestRound?.instance);
  const seats = createSeats(shared, options, webhook, own);
  const access = accessRules(portalUserOf, own, seats);
  const app: App = {
    assistant: assistantPort(shared, seats, noWorkspaceReplies(shared, seats, options.application)),
    access: { isAllowed: access.isAllowed },
    db: shared.db,
    startDigests: digestStarter(shared, options, seats, access.servedNow),
    startAlerts: alertsOver(shared, options, seats, access.servedNow),
    ping: async () => ping(shared.db),
    ...(portal ? { portal } : {}),
    markSeen: createSeenUpdates(shared.db, shared.now),
    close: () => shared.db.close(),
    async dashboardSeat(telegramUserId) {
      if (!(await access.isAllowed(telegramUserId))) return undefined;
      const workspace = await seats.workspaceFor(telegramUserId);
      // A private chat's id is the user's own: the record is the one the chat keeps.
      const director = await workspace?.identify.director({ telegramUserId, chatId: telegramUserId });
      return workspace && director
        ? {
            director,
            portal: workspace.portal,
            plans: shared.plans,
            sources: alertSources({
              alerts: shared.alerts,
              names: workspace.scenarios.names,
              telegramUserId,
              now: shared.now,
            }),
          }
        : undefined;
    },
  };
  const flow =
    own &&
    connectFlowOf(shared, own, {
      mayConnect: access.mayConnect,
      portalUserOf: (id) => portalUserOf.get(id),
      // Questions asked and context kept on the other portal mean other records here.
      onSwitch: async (telegramUserId) => {
        seats.forget(telegramUserId);
        await shared.proposals.cancelAll(telegramUserId);
        await shared.memory.setContext(telegramUserId, undefined);
      },
    });
  if (flow && own) {
    app.connect = {
      mayConnect: access.mayConnect,
      link: (request) => flow.link(request),
      disconnect: (telegramUserId) => flow.disconnect(telegramUserId),
      linkTtlMs: CONNECT_LINK_TTL_MS,
      addressQuestion: createPortalQuestions(shared.db),
    };
    const { publicUrl } = own.application;
    app.connectRoutes = (notify) => connectRoutes({ flow, notify, publicUrl, logger: shared.logger });
  }
  return app;
}

/** What every workspace shares: the database, its repositories and the portals' request limits, the clock, the log. */
interface Shared {
  db: Database;
  buckets: BucketSource;
  directors: DirectorRepository;
  proposals: ProposalRepository;
  memory: MemoryRepository;
  plans: PlanRepository;
  digestSettings: DigestSettingsPort;
  alerts: AlertRepository;
  alertSettings: AlertSettingsPort;
  now: () => Date;
  logger: Logger;
}

async function openShared(options: AppOptions): Promise<Shared> {
  const now = options.now ?? (() => new Date());
  const db = await openDatabase(
    options.databaseUrl ?? options.databasePath,
    options.databaseTimeouts ? { timeouts: options.databaseTimeouts } : {},
  );
  const alerts = createAlertRepository(db);
  return {
    db,
    // Several instances share one PostgreSQL database, and with it each portal's request limit.
    buckets: db.engine === 'postgres' ? createSharedBuckets(db) : sharedBucket,
    directors: createDirectorRepository(db),
    proposals: createProposalRepository(db),
    memory: createMemoryRepository(db),
    plans: createPlanRepository(db),
    digestSettings: createDigestSettings({ db, now }),
    alerts,
    alertSettings: createAlertSettings({ alerts, now, defaults: options.alertDefaults }),
    now,
    logger: options.logger,
  };
}

/** The scenarios, the model and the assistant over one portal client, acting as `identity` says. */
function workspaceOf(
  shared: Shared,
  options: AppOptions,
  portal: PortalClient,
  { identity, tag }: { identity: Identity; tag: string },
): Workspace {
  const { directors, proposals, memory, plans, digestSettings, alertSettings, now, logger } = shared;
  const scenarios = createScenarios({ portal, now, plans });
  const identify = createIdentify({ directors, identity, profile: scenarios.profile, now, logger });
  const model = options.model
    ? lazyModelLoop({ ...options.model, portal, names: scenarios.names, now, logger })
    : undefined;
  const assistant = createAssistant({
    scenarios,
    understand: options.understand ?? understand,
    model,
    portal,
    proposals,
    plans,
    directors,
    memory,
    digests: digestSettings,
    alerts: alertSettings,
    identify,
    lookup: createWriteLookup({ portal, names: scenarios.names, now, plans }),
    now,
    logger,
    proposalTtlMs: options.proposalTtlMs,
    offerConnect: Boolean(options.application),
  });
  return { assistant, scenarios, identify, tag, portal };
}

/** Where each Telegram user's requests go, and the workspace that serves them there. */
interface Seats {
  seatOf(telegramUserId: number): Promise<Seat>;
  workspaceFor(telegramUserId: number): Promise<Workspace | undefined>;
  /** Forgets a user's workspaces of their own: after a switch to another portal or user. */
  forget(telegramUserId: number): void;
}

function createSeats(
  shared: Shared,
  options: AppOptions,
  webhook: Workspace | undefined,
  own: OwnConnections | undefined,
): Seats {
  // One workspace per connection, made on first use and let go when idle; a new connection (another portal or
  // user) gets a new one.
  const connected = keepWhileUsed<Workspace>(shared.now);
  const connectedWorkspace = (connection: OAuthConnection): Workspace => {
    if (!own) throw new Error('a connection without an application');
    const key = `${connection.telegramUserId}|${connection.memberId}|${connection.portalUserId}`;
    return connected.use(key, () => {
      const portal = createConnectedPortalClient({
        endpoint: connection.clientEndpoint,
        portalUserId: connection.portalUserId,
        tokens: own.keeper.sourceFor(connection.telegramUserId),
        logger: shared.logger,
        buckets: shared.buckets,
        ...(own.application.rateLimit ? { rateLimit: own.application.rateLimit } : {}),
      });
      // The tokens say who the director is; ALLOWED_TELEGRAM_IDS' mapping is for the webhook only.
      return workspaceOf(shared, options, portal, {
        identity: () => undefined,
        tag: workspaceTagOf(`member ${connection.memberId}`),
      });
    });
  };
  const seatOf = async (telegramUserId: number): Promise<Seat> => {
    const connection = await own?.connections.get(telegramUserId);
    if (connection) return connection.tokens ? { kind: 'connected', connection } : { kind: 'ended' };
    // Who may come in at all is the Telegram side's check (access); without a connection of their own, the webhook.
    return webhook ? { kind: 'webhook' } : { kind: 'none' };
  };
  return {
    seatOf,
    async workspaceFor(telegramUserId) {
      const seat = await seatOf(telegramUserId);
      if (seat.kind === 'webhook') return webhook;
      return seat.kind === 'connected' ? connectedWorkspace(seat.connection) : undefined;
    },
    forget: (telegramUserId) => connected.forget(`${telegramUserId}|`),
  };
}

/** Who may connect, who may come in, and who gets digests now. */
function accessRules(portalUserOf: Map<number, number | undefined>, own: OwnConnections | undefined, seats: Seats) {
  const allowConnected = Boolean(own?.application.allowConnectedPortals);
  const isAllowed = async (telegramUserId: number) =>
    portalUserOf.has(telegramUserId) || Boolean(allowConnected && (await own?.connections.get(telegramUserId)));
  return {
    mayConnect: (telegramUserId: number) => allowConnected || portalUserOf.has(telegramUserId),
    isAllowed,
    /** Allowed, with a portal to act through (an ended connection stops them). */
    async servedNow(): Promise<number[]> {
      const ids = new Set<number>();
      for (const id of portalUserOf.keys()) if (await seats.workspaceFor(id)) ids.add(id);
      for (const id of (await own?.connections.liveUsers()) ?? []) if (await isAllowed(id)) ids.add(id);
      return [...ids];
    },
  };
}

/** Without a workspace: one sentence (connect, or connect again) and the button to do it. */
function noWorkspaceReplies(shared: Shared, seats: Seats, application: ApplicationOptions | undefined) {
  return async (telegramUserId: number): Promise<Reply[]> => {
    const language = (await shared.directors.get(telegramUserId))?.language ?? 'ru';
    const ended = (await seats.seatOf(telegramUserId)).kind === 'ended';
    const sentence = (ended ? CONNECT_AGAIN : CONNECT_FIRST)[language];
    if (!application) return [{ html: sentence }];
    return [{ html: sentence, buttons: [[{ text: CONNECT_BUTTON[language], action: { kind: 'connect' } }]] }];
  };
}

/** Each message and tap goes to the assistant of the sender's workspace. */
/** Replies of one workspace: their buttons carry its portal's tag. */
const taggedWith = (tag: string, replies: Reply[]): Reply[] => replies.map((reply) => ({ ...reply, portalTag: tag }));

/**
 * Each message and tap goes to the assistant of the sender's workspace. A tap on a message of another portal (the
 * director has switched since) acts on nothing: its numbers would name other records here.
 */
function assistantPort(
  shared: Shared,
  seats: Seats,
  noWorkspace: (telegramUserId: number) => Promise<Reply[]>,
): AssistantPort {
  return {
    async handleText(conversation, text, handling) {
      const workspace = await seats.workspaceFor(conversation.telegramUserId);
      if (!workspace) return noWorkspace(conversation.telegramUserId);
      return taggedWith(workspace.tag, await workspace.assistant.handleText(conversation, text, handling));
    },
    async handleButton(conversation, tap, messageId) {
      const workspace = await seats.workspaceFor(conversation.telegramUserId);
      if (!workspace) return { replies: await noWorkspace(conversation.telegramUserId) };
      if (tap.portalTag !== undefined && tap.portalTag !== workspace.tag) {
        const language = (await shared.directors.get(conversation.telegramUserId))?.language ?? 'ru';
        return { replies: [], notice: OTHER_PORTAL_TAP[language] };
      }
      const outcome = await workspace.assistant.handleButton(conversation, tap, messageId);
      return {
        ...outcome,
        ...(outcome.edit ? { edit: { ...outcome.edit, portalTag: workspace.tag } } : {}),
        replies: taggedWith(workspace.tag, outcome.replies),
      };
    },
  };
}

/** The digest schedule over the workspaces: each digest read through the director's own workspace. */
function digestStarter(
  shared: Shared,
  options: AppOptions,
  seats: Seats,
  servedNow: () => Promise<number[]>,
): App['startDigests'] {
  const { db, buckets, now, logger } = shared;
  return (send) =>
    createDigestDispatcher({
      // Telegram's limit is per bot: instances sharing a database share it too.
      ...(db.engine === 'postgres' ? { telegramBucket: buckets('telegram', TELEGRAM_RATE) } : {}),
      ...options.digestRound,
      db,
      now,
      logger,
      send,
      allowed: servedNow,
      // The zone is the portal user's own and can change there: read it again before each slot. The portal user is
      // the one the director's workspace names now: a changed mapping or a new connection shows the new person's
      // data, never the old one's.
      refreshDirector: async (telegramUserId) =>
        (await seats.workspaceFor(telegramUserId))?.identify.refresh(telegramUserId),
      content: withHeldAlerts(shared.alerts, shared.now, digestContent(seats)),
    }).start();
}

/** Alerts over the workspaces: each director's portal watched the way it is connected, read with their rights. */
function alertsOver(shared: Shared, options: AppOptions, seats: Seats, servedNow: () => Promise<number[]>) {
  return alertStarter({
    db: shared.db,
    alerts: shared.alerts,
    settings: shared.alertSettings,
    logger: shared.logger,
    ...(options.digestRound?.instance ? { instance: options.digestRound.instance } : {}),
    source: {
      servedNow,
      async seatOf(telegramUserId) {
        const seat = await seats.seatOf(telegramUserId);
        if (seat.kind === 'connected') return { kind: 'connected', memberId: seat.connection.memberId };
        return seat.kind === 'webhook' ? { kind: 'webhook' } : { kind: 'none' };
      },
      async workspaceFor(telegramUserId) {
        const workspace = await seats.workspaceFor(telegramUserId);
        return (
          workspace && { portal: workspace.portal, identify: workspace.identify, names: workspace.scenarios.names }
        );
      },
      stored: (telegramUserId) => shared.directors.get(telegramUserId),
      ...(options.events ? { events: options.events } : {}),
      ...(options.eventsHandler ? { handler: options.eventsHandler } : {}),
      now: shared.now,
    },
  });
}

function digestContent(seats: Seats): DigestDispatcherDeps['content'] {
  return async (record, digest) => {
    const workspace = await seats.workspaceFor(record.telegramUserId);
    // Ended while this round began: the slot gets the one sentence asking to connect again.
    if (!workspace && (await seats.seatOf(record.telegramUserId)).kind === 'ended') throw connectionEnded();
    if (!workspace) return null;
    const { scenarios, tag } = workspace;
    // The weekly report comes with its picture: the money won week by week.
    if (digest === 'weeklyReport') {
      const picture = await scenarios.picture(record, DIGEST_CONTENT[digest]);
      if (!picture) return null;
      const text = scenarios.registry.renderView(picture.view, record.language);
      return taggedWith(
        tag,
        picture.chart ? [...text, pictureReply(picture.view, text, picture.chart, record.language)] : text,
      );
    }
    const view = await scenarios.run(record, DIGEST_CONTENT[digest]);
    return view ? taggedWith(tag, scenarios.registry.renderView(view, record.language)) : null;
  };
}
