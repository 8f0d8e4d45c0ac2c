// What the memory keeps between messages: the last view asked for, so «а на четверг?» works, the chat's one live
// pick-one list, the last long list and a question waiting for its answer. Read back from storage, every part is
// checked again, never trusted as it lies.
import { z } from 'zod';
import { type Query, querySchema } from '../scenarios/query.ts';
import type { WriteRequest } from '../scenarios/writes.ts';
import type { MemoryRepository } from '../storage/memory.ts';
import type { PendingQuestion } from './dialogue.ts';
import { type StoredAnswer, storedAnswers } from './stored-answers.ts';
import type { Intent } from './understanding.ts';

/** What a pick-one list offers: a write to ask about, or a deal whose stages to offer next. */
export type PickOption = { write: WriteRequest } | { stagesOfDeal: number };

export interface ConversationContext {
  previous?: Intent;
  /** A question waiting for its answer (promise 10). */
  pending?: PendingQuestion;
  /** A newer list or question replaces it, so an older list's tap finds nothing. */
  choice?: { id: string; options: PickOption[] };
  /** The last typed question shown as a list, and where its shown part started («ещё» continues it). */
  list?: { query: Query; offset: number };
  /** The questions behind the buttons of the last pick list. */
  picks?: Query[];
  /** The last answers with picture and spreadsheet buttons. */
  answers?: StoredAnswer[];
}

const storedList = z.object({ query: querySchema, offset: z.number().int().min(0) });
const storedPicks = z.array(querySchema);

const contextOf = (value: unknown): ConversationContext => {
  if (!value || typeof value !== 'object') return {};
  const raw = value as Record<string, unknown>;
  const list = storedList.safeParse(raw.list);
  const picks = storedPicks.safeParse(raw.picks);
  const answers = storedAnswers.safeParse(raw.answers);
  return {
    ...(raw as ConversationContext),
    list: list.success ? list.data : undefined,
    picks: picks.success ? picks.data : undefined,
    answers: answers.success ? answers.data : undefined,
  };
};

export interface Conversations {
  read(telegramUserId: number): Promise<ConversationContext>;
  /** Changes the named parts; `undefined` forgets one. */
  remember(telegramUserId: number, change: ConversationContext): Promise<void>;
}

export function createConversations(memory: MemoryRepository): Conversations {
  const read = async (telegramUserId: number) => contextOf(await memory.getContext(telegramUserId));
  return {
    read,
    remember: async (telegramUserId, change) =>
      memory.setContext(telegramUserId, { ...(await read(telegramUserId)), ...change }),
  };
}
