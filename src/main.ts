// The composition root: reads the settings, then runs either the Telegram bot or the demo. It alone
// owns start-up and graceful shutdown.
import { EVENTS_PATH } from './alerts/online.ts';
import { type App, type AppOptions, createApp, OAUTH_REDIRECT_PATH } from './app.ts';
import { type Config, ConfigError, formatConfigError, loadConfig, readEnvFile, secretsOf } from './config.ts';
import { pageAssets } from './dashboard/page-bundle.ts';
import { mountDashboard } from './dashboard/routes.ts';
import { createLogger, type Logger } from './log.ts';
import { createListener, type Listener } from './ops/listener.ts';
import { mountOperatorRoutes } from './ops/routes.ts';
import type { BucketSource } from './portal/bucket.ts';
import { createPortalClient } from './portal/client.ts';
import { exitCodeOf, type StopStep, type StopWatch, stopInOrder, watchForStop } from './shutdown.ts';
import { createTranscriber } from './speech/transcriber.ts';
import { createBot } from './telegram/bot.ts';
import { fatalTelegramLine } from './telegram/failures.ts';
import { registerCommands } from './telegram/menu.ts';
import { type Running, startPolling, startWebhook } from './telegram/run.ts';
import type { Sender } from './telegram/send.ts';
import type { Reply } from './views/reply.ts';

// Time for the digest tick and writes in flight to finish once stopping begins.
const STOP_DEADLINE_MS = 10_000;

type Telegram = NonNullable<Config['telegram']>;

/** What the running bot's parts share: the settings, the app, and the steps that stop it, in their order. */
interface Run {
  config: Config;
  telegram: Telegram;
  logger: Logger;
  app: App;
  watch: StopWatch;
  stopSteps: StopStep[];
}

/** Runs the bot until a signal, a fatal Telegram failure or a crash; resolves with the exit code. */
async function runTelegram(config: Config, logger: Logger): Promise<number> {
  const watch = watchForStop(logger);
  const telegram = config.telegram;
  if (!telegram || (!config.portal && !config.application)) {
    throw new ConfigError(
      'BITRIX24_WEBHOOK_URL: the bot needs the address of the company portal (or a Bitrix24 application: BITRIX24_APP_CLIENT_ID)',
    );
  }
  const app = await createApp(appOptions(config, telegram, logger));
  // From here on the database is open: every way out goes through the clean shutdown below.
  const stopSteps: StopStep[] = [{ name: 'database', run: () => app.close() }];
  try {
    return exitCodeOf(await Promise.race([watch.stopped, serve({ config, telegram, logger, app, watch, stopSteps })]));
  } catch (error) {
    watch.fail(error);
    return exitCodeOf(await watch.stopped);
  } finally {
    await stopInOrder(stopSteps, STOP_DEADLINE_MS, logger);
    logger.info('stopped cleanly');
  }
}

/** The app's parts from the settings: the company webhook and directors' own connections can serve side by side. */
function appOptions(config: Config, telegram: Telegram, logger: Logger): AppOptions {
  const portalSettings = config.portal;
  const application = config.application;
  return {
    ...(portalSettings
      ? {
          portal: (buckets: BucketSource) =>
            createPortalClient({ webhookUrl: portalSettings.webhookUrl, rateLimit: config.rateLimit, buckets, logger }),
        }
      : {}),
    ...(application && config.encryptionKey
      ? {
          application: {
            keys: {
              clientId: application.clientId,
              clientSecret: application.clientSecret,
              server: application.server,
            },
            encryptionKey: config.encryptionKey,
            allowConnectedPortals: application.allowConnectedPortals,
            publicUrl: application.publicUrl,
            botToken: telegram.token,
            rateLimit: config.rateLimit,
          },
        }
      : {}),
    databasePath: config.databasePath,
    databaseUrl: config.databaseUrl,
    allowed: config.allowed,
    model: config.model,
    logger,
    ...(config.events ? { events: config.events } : {}),
    ...(application ? { eventsHandler: `${application.publicUrl}${EVENTS_PATH}` } : {}),
  };
}

/** Starts everything and never resolves: only `watch.stopped` ends the run. */
async function serve(run: Run): Promise<never> {
  const { config, telegram, logger, app, watch, stopSteps } = run;
  const { bot, sender, idle } = createBot({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    assistant: app.assistant,
    access: app.access,
    ...(app.connect ? { connect: app.connect } : {}),
    logger,
    transcriber: config.speech && createTranscriber(config.speech),
    dashboardUrl: config.dashboardUrl,
  });
  await registerCommands(bot.api, { connect: Boolean(app.connect), dashboardUrl: config.dashboardUrl });

  // Health, metrics and any route another part mounts: on METRICS_PORT, and on the webhook's port.
  const listener = createListener(logger);
  const running: Running = telegram.webhook
    ? await startWebhook(bot, { ...telegram.webhook, markSeen: app.markSeen, listener }, logger)
    : await startPolling(bot, logger, watch.fail);
  stopSteps.unshift({ name: 'updates', run: () => running.stop() }, { name: 'writes in flight', run: idle });
  const digests = startPushes(run, sender, listener);
  if (config.dashboardUrl) mountPage(run, listener);
  mountOperatorRoutes(
    listener,
    { updatesAlive: running.alive, pingDatabase: app.ping, lastDigestTick: digests.lastTick },
    { logger, ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}) },
  );
  stopSteps.splice(-1, 0, { name: 'operator listener', run: () => listener.close() });
  if (config.metricsPort !== undefined) await listener.listen(config.metricsPort, config.metricsHost);
  logger.info('assistant started', {
    portal: app.portal ? String(app.portal) : 'none',
    // What the operator registers as the application's handler address.
    handler: config.application ? `${config.application.publicUrl}${OAUTH_REDIRECT_PATH}` : 'none',
    allowed: config.allowed.length,
    model: Boolean(config.model),
  });

  return new Promise<never>(() => {});
}

/** What is sent without being asked: the digests, the connection's news and the alerts; the digests' schedule. */
function startPushes({ app, stopSteps }: Run, sender: Sender, listener: Listener) {
  const digests = app.startDigests(async (chatId, replies) => {
    await sender.send(chatId, replies);
  });
  stopSteps.unshift({ name: 'digests', run: () => digests.stop() });
  const notify = async (chatId: number, replies: Reply[]) => {
    await sender.send(chatId, replies);
  };
  for (const [path, handler] of app.connectRoutes?.(notify) ?? []) listener.route(path, handler);
  const alerts = app.startAlerts({
    send: async (chatId, reply) => (await sender.send(chatId, [reply]))[0],
    edit: (chatId, messageId, reply) => sender.edit(chatId, messageId, reply),
  });
  stopSteps.unshift({ name: 'alerts', run: () => alerts.stop() });
  // The portals' online events come to the listener (BITRIX24_EVENTS=online, under PUBLIC_URL).
  listener.route(EVENTS_PATH, alerts.route);
  return digests;
}

/** The dashboard's page on the listener, built in the background so its first opening is quick. */
function mountPage({ app, telegram, logger }: Run, listener: Listener): void {
  mountDashboard(listener, {
    seatOf: app.dashboardSeat,
    botToken: telegram.token,
    assets: pageAssets,
    now: () => new Date(),
    logger,
  });
  void pageAssets().catch((error: unknown) => logger.error('the dashboard page could not be built', { error }));
}

async function main(): Promise<void> {
  const demoAsked = process.argv.includes('--demo');
  let config: Config;
  try {
    // A `.env` in the working folder fills what the environment leaves unset.
    config = loadConfig(readEnvFile(), { demo: demoAsked });
  } catch (error) {
    process.stderr.write(`${formatConfigError(error)}\n`);
    process.exit(1);
  }
  const demo = config.mode === 'demo';
  const logger = createLogger({
    // The demo's terminal is the chat itself: only real trouble goes to stderr unless asked for.
    level: demo && !process.env.LOG_LEVEL ? 'error' : config.logLevel,
    secrets: secretsOf(config),
  });
  try {
    // The demo portal and its company stay out of the bot's memory.
    if (demo) await (await import('./demo/index.ts')).runDemo({ config, logger });
    else process.exit(await runTelegram(config, logger));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${formatConfigError(error)}\n`);
      process.exit(1);
    }
    logger.error(fatalTelegramLine(error) ?? 'the assistant stopped', { error });
    process.exit(1);
  }
  process.exit(0);
}

await main();
