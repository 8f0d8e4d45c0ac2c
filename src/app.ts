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
import { type AccessRules, accessRules, createSeats, type Seats } from './access/seats.ts';
import type { AlertOutlet } from './alerts/delivery.ts';
import type { RunningAlerts } from './alerts/index.ts';
import type { EventsMode } from './alerts/watch.ts';
import { alertStarter } from './alerts/wiring.ts';
import { recipientsOver } from './alerts/workspace-source.ts';
import type { AssistantPort } from './assistant/assistant-port.ts';
import { workspaceRouter } from './assistant/workspace-router.ts';
import { alertSources } from './dashboard/alert-sources.ts';
import type { DashboardSeat } from './dashboard/routes.ts';
import type { RunningDigests } from './digests/dispatcher.ts';
import type { RouteHandler } from './ops/listener.ts';
import type { BucketSource } from './portal/bucket.ts';
import { createConnectedPortalClient } from './portal/client.ts';
import type { PortalClient } from './portal/port.ts';
import { keepZoneOffsets } from './scenarios/schedule/zone-offsets.ts';
import { type Database, ping } from './storage/db.ts';
import { createSeenUpdates } from './storage/instances.ts';
import type { OAuthConnection } from './storage/oauth-connections.ts';
import { createPortalQuestions } from './storage/portal-questions.ts';
import { workspaceTagOf } from './telegram/workspace-tag.ts';
import type { Reply } from './views/reply.ts';
import {
  digestStarter,
  openShared,
  type Shared,
  type Workspace,
  type WorkspaceOptions,
  workspaceOf,
} from './workspaces.ts';

export type { ApplicationOptions };
export { OAUTH_REDIRECT_PATH };

export interface AppOptions extends WorkspaceOptions {
  /**
   * The company webhook (BITRIX24_WEBHOOK_URL), when there is one: its client, or how to build it once the app
   * knows where the portal's request limit is counted.
   */
  portal?: PortalClient | ((buckets: BucketSource) => PortalClient);
  /** ALLOWED_TELEGRAM_IDS: each Telegram user, and the portal user it stands for when given. */
  allowed: readonly { telegramUserId: number; portalUserId?: number }[];
  /** BITRIX24_EVENTS. */
  events?: EventsMode;
  /** Where the portals call the online event handler: `<PUBLIC_URL>/bitrix24/events`. */
  eventsHandler?: string;
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

export async function createApp(options: AppOptions): Promise<App> {
  keepZoneOffsets();
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
  const seats = createSeats<Workspace>({
    now: shared.now,
    webhook,
    own,
    connected: (connection) => connectedWorkspace(shared, options, own, connection),
  });
  const access = accessRules(portalUserOf, own, seats);
  const app: App = {
    assistant: workspaceRouter({ seats, directors: shared.directors, offerConnect: Boolean(options.application) }),
    access: { isAllowed: access.isAllowed },
    db: shared.db,
    startDigests: digestStarter(shared, options, seats, access.servedNow),
    startAlerts: alertStarter({
      ...shared,
      settings: shared.alertSettings,
      ...(options.digestRound?.instance ? { instance: options.digestRound.instance } : {}),
      source: recipientsOver(seats, {
        ...(options.events ? { events: options.events } : {}),
        ...(options.eventsHandler ? { handler: options.eventsHandler } : {}),
        servedNow: access.servedNow,
        directors: shared.directors,
        now: shared.now,
      }),
    }),
    ping: async () => ping(shared.db),
    ...(portal ? { portal } : {}),
    markSeen: createSeenUpdates(shared.db, shared.now),
    close: () => shared.db.close(),
    dashboardSeat: dashboardSeatOf(shared, seats, access),
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

/** A workspace over a director's own connection: their portal client, with the rights their tokens carry. */
function connectedWorkspace(
  shared: Shared,
  options: AppOptions,
  own: OwnConnections | undefined,
  connection: OAuthConnection,
): Workspace {
  if (!own) throw new Error('a connection without an application');
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
}

/** The dashboard's way in: the chat's own rules for one Telegram user (allowed, their workspace, their portal user). */
function dashboardSeatOf(shared: Shared, seats: Seats<Workspace>, access: AccessRules): App['dashboardSeat'] {
  return async (telegramUserId) => {
    if (!(await access.isAllowed(telegramUserId))) return undefined;
    const workspace = await seats.workspaceFor(telegramUserId);
    // A private chat's id is the user's own: the record is the one the chat keeps.
    const director = await workspace?.identify.director({ telegramUserId, chatId: telegramUserId });
    if (!workspace || !director) return undefined;
    const { alerts, plans, now } = shared;
    const sources = alertSources({ alerts, names: workspace.scenarios.names, telegramUserId, now });
    return { director, portal: workspace.portal, plans, sources };
  };
}
