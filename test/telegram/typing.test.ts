// "typing…" is shown for an answer that takes a moment, never flashed before one that is ready at once.
import type { Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { TYPING_DELAY_MS, whileTyping } from '../../src/telegram/features/conversation.ts';

function chat() {
  const actions: string[] = [];
  const ctx = {
    replyWithChatAction: async (action: string) => {
      actions.push(action);
      return true;
    },
  } as unknown as Context;
  return { ctx, actions };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('typing while an answer is made', () => {
  it('sends nothing for an answer ready at once', async () => {
    const { ctx, actions } = chat();
    expect(await whileTyping(ctx, async () => 'ready', silentLogger)).toBe('ready');
    await wait(TYPING_DELAY_MS + 50);
    expect(actions).toEqual([]);
  });

  it('shows typing once the answer takes longer, and stops with it', async () => {
    const { ctx, actions } = chat();
    await whileTyping(ctx, () => wait(TYPING_DELAY_MS + 100), silentLogger);
    expect(actions).toEqual(['typing']);
    await wait(TYPING_DELAY_MS);
    expect(actions).toEqual(['typing']);
  });

  it('stops the timer when the work fails', async () => {
    const { ctx, actions } = chat();
    await expect(
      whileTyping(
        ctx,
        async () => {
          throw new Error('portal down');
        },
        silentLogger,
      ),
    ).rejects.toThrow('portal down');
    await wait(TYPING_DELAY_MS + 50);
    expect(actions).toEqual([]);
  });
});
