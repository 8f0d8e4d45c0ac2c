import type { RouteHandler } from '../ops/listener.ts';
import type { AlertRepository } from '../storage/alerts.ts';
import type { ShownAlert } from './alerts-view.ts';
import { type AlertOutlet, createAlertDelivery, type Reader, shownOf } from './delivery.ts';
import { onlineEventsRoute } from './online.ts';
import type { AlertRound } from './round.ts';
import { createAlertWatch, type WatchedPortal } from './watch.ts';

export interface AlertsDeps extends AlertRound {
  /** The portals to watch now, each with the directors served there now. */
  portals(): Promise<WatchedPortal[]>;
  readerOf(telegramUserId: number): Promise<Reader | undefined>;
  outlet: AlertOutlet;
  /** Default a second: the shortest wait of any source. */
  tickMs?: number;
}

export interface RunningAlerts {
  /** One look at whatever is due, and one delivery round (tests drive these with their own clock). */
  tick(): Promise<void>;
  /** The online event handler, for the listener at EVENTS_PATH. */
  route: RouteHandler;
  stop(): Promise<void>;
}

export function startAlerts(deps: AlertsDeps, options: { timer?: boolean } = {}): RunningAlerts {
  const watch = createAlertWatch(deps);
  const delivery = createAlertDelivery(deps);
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = async () => {
    // One round at a time: a slow portal delays the next round instead of overlapping it.
    running ??= (async () => {
      try {
        await watch.round(await deps.portals());
        await delivery.round();
      } catch (error) {
        deps.logger.warn('alerts round failed', { error });
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer = options.timer === false ? undefined : setInterval(() => void (stopped || tick()), deps.tickMs ?? 1000);
  timer?.unref();
  const route = onlineEventsRoute({
    alerts: deps.alerts,
    now: deps.now,
    logger: deps.logger,
    async take(event) {
      const portal = (await deps.portals()).find(
        (candidate) => candidate.key === event.memberId && candidate.mode === 'online',
      );
      if (!portal) return;
      if ((await watch.online(portal, [event])) > 0) await delivery.round();
    },
  });
  return {
    tick,
    route,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

/** The alerts held for a digest (quiet hours, the daily cap), taken by it so no other digest repeats them. */
export async function heldAlerts(alerts: AlertRepository, telegramUserId: number): Promise<ShownAlert[]> {
  return (await alerts.takeHeld(telegramUserId)).map(shownOf);
}
