// The dashboard: its page's weight (every file gzipped), portal requests for the whole dashboard with cold caches,
// and the time to its first data in a real browser (Debian's Chromium) on a demo portal of 10,000 deals, warm.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { signInitData } from '../src/access/init-data.ts';
import { createApp } from '../src/app.ts';
import { PAGE_FILES, pageAssets } from '../src/dashboard/page-bundle.ts';
import { mountDashboard } from '../src/dashboard/routes.ts';
import { COMPANY_DEALS } from '../src/demo-portal/company.ts';
import { HALF_YEAR } from '../src/demo-portal/sales-history.ts';
import { startDemoPortal } from '../src/demo-portal/server.ts';
import { silentLogger } from '../src/log.ts';
import { createListener } from '../src/ops/listener.ts';
import { createPortalClient } from '../src/portal/client.ts';

const TOKEN = '1:bench';
const DIRECTOR = 1;
const unlimited = { perSecond: 100_000, burst: 100_000 };
const CHROMIUM = '/usr/bin/chromium';

/** The dashboard served over a demo portal of `deals` deals (default: the seeded company). */
async function onDashboard<T>(
  deals: number | undefined,
  measure: (base: string, requests: () => number) => Promise<T>,
) {
  const folder = mkdtempSync(join(tmpdir(), 'dashboard-bench-'));
  const size = deals ? { deals: deals - COMPANY_DEALS - HALF_YEAR.deals } : undefined;
  const demo = await startDemoPortal({ port: 0, rateLimit: false, ...(size ? { size } : {}) });
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: unlimited, logger: silentLogger }),
    databasePath: join(folder, 'bench.sqlite'),
    allowed: [{ telegramUserId: DIRECTOR }],
    logger: silentLogger,
  });
  const listener = createListener(silentLogger);
  mountDashboard(listener, {
    seatOf: app.dashboardSeat,
    botToken: TOKEN,
    assets: pageAssets,
    now: () => new Date(),
    logger: silentLogger,
  });
  try {
    const base = `http://127.0.0.1:${await listener.listen(0, '127.0.0.1')}`;
    return await measure(base, () => demo.requestCount);
  } finally {
    await listener.close();
    await app.close();
    await demo.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

const initData = () => signInitData(TOKEN, { user: { id: DIRECTOR }, authDate: new Date() });
const ask = (base: string, filters: Record<string, unknown>) =>
  fetch(`${base}/dashboard/data`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ initData: initData(), filters }),
  });

/** The page (its script and style written in) and the files it loads by address, as they travel: gzipped. */
async function pageKilobytes(): Promise<number> {
  const assets = await pageAssets();
  return onDashboard(undefined, async (base) => {
    const shell = gzipSync(await (await fetch(`${base}/dashboard`)).text(), { level: 9 }).length;
    const files = PAGE_FILES.reduce((sum, name) => sum + assets[name].gzipped.length, 0);
    return Math.round((shell + files) / 102.4) / 10;
  });
}

/** From a fresh process: the director's profile, the names and every section. */
const coldRequests = () =>
  onDashboard(undefined, async (base, requests) => {
    const before = requests();
    const answer = await ask(base, { period: 'month' });
    if (answer.status !== 200) throw new Error(`the dashboard answered ${answer.status}`);
    return requests() - before;
  });

/** Warm: the director opened it within the minute (the names, list sizes and the answer kept); the page measures itself. */
const firstDataMs = () =>
  onDashboard(10_000, async (base) => {
    if (!existsSync(CHROMIUM)) return -1;
    await ask(base, { period: 'month' });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/dashboard#tgWebAppData=${encodeURIComponent(initData())}`);
      await page.locator('[data-figure=earned]').waitFor({ timeout: 60_000 });
      // From the start of navigation to the sections on screen, as the page itself marks it.
      return Math.round(
        Number(await page.evaluate("performance.getEntriesByName('dashboard-first-data')[0].startTime")),
      );
    } finally {
      await browser.close();
    }
  });

export default async () => ({
  'KB of the dashboard page, gzipped, all assets': await pageKilobytes(),
  'portal requests for the whole dashboard, cold': await coldRequests(),
  "ms to the dashboard's first data, demo, 10000 deals, warm": await firstDataMs(),
});
