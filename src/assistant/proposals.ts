// Writes (promise 3): one stored proposal and one yes/no question showing every argument; the write runs only
// when a tap claims the proposal, once however many taps arrive. Pick-one lists only choose: they lead to the
// same question, so nothing the director has not read can be written by a tap.
import { randomBytes } from 'node:crypto';
import { type Logger, silentLogger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import type { PortalClient } from '../portal/port.ts';
import { localDateAt } from '../scenarios/day-window.ts';
import type { Director } from '../scenarios/director.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { executeWrite, writeLanded } from '../scenarios/write-execution.ts';
import type { WriteLookup, WriteLookupService } from '../scenarios/write-lookup.ts';
import type { WriteRequest } from '../scenarios/writes.ts';
import type { DirectorRecord } from '../storage/directors.ts';
import type { ClaimRefusal, ProposalRepository } from '../storage/proposals.ts';
import type { ButtonOutcome } from '../telegram/ports.ts';
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
import {
  choiceQuestion,
  interruptedWrite,
  notFoundSentence,
  proposalButtons,
  proposalOutcome,
  proposalQuestion,
} from '../views/proposals.ts';
import type { Button, Reply } from '../views/reply.ts';
import type { Conversations } from './conversation.ts';
import type { WriteDraft } from './understanding.ts';

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

export function createProposals(deps: ProposalsDeps): Proposals {
  const { proposals, lookup, conversations, now } = deps;
  const logger = deps.logger ?? silentLogger;
  const startedAt = now();
  // Proposals this process is writing now; one left 'executing' by an earlier run was cut short.
  const writing = new Set<string>();
  const today = (director: Director) => localDateAt(now(), director.timeZone);

  const question = async (director: DirectorRecord, write: WriteRequest): Promise<Reply> => {
    let responsibleName: string | undefined;
    if (write.type === 'createTask' && write.responsibleId && write.responsibleId !== director.portalUserId)
      responsibleName = (await deps.names.users([write.responsibleId])).get(write.responsibleId)?.name;
    const proposal = await proposals.create({
      telegramUserId: director.telegramUserId,
      write,
      now: now(),
      ttlMs: deps.ttlMs,
    });
    // A question withdraws any pick list still open in the chat.
    await conversations.remember(director.telegramUserId, { choice: undefined });
    const context = {
      language: director.language,
      timeZone: director.timeZone,
      today: today(director),
      responsibleName,
    };
    return {
      html: proposalQuestion(write, context),
      buttons: proposalButtons(proposal.id, write, director.language),
    };
  };

  const pickList = async (director: DirectorRecord, found: Extract<WriteLookup, { kind: 'choose' }>) => {
    const { language } = director;
    const first = found.options[0];
    const asked = choiceQuestion(
      found.subject,
      found.query,
      first && 'write' in first ? first.write : undefined,
      language,
    );
    const html = found.more ? `${asked}\n${MORE_MATCHES[language]}` : asked;
    // This list replaces any older one: a tap on an older list finds nothing.
    const id = newListId();
    const options = found.options.map((option) =>
      'write' in option ? { write: option.write } : { stagesOfDeal: option.stagesOfDeal },
    );
    await conversations.remember(director.telegramUserId, { choice: { id, options } });
    const rows: Button[][] = found.options.map((option, index) => [
      { text: option.label, action: { kind: 'pick', listId: id, index } },
    ]);
    return [{ html, buttons: rows }];
  };

  const lookedUp = async (director: DirectorRecord, found: WriteLookup): Promise<Reply[]> => {
    if (found.kind === 'ready') return [await question(director, found.write)];
    if (found.kind === 'notFound') return [text(notFoundSentence(found.subject, found.query, director.language))];
    return pickList(director, found);
  };

  const proposeAgain = async (director: DirectorRecord, write: WriteRequest) => {
    const fresh = await lookup.refresh(write);
    return fresh ? [await question(director, fresh)] : [text(PROPOSAL_GONE[director.language])];
  };

  const stageChoices = async (director: DirectorRecord, dealId: number) =>
    lookedUp(director, await lookup.stageChoices(dealId));

  const pick: Proposals['pick'] = async (director, listId, index) => {
    const { choice } = await conversations.read(director.telegramUserId);
    const option = choice?.id === listId && Array.isArray(choice.options) ? choice.options[index] : undefined;
    if (!option) return { replies: [], notice: LIST_EXPIRED[director.language], clearButtons: true };
    if ('stagesOfDeal' in option) return { replies: await stageChoices(director, option.stagesOfDeal) };
    return { replies: await proposeAgain(director, option.write) };
  };

  /** A tap on a question whose write was under way when the bot stopped: it never finished, so say so plainly. */
  const interrupted = async (director: DirectorRecord, proposalId: string): Promise<ButtonOutcome> => {
    const proposal = await proposals.get(proposalId);
    // Asked since this start: another copy of the bot may be writing it right now, and its edit will answer.
    if (!proposal || proposal.createdAt >= startedAt) return { replies: [] };
    let landed: boolean | undefined;
    try {
      landed = await writeLanded(deps.portal, proposal.write, proposal.createdAt);
    } catch (error) {
      logger.warn('could not tell whether an interrupted write landed', { error });
    }
    const sentence = interruptedWrite(proposal.write, landed, director.language);
    await proposals.finish(proposalId, landed ? 'done' : 'failed', sentence, now());
    return edit(sentence);
  };

  const refused = async (
    director: DirectorRecord,
    proposalId: string,
    reason: ClaimRefusal,
  ): Promise<ButtonOutcome> => {
    const { language } = director;
    switch (reason) {
      case 'expired':
        metrics.proposals.inc({ outcome: 'expired' });
        return edit(PROPOSAL_EXPIRED[language]);
      case 'cancelled':
        return edit(PROPOSAL_CANCELLED[language]);
      case 'done': {
        const earlier = (await proposals.get(proposalId))?.resultText;
        return earlier ? edit(earlier) : notice(PROPOSAL_ALREADY_DONE[language]);
      }
      case 'unreadable':
        return edit(PROPOSAL_UNREADABLE[language]);
      case 'taken':
        // A double tap while the first one is still writing: the first tap's edit answers both.
        return writing.has(proposalId) ? { replies: [] } : interrupted(director, proposalId);
      case 'missing':
        return notice(STALE_BUTTON[language]);
    }
  };

  const write = async (director: DirectorRecord, proposalId: string, request: WriteRequest) => {
    writing.add(proposalId);
    metrics.proposals.inc({ outcome: 'confirmed' });
    try {
      await executeWrite(deps.portal, director, request);
      const context = { language: director.language, timeZone: director.timeZone, today: today(director) };
      const outcome = proposalOutcome(request, context);
      await proposals.finish(proposalId, 'done', outcome, now());
      logger.info('write done', { type: request.type, proposalId });
      return edit(outcome);
    } catch (error) {
      // One sentence, as for any failure: a write that timed out may still have reached the portal.
      const failed = deps.failure(error, director.language);
      await proposals.finish(proposalId, 'failed', failed, now());
      return edit(failed);
    } finally {
      writing.delete(proposalId);
    }
  };

  const confirm: Proposals['confirm'] = async (director, proposalId) => {
    const claim = await proposals.claim(proposalId, director.telegramUserId, now());
    if (!claim.ok) return refused(director, proposalId, claim.reason);
    return write(director, proposalId, claim.proposal.write);
  };

  const cancel: Proposals['cancel'] = async (director, proposalId) => {
    const { language } = director;
    if (await proposals.cancel(proposalId, director.telegramUserId)) return edit(PROPOSAL_CANCELLED[language]);
    const proposal = await proposals.get(proposalId);
    if (!proposal || proposal.telegramUserId !== director.telegramUserId) return notice(STALE_BUTTON[language]);
    if (proposal.resultText) return edit(proposal.resultText);
    if (proposal.status === 'cancelled') return edit(PROPOSAL_CANCELLED[language]);
    return notice(PROPOSAL_IN_PROGRESS[language]);
  };

  const propose: Proposals['propose'] = async (director, draft, onStatus) => {
    onStatus?.(STATUS_LOOKING_UP[director.language]);
    return lookedUp(director, await lookup.resolve(director, draft));
  };

  return { propose, proposeAgain, stageChoices, pick, confirm, cancel };
}
