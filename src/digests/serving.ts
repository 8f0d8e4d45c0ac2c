// Serving one director in a round: their zone as the portal has it now, their digests that are due claimed slot by
// slot (late ones recorded as missed), and their resumed slots sent unless switched off meanwhile. Also which
// directors a round serves at all.
import type { Logger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import type { DigestRepository, DigestSubscription, Lease } from '../storage/digest-repository.ts';
import type { DirectorRecord, DirectorRepository } from '../storage/directors.ts';
import type { Attempts } from './attempt.ts';
import type { DigestDispatcherDeps, TickReport } from './dispatcher.ts';
import type { Resumed } from './resumed-slots.ts';
import { endOfLocalDay, latestSlot, nextSlot } from './schedule.ts';

const MINUTE = 60_000;
// How late a slot missed while the bot was down is still sent, never past the director's local midnight.
const GRACE_MS = 180 * MINUTE;
// While the portal is unreachable, the slot is tried again for this long, then the director is told once.
const RETRY_FOR_MS = 30 * MINUTE;

export interface ServingDeps {
  digests: DigestRepository;
  directors: DirectorRepository;
  refreshDirector: DigestDispatcherDeps['refreshDirector'];
  attempts: Attempts;
  lease: () => Lease;
  logger: Logger;
}

export interface Serving {
  /** Sends this director's digests that are due and their resumed slots. */
  serve(telegramUserId: number, resumed: Resumed, now: Date, report: TickReport): Promise<void>;
  /** Allowed directors with a digest due, a slot to resume, or a zone not checked for a while. */
  toServe(allowed: Set<number>, resumed: Map<number, Resumed>, now: Date): Promise<number[]>;
}

/** The director as the portal sees them now, else as stored (a failed refresh only logs). */
async function currentDirector(deps: ServingDeps, telegramUserId: number): Promise<DirectorRecord | undefined> {
  if (deps.refreshDirector) {
    try {
      return await deps.refreshDirector(telegramUserId);
    } catch (error) {
      deps.logger.warn('could not refresh the director, using the stored zone', { telegramUserId, error });
    }
  }
  return deps.directors.get(telegramUserId);
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

/** Claims the subscription's latest slot: sent when still in time, else recorded as missed. */
async function runDue(
  deps: ServingDeps,
  director: DirectorRecord,
  subscription: DigestSubscription,
  now: Date,
  report: TickReport,
) {
  const { digest, localTime } = subscription;
  // Several missed slots collapse into the latest one; it is sent only if still the same day and within grace.
  const slot = latestSlot(digest, localTime, director.timeZone, now);
  const endOfDay = endOfLocalDay(slot.at, director.timeZone);
  const inTime = now.getTime() - slot.at.getTime() <= GRACE_MS && now < endOfDay;
  const claim = await deps.digests.claim({
    telegramUserId: director.telegramUserId,
    digest,
    previousRunAt: subscription.nextRunAt!,
    nextRunAt: nextSlot(digest, localTime, director.timeZone, now).at,
    localDate: slot.localDate,
    scheduledAt: slot.at,
    status: inTime ? 'sending' : 'missed',
    giveUpAt: new Date(Math.min(now.getTime() + RETRY_FOR_MS, endOfDay.getTime())),
    now,
    lease: deps.lease(),
  });
  if (claim.outcome !== 'claimed') return;
  if (!inTime) {
    report.missed++;
    metrics.digests.inc({ outcome: 'missed' });
    return;
  }
  report.due++;
  await deps.attempts.run(director, claim.slot, report);
}

/** Slots waiting for the portal or left by a dead instance, sent now unless their digest was switched off. */
async function runResumed(
  deps: ServingDeps,
  director: DirectorRecord,
  subscriptions: DigestSubscription[],
  resumed: Resumed,
  now: Date,
  report: TickReport,
) {
  const taken = [...resumed.takenOver];
  for (const slot of resumed.retries) if (await deps.digests.takeRetry(slot.id, now, deps.lease())) taken.push(slot);
  for (const slot of taken) {
    const subscription = subscriptions.find((candidate) => candidate.digest === slot.digest);
    if (!subscription?.enabled) {
      await deps.digests.finish(slot.id, 'cancelled', 'switched off before the portal came back', now);
      continue;
    }
    report.due++;
    await deps.attempts.run(director, slot, report);
  }
}

export function createServing(deps: ServingDeps): Serving {
  const { digests } = deps;
  // How often a subscriber's zone is re-read when none of their digests is due. Reading our own table is cheap;
  // asking the portal is not.
  const zoneCheckMs = (deps.refreshDirector ? 60 : 1) * MINUTE;
  const zoneCheckedAt = new Map<number, number>();
  return {
    async serve(telegramUserId, resumed, now, report) {
      const director = await currentDirector(deps, telegramUserId);
      zoneCheckedAt.set(telegramUserId, now.getTime());
      if (!director) return;
      const subscriptions = await followZone(digests, deps.logger, director, now);
      const due = subscriptions
        .filter((subscription) => subscription.enabled && subscription.nextRunAt && subscription.nextRunAt <= now)
        .sort((a, b) => a.nextRunAt!.getTime() - b.nextRunAt!.getTime());
      for (const subscription of due) await runDue(deps, director, subscription, now, report);
      await runResumed(deps, director, subscriptions, resumed, now, report);
    },
    async toServe(allowed, resumed, now) {
      const zoneStale = (await digests.subscribers()).filter(
        (id) => now.getTime() - (zoneCheckedAt.get(id) ?? Number.NEGATIVE_INFINITY) >= zoneCheckMs,
      );
      const ids = new Set([
        ...(await digests.due(now)).map((subscription) => subscription.telegramUserId),
        ...resumed.keys(),
      ]);
      for (const id of zoneStale) ids.add(id);
      return [...ids].filter((id) => allowed.has(id));
    },
  };
}
