// A director connected through the Bitrix24 application: the portal's offline queue, bound at connection time and
// read every few seconds, and the online handler on the bot's listener, which refuses a forged token. Alerts go
// out through the bot's own sender to the fake Telegram.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningAlerts } from '../../src/alerts/index.ts';
import { EVENTS_PATH } from '../../src/alerts/online.ts';
import { createCompanyMoves } from '../../src/demo-portal/company-moves.ts';
import { createLogger } from '../../src/log.ts';
import { createListener } from '../../src/ops/listener.ts';
import { type ConnectStand, DIRECTOR, MANAGER, startConnectStand } from '../connect/harness.ts';
import type { TelegramUser } from '../fakes/telegram-api.ts';

let stand: ConnectStand;
let alerts: RunningAlerts | undefined;
afterEach(async () => {
  await alerts?.stop();
  alerts = undefined;
  await stand.close();
});

/**
 * The director connects as the portal's director (an administrator), and each other person as given; they hear
 * only deals, and alerts start.
 */
async function connected(others: [TelegramUser, number][] = []): Promise<ConnectStand> {
  for (const [user, portalUserId] of [...others, [DIRECTOR, 1] as [TelegramUser, number]]) {
    await stand.connect(user, stand.first, portalUserId);
    for (const words of ['не присылай про лиды', 'не присылай про задачи', 'не присылай про встречи']) {
      await stand.say(user, words, 2);
    }
  }
  // Wednesday, 12:00 in Moscow: working hours.
  stand.clock.now = new Date('2026-11-25T09:00:00Z');
  alerts = stand.app.startAlerts(
    {
      send: async (chatId, reply) => (await stand.sender.send(chatId, [reply]))[0],
      edit: (chatId, messageId, reply) => stand.sender.edit(chatId, messageId, reply),
    },
    { timer: false },
  );
  return stand;
}

const later = async (ms: number) => {
  stand.clock.now = new Date(stand.clock.now.getTime() + ms);
  await alerts?.tick();
};

const lastWords = () => stand.telegram.sent(DIRECTOR.id).at(-1)?.plain ?? '';

describe('the offline queue', () => {
  it('is bound at once, read every few seconds, and a deal won reaches the director within seconds', async () => {
    stand = await startConnectStand();
    await connected();
    await later(0);
    const bound = stand.first.events.bindings.filter((binding) => binding.offline).map((binding) => binding.event);
    expect(bound).toEqual(
      expect.arrayContaining(['ONCRMDEALUPDATE', 'ONTASKUPDATE', 'ONCALENDARENTRYADD', 'ONCRMLEADADD']),
    );
    const before = stand.telegram.sent(DIRECTOR.id).length;
    const dealId = createCompanyMoves(stand.first, () => stand.clock.now).dealWon();
    const title = String(stand.first.data.deals.find((deal) => deal.ID === String(dealId))!.TITLE);
    await later(5_000);
    expect(stand.telegram.sent(DIRECTOR.id)).toHaveLength(before + 1);
    expect(lastWords()).toContain(`Выиграна сделка «${title}»`);
    // Reserved while it was processed, confirmed with the next request.
    expect(stand.first.events.queue).toHaveLength(1);
    await later(5_000);
    expect(stand.first.events.queue).toHaveLength(0);
  });

  it('a portal that floods (1000 events a minute) is read in batches, never one request per event', async () => {
    stand = await startConnectStand();
    await connected();
    await later(0);
    for (let id = 1; id <= 1000; id += 1) stand.first.events.raise('ONTASKUPDATE', String(id));
    const before = stand.first.requestCount;
    await later(5_000);
    await later(1_000);
    await later(1_000);
    expect(stand.first.events.queue).toHaveLength(0);
    // Two reads of the queue (500 a request), each record read again 50 to a request, and the last confirmation.
    expect(stand.first.requestCount - before).toBeLessThanOrEqual(25);
  });

  it('a deal the person’s own rights do not show is never told, though the portal’s event named it', async () => {
    stand = await startConnectStand();
    // The sales manager (portal user 3) connected first: the tenders' pipeline is closed to his department.
    await connected([[MANAGER, 3]]);
    await later(0);
    const moves = createCompanyMoves(stand.first, () => stand.clock.now);
    const open = (pipeline: string) =>
      stand.first.data.deals.find(
        (deal) => deal.CATEGORY_ID === pipeline && deal.STAGE_SEMANTIC_ID === 'P' && deal.ASSIGNED_BY_ID !== '3',
      )!;
    const tender = open('1');
    tender.OPPORTUNITY = '4000000.00';
    const managerHad = stand.telegram.sent(MANAGER.id).length;
    const directorHad = stand.telegram.sent(DIRECTOR.id).length;
    moves.dealWon(Number(tender.ID));
    await later(5_000);
    expect(stand.telegram.sent(DIRECTOR.id)).toHaveLength(directorHad + 1);
    expect(lastWords()).toContain(`Выиграна сделка «${tender.TITLE}»`);
    await later(60_000);
    expect(stand.telegram.sent(MANAGER.id)).toHaveLength(managerHad);
    // A deal of the open pipeline, won the same way, reaches him: his alerts are on, only the tender was hidden.
    const supply = open('0');
    supply.OPPORTUNITY = '3000000.00';
    moves.dealWon(Number(supply.ID));
    await later(5_000);
    const told = stand.telegram.sent(MANAGER.id).slice(managerHad);
    expect(told.map((message) => message.plain).join('\n')).toContain(`Выиграна сделка «${supply.TITLE}»`);
    expect(told.map((message) => message.plain).join('\n')).not.toContain(String(tender.TITLE));
  });

  it('binds again what someone removed on the portal', async () => {
    stand = await startConnectStand();
    await connected();
    await later(0);
    stand.first.events.bindings.splice(0);
    await later(31 * 60_000);
    expect(stand.first.events.bindings.filter((binding) => binding.offline).length).toBeGreaterThanOrEqual(8);
  });
});

describe('the online handler', () => {
  it('takes the portal’s calls with its application token, and refuses a forged one with 401', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    // The bot's listener: where PUBLIC_URL points.
    const listener = createListener(logger);
    const port = await listener.listen(0, '127.0.0.1');
    const handler = `http://127.0.0.1:${port}${EVENTS_PATH}`;
    stand = await startConnectStand({ events: 'online', eventsHandler: handler, logger });
    await connected();
    listener.route(EVENTS_PATH, alerts!.route);
    try {
      // The first look binds the handler; the portal then tells the application its token (the install call).
      await later(0);
      await stand.first.events.settle();
      expect(
        stand.first.events.bindings.filter((binding) => binding.handler === handler).length,
      ).toBeGreaterThanOrEqual(8);
      const before = stand.telegram.sent(DIRECTOR.id).length;
      const dealId = createCompanyMoves(stand.first, () => stand.clock.now).dealWon();
      const title = String(stand.first.data.deals.find((deal) => deal.ID === String(dealId))!.TITLE);
      await stand.first.events.settle();
      expect(stand.first.events.failedCalls).toBe(0);
      await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 10_000);
      expect(lastWords()).toContain(`Выиграна сделка «${title}»`);

      // Someone who knows the address but not the token.
      const forged = 'forged-token-0123456789';
      const other = stand.first.data.deals.find((deal) => deal.STAGE_SEMANTIC_ID === 'P')!;
      const form = new URLSearchParams({
        event: 'ONCRMDEALUPDATE',
        'data[FIELDS][ID]': String(other.ID),
        ts: '1764061200',
        'auth[member_id]': 'company-one',
        'auth[application_token]': forged,
      });
      const answer = await fetch(handler, { method: 'POST', body: form });
      expect(answer.status).toBe(401);
      expect(lines.join('\n')).toContain('wrong application token');
      expect(lines.join('\n')).not.toContain(forged);
      // Too big a body is refused before it is read.
      const big = await fetch(handler, { method: 'POST', body: 'x'.repeat(200_000) }).catch(() => undefined);
      expect(big?.status ?? 413).toBe(413);
      await later(1000);
      expect(stand.telegram.sent(DIRECTOR.id)).toHaveLength(before + 1);
    } finally {
      await listener.close();
    }
  });
});
