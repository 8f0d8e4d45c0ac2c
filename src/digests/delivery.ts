// How digests leave for Telegram: about 30 messages a second per bot and one a second per chat. The per-chat
// turn is kept only while the chat has messages in flight, so a round of a thousand directors leaves nothing
// behind (a limiter per chat, kept for good, was a thousand objects living on after the round).
import { setTimeout as delay } from 'node:timers/promises';
import Bottleneck from 'bottleneck';
import type { LeakyBucket } from '../portal/bucket.ts';
import type { Reply } from '../views/reply.ts';

export interface DeliveryDeps {
  send: (chatId: number, replies: Reply[]) => Promise<void>;
  rate: { perSecond: number; perChatPerSecond: number };
  /** Telegram's limit is per bot: with several instances, the bucket they share (else one kept in this process). */
  telegramBucket?: LeakyBucket | undefined;
}

/** Sends a digest's messages in order, one message per turn, so both limits count messages, not digests. */
export type Deliver = (chatId: number, replies: readonly Reply[]) => Promise<void>;

export function createDelivery(deps: DeliveryDeps): Deliver {
  const everyone = new Bottleneck({ minTime: 1000 / deps.rate.perSecond });
  const shared = deps.telegramBucket;
  const sendOne = (chatId: number, reply: Reply) =>
    shared ? shared.take().then(() => deps.send(chatId, [reply])) : everyone.schedule(() => deps.send(chatId, [reply]));
  const turns = chatTurns(1000 / deps.rate.perChatPerSecond);
  return async (chatId, replies) => {
    for (const reply of replies) await turns.take(chatId, () => sendOne(chatId, reply));
  };
}

interface ChatTurn {
  /** Settles when the chat may take the next message: the last one is sent and the gap since its start is over. */
  free: Promise<void>;
  waiting: number;
}

/** One message at a time per chat, starts `gapMs` apart; a chat is forgotten once the gap after its last one is over. */
export function chatTurns(gapMs: number) {
  const chats = new Map<number, ChatTurn>();
  async function take(chatId: number, send: () => Promise<void>): Promise<void> {
    const chat = chats.get(chatId) ?? { free: Promise.resolve(), waiting: 0 };
    chats.set(chatId, chat);
    chat.waiting++;
    const sent = chat.free.then(send);
    // The gap counts from this message's start, as Telegram counts messages a second.
    const gapOver = chat.free.then(() => delay(gapMs));
    const free = Promise.all([sent.catch(() => undefined), gapOver]).then(() => undefined);
    chat.free = free;
    void free.then(() => {
      if (--chat.waiting === 0) chats.delete(chatId);
    });
    await sent;
  }
  /** Chats with a message in flight or within the gap after one. */
  return { take, chatsHeld: () => chats.size };
}
