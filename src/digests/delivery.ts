// How digests leave for Telegram: about 30 messages a second per bot and one a second per chat. The per-chat
// turn is kept only while the chat has messages in flight, so a round of a thousand directors leaves nothing
// behind (a limiter per chat, kept for good, was a thousand objects living on after the round).
import { setTimeout as delay } from 'node:timers/promises';
import Bottleneck from 'bottleneck';
import { z } from 'zod';
import type { LeakyBucket } from '../storage/instances.ts';
import type { Reply } from '../views/reply.ts';
import { actionSchema } from '../vocabulary/actions.ts';

export interface DeliveryDeps {
  send: (chatId: number, replies: Reply[]) => Promise<void>;
  rate: { perSecond: number; perChatPerSecond: number };
  /** Telegram's limit is per bot: with several instances, the bucket they share (else one kept in this process). */
  telegramBucket?: LeakyBucket | undefined;
}

/** How a digest's messages are counted on its slot as they leave, by the instance that holds the slot. */
export interface HandOver {
  /** False once the slot may no longer be this instance's (its lease may have run out): nothing more leaves. */
  stillOurs(): boolean;
  /** Records the message at `index` as handed to Telegram; false when another instance took the slot over. */
  record(index: number): Promise<boolean>;
}

/**
 * Sends a digest's messages in order, one message per turn, so both limits count messages, not digests. False
 * when a hand-over refused: the messages from there on were not sent.
 */
export type Deliver = (chatId: number, replies: readonly Reply[], handOver?: HandOver) => Promise<boolean>;

export function createDelivery(deps: DeliveryDeps): Deliver {
  const everyone = new Bottleneck({ minTime: 1000 / deps.rate.perSecond });
  const shared = deps.telegramBucket;
  const yourTurn = () => (shared ? shared.take() : everyone.schedule(async () => {}));
  const turns = chatTurns(1000 / deps.rate.perChatPerSecond);
  return async (chatId, replies, handOver) => {
    for (const [index, reply] of replies.entries()) {
      const kept = await turns.take(chatId, async () => {
        await yourTurn();
        if (handOver && !handOver.stillOurs()) return false;
        // The record is stored before the message leaves. Sent together, a record still waiting for a free
        // database connection was lost with an instance killed once Telegram had the message, and the instance
        // taking over sent it again. Record first, the only window left is the instant between the stored record
        // and the request, with no waiting in it.
        if (handOver && !(await handOver.record(index))) return false;
        await deps.send(chatId, [reply]);
        return true;
      });
      if (!kept) return false;
    }
    return true;
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
  async function take<T>(chatId: number, send: () => Promise<T>): Promise<T> {
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
    return sent;
  }
  /** Chats with a message in flight or within the gap after one. */
  return { take, chatsHeld: () => chats.size };
}

/** The messages of a digest still to send, as a slot keeps them: text and buttons (digests carry no files). */
const keptReplies = z.array(
  z.object({
    html: z.string(),
    buttons: z.array(z.array(z.object({ text: z.string(), action: actionSchema }))).optional(),
  }),
);

export const keepReplies = (replies: readonly Reply[]): string =>
  JSON.stringify(replies.map(({ html, buttons }) => (buttons ? { html, buttons } : { html })));

/** The kept messages, or undefined when what is stored is not a list of messages. */
export function keptRepliesOf(stored: string): Reply[] | undefined {
  try {
    const parsed = keptReplies.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
