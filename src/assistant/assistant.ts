// The assistant core: a director's message or tap becomes replies, through a pipeline: identify (who is this),
// understand (with a question waiting for its answer), dispatch (a read at once, promise 1; a write as one
// stored yes/no question, promise 3), present (the guard and the split, once, promise 2). Failures become one
// plain sentence (promise 4).

import type { Identify } from '../access/identify.ts';
import type { AlertSettingsPort } from '../alerts/settings-port.ts';
import type { DigestSettingsPort } from '../digests/settings.ts';
import { type Logger, silentLogger } from '../log.ts';
import type { PortalClient } from '../portal/port.ts';
import { plainTextOf } from '../present/plain-text.ts';
import { presentEdit, presentNotice, presentReplies } from '../present/present.ts';
import type { Scenarios } from '../scenarios/index.ts';
import type { WriteLookupService } from '../scenarios/writes/write-lookup.ts';
import type { DirectorRecord, DirectorRepository } from '../storage/directors.ts';
import type { MemoryLine, MemoryRepository } from '../storage/memory.ts';
import type { PlanRepository } from '../storage/plans.ts';
import type { ProposalRepository } from '../storage/proposal-repository.ts';
import { type ConversationContext, type Conversations, createConversations } from '../understanding/conversation.ts';
import type { ModelLoop } from '../understanding/model/index.ts';
import { detectLanguage } from '../understanding/router/text.ts';
import {
  type Understand,
  type UnderstandContext,
  type Understood,
  understandMessage,
} from '../understanding/understand-context.ts';
import type { Intent } from '../understanding/understanding.ts';
import { QUESTION_DROPPED, STALE_BUTTON } from '../views/messages.ts';
import { ANSWER_ABOVE, NOTHING_TO_CANCEL, NOTHING_TO_CONFIRM, PICK_ABOVE } from '../views/messages-writes.ts';
import type { ButtonOutcome, Reply } from '../views/reply.ts';
import type { Language } from '../vocabulary/director.ts';
import type { AssistantPort } from './assistant-port.ts';
import { type Answer, createDispatch, type Request } from './dispatch.ts';
import { failureSentence } from './failure-sentences.ts';
import { createProposals } from './proposal-flow.ts';
import { createReads } from './read-flow.ts';
import { createTaps } from './taps.ts';

export interface AssistantDeps {
  scenarios: Scenarios;
  understand: Understand;
  model?: ModelLoop;
  portal: PortalClient;
  proposals: ProposalRepository;
  /** Where the sales plans are kept. */
  plans?: PlanRepository;
  directors: DirectorRepository;
  memory: MemoryRepository;
  digests?: DigestSettingsPort;
  alerts?: AlertSettingsPort;
  /** Who the director behind a Telegram user is (the digests ask the same service). */
  identify: Identify;
  /** Finds the records a write names, and reads a button's write again before it is asked. */
  lookup: WriteLookupService;
  now?: () => Date;
  logger?: Logger;
  /** How long a question can be answered (default 15 minutes). */
  proposalTtlMs?: number;
  /** A Bitrix24 application is configured: the introduction offers to connect the director's own portal. */
  offerConnect?: boolean;
}

const DEFAULT_PROPOSAL_TTL_MS = 15 * 60 * 1000;
const MEMORY_FOR_MODEL = 6;
const REMEMBERED_REPLY_CHARS = 400;

export function createAssistant(deps: AssistantDeps): AssistantPort {
  const desk = deskOf(deps);
  return { handleText: textHandler(deps, desk), handleButton: buttonHandler(deps, desk) };
}

/** The flows an answer is made with, wired once: reads, the questions of writes, the dispatch and the taps. */
interface Desk {
  now: () => Date;
  ttlMs: number;
  conversations: Conversations;
  failure: (error: unknown, language: Language) => string;
  dispatch: ReturnType<typeof createDispatch>;
  tap: ReturnType<typeof createTaps>;
}

function deskOf(deps: AssistantDeps): Desk {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const ttlMs = deps.proposalTtlMs ?? DEFAULT_PROPOSAL_TTL_MS;
  const conversations = createConversations(deps.memory);
  const failure = (error: unknown, language: Language) => failureSentence(error, language, logger);
  const reads = createReads({ scenarios: deps.scenarios, conversations, now });
  const proposals = createProposals({
    proposals: deps.proposals,
    lookup: deps.lookup,
    names: deps.scenarios.names,
    portal: deps.portal,
    conversations,
    now,
    ttlMs,
    failure,
    logger,
    ...(deps.plans ? { plans: deps.plans } : {}),
  });
  const dispatch = createDispatch({ ...deps, reads, proposals, conversations, now });
  const tap = createTaps({
    reads,
    proposals,
    conversations,
    ...(deps.digests ? { digests: deps.digests } : {}),
    ...(deps.alerts ? { alerts: deps.alerts } : {}),
  });
  return { now, ttlMs, conversations, failure, dispatch, tap };
}

const storedLanguage = async (directors: DirectorRepository, telegramUserId: number): Promise<Language> =>
  (await directors.get(telegramUserId).catch(() => undefined))?.language ?? 'ru';

/** The director's language follows what they write in; the chat is where digests go. */
async function follow(directors: DirectorRepository, record: DirectorRecord, language: Language, chatId: number) {
  if (record.language === language && record.chatId === chatId) return record;
  const followed = { ...record, language, chatId };
  await directors.save(followed);
  return followed;
}

/** A message: understood (with a waiting question), dispatched, presented, and remembered for the model. */
function textHandler(deps: AssistantDeps, desk: Desk): AssistantPort['handleText'] {
  const { now, conversations } = desk;
  const history = async (telegramUserId: number) =>
    (await deps.memory.recent(telegramUserId, MEMORY_FOR_MODEL)).map(({ role, text }) => ({ role, text }));

  /** The answer, presented, and its first lines remembered with the director's words for the model's next question. */
  const answered = async (telegramUserId: number, said: MemoryLine, answer: Answer, language: Language) => {
    if (answer.remembered) await conversations.remember(telegramUserId, { previous: answer.remembered });
    const out = presentReplies(answer.replies, language);
    const summary = plainTextOf(out[0]?.html ?? '').slice(0, REMEMBERED_REPLY_CHARS);
    await deps.memory.remember(
      telegramUserId,
      summary ? [said, { role: 'assistant', text: summary, at: now() }] : [said],
    );
    return out;
  };

  /** Dispatched; a failed answer still keeps the director's words for the model. */
  const dispatched = (request: Request, intent: Intent, said: MemoryLine) =>
    desk.dispatch(request, intent).catch(async (error: unknown) => {
      await deps.memory.remember(request.record.telegramUserId, [said]).catch(() => {});
      throw error;
    });

  const understood = async (record: DirectorRecord, context: ConversationContext, message: string) => {
    const understandContext: UnderstandContext = {
      now: now(),
      timeZone: record.timeZone,
      previous: context.previous,
      ...(context.shown ? { shown: context.shown } : {}),
      ...(context.focus ? { focus: context.focus } : {}),
      // A command or an emoji has no language of its own: keep the director's.
      language: record.language,
    };
    const question = context.pending;
    // Whatever this message is, a waiting question is answered now or never: one answer, one request.
    if (question) await conversations.remember(record.telegramUserId, { pending: undefined });
    return understandMessage(deps.understand, message, understandContext, question && { question, ttlMs: desk.ttlMs });
  };

  return async (conversation, message, options = {}) => {
    const tg = conversation.telegramUserId;
    let language: Language | undefined;
    try {
      let record = await deps.identify.director(conversation);
      return await conversations.during(tg, async () => {
        const context = await conversations.read(tg);
        const read = await understood(record, context, message);
        if ('cancelled' in read) return presentReplies([{ html: QUESTION_DROPPED[record.language] }], record.language);
        if ('proposal' in read || 'lone' in read) {
          // A question already answered by a tap waits for nothing: a yes to it is a yes to nothing.
          const open = 'proposal' in read && (await deps.proposals.get(read.proposal))?.status === 'pending';
          return answeredYesNo(desk, record, 'proposal' in read && !open ? { lone: read.answer } : read, context);
        }
        // A changed part: the old question is withdrawn, so only the new one can be confirmed.
        if (read.replaces) await desk.tap(record, { kind: 'cancel', proposalId: read.replaces });
        language = read.understanding.language;
        record = await follow(deps.directors, record, language, conversation.chatId);
        const said: MemoryLine = { role: 'director', text: message, at: now() };
        // Read before the director's words are kept: the model sees what came before this message.
        const request = {
          record,
          message,
          history: () => history(tg),
          onStatus: options.onStatus,
          format: read.format,
        };
        return answered(tg, said, await dispatched(request, read.understanding.intent, said), language);
      });
    } catch (error) {
      // Decided once: the words' language once understood; until then the director's own, or for someone not yet
      // known the language of their words, as the router would decide it, without running it.
      const stored = await deps.directors.get(tg).catch(() => undefined);
      language ??= stored?.language ?? 'ru';
      if (!stored) language = detectLanguage(message, language);
      return presentReplies([{ html: desk.failure(error, language) }], language);
    }
  };
}

/**
 * A typed yes or no: the tap of the yes/no question waiting (the same claim, so the write runs once), or one
 * honest sentence when no such question waits; another question still waiting keeps waiting.
 */
async function answeredYesNo(
  desk: Desk,
  record: DirectorRecord,
  read: Extract<Understood, { proposal: string } | { lone: unknown }>,
  context: ConversationContext,
): Promise<Reply[]> {
  const { language } = record;
  if ('proposal' in read) {
    const action = { kind: read.answer === 'yes' ? 'confirm' : 'cancel', proposalId: read.proposal } as const;
    const outcome = presented(await desk.tap(record, action), language);
    const said = [...(outcome.edit ? [outcome.edit] : []), ...outcome.replies];
    return said.length || !outcome.notice ? said : [{ html: outcome.notice }];
  }
  if (read.waiting) await desk.conversations.remember(record.telegramUserId, { pending: read.waiting });
  const sentence =
    read.lone === 'no'
      ? NOTHING_TO_CANCEL
      : read.waiting?.draft || (!read.waiting && context.choice)
        ? PICK_ABOVE
        : read.waiting
          ? ANSWER_ABOVE
          : NOTHING_TO_CONFIRM;
  return presentReplies([{ html: sentence[language] }], language);
}

const presented = (outcome: ButtonOutcome, language: Language): ButtonOutcome => ({
  ...outcome,
  edit: outcome.edit && presentEdit(outcome.edit, language),
  replies: presentReplies(outcome.replies, language),
  notice: outcome.notice && presentNotice(outcome.notice, language),
});

/** A tap: its action run for the director, presented; a button too old to mean anything says so. */
function buttonHandler(deps: AssistantDeps, desk: Desk): AssistantPort['handleButton'] {
  return async (conversation, { action }, _messageId) => {
    let language = await storedLanguage(deps.directors, conversation.telegramUserId);
    if (!action) return { replies: [], notice: presentNotice(STALE_BUTTON[language], language) };
    try {
      const record = await deps.identify.director(conversation);
      language = record.language;
      const outcome = await desk.conversations.during(record.telegramUserId, () => desk.tap(record, action));
      return presented(outcome, language);
    } catch (error) {
      return { replies: presentReplies([{ html: desk.failure(error, language) }], language) };
    }
  };
}
