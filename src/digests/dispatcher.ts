// Sends the digests that are due: on time in each director's zone, at most once per slot, and only when
// there is something to say. Ticked every minute (node-cron keeps no state, so the next run of every
// subscription lives in the database) and once at start-up to catch up what was missed while down.
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import type { Database } from '../storage/db.ts';
import { createDigestRepository, type DigestRepository } from '../storage/digest-repository.ts';
import type { DirectorRecord, DirectorRepository } from '../storage/directors.ts';
import type { LeakyBucket } from '../storage/instances.ts';
import { instanceName } from '../storage/instances.ts';
import type { Reply } from '../views/reply.ts';
import type { DigestName } from '../vocabulary/requests.ts';
import { createAttempts } from './attempt.ts';
import { createDelivery } from './delivery.ts';
import { createLeaseKeeper } from './leases.ts';
import { nothingResumed, type Resumed, resumedSlots } from './resumed-slots.ts';
import { createServing } from './serving.ts';
import { startTicking } from './ticking.ts';

export interface TickReport {
  /** Slots whose time had come (claimed by this tick, or retried). */
  due: number;
  sent: number;
  skippedEmpty: number;
  failed: number;
  /** Waiting for the portal to come back. */
  retrying: number;
  /** Found too late (another day, or past the grace window): recorded, never sent. */
  missed: number;
}

export interface DigestDispatcherDeps {
  db: Database;
  /** The one directors repository (the assistant's). */
  directors: DirectorRepository;
  /** The digest's messages, or null when there is nothing to say (the alert with no problem, no new leads). */
  content: (director: DirectorRecord, digest: DigestName) => Promise<Reply[] | null>;
  send: (chatId: number, replies: Reply[]) => Promise<void>;
  /**
   * The Telegram users allowed now (ALLOWED_TELEGRAM_IDS, and directors whose own connection is alive): nobody else
   * gets a digest, whatever is stored. A function when it changes while running (a connection made or ended).
   */
  allowed: readonly number[] | (() => Promise<readonly number[]>);
  /** The director as the portal sees them now (a zone switched in the portal is taken before the slot is computed). */
  refreshDirector?: (telegramUserId: number) => Promise<DirectorRecord | undefined>;
  now?: () => Date;
  logger?: Logger;
  /** Telegram's limits: about 30 messages a second overall, one a second per chat. */
  rate?: { perSecond: number; perChatPerSecond: number };
  /** This instance's name on the slots it sends (default: host, process and a random tail). */
  instance?: string;
  /** How long a slot stays this instance's without renewal; another instance takes it over after that. */
  leaseMs?: number;
  /** Ticks this often instead of every quarter minute (tests of several instances). */
  tickMs?: number;
  /** Telegram's limit is per bot: with several instances, the bucket they share (else one kept in this process). */
  telegramBucket?: LeakyBucket;
}

export interface RunningDigests {
  /** No more ticks; resolves once the tick under way (if any) has finished. */
  stop(): Promise<void>;
  /** When the dispatcher last showed progress (a tick began or ended, a director was served): for /healthz. */
  lastTick(): Date | undefined;
}

export interface DigestDispatcher {
  tick(): Promise<TickReport>;
  /** Ticks every quarter minute (node-cron) and once at once. */
  start(): RunningDigests;
}

const MINUTE = 60_000;
// Directors served at once: one slow portal or chat never holds up the others.
const CONCURRENCY = 100;
// Far longer than any attempt takes (a thousand briefings leave in under a minute): one still 'sending' after
// this was cut short by a crash or a stop.
const ABANDON_AFTER_MS = 30 * MINUTE;
// A slot's sender renews its lease every third of this while it works; past it, another instance takes over.
const LEASE_MS = 15_000;

async function forEachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Who is allowed now; when that changed, subscriptions of those no longer allowed wait suspended (kept) and
 * those allowed again come back. */
function accessFollower(deps: DigestDispatcherDeps, digests: DigestRepository, clock: () => Date, logger: Logger) {
  let lastAllowed: Set<number> | undefined;
  return async function followAccess(): Promise<Set<number>> {
    const allowed = new Set(typeof deps.allowed === 'function' ? await deps.allowed() : deps.allowed);
    const before = lastAllowed;
    lastAllowed = allowed;
    if (before && before.size === allowed.size && [...allowed].every((id) => before.has(id))) return allowed;
    const suspended = await digests.suspendAllBut([...allowed], clock());
    if (suspended > 0) logger.info('digests of directors no longer allowed are suspended', { directors: suspended });
    return allowed;
  };
}

/** The parts a round works with: the slots' table, this instance's leases, the attempts and who serves whom. */
function dispatcherParts(deps: DigestDispatcherDeps, clock: () => Date, logger: Logger) {
  const digests = createDigestRepository(deps.db);
  const owner = instanceName(deps.instance);
  const leases = createLeaseKeeper({ digests, owner, leaseMs: deps.leaseMs ?? LEASE_MS, clock, logger });
  const attempts = createAttempts({
    digests,
    owner,
    clock,
    logger,
    content: deps.content,
    stillOurs: leases.stillOurs,
    deliver: createDelivery({
      send: deps.send,
      rate: deps.rate ?? { perSecond: 29, perChatPerSecond: 1 },
      telegramBucket: deps.telegramBucket,
    }),
  });
  const { lease } = leases;
  const serving = createServing({
    digests,
    directors: deps.directors,
    refreshDirector: deps.refreshDirector,
    attempts,
    lease,
    logger,
  });
  return { digests, leases, serving, resumeDeps: { digests, attempts, lease, logger } };
}

const newReport = (): TickReport => ({ due: 0, sent: 0, skippedEmpty: 0, failed: 0, retrying: 0, missed: 0 });

export function createDigestDispatcher(deps: DigestDispatcherDeps): DigestDispatcher {
  const clock = deps.now ?? (() => new Date());
  const logger = (deps.logger ?? silentLogger).child({ part: 'digests' });
  const { digests, leases, serving, resumeDeps } = dispatcherParts(deps, clock, logger);
  const followAccess = accessFollower(deps, digests, clock, logger);
  // Wall time, not `clock`: health is about this process being alive, whatever time the tests pretend.
  let signOfLife: Date | undefined;
  const beat = () => {
    signOfLife = new Date();
  };

  /** Serves these directors, a bounded number at a time: the round streams, each briefing is dropped once sent. */
  async function serveAll(ids: number[], resumed: Map<number, Resumed>, now: Date, report: TickReport) {
    await forEachAtMost(ids, CONCURRENCY, async (id) => {
      try {
        await serving.serve(id, resumed.get(id) ?? nothingResumed(), now, report);
      } catch (error) {
        logger.error('digest dispatch failed for one director', { telegramUserId: id, error });
      }
      beat();
    });
    beat();
  }

  async function round(now: Date): Promise<TickReport> {
    const allowed = await followAccess();
    const report = newReport();
    const abandoned = await digests.abandon(new Date(now.getTime() - ABANDON_AFTER_MS), now);
    report.failed += abandoned;
    metrics.digests.inc({ outcome: 'failed' }, abandoned);
    const resumed = await resumedSlots(resumeDeps, allowed, now);
    await serveAll(await serving.toServe(allowed, resumed, now), resumed, now, report);
    return report;
  }

  /** Only the slots left by an instance that stopped and the retries due: what cannot wait for a long round's end. */
  async function resumeRound(now: Date): Promise<TickReport> {
    const report = newReport();
    const resumed = await resumedSlots(resumeDeps, await followAccess(), now);
    await serveAll([...resumed.keys()], resumed, now, report);
    return report;
  }

  // While any round sends, this instance's slots stay leased to it.
  const leased = (work: (now: Date) => Promise<TickReport>) => {
    beat();
    return leases.whileWorking(() => work(clock()));
  };

  const tick = () => leased(round);
  const resume = () => leased(resumeRound);
  return {
    tick,
    start: () => ({ ...startTicking({ tick, resume }, followAccess, deps.tickMs, logger), lastTick: () => signOfLife }),
  };
}
