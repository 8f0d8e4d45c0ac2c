// Trust: two instances on one database watch the same portal, and one is killed at some point of its round:
// the director gets each alert exactly once. And alerts go only to users allowed at that moment.
import { afterEach, describe, expect, it } from 'vitest';
import { twoInstances } from './harness.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('two instances', () => {
  for (const turns of [0, 1, 3, 8, 20, 60]) {
    it(`one killed ${turns} turns into its round: the alert arrives once, neither lost nor twice`, async () => {
      const { clock, a, b, sent, moves } = await twoInstances(cleanups);
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
    const { clock, a, b, sent, moves } = await twoInstances(cleanups, []);
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
