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
import type { MemoryRepository } from '../storage/memory.ts';
import type { PlanRepository } from '../storage/plans.ts';
import type { ProposalRepository } from '../storage/proposal-repository.ts';
import { type ConversationContext, type Conversations, createConversations } from '../understanding/conversation.ts';
import type { ModelLoop } from '../understanding/model/index.ts';
import { detectLanguage } from '../understanding/router/text.ts';
import { type Understand, type UnderstandContext, understandMessage } from '../understanding/understand-context.ts';
import { QUESTION_DROPPED, STALE_BUTTON } from '../views/messages.ts';
import type { ButtonOutcome, Reply } from '../views/reply.ts';
import type { Language } from '../vocabulary/director.ts';
import type { AssistantPort } from './assistant-port.ts';
import { type Answer, createDispatch } from './dispatch.ts';
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

  /** The answer, presented, and its first lines remembered for the model's next question. */
  const answered = async (telegramUserId: number, answer: Answer, language: Language): Promise<Reply[]> => {
    if (answer.remembered) await conversations.remember(telegramUserId, { previous: answer.remembered });
    const out = presentReplies(answer.replies, language);
    const summary = plainTextOf(out[0]?.html ?? '').slice(0, REMEMBERED_REPLY_CHARS);
    if (summary) await deps.memory.remember(telegramUserId, 'assistant', summary, now());
    return out;
  };

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
    // Decided once: the words' language once understood; until then (or when anything fails first) the director's
    // own, or for someone not yet known the language of their words, as the router would decide it.
    const known = await deps.directors.get(tg).catch(() => undefined);
    let language = known?.language ?? detectLanguage(message);
    try {
      let record = await deps.identify.director(conversation);
      const read = await understood(record, await conversations.read(tg), message);
      if ('cancelled' in read) return presentReplies([{ html: QUESTION_DROPPED[record.language] }], record.language);
      language = read.understanding.language;
      record = await follow(deps.directors, record, language, conversation.chatId);
      const earlier = await history(tg);
      await deps.memory.remember(tg, 'director', message, now());
      const request = { record, message, history: earlier, onStatus: options.onStatus, format: read.format };
      return await answered(tg, await desk.dispatch(request, read.understanding.intent), language);
    } catch (error) {
      return presentReplies([{ html: desk.failure(error, language) }], language);
    }
  };
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
      return presented(await desk.tap(record, action), language);
    } catch (error) {
      return { replies: presentReplies([{ html: desk.failure(error, language) }], language) };
    }
  };
}
