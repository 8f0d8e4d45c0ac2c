// Questions with parameters: the portal requests a quarter's revenue by manager costs on a big portal
// (goal ≤ 5: the won moves and the deals in one batch, their pages in batches, grouped here), and the share
// of the qualified phrase pack understood without a model (goal ≥ 95).
import { DateTime } from 'luxon';
import { addStageHistory, stageById } from '../src/demo-portal/company.ts';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { createScenarios } from '../src/scenarios/index.ts';
import { questionsUnderstoodShare } from '../test/router/questions.ts';

const now = () => new Date('2026-11-25T09:00:00Z');
const zone = 'Europe/Moscow';
const director = { portalUserId: 1, timeZone: zone, language: 'ru' as const };

async function quarterRevenueRequests(): Promise<number> {
  const demo = await startDemoPortal({ port: 0, now, rateLimit: false, size: { deals: 10_000 } });
  try {
    // A third of the big portal's deals were won this quarter, each by its own move in the stage history.
    const quarter = DateTime.fromJSDate(now(), { zone }).startOf('quarter');
    const won = stageById('WON')!;
    demo.data.deals.forEach((deal, index) => {
      if (index % 3 !== 0 || deal.CATEGORY_ID !== '0' || deal.STAGE_SEMANTIC_ID !== 'P') return;
      const at = quarter.plus({ hours: index % 1_300 }).toISO()!;
      Object.assign(deal, { STAGE_ID: 'WON', STAGE_SEMANTIC_ID: 'S', CLOSED: 'Y', MOVED_TIME: at });
      addStageHistory(demo.data, deal, won, 3, at);
    });
    const portal = createPortalClient({
      webhookUrl: demo.webhookUrl,
      rateLimit: { perSecond: 100_000, burst: 100_000 },
    });
    const scenarios = createScenarios({ portal, now });
    await scenarios.names.warm();
    const before = demo.requestCount;
    const today = DateTime.fromJSDate(now(), { zone }).toISODate()!;
    await scenarios.run(director, {
      scenario: 'query',
      query: {
        subject: 'deals',
        status: 'won',
        measure: 'sum',
        groupBy: 'manager',
        period: { from: quarter.toISODate()!, to: today },
      },
    });
    return demo.requestCount - before;
  } finally {
    await demo.close();
  }
}

export default async () => ({
  "portal requests for a quarter's revenue by manager over 10000 deals": await quarterRevenueRequests(),
  'qualified phrases understood without a model': Math.round(questionsUnderstoodShare() * 1000) / 10,
});
