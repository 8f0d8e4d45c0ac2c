// Sends the digests that are due: on time in each director's zone, at most once per slot, and only when
// there is something to say. Ticked every minute (node-cron keeps no state, so the next run of every
// subscription lives in the database) and once at start-up to catch up what was missed while down.
import cron from 'node-cron';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import type { Database } from '../storage/db.ts';
import {
  createDigestRepository,
  type DigestRepository,
  type DigestSlot,
  type DigestSubscription,
} from '../storage/digest-repository.ts';
import type { DirectorRecord, DirectorRepository } from '../storage/directors.ts';
import type { LeakyBucket } from '../storage/instances.ts';
import { instanceName } from '../storage/instances.ts';
import type { Reply } from '../views/reply.ts';
import type { DigestName } from '../vocabulary/requests.ts';
import { createAttempts } from './attempt.ts';
import { createDelivery } from './delivery.ts';
import { createLeaseKeeper } from './leases.ts';
import { endOfLocalDay, latestSlot, nextSlot } from './schedule.ts';

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
// How late a slot missed while the bot was down is still sent, never past the director's local midnight.
const GRACE_MS = 180 * MINUTE;
// Directors served at once: one slow portal or chat never holds up the others.
const CONCURRENCY = 100;
// While the portal is unreachable, the slot is tried again for this long, then the director is told once.
const RETRY_FOR_MS = 30 * MINUTE;
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

/** Slots of one director to try again: waiting for the portal (`retry`), or left by an instance that died. */
interface Resumed {
  retries: DigestSlot[];
  takenOver: DigestSlot[];
}

/** The director as the portal sees them now, else as stored (a failed refresh only logs). */
async function currentDirector(
  deps: DigestDispatcherDeps,
  directors: DirectorRepository,
  logger: Logger,
  telegramUserId: number,
): Promise<DirectorRecord | undefined> {
  if (deps.refreshDirector) {
    try {
      return await deps.refreshDirector(telegramUserId);
    } catch (error) {
      logger.warn('could not refresh the director, using the stored zone', { telegramUserId, error });
    }
  }
  return directors.get(telegramUserId);
}

/** The director's subscriptions, all moved at once when their zone changed. */
async function followZone(
  digests: DigestRepository,
  logger: Logger,
  director: DirectorRecord,
  now: Date,
): Promise<DigestSubscription[]> {
  const subscriptions = await digests.subscriptions(director.telegramUserId);
  if (subscriptions.every((subscription) => subscription.timeZone === director.timeZone)) return subscriptions;
  logger.info('director changed zone, digests moved', { telegramUserId: director.telegramUserId });
  const moved = subscriptions.map((subscription) => ({
    ...subscription,
    timeZone: director.timeZone,
    nextRunAt: subscription.enabled
      ? nextSlot(subscription.digest, subscription.localTime, director.timeZone, now).at
      : undefined,
  }));
  await digests.save(moved, now);
  return moved;
}

const newReport = (): TickReport => ({ due: 0, sent: 0, skippedEmpty: 0, failed: 0, retrying: 0, missed: 0 });

export function createDigestDispatcher(deps: DigestDispatcherDeps): DigestDispatcher {
  const clock = deps.now ?? (() => new Date());
  const logger = (deps.logger ?? silentLogger).child({ part: 'digests' });
  // How often a subscriber's zone is re-read when none of their digests is due. Reading our own table is cheap;
  // asking the portal is not.
  const zoneCheckMs = (deps.refreshDirector ? 60 : 1) * MINUTE;
  const digests = createDigestRepository(deps.db);
  const { directors } = deps;
  const followAccess = accessFollower(deps, digests, clock, logger);
  const zoneCheckedAt = new Map<number, number>();
  const owner = instanceName(deps.instance);
  const leases = createLeaseKeeper({ digests, owner, leaseMs: deps.leaseMs ?? LEASE_MS, clock, logger });
  const lease = leases.lease;
  // Wall time, not `clock`: health is about this process being alive, whatever time the tests pretend.
  let signOfLife: Date | undefined;
  const beat = () => {
    signOfLife = new Date();
  };
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

  async function runDue(director: DirectorRecord, subscription: DigestSubscription, now: Date, report: TickReport) {
    const { digest, localTime } = subscription;
    // Several missed slots collapse into the latest one; it is sent only if still the same day and within grace.
    const slot = latestSlot(digest, localTime, director.timeZone, now);
    const endOfDay = endOfLocalDay(slot.at, director.timeZone);
    const inTime = now.getTime() - slot.at.getTime() <= GRACE_MS && now < endOfDay;
    const claim = await digests.claim({
      telegramUserId: director.telegramUserId,
      digest,
      previousRunAt: subscription.nextRunAt!,
      nextRunAt: nextSlot(digest, localTime, director.timeZone, now).at,
      localDate: slot.localDate,
      scheduledAt: slot.at,
      status: inTime ? 'sending' : 'missed',
      giveUpAt: new Date(Math.min(now.getTime() + RETRY_FOR_MS, endOfDay.getTime())),
      now,
      lease: lease(),
    });
    if (claim.outcome !== 'claimed') return;
    if (!inTime) {
      report.missed++;
      metrics.digests.inc({ outcome: 'missed' });
      return;
    }
    report.due++;
    await attempts.run(director, claim.slot, report);
  }

  /** Slots waiting for the portal or left by a dead instance, sent now unless their digest was switched off. */
  async function runResumed(
    director: DirectorRecord,
    subscriptions: DigestSubscription[],
    resumed: Resumed,
    now: Date,
    report: TickReport,
  ) {
    const taken = [...resumed.takenOver];
    for (const slot of resumed.retries) if (await digests.takeRetry(slot.id, now, lease())) taken.push(slot);
    for (const slot of taken) {
      const subscription = subscriptions.find((candidate) => candidate.digest === slot.digest);
      if (!subscription?.enabled) {
        await digests.finish(slot.id, 'cancelled', 'switched off before the portal came back', now);
        continue;
      }
      report.due++;
      await attempts.run(director, slot, report);
    }
  }

  async function serve(telegramUserId: number, resumed: Resumed, now: Date, report: TickReport) {
    const director = await currentDirector(deps, directors, logger, telegramUserId);
    zoneCheckedAt.set(telegramUserId, now.getTime());
    if (!director) return;
    const subscriptions = await followZone(digests, logger, director, now);
    const due = subscriptions
      .filter((subscription) => subscription.enabled && subscription.nextRunAt && subscription.nextRunAt <= now)
      .sort((a, b) => a.nextRunAt!.getTime() - b.nextRunAt!.getTime());
    for (const subscription of due) await runDue(director, subscription, now, report);
    await runResumed(director, subscriptions, resumed, now, report);
  }

  /** Retries that are due and slots of instances that stopped, by director; those of the no longer allowed end. */
  async function resumedSlots(allowed: Set<number>, now: Date): Promise<Map<number, Resumed>> {
    const resumedOf = new Map<number, Resumed>();
    const resume = (slot: DigestSlot, kind: keyof Resumed) => {
      const ofDirector = resumedOf.get(slot.telegramUserId) ?? { retries: [], takenOver: [] };
      ofDirector[kind].push(slot);
      resumedOf.set(slot.telegramUserId, ofDirector);
    };
    for (const slot of await digests.takeOver(now, lease())) {
      if (attempts.underWay(slot.id)) continue;
      logger.info('digest slot taken over from an instance that stopped', { digest: slot.digest, slot: slot.id });
      if (allowed.has(slot.telegramUserId)) resume(slot, 'takenOver');
      else await digests.finish(slot.id, 'cancelled', 'no longer allowed', now);
    }
    for (const slot of await digests.dueRetries(now)) {
      if (allowed.has(slot.telegramUserId)) resume(slot, 'retries');
      else if (await digests.takeRetry(slot.id, now, lease()))
        await digests.finish(slot.id, 'cancelled', 'no longer allowed', now);
    }
    return resumedOf;
  }

  /** Allowed directors with a digest due, a slot to resume, or a zone not checked for a while. */
  async function directorsToServe(allowed: Set<number>, resumed: Map<number, Resumed>, now: Date) {
    const zoneStale = (await digests.subscribers()).filter(
      (id) => now.getTime() - (zoneCheckedAt.get(id) ?? Number.NEGATIVE_INFINITY) >= zoneCheckMs,
    );
    const ids = new Set([
      ...(await digests.due(now)).map((subscription) => subscription.telegramUserId),
      ...resumed.keys(),
    ]);
    for (const id of zoneStale) ids.add(id);
    return [...ids].filter((id) => allowed.has(id));
  }

  /** Serves these directors, a bounded number at a time: the round streams, each briefing is dropped once sent. */
  async function serveAll(ids: number[], resumed: Map<number, Resumed>, now: Date, report: TickReport) {
    await forEachAtMost(ids, CONCURRENCY, async (id) => {
      try {
        await serve(id, resumed.get(id) ?? { retries: [], takenOver: [] }, now, report);
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
    const resumed = await resumedSlots(allowed, now);
    await serveAll(await directorsToServe(allowed, resumed, now), resumed, now, report);
    return report;
  }

  /** Only the slots left by an instance that stopped and the retries due: what cannot wait for a long round's end. */
  async function resumeRound(now: Date): Promise<TickReport> {
    const report = newReport();
    const resumed = await resumedSlots(await followAccess(), now);
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

/** Each round's report as one line: at info when something was due, else at debug (one a minute). */
function logRound(logger: Logger, report: TickReport, ms: number) {
  const busy = Object.values(report).some((count) => count > 0);
  logger[busy ? 'info' : 'debug']('digest round', { ...report, ms });
}

/**
 * Ticks every quarter minute (or every `tickMs`) and once at once; a tick never overlaps the one before. While a
 * long round still sends (a thousand briefings take half a minute), the ticks in between only resume: they take
 * over the slots of an instance that stopped as soon as its lease runs out, instead of after this round.
 */
function startTicking(
  rounds: { tick: () => Promise<TickReport>; resume: () => Promise<TickReport> },
  followAccess: () => Promise<unknown>,
  tickMs: number | undefined,
  logger: Logger,
): Pick<RunningDigests, 'stop'> {
  // Done before the first tick; the tick itself also skips anyone not allowed, so a failure here only logs.
  const suspension = followAccess().catch((error: unknown) =>
    logger.error('could not suspend digests of directors no longer allowed', { error }),
  );
  let running: Promise<void> | undefined;
  let resuming: Promise<void> | undefined;
  let stopped = false;
  const timed = (work: () => Promise<TickReport>) => {
    const started = Date.now();
    return suspension
      .then(work)
      .then((report) => logRound(logger, report, Date.now() - started))
      .catch((error: unknown) => logger.error('digest tick failed', { error }));
  };
  // What is due stays due in the database while a round runs, so the round after it picks it up.
  const run = () => {
    if (stopped) return;
    if (!running) {
      running = timed(rounds.tick).finally(() => {
        running = undefined;
      });
    } else if (!resuming) {
      resuming = timed(rounds.resume).finally(() => {
        resuming = undefined;
      });
    }
  };
  const stopTicks = ((): (() => void) => {
    if (tickMs) {
      const timer = setInterval(run, tickMs);
      return () => clearInterval(timer);
    }
    // Every quarter minute: a slot is at most that late, and a dead instance's slots are taken over soon.
    const task = cron.schedule('*/15 * * * * *', run);
    return () => void task.stop();
  })();
  run();
  return {
    async stop() {
      stopped = true;
      stopTicks();
      await Promise.all([running, resuming]);
    },
  };
}
