// What the memory keeps between messages: the last view asked for, so «а на четверг?» works, the chat's one live
// pick-one list, the last long list and a question waiting for its answer. Read back from storage, every part is
// checked again, never trusted as it lies.
import { z } from 'zod';
import type { MemoryRepository } from '../storage/memory.ts';
import { scenarioRequestSchema, writeRequestSchema } from '../vocabulary/catalogue.ts';
import { type Query, storedQuerySchema } from '../vocabulary/query.ts';
import { type ShownItem, shownItemSchema } from '../vocabulary/shown-items.ts';
import type { WriteRequest } from '../vocabulary/writes.ts';
import { type PendingQuestion, pendingOf } from './dialogue.ts';
import { type StoredAnswer, storedAnswers } from './stored-answers.ts';
import type { Intent } from './understanding.ts';

/** A list shown: `next` is where its next part starts, `total` how many it holds in all. */
export interface ShownList {
  query?: Query;
  offset: number;
  next?: number;
  total?: number;
}

/** What a pick-one list offers: a write to ask about, or a deal whose stages to offer next. */
export type PickOption = { write: WriteRequest } | { stagesOfDeal: number };

export interface ConversationContext {
  previous?: Intent;
  /** A question waiting for its answer (promise 10). */
  pending?: PendingQuestion;
  /** A newer list or question replaces it, so an older list's tap finds nothing. */
  choice?: { id: string; options: PickOption[] };
  /**
   * The last list shown, as a question, where its shown part started and ended and how long it is in all («ещё»
   * continues it); with no query, a list that does not go on. A newer view replaces it.
   */
  list?: ShownList;
  /** The questions behind the buttons of the last pick list. */
  picks?: Query[];
  /** The items of the last list shown, in its order: «открой третью» opens one. */
  shown?: ShownItem[];
  /** The one record just opened, proposed or shown alone: «закрой её», «сделки у них». */
  focus?: ShownItem;
  /** The last answers with picture and spreadsheet buttons. */
  answers?: StoredAnswer[];
  /** The key of the last answer to a question, when it has files: «нарисуй», «выгрузи это» make them. */
  lastAnswer?: string;
}

// Each part is checked on its own against the catalogue: a part that does not fit is forgotten, the rest kept.
const storedParts = {
  previous: z.object({ kind: z.literal('view'), request: scenarioRequestSchema }),
  choice: z.object({
    id: z.string(),
    options: z.array(
      z.union([z.object({ write: writeRequestSchema }), z.object({ stagesOfDeal: z.number().int().positive() })]),
    ),
  }),
  list: z.object({
    query: storedQuerySchema.optional(),
    offset: z.number().int().min(0),
    next: z.number().int().min(0).optional(),
    total: z.number().int().min(0).optional(),
  }),
  picks: z.array(storedQuerySchema),
  shown: z.array(shownItemSchema),
  focus: shownItemSchema,
};

function contextOf(value: unknown): ConversationContext {
  if (!value || typeof value !== 'object') return {};
  const raw = value as Record<string, unknown>;
  const part = <S extends z.ZodType>(schema: S, stored: unknown): z.output<S> | undefined => {
    const checked = schema.safeParse(stored);
    return checked.success ? checked.data : undefined;
  };
  return {
    previous: part(storedParts.previous, raw.previous),
    pending: pendingOf(raw.pending),
    choice: part(storedParts.choice, raw.choice),
    list: part(storedParts.list, raw.list),
    picks: part(storedParts.picks, raw.picks),
    shown: part(storedParts.shown, raw.shown),
    focus: part(storedParts.focus, raw.focus),
    answers: part(storedAnswers, raw.answers),
    lastAnswer: part(z.string(), raw.lastAnswer),
  };
}

export interface Conversations {
  read(telegramUserId: number): Promise<ConversationContext>;
  /** Changes the named parts; `undefined` forgets one. */
  remember(telegramUserId: number, change: ConversationContext): Promise<void>;
  /**
   * One answer's work: the memory is read and checked once, its changes are kept in hand and written once when
   * the work ends, or fails. Each step of an answer reading and rewriting the whole memory cost more than the rest
   * of understanding the message.
   */
  during<T>(telegramUserId: number, work: () => Promise<T>): Promise<T>;
}

/** The memory of one director while an answer is made: as stored (changes merged in), and as checked. */
interface InHand {
  stored: Record<string, unknown>;
  checked: ConversationContext;
  changed: boolean;
}

// Directors whose last written memory is kept with its checked form; past this many the oldest is let go.
const KEPT_CHECKED = 1_000;

export function createConversations(memory: MemoryRepository): Conversations {
  const inHand = new Map<number, InHand>();
  // The memory as this process last wrote it, checked: read back as the same text, it is not checked again
  // (checking a long list shown costs more than the rest of reading the message). Another instance's write differs.
  const written = new Map<number, { json: string; checked: ConversationContext }>();
  const keepWritten = (telegramUserId: number, json: string, checked: ConversationContext) => {
    written.delete(telegramUserId);
    if (written.size >= KEPT_CHECKED) written.delete(written.keys().next().value as number);
    written.set(telegramUserId, { json, checked });
  };
  const stored = async (telegramUserId: number) => {
    const json = await memory.getContext(telegramUserId);
    return { json, value: storedObject(json) };
  };
  const during: Conversations['during'] = async (telegramUserId, work) => {
    // An answer already under way for this director (a tap while a message is answered) shares its memory.
    if (inHand.has(telegramUserId)) return work();
    const { json, value } = await stored(telegramUserId);
    if (inHand.has(telegramUserId)) return work();
    const known = written.get(telegramUserId);
    const checked = known && json === known.json ? known.checked : contextOf(value);
    const hand: InHand = { stored: value, checked, changed: false };
    inHand.set(telegramUserId, hand);
    const save = async () => {
      inHand.delete(telegramUserId);
      if (!hand.changed) return;
      const text = JSON.stringify(hand.stored);
      await memory.setContext(telegramUserId, text);
      keepWritten(telegramUserId, text, hand.checked);
    };
    const result = await work().catch(async (error: unknown) => {
      await save().catch(() => {});
      throw error;
    });
    await save();
    return result;
  };
  return {
    read: async (telegramUserId) =>
      inHand.get(telegramUserId)?.checked ?? contextOf((await stored(telegramUserId)).value),
    // The parts not changed are kept as stored, unchecked: every read checks them.
    remember: async (telegramUserId, change) => {
      const hand = inHand.get(telegramUserId);
      if (!hand) {
        const merged = { ...(await stored(telegramUserId)).value, ...change };
        return memory.setContext(telegramUserId, JSON.stringify(merged));
      }
      // What an answer remembers is made by the assistant, already in the catalogue's shapes: not checked again.
      hand.stored = { ...hand.stored, ...change };
      hand.checked = { ...hand.checked, ...change };
      hand.changed = true;
    },
    during,
  };
}

/** The stored text read back: an object, or nothing (a text that is not one is as if nothing was kept). */
function storedObject(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
