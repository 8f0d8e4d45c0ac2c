// Pictures and spreadsheets: the time to draw the pipeline's chart from its view (the demo company's stages),
// once the renderer is loaded, as the median of several draws; and the time and peak memory to build the Excel
// file of 10,000 deals read from a demo portal of that size, measured in a child process of its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { createPortalClient } from '../src/portal/client.ts';
import { funnelOf } from '../src/scenarios/files/chart-data.ts';
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

async function excelOf10000Deals(): Promise<{ ms: number; peakMb: number }> {
  const demo = await startDemoPortal({ port: 0, now, rateLimit: false, size: { deals: 10_000 } });
  const folder = mkdtempSync(join(tmpdir(), 'b24-bench-excel-'));
  try {
    const portal = createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: { perSecond: 1000, burst: 1000 } });
    const scenarios = createScenarios({ portal, now });
    const table = await scenarios.exportTable(director, 'deals');
    if (table.rows.length < 10_000) throw new Error(`only ${table.rows.length} deals to export`);
    const rows = join(folder, 'deals.json');
    writeFileSync(rows, JSON.stringify({ ...table, rows: table.rows.slice(0, 10_000) }));
    // The child runs as compiled JavaScript, as `npm run build` ships the product: no TypeScript loader in the figure.
    // Inside the project (its node_modules/.cache), so the child finds the packages.
    const script = join(import.meta.dirname, '..', 'node_modules', '.cache', 'b24-bench', 'excel-child.mjs');
    buildSync({
      entryPoints: [join(import.meta.dirname, 'excel-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: script,
      logLevel: 'warning',
      absWorkingDir: join(import.meta.dirname, '..'),
    });
    const child = spawnSync(process.execPath, [script, rows], {
      encoding: 'utf8',
      cwd: join(import.meta.dirname, '..'),
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const figures = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ms: number; peakMb: number };
    return { ms: Math.round(figures.ms), peakMb: Math.round(figures.peakMb) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await demo.close();
  }
}

export default async () => {
  const excel = await excelOf10000Deals();
  return {
    'ms to draw the pipeline chart': await pipelineChart(),
    'ms to build the Excel file of 10000 deals': excel.ms,
    'peak memory building the Excel file of 10000 deals (MB)': excel.peakMb,
  };
};
