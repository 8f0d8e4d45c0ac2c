// The pending dialogue (promise 10): a request lacking a piece asked one question; the next message is its
// answer, read together with what was said before («создай задачу» + «позвонить Иванову»). Nothing is written
// here: the completed request goes through the usual yes/no question.
import type { Question, WriteDraft } from '../vocabulary/drafts.ts';
import { storedDraft } from './pending-drafts.ts';
import { findDays } from './router/dates.ts';
import { changedDraft } from './router/write-changes.ts';
import type { Clock } from './router/write-drafts.ts';
import { taskAnswer } from './router/write-tasks.ts';
import { type YesNo, yesOrNo } from './router/yes-no.ts';
import type { Understanding } from './understanding.ts';

/** A pick list offered for a new task (whom, by when): its buttons answer it, and so do typed words. */
export type PickQuestion = 'taskPerson' | 'taskDeadline';

/** Kept in the conversation memory (in the database), so it survives a restart. */
export interface PendingQuestion {
  /** `proposal`: a yes/no question about a write; a typed yes or no is its tap, a changed part asks again. */
  question: Question | PickQuestion | 'proposal';
  /** The request as the director said it, to be read with the answer. */
  said: string;
  /** ISO instant; an answer after the question expired is read on its own. */
  askedAt: string;
  /**
   * A pick list's question: the task it completes, so a typed answer fills in the same draft. A yes/no
   * question: the write as said, so a change in words asks again with that part changed.
   */
  draft?: WriteDraft;
  /** A yes/no question: the stored proposal a typed yes or no answers. */
  proposalId?: string;
}

type TaskDraft = Extract<WriteDraft, { type: 'createTask' }>;

export type DialogueStep =
  /** «отмена»: the question is dropped, nothing else happens. */
  | { kind: 'cancelled' }
  /** Read this instead of the message: the request with its answer. */
  | { kind: 'answered'; text: string }
  /** Expired, or a new request of its own: the message is read alone, the question forgotten. */
  | { kind: 'dropped' }
  /** A typed answer to a pick list: the task with the person or the date it names. */
  | { kind: 'write'; draft: TaskDraft }
  /** A typed yes or no: the proposal's tap. A yes to a question that is not yes/no is no answer. */
  | { kind: 'yesNo'; answer: YesNo; proposalId?: string }
  /** The pending write with a part changed: asked about again, the old question withdrawn. */
  | { kind: 'changed'; draft: WriteDraft; proposalId: string };

const cancelRe =
  /^(?:отмена|отмени(?:ть)?|не\s+надо|не\s+нужно|забудь|стоп|нет|cancel|never\s*mind|forget\s+it|stop|no)[\s.!]*$/iu;

export function pendingOf(value: unknown): PendingQuestion | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { question, said, askedAt, draft, proposalId } = value as Partial<PendingQuestion>;
  if (typeof question !== 'string' || typeof said !== 'string' || typeof askedAt !== 'string') return undefined;
  const checked = draft === undefined ? undefined : storedDraft(draft);
  if (draft !== undefined && !checked) return undefined;
  if (question === 'proposal' && typeof proposalId !== 'string') return undefined;
  if (question !== 'proposal' && checked && checked.type !== 'createTask') return undefined;
  return {
    question,
    said,
    askedAt,
    ...(checked ? { draft: checked } : {}),
    ...(typeof proposalId === 'string' ? { proposalId } : {}),
  };
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
  // A yes/no question's own expiry is the proposal's: a late «да» hears that the question expired.
  const expired = clock.now.getTime() - Date.parse(pending.askedAt) > clock.ttlMs;
  if (pending.question === 'proposal') return continueProposal(pending, message, { ...clock, expired });
  if (expired) return { kind: 'dropped' };
  if (cancelRe.test(message.trim())) return { kind: 'cancelled' };
  const answer = yesOrNo(message);
  if (answer) return answer === 'yes' ? { kind: 'yesNo', answer } : { kind: 'cancelled' };
  // «до завтра» is a goodbye on its own, and a deadline after «К какому сроку?».
  const dated = alone.intent.kind === 'smallTalk' && findDays(message, clock.now, clock.timeZone).length > 0;
  // A name alone («Орловой», «Ромашка») is a dossier only when nothing was asked: here it is the answer.
  const nameAlone =
    alone.intent.kind === 'view' &&
    alone.intent.request.scenario === 'dossier' &&
    alone.intent.request.query === message.trim();
  const ownRequest =
    alone.intent.kind !== 'unknown' && alone.intent.kind !== 'cannotDo' && !alone.onlyWhen && !dated && !nameAlone;
  if (ownRequest && !answersInWords(pending.question, alone)) return { kind: 'dropped' };
  if (pending.draft?.type === 'createTask') return typedPick(pending.question, pending.draft, message, clock);
  return { kind: 'answered', text: joined(pending, message.trim()) };
}

/** A yes/no question about a write: a yes or a no is its tap; a changed part asks again; else a new request. */
function continueProposal(
  pending: PendingQuestion,
  message: string,
  clock: Clock & { expired: boolean },
): DialogueStep {
  const proposalId = pending.proposalId!;
  const answer = yesOrNo(message);
  if (answer) return { kind: 'yesNo', answer, proposalId };
  const changed = !clock.expired && pending.draft && changedDraft(pending.draft, message, clock);
  return changed ? { kind: 'changed', draft: changed, proposalId } : { kind: 'dropped' };
}

// Questions answered by a name or by free words: a bare name («Атлант») or a sentence («клиент не отвечает»)
// that the router alone would look up is the answer, not a search of its own.
const namedAnswers = new Set<PendingQuestion['question']>([
  'taskTitle',
  'whichTask',
  'dealTitle',
  'whichDeal',
  'comment',
  'commentText',
  'whichMeeting',
  'contactName',
  'companyTitle',
  'client',
  'newMeeting',
]);

const answersInWords = (question: PendingQuestion['question'], alone: Understanding) =>
  namedAnswers.has(question) &&
  alone.intent.kind === 'view' &&
  (alone.intent.request.scenario === 'search' || alone.intent.request.scenario === 'dossier');

/**
 * The request with its answer: a comment's text after a colon, so the record's name and the text stay apart;
 * a deal's name before the client it is for («создай сделку для Кристалла» + «Поставка станков»).
 */
function joined(pending: PendingQuestion, answer: string): string {
  if (pending.question === 'commentText') return `${pending.said}: ${answer}`;
  const client = pending.question === 'dealTitle' && /\s(?:для|с|со|with|for)\s+\S.*$/iu.exec(pending.said);
  if (client) return `${pending.said.slice(0, client.index)} ${answer}${client[0]}`;
  return `${pending.said} ${answer}`;
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
