// When the digests' rounds run: every quarter minute (node-cron keeps no state) or every `tickMs`, once at once,
// never two full rounds at a time.
import cron from 'node-cron';
import type { Logger } from '../log.ts';
import type { RunningDigests, TickReport } from './dispatcher.ts';

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
export function startTicking(
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
