// Alerts: how soon a deal won reaches the director through the offline queue (real time), how often a quiet
// portal is asked, how many messages a burst of 40 deals makes, and exactly-once with two instances, one killed
// at different points of its round (simulated clock); and how soon a deal won reaches its director among 1000
// connected portals that two instances share (alerts-fleet.ts).
import { createCompanyMoves } from '../src/demo-portal/company-moves.ts';
import { alertStand, twoInstances } from '../test/alerts/harness.ts';
import { type ConnectStand, DIRECTOR, startConnectStand } from '../test/connect/harness.ts';
import { fleetLatency } from './alerts-fleet.ts';

const MINUTE = 60_000;
const SAMPLES = Number(process.env.ALERT_SAMPLES ?? 12);

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? 0;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A director connected through the application, alerts on; only deals told, no quiet hours. */
async function connectedDirector(
  clockRuns: boolean,
): Promise<{ stand: ConnectStand; stop(): Promise<void>; tick(): Promise<void> }> {
  const stand = await startConnectStand({
    alertDefaults: {
      quietFrom: '00:00',
      quietTo: '00:00',
      quietWeekends: false,
      off: ['leadUntouched', 'taskDone', 'taskOverdue', 'meetingAdded', 'dealSlipped', 'closeDateMoved'],
    },
  });
  await stand.connect(DIRECTOR, stand.first, 1);
  // The bot hears of a director once they have written to it.
  await stand.say(DIRECTOR, 'мои задачи', 1);
  stand.clock.now = new Date('2026-11-25T09:00:00Z');
  if (clockRuns) Object.defineProperty(stand.clock, 'now', { get: () => new Date(), set: () => {} });
  const alerts = stand.app.startAlerts(
    {
      send: async (chatId, reply) => (await stand.sender.send(chatId, [reply]))[0],
      edit: (chatId, messageId, reply) => stand.sender.edit(chatId, messageId, reply),
    },
    { timer: clockRuns },
  );
  return {
    stand,
    tick: () => alerts.tick(),
    async stop() {
      await alerts.stop();
      await stand.close();
    },
  };
}

/**
 * Deals won the director's messages tell of: a line each, and the ones counted after the first ten; only in the
 * messages after the `from`th (the bot's answers before the alerts started count lines of their own).
 */
const shown = (stand: ConnectStand, from = 0) =>
  stand.telegram
    .sent(DIRECTOR.id)
    .slice(from)
    .flatMap((message) => message.plain.split('\n'))
    .reduce((sum, line) => sum + (line.startsWith('🏆') ? 1 : Number(line.match(/^…и ещё (\d+)/)?.[1] ?? 0)), 0);

async function offlineLatency(): Promise<number> {
  const { stand, stop } = await connectedDirector(true);
  const moves = createCompanyMoves(stand.first);
  const seconds: number[] = [];
  const answers = stand.telegram.sent(DIRECTOR.id).length;
  try {
    await sleep(2000);
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      await sleep(Math.random() * 5000);
      moves.dealWon();
      const started = performance.now();
      await stand.telegram.waitFor(() => shown(stand, answers) > sample || undefined, 30_000);
      seconds.push((performance.now() - started) / 1000);
    }
  } finally {
    await stop();
  }
  return round(p95(seconds));
}

async function quietPortalRequests(): Promise<number> {
  const { stand, tick, stop } = await connectedDirector(false);
  try {
    await tick();
    const before = stand.first.requestCount;
    for (let second = 0; second < 10 * 60; second += 1) {
      stand.clock.now = new Date(stand.clock.now.getTime() + 1000);
      await tick();
    }
    return round((stand.first.requestCount - before) / 10, 1);
  } finally {
    await stop();
  }
}

async function fortyDeals(): Promise<number> {
  const stand = await alertStand();
  try {
    await stand.onlyDeals();
    await stand.after(0);
    const deals = stand.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P').slice(0, 40);
    for (const deal of deals) {
      deal.OPPORTUNITY = '1000000.00';
      stand.moves.dealWon(Number(deal.ID));
      await stand.after(1500);
    }
    await stand.after(MINUTE);
    return stand.messages.length;
  } finally {
    await stand.close();
  }
}

/** Three deals won, instance A killed `turns` event-loop turns into its round; B carries on for two minutes. */
async function killedInstances(): Promise<Record<string, number>> {
  let twice = 0;
  let lost = 0;
  for (const turns of [0, 1, 2, 4, 8, 16, 32, 64, 128]) {
    const cleanups: (() => Promise<void> | void)[] = [];
    try {
      const { clock, a, b, sent, moves, portal } = await twoInstances(cleanups);
      await Promise.all([a.alerts.tick(), b.alerts.tick()]);
      clock.now = new Date(clock.now.getTime() + 10_000);
      const titles = [moves.dealWon(), moves.dealWon(), moves.dealWon()].map((id) =>
        String(portal.data.deals.find((deal) => deal.ID === String(id))!.TITLE),
      );
      clock.now = new Date(clock.now.getTime() + 61_000);
      const roundOfA = a.alerts.tick();
      for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      await a.app.close();
      await roundOfA.catch(() => {});
      for (let second = 0; second < 120; second += 1) {
        clock.now = new Date(clock.now.getTime() + 1000);
        await b.alerts.tick();
      }
      for (const title of titles) {
        const times = sent.filter((reply) => reply.html.includes(title)).length;
        if (times === 0) lost += 1;
        if (times > 1) twice += times - 1;
      }
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
    }
  }
  return {
    'alerts sent twice with two instances, one killed mid-run': twice,
    'alerts lost with two instances, one killed mid-run': lost,
  };
}

export default async function alertsBench(): Promise<Record<string, number>> {
  return {
    "seconds from a deal won on the portal to the director's alert, offline queue, p95": await offlineLatency(),
    'portal requests per minute per quiet portal for alerts': await quietPortalRequests(),
    'messages to one director for 40 deals won within one minute': await fortyDeals(),
    ...(await killedInstances()),
    'seconds from a deal won to the alert with 1000 connected quiet portals, two instances, p95': await fleetLatency(),
  };
}
