// A demo portal with a fixed clock and the scenarios pointed at it, as the product wires them.
import { DateTime } from 'luxon';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { createScenarios, type Scenarios } from '../../src/scenarios/index.ts';
import type { Registry } from '../../src/scenarios/registry.ts';
import type { Director, Language } from '../../src/vocabulary/director.ts';

/** Wednesday 25 November 2026, 12:00 in Moscow. */
export const NOW = new Date('2026-11-25T09:00:00Z');

export interface Stand {
  demo: DemoPortal;
  scenarios: Scenarios;
  director(timeZone?: string, language?: Language): Director;
  close(): Promise<void>;
}

export async function startStand(now: Date = NOW, registry?: Registry): Promise<Stand> {
  const demo = await startDemoPortal({ port: 0, now: () => now, rateLimit: false });
  // The client's own request bucket would pace a long test run; the demo portal's limit is off too.
  const portal = createPortalClient({
    webhookUrl: demo.webhookUrl,
    retries: 0,
    rateLimit: { perSecond: 10_000, burst: 10_000 },
  });
  const scenarios = createScenarios({ portal, now: () => now, ...(registry ? { registry } : {}) });
  return {
    demo,
    scenarios,
    director: (timeZone = 'Europe/Moscow', language = 'ru') => ({ portalUserId: 1, timeZone, language }),
    close: () => demo.close(),
  };
}

const ms = (iso: unknown) => DateTime.fromISO(String(iso), { setZone: true }).toMillis();

export { ms };

/** The director's (user 1) open tasks straight from the demo data. */
export const openTasksOf = (demo: DemoPortal, userId = 1) =>
  demo.data.tasks.filter((task) => String(task.responsibleId) === String(userId) && Number(task.status) < 5);

/** Events user 1 takes part in, with their UTC start in ms. */
export const eventsOf = (demo: DemoPortal, userId = 1) =>
  demo.data.events.filter(
    (event) =>
      event.DELETED !== 'Y' &&
      (String(event.OWNER_ID) === String(userId) ||
        (event.ATTENDEE_LIST as { id: number; status: string }[]).some(
          (one) => one.id === userId && one.status !== 'N',
        )),
  );

/** «3 задачи», «5 задач» — written here once more, by the rule, not by the product's helper. */
export function ruCount(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  const word = tens >= 11 && tens <= 14 ? many : units === 1 ? one : units >= 2 && units <= 4 ? few : many;
  return `${n} ${word}`;
}

/** Every text of a rendered view, with the spaces Intl and the views use made plain. */
export const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
