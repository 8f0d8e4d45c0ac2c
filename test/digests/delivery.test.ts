import { describe, expect, it, vi } from 'vitest';
import { chatTurns } from '../../src/digests/delivery.ts';

const GAP_MS = 40;

describe('when a digest of several messages goes to one chat', () => {
  it('then its messages leave one after another at least a gap apart, another chat does not wait, and no chat is kept once quiet', async () => {
    const turns = chatTurns(GAP_MS);
    const sent: { chat: number; at: number }[] = [];
    const send = (chat: number) => async () => {
      sent.push({ chat, at: performance.now() });
    };
    const first = Promise.all([1, 2, 3].map(() => turns.take(7, send(7))));
    await turns.take(8, send(8));
    expect(turns.chatsHeld()).toBe(2);
    await first;

    expect(sent.map((message) => message.chat)).toEqual([7, 8, 7, 7]);
    const toSeven = sent.filter((message) => message.chat === 7).map((message) => message.at);
    expect(toSeven[1]! - toSeven[0]!).toBeGreaterThanOrEqual(GAP_MS - 1);
    expect(toSeven[2]! - toSeven[1]!).toBeGreaterThanOrEqual(GAP_MS - 1);
    await vi.waitFor(() => expect(turns.chatsHeld()).toBe(0));
  });

  it('then a message that failed does not block the next one of that chat', async () => {
    const turns = chatTurns(GAP_MS);
    const failed = turns.take(7, async () => {
      throw new Error('chat not found');
    });
    const next = turns.take(7, async () => undefined);
    await expect(failed).rejects.toThrow('chat not found');
    await expect(next).resolves.toBeUndefined();
  });
});
