// How many requests, and how long at the portal's ordinary limit, to fetch 10,000 deals.
// Runs against the demo portal with exactly 10,000 deals (the seeded company and its half year of sales count too) and its rate limit off; the seconds are computed
// from the request count at 2 requests a second with a burst of 50 (measuring them in real time would
// only time the bucket): requests within the burst go at once, the rest at the drain rate.
import { COMPANY_DEALS } from '../src/demo-portal/company.ts';
import { HALF_YEAR } from '../src/demo-portal/sales-history.ts';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { DEFAULT_RATE_LIMIT } from '../src/portal/bucket.ts';
import { createPortalClient } from '../src/portal/client.ts';

export default async () => {
  const demo = await startDemoPortal({ rateLimit: false, size: { deals: 10_000 - COMPANY_DEALS - HALF_YEAR.deals } });
  try {
    const client = createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: { perSecond: 1000, burst: 1000 } });
    const before = demo.requestCount;
    const startedAt = performance.now();
    const deals = await client.list('crm.deal.list', { select: ['ID', 'TITLE', 'STAGE_ID', 'OPPORTUNITY'] });
    const workSeconds = (performance.now() - startedAt) / 1000;
    if (deals.length !== 10_000) throw new Error(`expected 10000 deals, got ${deals.length}`);
    const requests = demo.requestCount - before;
    const { perSecond, burst } = DEFAULT_RATE_LIMIT;
    const waitingSeconds = Math.max(0, requests - burst) / perSecond;
    return {
      'portal requests to fetch 10000 deals': requests,
      'seconds to fetch 10000 deals at 2 requests/s': Number((waitingSeconds + workSeconds).toFixed(2)),
    };
  } finally {
    await demo.close();
  }
};
