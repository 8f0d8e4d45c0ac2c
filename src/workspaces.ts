// The parts every workspace shares (the database, its repositories, the portals' request limits), one workspace
// (the scenarios, the model and the assistant over one portal client, acting as one portal user), and the digest
// schedule over the workspaces. A director acts through one workspace: the company webhook (ALLOWED_TELEGRAM_IDS),
// or their own connection through the Bitrix24 application, with their own rights; two companies, or two people of
// different rights, never share what one of them may see.
import type { ApplicationOptions } from './access/connect/application.ts';
import type { Identify } from './access/identify.ts';
import { createIdentify } from './access/identify.ts';
import type { Seats } from './access/seats.ts';
import type { AlertSettings } from './alerts/settings.ts';
import { type AlertSettingsPort, createAlertSettings } from './alerts/settings-port.ts';
import { withHeldAlerts } from './alerts/wiring.ts';
import { createAssistant } from './assistant/assistant.ts';
import type { AssistantPort } from './assistant/assistant-port.ts';
import { createDigestDispatcher, type DigestDispatcherDeps, type RunningDigests } from './digests/dispatcher.ts';
import { createDigestSettings, type DigestSettingsPort } from './digests/settings.ts';
import { digestContent } from './digests/workspace-content.ts';
import type { Logger } from './log.ts';
import { type BucketSource, sharedBucket } from './portal/bucket.ts';
import type { PortalClient } from './portal/port.ts';
import { createScenarios, type Scenarios } from './scenarios/index.ts';
import { createWriteLookup } from './scenarios/writes/write-lookup.ts';
import { type AlertRepository, createAlertRepository } from './storage/alerts.ts';
import { type Database, type DatabaseTimeouts, openDatabase } from './storage/db.ts';
import { createDirectorRepository, type DirectorRepository } from './storage/directors.ts';
import { createSharedBuckets } from './storage/instances.ts';
import { createMemoryRepository, type MemoryRepository } from './storage/memory.ts';
import { createPlanRepository, type PlanRepository } from './storage/plans.ts';
import { createProposalRepository, type ProposalRepository } from './storage/proposal-repository.ts';
import { lazyModelLoop } from './understanding/model/lazy.ts';
import { understand } from './understanding/router/index.ts';
import type { Understand } from './understanding/understand-context.ts';

// A little under Telegram's 30 messages a second per bot, one at a time.
export const TELEGRAM_RATE = { perSecond: 29, burst: 1 };

/** What the workspaces are built from (the app's options, see app.ts). */
export interface WorkspaceOptions {
  databasePath: string;
  /** A PostgreSQL database shared with other instances; when set, `databasePath` is not used. */
  databaseUrl?: string;
  /** PostgreSQL's connection and statement time limits (tests of a hung server shorten them). */
  databaseTimeouts?: DatabaseTimeouts;
  model?: { apiKey: string; baseURL?: string; model: string };
  /** How messages are understood without a model (default: the router's rules; the model evaluation turns them off). */
  understand?: Understand;
  logger: Logger;
  now?: () => Date;
  proposalTtlMs?: number;
  /** This instance's name, lease and tick for the digest round (tests of several instances make them short). */
  digestRound?: Pick<DigestDispatcherDeps, 'instance' | 'leaseMs' | 'tickMs' | 'rate'>;
  /** Alert settings a director starts with, over the product's defaults (the demo keeps no quiet hours). */
  alertDefaults?: Partial<AlertSettings>;
  /** The Bitrix24 application, when configured: directors connect their own portals (and are offered /connect). */
  application?: ApplicationOptions;
}

/** What every workspace shares: the database, its repositories and the portals' request limits, the clock, the log. */
export interface Shared {
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

export async function openShared(options: WorkspaceOptions): Promise<Shared> {
  const now = options.now ?? (() => new Date());
  const db = await openDatabase(
    options.databaseUrl ?? options.databasePath,
    options.databaseTimeouts ? { timeouts: options.databaseTimeouts } : {},
  );
  const alerts = createAlertRepository(db);
  const directors = createDirectorRepository(db);
  return {
    db,
    // Several instances share one PostgreSQL database, and with it each portal's request limit.
    buckets: db.engine === 'postgres' ? createSharedBuckets(db) : sharedBucket,
    directors,
    proposals: createProposalRepository(db),
    memory: createMemoryRepository(db),
    plans: createPlanRepository(db),
    digestSettings: createDigestSettings({ db, directors, now }),
    alerts,
    alertSettings: createAlertSettings({ alerts, now, defaults: options.alertDefaults }),
    now,
    logger: options.logger,
  };
}

/** Everything that serves directors through one portal identity. */
export interface Workspace {
  assistant: AssistantPort;
  portal: PortalClient;
  scenarios: Scenarios;
  /** Who a Telegram user is on this portal: for the conversation and the digests alike. */
  identify: Identify;
  /** The portal's tag on every button of this workspace's messages. */
  tag: string;
}

/** The portal user a Telegram user stands for; undefined = the client's own user. */
export type Identity = (telegramUserId: number) => number | undefined;

/** The scenarios, the model and the assistant over one portal client, acting as `identity` says. */
export function workspaceOf(
  shared: Shared,
  options: WorkspaceOptions,
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

/** The digest schedule over the workspaces: each digest read through the director's own workspace. */
export function digestStarter(
  shared: Shared,
  options: WorkspaceOptions,
  seats: Seats<Workspace>,
  servedNow: () => Promise<number[]>,
): (send: DigestDispatcherDeps['send']) => RunningDigests {
  const { db, buckets, now, logger } = shared;
  return (send) =>
    createDigestDispatcher({
      directors: shared.directors,
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
