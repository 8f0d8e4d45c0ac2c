// Trust: two instances on one database watch the same portal, and one is killed at some point of its round:
// the director gets each alert exactly once. And alerts go only to users allowed at that moment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningAlerts } from '../../src/alerts/index.ts';
import { type App, createApp } from '../../src/app.ts';
import { createCompanyMoves } from '../../src/demo-portal/company-moves.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import type { Reply } from '../../src/views/reply.ts';
import { DIRECTOR } from './harness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Instance {
  app: App;
  alerts: RunningAlerts;
}

/** Two instances on one database; the second may have been started with another ALLOWED_TELEGRAM_IDS. */
async function twoInstances(allowedOnB = [{ telegramUserId: DIRECTOR }]) {
  const clock = { now: new Date('2026-11-25T09:00:00Z') };
  const now = () => new Date(clock.now);
  const portal: DemoPortal = await startDemoPortal({ now, rateLimit: false });
  const folder = mkdtempSync(join(tmpdir(), 'alerts-instances-'));
  cleanups.push(
    () => portal.close(),
    () => rmSync(folder, { recursive: true, force: true }),
  );
  const sent: Reply[] = [];
  const open = async (instance: string, allowed = [{ telegramUserId: DIRECTOR }]): Promise<Instance> => {
    const app = await createApp({
      portal: createPortalClient({ webhookUrl: portal.webhookUrl, retries: 0 }),
      databasePath: join(folder, 'assistant.sqlite'),
      allowed,
      logger: silentLogger,
      now,
      digestRound: { instance },
    });
    const alerts = app.startAlerts(
      {
        async send(_chatId, reply) {
          sent.push(reply);
          return sent.length;
        },
        async edit() {},
      },
      { timer: false },
    );
    return { app, alerts };
  };
  const a = await open('a');
  const b = await open('b', allowedOnB);
  cleanups.push(async () => {
    await b.alerts.stop();
    await b.app.close();
  });
  for (const words of ['привет', 'не присылай про лиды', 'не присылай про задачи', 'не присылай про встречи']) {
    await a.app.assistant.handleText({ telegramUserId: DIRECTOR, chatId: DIRECTOR }, words);
  }
  return { clock, portal, a, b, sent, moves: createCompanyMoves(portal, now) };
}

describe('two instances', () => {
  for (const turns of [0, 1, 3, 8, 20, 60]) {
    it(`one killed ${turns} turns into its round: the alert arrives once, neither lost nor twice`, async () => {
      const { clock, a, b, sent, moves } = await twoInstances();
      await Promise.all([a.alerts.tick(), b.alerts.tick()]);
      clock.now = new Date(clock.now.getTime() + 10_000);
      moves.dealWon();
      clock.now = new Date(clock.now.getTime() + 61_000);
      const round = a.alerts.tick();
      for (let turn = 0; turn < turns; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      // Killed: its database gone mid-round, its leases left to run out.
      await a.app.close();
      await round.catch(() => {});
      for (let second = 0; second < 120; second += 1) {
        clock.now = new Date(clock.now.getTime() + 1000);
        await b.alerts.tick();
      }
      expect(sent.filter((reply) => reply.html.includes('Выиграна сделка'))).toHaveLength(1);
    });
  }
});

describe('who may hear', () => {
  it('a director no longer allowed hears nothing, not even from an instance that still knows the chat', async () => {
    const { clock, a, b, sent, moves } = await twoInstances([]);
    await a.alerts.stop();
    await a.app.close();
    await b.alerts.tick();
    clock.now = new Date(clock.now.getTime() + 10_000);
    moves.dealWon();
    for (let minute = 0; minute < 3; minute += 1) {
      clock.now = new Date(clock.now.getTime() + 61_000);
      await b.alerts.tick();
    }
    expect(sent).toHaveLength(0);
  });
});
