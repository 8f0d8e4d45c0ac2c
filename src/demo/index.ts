// The demo: an embedded demo portal with a believable company, and the terminal chat in front of the
// very same assistant the Telegram bot uses. Needs nothing from outside.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app.ts';
import type { Config } from '../config.ts';
import { pageAssets } from '../dashboard/page-bundle.ts';
import { DASHBOARD_DEMO_PATH, mountDashboard } from '../dashboard/routes.ts';
import { createCompanyMoves } from '../demo-portal/company-moves.ts';
import { startDemoPortal } from '../demo-portal/server.ts';
import type { Logger } from '../log.ts';
import { createListener } from '../ops/listener.ts';
import { mountOperatorRoutes } from '../ops/routes.ts';
import { createPortalClient } from '../portal/client.ts';
import type { Reply } from '../views/reply.ts';
import { setDemoPlans } from './plans.ts';
import { runTerminalChat } from './terminal.ts';

/** The demo's one director: Telegram user 1, standing for the portal's director (the webhook's user). */
const DEMO_DIRECTOR = { telegramUserId: 1, chatId: 1 };

/** How often someone in the demo company wins a deal, closes a task, brings a lead or books a meeting. */
const COMPANY_MOVES_MS = 40_000;

const BANNER = `Демо: помощник директора для Битрикс24 на демо-портале с вымышленной компанией.
Попробуйте: «что у меня сегодня?», «мои задачи», «расписание на завтра», «воронка»,
«досье Ромашка», «создай задачу подготовить отчёт на пятницу», «как идём по плану?».
Кнопки показаны как [1], [2]: введите номер, чтобы нажать. «выход» — завершить.
`;

export async function runDemo(options: { config: Config; logger: Logger }): Promise<void> {
  const portal = await startDemoPortal({ port: 0 });
  const folder = mkdtempSync(join(tmpdir(), 'b24-demo-'));
  // Kept after the demo ends, so the director can open the charts and spreadsheets it saved.
  const filesFolder = mkdtempSync(join(tmpdir(), 'b24-demo-files-'));
  const client = createPortalClient({ webhookUrl: portal.webhookUrl, logger: options.logger });
  const app = await createApp({
    portal: client,
    databasePath: join(folder, 'demo.sqlite'),
    allowed: [{ telegramUserId: DEMO_DIRECTOR.telegramUserId }],
    model: options.config.model,
    logger: options.logger,
    // The demo shows what happens at any hour: no quiet hours.
    alertDefaults: { quietFrom: '00:00', quietTo: '00:00', quietWeekends: false },
  });
  await setDemoPlans(app.db, client, portal.data.timeZone);
  // The company lives: its moves reach the director as alerts, printed between the turns of the chat.
  let push: ((reply: Reply) => void) | undefined;
  const alerts = app.startAlerts({
    async send(_chatId, reply) {
      push?.(reply);
      return undefined;
    },
    async edit() {},
  });
  const stopMoving = createCompanyMoves(portal).start(COMPANY_MOVES_MS);
  // In a container the image's HEALTHCHECK asks /healthz on METRICS_PORT: healthy while the chat runs.
  const listener = createListener(options.logger);
  let chatting = true;
  mountOperatorRoutes(
    listener,
    { updatesAlive: () => chatting, pingDatabase: app.ping },
    { logger: options.logger, ...(options.config.metricsToken ? { metricsToken: options.config.metricsToken } : {}) },
  );
  // The dashboard in an ordinary browser: the demo signs its own director in, for this machine only.
  mountDashboard(listener, {
    seatOf: app.dashboardSeat,
    botToken: `1:${randomBytes(24).toString('base64url')}`,
    assets: pageAssets,
    now: () => new Date(),
    logger: options.logger,
    demoUser: DEMO_DIRECTOR.telegramUserId,
  });
  void pageAssets().catch((error: unknown) => options.logger.warn('the dashboard page could not be built', { error }));
  try {
    const { metricsPort, metricsHost } = options.config;
    // Without METRICS_PORT the page needs a port all the same: any free one, on this machine only.
    const port = await (metricsPort === undefined
      ? listener.listen(0, '127.0.0.1')
      : listener.listen(metricsPort, metricsHost));
    process.stdout.write(`📊 Панель в браузере: http://127.0.0.1:${port}${DASHBOARD_DEMO_PATH}\n`);
    await runTerminalChat({
      assistant: app.assistant,
      conversation: DEMO_DIRECTOR,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      banner: BANNER,
      filesFolder,
      onPush: (show) => {
        push = show;
      },
    });
  } finally {
    chatting = false;
    stopMoving();
    await alerts.stop();
    await listener.close();
    await app.close();
    await portal.close();
    rmSync(folder, { recursive: true, force: true });
    // Nothing saved: nothing to keep (an afternoon of tries left dozens of empty folders behind).
    if (readdirSync(filesFolder).length === 0) rmSync(filesFolder, { recursive: true, force: true });
  }
}
