// Portal requests per view with warm caches (goal 1), and the time to build and render a big pipeline.
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { createScenarios, type Scenarios } from '../src/scenarios/index.ts';
import { REGISTRY } from '../src/scenarios/registry.ts';

const { renderView } = REGISTRY;

import { everyViewRequest } from '../test/views/every-request.ts';

const now = () => new Date('2026-11-25T09:00:00Z');
const director = { portalUserId: 1, timeZone: 'Europe/Moscow', language: 'ru' as const };
const unlimited = { perSecond: 100_000, burst: 100_000 };

/** The scenarios over a demo portal of the given size, for as long as `measure` runs. */
async function onDemo(
  size: { deals?: number },
  measure: (scenarios: Scenarios, requestCount: () => number) => Promise<number>,
): Promise<number> {
  const demo = await startDemoPortal({ port: 0, now, rateLimit: false, size });
  try {
    const portal = createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: unlimited });
    return await measure(createScenarios({ portal, now }), () => demo.requestCount);
  } finally {
    await demo.close();
  }
}

const requestsPerView = () =>
  onDemo({}, async (scenarios, requestCount) => {
    let most = 0;
    // The first round warms the name caches and learns the lists' sizes; the second is measured.
    for (const round of [1, 2]) {
      for (const request of everyViewRequest) {
        const before = requestCount();
        await scenarios.run(director, request);
        if (round === 2) most = Math.max(most, requestCount() - before);
      }
    }
    return most;
  });

const bigPipeline = () =>
  onDemo({ deals: 10_000 }, async (scenarios) => {
    await scenarios.names.warm();
    const started = performance.now();
    const view = await scenarios.run(director, { scenario: 'pipeline' });
    if (view) renderView(view, 'ru');
    return Math.round(performance.now() - started);
  });

export default async () => ({
  'portal requests per view': await requestsPerView(),
  'ms to build and render the sales pipeline of 10000 deals': await bigPipeline(),
});
