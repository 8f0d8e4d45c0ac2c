// Pictures and spreadsheets: the time to draw the pipeline's chart from its view (the demo company's stages),
// once the renderer is loaded, as the median of several draws.
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { funnelOf } from '../src/scenarios/chart-data.ts';
import { createScenarios } from '../src/scenarios/index.ts';
import { drawChartOf } from '../src/views/charts/charts.ts';

const now = () => new Date('2026-11-25T09:00:00Z');
const director = { portalUserId: 1, timeZone: 'Europe/Moscow', language: 'ru' as const };
const DRAWS = 7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function pipelineChart(): Promise<number> {
  const demo = await startDemoPortal({ port: 0, now, rateLimit: false });
  try {
    const portal = createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: { perSecond: 1000, burst: 1000 } });
    const view = await createScenarios({ portal, now }).run(director, { scenario: 'pipeline' });
    if (view?.view !== 'pipeline') throw new Error('no pipeline view');
    const times: number[] = [];
    // The first draw loads the renderer and the fonts; it is not what a director waits for afterwards.
    for (let draw = 0; draw <= DRAWS; draw++) {
      const started = performance.now();
      drawChartOf(funnelOf(view), 'ru');
      if (draw > 0) times.push(performance.now() - started);
    }
    return Math.round(median(times));
  } finally {
    await demo.close();
  }
}

export default async () => ({
  'ms to draw the pipeline chart': await pipelineChart(),
});
