// The slots a round picks up again besides what is due: those waiting for the portal to come back, and those an
// instance that stopped left unfinished (its lease ran out). Each director's are served with their other digests.
import type { Logger } from '../log.ts';
import type { DigestRepository, DigestSlot, Lease } from '../storage/digest-repository.ts';
import type { Attempts } from './attempt.ts';

/** Slots of one director to try again: waiting for the portal (`retry`), or left by an instance that died. */
export interface Resumed {
  retries: DigestSlot[];
  takenOver: DigestSlot[];
}

export const nothingResumed = (): Resumed => ({ retries: [], takenOver: [] });

export interface ResumeDeps {
  digests: DigestRepository;
  attempts: Attempts;
  lease: () => Lease;
  logger: Logger;
}

/** Retries that are due and slots of instances that stopped, by director; those of the no longer allowed end. */
export async function resumedSlots(deps: ResumeDeps, allowed: Set<number>, now: Date): Promise<Map<number, Resumed>> {
  const { digests, lease } = deps;
  const resumedOf = new Map<number, Resumed>();
  const resume = (slot: DigestSlot, kind: keyof Resumed) => {
    const ofDirector = resumedOf.get(slot.telegramUserId) ?? nothingResumed();
    ofDirector[kind].push(slot);
    resumedOf.set(slot.telegramUserId, ofDirector);
  };
  for (const slot of await digests.takeOver(now, lease())) {
    if (deps.attempts.underWay(slot.id)) continue;
    deps.logger.info('digest slot taken over from an instance that stopped', { digest: slot.digest, slot: slot.id });
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
