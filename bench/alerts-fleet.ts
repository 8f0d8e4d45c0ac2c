// Alerts over many connected portals (a part of alerts.bench.ts): 1000 demo portals (one company shared, each with its own application, events
// and offline queue), each with its director connected, watched by two instances on one database that share them
// through their leases; a deal is won now and then on one of them, and the time to that director's alert is taken
// (real time, the instances ticking on their own timers).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningAlerts, startAlerts } from '../src/alerts/index.ts';
import { DEFAULT_ALERT_SETTINGS } from '../src/alerts/settings.ts';
import type { WatchedPortal } from '../src/alerts/watch.ts';
import { generateCompany } from '../src/demo-portal/company.ts';
import { createCompanyMoves } from '../src/demo-portal/company-moves.ts';
import { type DemoPortal, startDemoPortal } from '../src/demo-portal/server.ts';
import { silentLogger } from '../src/log.ts';
import { createConnectedPortalClient } from '../src/portal/client.ts';
import { createAuthorizationServer } from '../src/portal/oauth-server.ts';
import type { PortalClient } from '../src/portal/port.ts';
import { createAlertRepository } from '../src/storage/alerts.ts';
import { openDatabase } from '../src/storage/db.ts';
import { createLeases } from '../src/storage/instances.ts';

const PORTALS = Number(process.env.ALERT_PORTALS ?? 1000);
const SAMPLES = Number(process.env.ALERT_SAMPLES ?? 12);
const CLIENT = { clientId: 'app.fleet0000000001.00000001', clientSecret: 'fleet-application-secret' };
const ZONE = 'Europe/Moscow';
const FIRST_DIRECTOR = 500_000;

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The director of `portal` approves the application and the bot receives the tokens, as a connection does. */
async function connectedClient(portal: DemoPortal): Promise<PortalClient> {
  portal.oauth.signedInUserId = 1;
  const query = new URLSearchParams({ client_id: CLIENT.clientId, state: 'fleet' });
  const approved = await fetch(`http://127.0.0.1:${portal.port}/oauth/authorize/?${query}`, { redirect: 'manual' });
  const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const server = createAuthorizationServer({ ...CLIENT, server: `http://127.0.0.1:${portal.port}` });
  const granted = await server.exchangeCode(code);
  const tokens = { current: async () => granted.accessToken, renew: async () => granted.accessToken };
  return createConnectedPortalClient({ endpoint: granted.clientEndpoint, portalUserId: 1, tokens, retries: 0 });
}

/** One instance: its own connection to the shared database, ticking every second on its own. */
async function instance(file: string, owner: string, portals: WatchedPortal[], told: Map<number, number>) {
  const db = await openDatabase(file);
  // Only deals won are told; no quiet hours.
  const settings = {
    ...DEFAULT_ALERT_SETTINGS,
    quietFrom: '00:00',
    quietTo: '00:00',
    quietWeekends: false,
    off: DEFAULT_ALERT_SETTINGS.off.concat([
      'leadUntouched',
      'taskDone',
      'taskOverdue',
      'meetingAdded',
      'dealSlipped',
      'closeDateMoved',
    ]),
  };
  const now = () => new Date();
  const alerts: RunningAlerts = startAlerts({
    alerts: createAlertRepository(db),
    leases: createLeases(db),
    owner,
    now,
    logger: silentLogger,
    settingsOf: async () => settings,
    portals: async () => portals,
    readerOf: async (telegramUserId) => ({
      chatId: telegramUserId,
      zone: ZONE,
      // One line a deal: what the message says is not measured here, when it leaves is.
      render: async (shown) => ({ html: shown.map((alert) => alert.facts.title).join('\n') }),
    }),
    outlet: {
      async send(chatId) {
        if (!told.has(chatId)) told.set(chatId, performance.now());
        return 1;
      },
      async edit() {},
    },
  });
  return {
    async stop() {
      await alerts.stop();
      await db.close();
    },
  };
}

/** The p95 of the seconds from a deal won on one of the portals to its director's alert. */
export async function fleetLatency(): Promise<number> {
  const company = generateCompany({ now: new Date(), timeZone: ZONE });
  const portals: DemoPortal[] = [];
  const folder = mkdtempSync(join(tmpdir(), 'alerts-fleet-'));
  const instances: { stop(): Promise<void> }[] = [];
  try {
    for (let index = 0; index < PORTALS; index += 1) {
      portals.push(
        await startDemoPortal({
          company,
          rateLimit: false,
          oauth: { ...CLIENT, memberId: `fleet-${index}`, redirectUri: 'https://bot.example.org/bitrix24/oauth' },
        }),
      );
    }
    const watched: WatchedPortal[] = [];
    for (const [index, portal] of portals.entries()) {
      const client = await connectedClient(portal);
      watched.push({
        key: `fleet-${index}`,
        mode: 'offline',
        reader: client,
        recipients: [{ telegramUserId: FIRST_DIRECTOR + index, portalUserId: 1, zone: ZONE, portal: client }],
      });
    }
    const told = new Map<number, number>();
    const file = join(folder, 'assistant.sqlite');
    instances.push(await instance(file, 'fleet-a', watched, told));
    instances.push(await instance(file, 'fleet-b', watched, told));
    // Every portal bound and read once: the fleet is connected, and quiet.
    while (portals.some((portal) => portal.events.bindings.length === 0)) await sleep(500);
    await sleep(5_000);
    const seconds: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await sleep(500 + Math.random() * 2_500);
      const index = Math.floor(Math.random() * PORTALS);
      const chat = FIRST_DIRECTOR + index;
      told.delete(chat);
      createCompanyMoves(portals[index]!).dealWon();
      const started = performance.now();
      while (!told.has(chat) && performance.now() - started < 60_000) await sleep(20);
      seconds.push(((told.get(chat) ?? performance.now()) - started) / 1000);
    }
    return Number(p95(seconds).toFixed(2));
  } finally {
    for (const running of instances) await running.stop();
    for (const portal of portals) await portal.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
