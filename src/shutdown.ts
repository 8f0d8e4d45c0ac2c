// Stopping the assistant: on SIGTERM/SIGINT, on a failure that ends the updates loop (Telegram's 409 or 401),
// or on a crash nobody caught. One clear line through the masking logger, then each part stops in order within
// a deadline (the digest tick and writes in flight finish first), and the exit code says which it was.
import type { Logger } from './log.ts';
import { fatalTelegramLine } from './telegram/failures.ts';

export type StopReason = { kind: 'signal'; signal: NodeJS.Signals } | { kind: 'failure'; error: unknown };

export interface StopWatch {
  /** The first reason to stop. */
  readonly stopped: Promise<StopReason>;
  /** A part failed for good: stop. */
  fail(error: unknown): void;
}

type ProcessEvents = Pick<NodeJS.Process, 'once' | 'on'>;

export function watchForStop(logger: Logger, events: ProcessEvents = process): StopWatch {
  let settle: (reason: StopReason) => void = () => {};
  const stopped = new Promise<StopReason>((resolve) => {
    settle = resolve;
  });
  let stopping = false;
  const stop = (reason: StopReason) => {
    if (stopping) return;
    stopping = true;
    settle(reason);
  };
  const fail = (error: unknown) => {
    const line = fatalTelegramLine(error);
    if (line) logger.error(line);
    else logger.error(stopping ? 'failure while stopping' : 'the assistant failed and stops', { error });
    stop({ kind: 'failure', error });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info('stopping', { signal });
    stop({ kind: 'signal', signal });
  };
  events.once('SIGTERM', onSignal);
  events.once('SIGINT', onSignal);
  // Without these a stray rejection or exception kills the process with a raw stack and skips the shutdown.
  events.on('unhandledRejection', fail);
  events.on('uncaughtException', fail);
  return { stopped, fail };
}

export const exitCodeOf = (reason: StopReason): number => (reason.kind === 'signal' ? 0 : 1);

export interface StopStep {
  name: string;
  run(): Promise<void> | void;
}

/**
 * Runs the steps in order; all of them together get `deadlineMs`. A step still busy when time is up is left
 * behind with a log line, so a hung call never keeps the process from closing the database and exiting.
 */
export async function stopInOrder(steps: StopStep[], deadlineMs: number, logger: Logger): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), Math.max(0, end - Date.now()));
    });
    try {
      const outcome = await Promise.race([Promise.resolve().then(step.run), late]);
      if (outcome === 'late') logger.warn('stopping took too long; going on without it', { step: step.name });
    } catch (error) {
      logger.warn('a part failed while stopping', { step: step.name, error });
    } finally {
      clearTimeout(timer);
    }
  }
}
