// This instance's hold on the digest slots it sends: the lease each claim takes, renewed every third of it while
// any round works, and whether a slot is surely still ours (another instance takes it over once it runs out).
import type { Logger } from '../log.ts';
import type { DigestRepository, Lease } from '../storage/digest-repository.ts';

export interface LeaseKeeper {
  /** The lease a claim or a takeover takes now. */
  lease(): Lease;
  /** Runs a round with this instance's slots renewed until every round under way is over. */
  whileWorking<T>(work: () => Promise<T>): Promise<T>;
  /**
   * True while a slot held since `heldFrom` is surely ours. A healthy instance renews every third of the lease,
   * so it always has two thirds left; with less it has stalled, and another instance (on a clock that may run a
   * little ahead) may be taking the slot over.
   */
  stillOurs(heldFrom: number): boolean;
}

export function createLeaseKeeper(deps: {
  digests: DigestRepository;
  owner: string;
  leaseMs: number;
  clock: () => Date;
  logger: Logger;
}): LeaseKeeper {
  const { digests, owner, leaseMs, clock, logger } = deps;
  const lease = () => ({ owner, until: new Date(clock().getTime() + leaseMs) });
  let renewedAt = Number.NEGATIVE_INFINITY;
  let working = 0;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const renew = () => {
    const at = clock().getTime();
    digests
      .renewLeases(lease())
      .then(() => {
        renewedAt = at;
      })
      .catch((error: unknown) => logger.warn('could not renew digest leases', { error }));
  };
  return {
    lease,
    async whileWorking(work) {
      if (working++ === 0) heartbeat = setInterval(renew, leaseMs / 3);
      try {
        return await work();
      } finally {
        if (--working === 0) clearInterval(heartbeat);
      }
    },
    stillOurs: (heldFrom) => clock().getTime() < Math.max(heldFrom, renewedAt) + (leaseMs * 2) / 3,
  };
}
