// Writes (promise 3): one stored proposal and one yes/no question showing every argument; the write runs only
// when a tap claims the proposal, once however many taps arrive. Pick-one lists only choose: they lead to the
// same question, so nothing the director has not read can be written by a tap.
import { randomBytes } from 'node:crypto';
import { type Logger, silentLogger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import type { PortalClient } from '../portal/port.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { companyOf } from '../scenarios/plan/company.ts';
import { planOfWrite } from '../scenarios/plan/plan-writes.ts';
import { localDateAt } from '../scenarios/schedule/day-window.ts';
import {
  choiceQuestion,
  interruptedWrite,
  notFoundSentence,
  passedDeadline,
  passedWhen,
  proposalButtons,
  proposalOutcome,
  proposalQuestion,
} from '../scenarios/writes/proposals-view.ts';
import { executeWrite, writeLanded } from '../scenarios/writes/write-execution.ts';
import type { WriteLookup, WriteLookupService } from '../scenarios/writes/write-lookup.ts';
import { writeNotes } from '../scenarios/writes/write-notes.ts';
import type { DirectorRecord } from '../storage/directors.ts';
import type { PlanRepository } from '../storage/plans.ts';
import type { ClaimRefusal, ProposalRepository } from '../storage/proposal-repository.ts';
import type { Conversations } from '../understanding/conversation.ts';
import type { PickQuestion } from '../understanding/dialogue.ts';
import { keptDraft } from '../understanding/pending-drafts.ts';
import {
  LIST_EXPIRED,
  MORE_MATCHES,
  PROPOSAL_ALREADY_DONE,
  PROPOSAL_CANCELLED,
  PROPOSAL_EXPIRED,
  PROPOSAL_GONE,
  PROPOSAL_IN_PROGRESS,
  PROPOSAL_UNREADABLE,
  STALE_BUTTON,
  STATUS_LOOKING_UP,
} from '../views/messages.ts';
import { awayLine, busyLine } from '../views/messages-writes.ts';
import type { Button, ButtonOutcome, Reply } from '../views/reply.ts';
import type { Director } from '../vocabulary/director.ts';
import type { WriteDraft } from '../vocabulary/drafts.ts';
import type { WriteRequest } from '../vocabulary/writes.ts';

export interface ProposalsDeps {
  proposals: ProposalRepository;
  lookup: WriteLookupService;
  names: Scenarios['names'];
  portal: PortalClient;
  conversations: Conversations;
  now: () => Date;
  /** How long a question can be answered. */
  ttlMs: number;
  /** One sentence for a failed write. */
  failure: (error: unknown, language: Director['language']) => string;
  /** Where the sales plans are kept (a plan is the assistant's, not the portal's). */
  plans?: PlanRepository;
  logger?: Logger;
}

export interface Proposals {
  /** A draft looked up on the portal: the question, a pick list, or «not found». */
  propose(director: DirectorRecord, draft: WriteDraft, onStatus?: (status: string) => void): Promise<Reply[]>;
  /** A write carried by a button, read again from the portal before asking. */
  proposeAgain(director: DirectorRecord, write: WriteRequest): Promise<Reply[]>;
  stageChoices(director: DirectorRecord, dealId: number): Promise<Reply[]>;
  pick(director: DirectorRecord, listId: string, index: number): Promise<ButtonOutcome>;
  confirm(director: DirectorRecord, proposalId: string): Promise<ButtonOutcome>;
  cancel(director: DirectorRecord, proposalId: string): Promise<ButtonOutcome>;
}

const text = (html: string): Reply => ({ html });
const edit = (html: string): ButtonOutcome => ({ edit: text(html), replies: [] });
const notice = (sentence: string): ButtonOutcome => ({ replies: [], notice: sentence });
const newListId = (): string => randomBytes(6).toString('base64url');

/** The deps, and what one process keeps about its own writes. */
interface Desk extends ProposalsDeps {
  logger: Logger;
  /** A proposal left 'executing' and asked before this start was cut short by a stop. */
  startedAt: Date;
  /** Proposals this process is writing now. */
  writing: Set<string>;
}

export function createProposals(deps: ProposalsDeps): Proposals {
  const desk: Desk = { ...deps, logger: deps.logger ?? silentLogger, startedAt: deps.now(), writing: new Set() };
  const stageChoices = async (director: DirectorRecord, dealId: number) =>
    lookedUp(desk, director, await desk.lookup.stageChoices(dealId));
  return {
    propose: async (director, draft, onStatus) => {
      onStatus?.(STATUS_LOOKING_UP[director.language]);
      return lookedUp(desk, director, await desk.lookup.resolve(director, draft), draft);
    },
    proposeAgain: (director, write) => proposeAgain(desk, director, write),
    stageChoices,
    pick: async (director, listId, index) => {
      const { choice } = await desk.conversations.read(director.telegramUserId);
      const option = choice?.id === listId && Array.isArray(choice.options) ? choice.options[index] : undefined;
      if (!option) return { replies: [], notice: LIST_EXPIRED[director.language], clearButtons: true };
      if ('stagesOfDeal' in option) return { replies: await stageChoices(director, option.stagesOfDeal) };
      return { replies: await proposeAgain(desk, director, option.write) };
    },
    confirm: async (director, proposalId) => {
      const claim = await desk.proposals.claim(proposalId, director.telegramUserId, desk.now());
      if (!claim.ok) return refused(desk, director, proposalId, claim.reason);
      return write(desk, director, proposalId, claim.proposal.write);
    },
    cancel: (director, proposalId) => cancel(desk, director, proposalId),
  };
}

const today = (desk: Desk, director: Director) => localDateAt(desk.now(), director.timeZone);

// ─── asking ───────────────────────────────────────────────────────────────

async function lookedUp(desk: Desk, director: DirectorRecord, found: WriteLookup, draft?: WriteDraft) {
  if (found.kind === 'ready') return [await question(desk, director, found.write, draft)];
  if (found.kind === 'notFound') return [text(notFoundSentence(found.subject, found.query, director.language))];
  return pickList(desk, director, found, draft);
}

/** Whom (nobody named) or by when, for a new task: a pick list the director may also answer in words. */
function typedAnswer(desk: Desk, found: Extract<WriteLookup, { kind: 'choose' }>, draft?: WriteDraft) {
  if (draft?.type !== 'createTask') return undefined;
  const question: PickQuestion | undefined =
    found.subject === 'deadline'
      ? 'taskDeadline'
      : found.subject === 'person' && !found.query
        ? 'taskPerson'
        : undefined;
  return question && { question, said: '', askedAt: desk.now().toISOString(), draft };
}

/** A meeting or a task's deadline moved to a time already gone («вчера в 15:00»): asked about, never written. */
const startsInThePast = (
  write: WriteRequest,
  now: Date,
): write is Extract<WriteRequest, { type: 'createMeeting' | 'moveMeeting' | 'moveTask' }> =>
  (write.type === 'createMeeting' || write.type === 'moveMeeting'
    ? Date.parse(write.from)
    : write.type === 'moveTask'
      ? Date.parse(write.deadline)
      : Number.POSITIVE_INFINITY) < now.getTime();

async function proposeAgain(desk: Desk, director: DirectorRecord, write: WriteRequest): Promise<Reply[]> {
  const fresh = await desk.lookup.refresh(write);
  return fresh ? [await question(desk, director, fresh)] : [text(PROPOSAL_GONE[director.language])];
}

/** The colleagues a write names by id, by their names: whom a task goes to, whom a meeting invites. */
async function peopleNamed(
  desk: Desk,
  director: DirectorRecord,
  write: WriteRequest,
): Promise<{ responsibleName?: string; attendeeNames?: string[] }> {
  if (write.type === 'createTask' && write.responsibleId && write.responsibleId !== director.portalUserId) {
    const responsibleName = (await desk.names.users([write.responsibleId])).get(write.responsibleId)?.name;
    return responsibleName ? { responsibleName } : {};
  }
  if (write.type === 'createMeeting' && write.attendeeIds?.length) {
    const people = await desk.names.users(write.attendeeIds);
    return { attendeeNames: write.attendeeIds.flatMap((id) => people.get(id)?.name ?? []) };
  }
  return {};
}

/** The yes/no question of a stored proposal; `draft`, the write as said, lets a typed change ask again. */
async function question(desk: Desk, director: DirectorRecord, write: WriteRequest, draft?: WriteDraft): Promise<Reply> {
  const context = {
    language: director.language,
    timeZone: director.timeZone,
    today: today(desk, director),
  };
  if (startsInThePast(write, desk.now())) return text(passedWhen(write, context));
  const names = await peopleNamed(desk, director, write);
  const proposal = await desk.proposals.create({
    telegramUserId: director.telegramUserId,
    write,
    now: desk.now(),
    ttlMs: desk.ttlMs,
  });
  // A question withdraws any pick list still open in the chat, and the typed answer it waited for: now a typed
  // yes or no answers this question.
  const kept = keptDraft(draft);
  const pending = {
    question: 'proposal' as const,
    said: '',
    askedAt: desk.now().toISOString(),
    proposalId: proposal.id,
    ...(kept ? { draft: kept } : {}),
  };
  await desk.conversations.remember(director.telegramUserId, { choice: undefined, pending });
  const notes = await noteLines(desk, director, write);
  return {
    html: [proposalQuestion(write, { ...context, ...names }), ...notes].join('\n'),
    buttons: proposalButtons(proposal.id, write, director.language),
  };
}

/** What the portal shows against the write, one line each; a failed read leaves the question as it is. */
async function noteLines(desk: Desk, director: DirectorRecord, write: WriteRequest): Promise<string[]> {
  try {
    const notes = await writeNotes(desk.portal, desk.names, director, write, desk.now());
    return notes.map((note) =>
      note.kind === 'away'
        ? awayLine(note.name, note.reason, note.until, director.language)
        : busyLine(note, director.language),
    );
  } catch (error) {
    desk.logger.warn('could not read what stands against a write', { error });
    return [];
  }
}

async function pickList(
  desk: Desk,
  director: DirectorRecord,
  found: Extract<WriteLookup, { kind: 'choose' }>,
  draft?: WriteDraft,
): Promise<Reply[]> {
  const { language } = director;
  const first = found.options[0];
  const asked = choiceQuestion(
    found.subject,
    found.query,
    first && 'write' in first ? first.write : undefined,
    language,
    found.busy,
  );
  const context = { language, timeZone: director.timeZone, today: today(desk, director) };
  const said = found.passed ? `${passedDeadline(found.passed, context)} ${asked}` : asked;
  const html = found.more ? `${said}\n${MORE_MATCHES[language]}` : said;
  // This list replaces any older one: a tap on an older list finds nothing.
  const id = newListId();
  const options = found.options.map((option) =>
    'write' in option ? { write: option.write } : { stagesOfDeal: option.stagesOfDeal },
  );
  const pending = typedAnswer(desk, found, draft);
  await desk.conversations.remember(director.telegramUserId, { choice: { id, options }, pending });
  const rows: Button[][] = found.options.map((option, index) => [
    { text: option.label, action: { kind: 'pick', listId: id, index } },
  ]);
  return [{ html, buttons: rows }];
}

// ─── answers ──────────────────────────────────────────────────────────────

async function write(desk: Desk, director: DirectorRecord, proposalId: string, request: WriteRequest) {
  desk.writing.add(proposalId);
  metrics.proposals.inc({ outcome: 'confirmed' });
  try {
    if (request.type === 'setPlan') await keepPlan(desk, director, request);
    else await executeWrite(desk.portal, director, request);
    const context = { language: director.language, timeZone: director.timeZone, today: today(desk, director) };
    const outcome = proposalOutcome(request, { ...context, ...(await peopleNamed(desk, director, request)) });
    await desk.proposals.finish(proposalId, 'done', outcome, desk.now());
    desk.logger.info('write done', { type: request.type, proposalId });
    return edit(outcome);
  } catch (error) {
    // One sentence, as for any failure: a write that timed out may still have reached the portal.
    const failed = desk.failure(error, director.language);
    await desk.proposals.finish(proposalId, 'failed', failed, desk.now());
    return edit(failed);
  } finally {
    desk.writing.delete(proposalId);
  }
}

async function keepPlan(desk: Desk, director: Director, write: Extract<WriteRequest, { type: 'setPlan' }>) {
  if (!desk.plans) throw new Error('no place to keep plans');
  await desk.plans.save(
    planOfWrite(write, { company: companyOf(desk.portal), setBy: director.portalUserId, now: desk.now() }),
  );
}

async function refused(
  desk: Desk,
  director: DirectorRecord,
  proposalId: string,
  reason: ClaimRefusal,
): Promise<ButtonOutcome> {
  const { language } = director;
  switch (reason) {
    case 'expired':
      metrics.proposals.inc({ outcome: 'expired' });
      return edit(PROPOSAL_EXPIRED[language]);
    case 'cancelled':
      return edit(PROPOSAL_CANCELLED[language]);
    case 'done': {
      const earlier = (await desk.proposals.get(proposalId))?.resultText;
      return earlier ? edit(earlier) : notice(PROPOSAL_ALREADY_DONE[language]);
    }
    case 'unreadable':
      return edit(PROPOSAL_UNREADABLE[language]);
    case 'taken':
      // A double tap while the first one is still writing: the first tap's edit answers both.
      return desk.writing.has(proposalId) ? { replies: [] } : interrupted(desk, director, proposalId);
    case 'missing':
      return notice(STALE_BUTTON[language]);
  }
}

/** A tap on a question whose write was under way when the bot stopped: it never finished, so say so plainly. */
async function interrupted(desk: Desk, director: DirectorRecord, proposalId: string): Promise<ButtonOutcome> {
  const proposal = await desk.proposals.get(proposalId);
  // Asked since this start: another copy of the bot may be writing it right now, and its edit will answer.
  if (!proposal || proposal.createdAt >= desk.startedAt) return { replies: [] };
  // A plan is one row of our own, set by its key: keeping it again lands exactly the plan confirmed.
  if (proposal.write.type === 'setPlan') return write(desk, director, proposalId, proposal.write);
  let landed: boolean | undefined;
  try {
    landed = await writeLanded(desk.portal, proposal.write, proposal.createdAt);
  } catch (error) {
    desk.logger.warn('could not tell whether an interrupted write landed', { error });
  }
  const sentence = interruptedWrite(proposal.write, landed, director.language);
  await desk.proposals.finish(proposalId, landed ? 'done' : 'failed', sentence, desk.now());
  return edit(sentence);
}

async function cancel(desk: Desk, director: DirectorRecord, proposalId: string): Promise<ButtonOutcome> {
  const { language } = director;
  if (await desk.proposals.cancel(proposalId, director.telegramUserId)) return edit(PROPOSAL_CANCELLED[language]);
  const proposal = await desk.proposals.get(proposalId);
  if (!proposal || proposal.telegramUserId !== director.telegramUserId) return notice(STALE_BUTTON[language]);
  if (proposal.resultText) return edit(proposal.resultText);
  if (proposal.status === 'cancelled') return edit(PROPOSAL_CANCELLED[language]);
  return notice(PROPOSAL_IN_PROGRESS[language]);
}
