// /healthz: 200 only while the bot can do its job — updates still arrive, the database answers, and the digest
// clock still ticks. Anything else is 503 with the failing part named, so an orchestrator restarts a stuck bot.
import type { Logger } from '../log.ts';
import type { RouteHandler } from './listener.ts';

export interface HealthChecks {
  /** The polling loop runs, or the webhook server listens. */
  updatesAlive(): boolean;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  pingDatabase(): Promise<void>;
  /** When the digest dispatcher last showed progress (a tick started, a director served, a tick ended); absent
   * where nothing sends digests (the demo), so there is no clock to be stuck. */
  lastDigestTick?(): Date | undefined;
}

/** The digest clock ticks every minute; two without a sign of life means it is stuck. */
export const DIGEST_TICK_STALE_MS = 2 * 60_000;

export interface HealthReport {
  ok: boolean;
  updates: boolean;
  database: boolean;
  digests: boolean;
}

/** /healthz answers within 2 s whatever the database does: a ping not back by then counts as no answer. */
export const DATABASE_PING_DEADLINE_MS = 1_500;

/** Resolves true when `ping` answers in time, false when it fails or is still out at the deadline. */
function answersInTime(ping: () => Promise<void>, deadlineMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), deadlineMs);
    timer.unref();
    ping().then(
      () => resolve(true),
      () => resolve(false),
    );
  });
}

export async function checkHealth(
  checks: HealthChecks,
  now: Date = new Date(),
  deadlineMs = DATABASE_PING_DEADLINE_MS,
): Promise<HealthReport> {
  const updates = checks.updatesAlive();
  const database = await answersInTime(checks.pingDatabase, deadlineMs);
  const tick = checks.lastDigestTick ? checks.lastDigestTick() : now;
  const digests = tick !== undefined && now.getTime() - tick.getTime() <= DIGEST_TICK_STALE_MS;
  return { ok: updates && database && digests, updates, database, digests };
}

export function healthRoute(checks: HealthChecks, logger: Logger, now: () => Date = () => new Date()): RouteHandler {
  // One line when the database stops answering, one when it is back: not one every time the check asks.
  let databaseAnswered = true;
  return async (_request, response) => {
    const report = await checkHealth(checks, now());
    if (report.database !== databaseAnswered) {
      databaseAnswered = report.database;
      if (report.database) logger.info('the database answers again');
      else logger.error(`the database did not answer the health check within ${DATABASE_PING_DEADLINE_MS / 1000} s`);
    }
    response
      .writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(`${JSON.stringify(report)}\n`);
  };
}
