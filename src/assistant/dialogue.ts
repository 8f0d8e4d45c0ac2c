// The pending dialogue (promise 10): a request lacking a piece asked one question; the next message is its
// answer, read together with what was said before («создай задачу» + «позвонить Иванову»). Nothing is written
// here: the completed request goes through the usual yes/no question.
import type { Question, Understanding } from './understanding.ts';

/** Kept in the conversation memory (in the database), so it survives a restart. */
export interface PendingQuestion {
  question: Question;
  /** The request as the director said it, to be read with the answer. */
  said: string;
  /** ISO instant; an answer after the question expired is read on its own. */
  askedAt: string;
}

export type DialogueStep =
  /** «отмена»: the question is dropped, nothing else happens. */
  | { kind: 'cancelled' }
  /** Read this instead of the message: the request with its answer. */
  | { kind: 'answered'; text: string }
  /** Expired, or a new request of its own: the message is read alone, the question forgotten. */
  | { kind: 'dropped' };

const cancelRe =
  /^(?:отмена|отмени(?:ть)?|не\s+надо|не\s+нужно|забудь|стоп|нет|cancel|never\s*mind|forget\s+it|stop|no)[\s.!]*$/iu;

export function pendingOf(value: unknown): PendingQuestion | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { question, said, askedAt } = value as Partial<PendingQuestion>;
  return typeof question === 'string' && typeof said === 'string' && typeof askedAt === 'string'
    ? { question, said, askedAt }
    : undefined;
}

/**
 * What the message is, with a question waiting. `alone` is the message understood on its own: a request of
 * its own (a view, a write, help …) is unrelated and drops the question; a day or a time alone, or words the
 * assistant does not take as a request, are the answer.
 */
export function continueDialogue(
  pending: PendingQuestion,
  message: string,
  alone: Understanding,
  clock: { now: Date; ttlMs: number },
): DialogueStep {
  if (clock.now.getTime() - Date.parse(pending.askedAt) > clock.ttlMs) return { kind: 'dropped' };
  if (cancelRe.test(message.trim())) return { kind: 'cancelled' };
  const ownRequest = alone.intent.kind !== 'unknown' && alone.intent.kind !== 'cannotDo' && !alone.onlyWhen;
  return ownRequest ? { kind: 'dropped' } : { kind: 'answered', text: `${pending.said} ${message.trim()}` };
}
