// The pending dialogue (promise 10): a request lacking a piece asked one question; the next message is its
// answer, read together with what was said before («создай задачу» + «позвонить Иванову»). Nothing is written
// here: the completed request goes through the usual yes/no question.
import { z } from 'zod';
import type { Question, WriteDraft } from '../vocabulary/drafts.ts';
import type { Clock } from './router/write-drafts.ts';
import { taskAnswer } from './router/write-tasks.ts';
import type { Understanding } from './understanding.ts';

/** A pick list offered for a new task (whom, by when): its buttons answer it, and so do typed words. */
export type PickQuestion = 'taskPerson' | 'taskDeadline';

/** Kept in the conversation memory (in the database), so it survives a restart. */
export interface PendingQuestion {
  question: Question | PickQuestion;
  /** The request as the director said it, to be read with the answer. */
  said: string;
  /** ISO instant; an answer after the question expired is read on its own. */
  askedAt: string;
  /** A pick list's question: the task it completes, so a typed answer fills in the same draft. */
  draft?: TaskDraft;
}

type TaskDraft = Extract<WriteDraft, { type: 'createTask' }>;

// Read back from storage: checked, never trusted as it lies.
const taskDraftSchema = z.object({
  type: z.literal('createTask'),
  title: z.string().min(1),
  deadline: z.string().optional(),
  responsibleName: z.string().optional(),
  about: z.string().optional(),
  delegated: z.boolean().optional(),
  noDeadline: z.boolean().optional(),
});

export type DialogueStep =
  /** «отмена»: the question is dropped, nothing else happens. */
  | { kind: 'cancelled' }
  /** Read this instead of the message: the request with its answer. */
  | { kind: 'answered'; text: string }
  /** Expired, or a new request of its own: the message is read alone, the question forgotten. */
  | { kind: 'dropped' }
  /** A typed answer to a pick list: the task with the person or the date it names. */
  | { kind: 'write'; draft: TaskDraft };

const cancelRe =
  /^(?:отмена|отмени(?:ть)?|не\s+надо|не\s+нужно|забудь|стоп|нет|cancel|never\s*mind|forget\s+it|stop|no)[\s.!]*$/iu;

export function pendingOf(value: unknown): PendingQuestion | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { question, said, askedAt, draft } = value as Partial<PendingQuestion>;
  if (typeof question !== 'string' || typeof said !== 'string' || typeof askedAt !== 'string') return undefined;
  const checked = draft === undefined ? undefined : taskDraftSchema.safeParse(draft);
  if (checked && !checked.success) return undefined;
  return { question, said, askedAt, ...(checked ? { draft: checked.data } : {}) };
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
  clock: Clock & { ttlMs: number },
): DialogueStep {
  if (clock.now.getTime() - Date.parse(pending.askedAt) > clock.ttlMs) return { kind: 'dropped' };
  if (cancelRe.test(message.trim())) return { kind: 'cancelled' };
  // A name alone («Орловой», «Ромашка») is a dossier only when nothing was asked: here it is the answer.
  const nameAlone =
    alone.intent.kind === 'view' &&
    alone.intent.request.scenario === 'dossier' &&
    alone.intent.request.query === message.trim();
  const ownRequest =
    alone.intent.kind !== 'unknown' && alone.intent.kind !== 'cannotDo' && !alone.onlyWhen && !nameAlone;
  if (ownRequest) return { kind: 'dropped' };
  if (pending.draft) return typedPick(pending.question, pending.draft, message, clock);
  return { kind: 'answered', text: `${pending.said} ${message.trim()}` };
}

/**
 * «Орловой», «Марии Орловой до пятницы» after «Кому поручить?»; «до пятницы», «завтра в 12», «без срока» after
 * «К какому сроку?». Words that name neither are not an answer: the message is read on its own.
 */
function typedPick(question: string, draft: TaskDraft, message: string, clock: Clock): DialogueStep {
  const said = taskAnswer(message, clock);
  if (question === 'taskDeadline') {
    if (said.noDeadline) return { kind: 'write', draft: { ...draft, noDeadline: true } };
    return said.deadline && !said.rest
      ? { kind: 'write', draft: { ...draft, deadline: said.deadline } }
      : { kind: 'dropped' };
  }
  // A name is a word or three, without digits.
  const words = said.rest.split(' ').filter(Boolean);
  if (question !== 'taskPerson' || words.length === 0 || words.length > 3 || /\d/u.test(said.rest))
    return { kind: 'dropped' };
  const { delegated: _, ...named } = draft;
  return {
    kind: 'write',
    draft: { ...named, responsibleName: said.rest, ...(said.deadline ? { deadline: said.deadline } : {}) },
  };
}
