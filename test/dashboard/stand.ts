// The dashboard as the browser tests open it: the demo portal, the app over it, the page on a listener of its
// own and Debian's headless Chromium; one stand per test file, closed with everything it started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { signInitData } from '../../src/access/init-data.ts';
import { type App, createApp } from '../../src/app.ts';
import { pageAssets } from '../../src/dashboard/page-bundle.ts';
import { mountDashboard } from '../../src/dashboard/routes.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createListener, type Listener } from '../../src/ops/listener.ts';
import { createPortalClient } from '../../src/portal/client.ts';

export const CHROMIUM = '/usr/bin/chromium';

export interface DashboardStand {
  demo: DemoPortal;
  app: App;
  browser: Browser;
  base: string;
  /** Where the app keeps its database (`test.sqlite`). */
  folder: string;
  /** Telegram's signed data for a user of this stand's bot. */
  signed(id: number, authDate?: Date): string;
  /** The page's address as Telegram opens it. */
  pageFor(initData: string): string;
  /** A phone-sized page that collects every console error and script failure. */
  watchedPage(): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startDashboardStand(options: {
  token: string;
  allowed: number[];
  demoUser?: number;
}): Promise<DashboardStand> {
  const folder = mkdtempSync(join(tmpdir(), 'dashboard-test-'));
  const demo = await startDemoPortal({ port: 0, rateLimit: false });
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: demo.webhookUrl, logger: silentLogger }),
    databasePath: join(folder, 'test.sqlite'),
    allowed: options.allowed.map((telegramUserId) => ({ telegramUserId })),
    logger: silentLogger,
  });
  const listener: Listener = createListener(silentLogger);
  mountDashboard(listener, {
    seatOf: app.dashboardSeat,
    botToken: options.token,
    assets: pageAssets,
    now: () => new Date(),
    logger: silentLogger,
    ...(options.demoUser === undefined ? {} : { demoUser: options.demoUser }),
  });
  const base = `http://127.0.0.1:${await listener.listen(0, '127.0.0.1')}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    demo,
    app,
    browser,
    base,
    folder,
    signed: (id, authDate = new Date()) =>
      signInitData(options.token, { user: { id, firstName: 'Алексей', languageCode: 'ru' }, authDate }),
    pageFor: (initData) => `${base}/dashboard#tgWebAppData=${encodeURIComponent(initData)}`,
    async watchedPage() {
      const page = await browser.newPage({ viewport: { width: 360, height: 760 }, deviceScaleFactor: 2 });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    async close() {
      await browser.close();
      await listener.close();
      await app.close();
      await demo.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
