// One attempt at a claimed slot: build the digest (or take the messages an instance that stopped left unsent),
// hand it to Telegram message by message, and record how it ended. A portal that cannot be read now is tried
// again while it may come back; after that the director gets one sentence instead of the digest.
import Bottleneck from 'bottleneck';
import type { Logger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import { isPortalError, isPortalUnreachable } from '../portal/errors.ts';
import { isConnectionEnded } from '../portal/tokens.ts';
import { presentReplies } from '../present/present.ts';
import type { DigestRepository, DigestSlot } from '../storage/digest-repository.ts';
import type { DirectorRecord } from '../storage/directors.ts';
import { CONNECT_AGAIN, PORTAL_REFUSED, PORTAL_UNAVAILABLE } from '../views/messages.ts';
import type { Reply } from '../views/reply.ts';
import type { Language } from '../vocabulary/director.ts';
import { type Deliver, keepReplies, keptRepliesOf } from './delivery.ts';
import type { DigestDispatcherDeps, TickReport } from './dispatcher.ts';

const MINUTE = 60_000;
// Briefings being built at once. A briefing's portal data (open tasks, deals, their history) is large and is
// dropped as soon as it is rendered; the rest of the directors in flight hold only their rendered messages while
// they wait for Telegram. So the round streams: memory follows this number, not the number of directors.
const BUILDING_AT_ONCE = 16;
// While the portal is unreachable: try again this often (for as long as the slot's give-up time allows).
export const RETRY_EVERY_MS = 5 * MINUTE;

// Promise 4: one sentence instead of the digest. A revoked connection is the owner's to fix, so it says that.
// A director's own connection that ended is theirs to renew: they are asked to connect again.
const sentenceFor = (error: unknown, language: Language) =>
  (isConnectionEnded(error)
    ? CONNECT_AGAIN
    : isPortalError(error) && error.kind === 'authorization'
      ? PORTAL_REFUSED
      : PORTAL_UNAVAILABLE)[language];

const describe = (error: unknown) =>
  isPortalError(error) ? `portal ${error.kind}` : error instanceof Error ? error.name : 'error';

const METRIC_OF = { sent: 'sent', failed: 'failed', skippedEmpty: 'skipped' } as const;

/** Counts a slot's end in the round's report and in /metrics. */
function count(report: TickReport, outcome: keyof typeof METRIC_OF) {
  report[outcome]++;
  metrics.digests.inc({ outcome: METRIC_OF[outcome] });
}

export interface AttemptDeps {
  digests: DigestRepository;
  /** This instance's name on the slots it sends. */
  owner: string;
  clock: () => Date;
  logger: Logger;
  content: DigestDispatcherDeps['content'];
  deliver: Deliver;
  /** Whether a slot held since then is surely still this instance's (leases.ts). */
  stillOurs: (heldFrom: number) => boolean;
}

export interface Attempts {
  run(director: DirectorRecord, slot: DigestSlot, report: TickReport): Promise<void>;
  /**
   * True while this instance works on the slot. A slot of its own whose lease ran out (a stall, not a death) is
   * not taken over by itself a second time: the attempt under way stops on its own or goes on.
   */
  underWay(slotId: number): boolean;
}

/**
 * A slot's messages, each counted on the slot as it leaves, with the ones still to send: whoever takes the slot
 * over sends only those. False when the slot was (or may have been) taken over meanwhile: this instance stops.
 */
function deliverSlot(deps: AttemptDeps, director: DirectorRecord, slot: DigestSlot, presented: readonly Reply[]) {
  const heldFrom = deps.clock().getTime();
  return deps.deliver(director.chatId, presented, {
    stillOurs: () => deps.stillOurs(heldFrom),
    record: (index) =>
      deps.digests.handOver(slot.id, deps.owner, slot.handedOver + index + 1, keepReplies(presented.slice(index + 1))),
  });
}

/** The portal could not be read: later while it may come back, else one sentence instead of the digest. */
async function contentFailed(
  deps: AttemptDeps,
  director: DirectorRecord,
  slot: DigestSlot,
  error: unknown,
  report: TickReport,
) {
  const { digests, clock } = deps;
  const retryAt = new Date(clock().getTime() + RETRY_EVERY_MS);
  if (isPortalUnreachable(error) && slot.giveUpAt && retryAt <= slot.giveUpAt) {
    await digests.retryLater(slot.id, retryAt, describe(error));
    report.retrying++;
    return;
  }
  deps.logger.warn('digest content failed, telling the director once', { digest: slot.digest, error });
  try {
    const sentence = presentReplies([{ html: sentenceFor(error, director.language) }], director.language);
    await deps.deliver(director.chatId, sentence);
    await digests.finish(slot.id, 'failed', `${describe(error)}; the director was told`, clock());
  } catch (sendError) {
    await digests.finish(slot.id, 'failed', `${describe(error)}; not delivered: ${describe(sendError)}`, clock());
  }
  count(report, 'failed');
}

/** Sends the slot's messages (presented already) and records the outcome. */
async function sendBuilt(
  deps: AttemptDeps,
  director: DirectorRecord,
  slot: DigestSlot,
  presented: Reply[],
  report: TickReport,
) {
  const { digests, clock, logger } = deps;
  try {
    if (!(await deliverSlot(deps, director, slot, presented))) {
      logger.warn('digest slot taken over by another instance while sending', { digest: slot.digest, slot: slot.id });
      return;
    }
    await digests.finish(slot.id, 'sent', `${slot.handedOver + presented.length} message(s)`, clock());
    count(report, 'sent');
  } catch (error) {
    logger.warn('digest not delivered', { digest: slot.digest, telegramUserId: director.telegramUserId, error });
    await digests.finish(slot.id, 'failed', `not delivered: ${describe(error)}`, clock());
    count(report, 'failed');
  }
}

/** A slot an instance that stopped had begun: only the messages it had not handed over yet. */
async function sendRest(deps: AttemptDeps, director: DirectorRecord, slot: DigestSlot, report: TickReport) {
  const rest = slot.rest === undefined ? undefined : keptRepliesOf(slot.rest);
  if (rest) return sendBuilt(deps, director, slot, rest, report);
  await deps.digests.finish(slot.id, 'failed', 'the rest of the digest could not be read back', deps.clock());
  count(report, 'failed');
}

export function createAttempts(deps: AttemptDeps): Attempts {
  const { digests, clock } = deps;
  const building = new Bottleneck({ maxConcurrent: BUILDING_AT_ONCE });

  async function attempt(director: DirectorRecord, slot: DigestSlot, report: TickReport): Promise<void> {
    if (slot.handedOver > 0) return sendRest(deps, director, slot, report);
    let replies: Reply[] | null;
    try {
      // Only the rendered messages outlive this: the portal data behind them is garbage once rendered.
      replies = await building.schedule(() => deps.content(director, slot.digest));
    } catch (error) {
      return contentFailed(deps, director, slot, error, report);
    }
    if (replies?.length) return sendBuilt(deps, director, slot, presentReplies(replies, director.language), report);
    await digests.finish(slot.id, 'skipped_empty', 'nothing to say', clock());
    count(report, 'skippedEmpty');
  }

  const working = new Set<number>();
  return {
    async run(director, slot, report) {
      working.add(slot.id);
      try {
        await attempt(director, slot, report);
      } finally {
        working.delete(slot.id);
      }
    },
    underWay: (slotId) => working.has(slotId),
  };
}
