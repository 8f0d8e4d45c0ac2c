// The assistant core: a director's message or tap becomes replies. Reads run at once (promise 1); writes
// become one stored proposal and one yes/no question (promise 3) and run only when a tap claims it; every
// text passes the guard (promise 2); failures become one plain sentence (promise 4).

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DigestSettingsPort } from '../digests/settings.ts';
import { type Logger, silentLogger } from '../log.ts';
import { metrics } from '../ops/metrics.ts';
import { isPortalError, isPortalUnreachable } from '../portal/errors.ts';
import type { PortalClient } from '../portal/port.ts';
import { scopeOfMethod } from '../portal/scopes.ts';
import { isConnectionEnded } from '../portal/tokens.ts';
import { localDateAt } from '../scenarios/day-window.ts';
import type { Director, Language } from '../scenarios/director.ts';
import { type ExportList, exportListOf } from '../scenarios/exports.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { type Query, querySchema } from '../scenarios/query.ts';
import { QUERY_PAGE } from '../scenarios/query-run.ts';
import type { ScenarioRequest } from '../scenarios/requests.ts';
import { executeWrite, writeLanded } from '../scenarios/write-execution.ts';
import { createWriteLookup, type WriteLookup } from '../scenarios/write-lookup.ts';
import type { WriteRequest } from '../scenarios/writes.ts';
import type { DirectorRecord, DirectorRepository } from '../storage/directors.ts';
import type { MemoryRepository } from '../storage/memory.ts';
import type { ProposalRepository } from '../storage/proposals.ts';
import type { AssistantPort, ButtonOutcome, Conversation } from '../telegram/ports.ts';
import { pictureReply } from '../views/charts/picture.ts';
import { briefingSuggestion } from '../views/digest-settings.ts';
import { withFileButtons } from '../views/file-buttons.ts';
import { guardText } from '../views/guard.ts';
import { escapeHtml } from '../views/html.ts';
import {
  accessToAllow,
  CAN_HELP_WITH,
  CANNOT_DO,
  CONNECT_AGAIN,
  CONNECT_BUTTON,
  DIGESTS_UNAVAILABLE,
  HELP,
  INTRODUCTION,
  impossibleQuestion,
  NOTHING_MORE,
  NOTHING_TO_REPORT,
  notApplied,
  PORTAL_REFUSED,
  PORTAL_UNAVAILABLE,
  QUESTION_DROPPED,
  QUESTIONS,
  SOMETHING_WENT_WRONG,
  STALE_BUTTON,
  STATUS_EXPORTING,
  STATUS_LOOKING_UP,
  STATUS_THINKING,
  statusFor,
} from '../views/messages.ts';
import { plainTextOf } from '../views/plain-text.ts';
import { presentReplies } from '../views/present.ts';
import {
  choiceQuestion,
  interruptedWrite,
  LIST_EXPIRED,
  MORE_MATCHES,
  notFoundSentence,
  PROPOSAL_ALREADY_DONE,
  PROPOSAL_CANCELLED,
  PROPOSAL_EXPIRED,
  PROPOSAL_GONE,
  PROPOSAL_IN_PROGRESS,
  proposalButtons,
  proposalOutcome,
  proposalQuestion,
} from '../views/proposals.ts';
import { renderView } from '../views/render.ts';
import type { Button, Reply } from '../views/reply.ts';
import { spreadsheetReply } from '../views/sheets/lists.ts';
import { decodeAction } from './callbacks/index.ts';
import { continueDialogue, type PendingQuestion, pendingOf } from './dialogue.ts';
import type { ModelLoop } from './model/index.ts';
import { type Format, formatAsked } from './router/formats.ts';
import { type StoredAnswer, storeAnswer, storedAnswers } from './stored-answers.ts';
import type { Intent, Understanding } from './understanding.ts';

export interface AssistantDeps {
  scenarios: Scenarios;
  understand: (
    text: string,
    context: { now: Date; timeZone: string; previous?: Intent; language?: Language },
  ) => Understanding;
  model?: ModelLoop;
  portal: PortalClient;
  proposals: ProposalRepository;
  directors: DirectorRepository;
  memory: MemoryRepository;
  digests?: DigestSettingsPort;
  /** The portal user a Telegram user stands for; undefined = the webhook's own user. */
  identity: (telegramUserId: number) => number | undefined;
  now?: () => Date;
  logger?: Logger;
  /** How long a question can be answered (default 15 minutes). */
  proposalTtlMs?: number;
  /** A Bitrix24 application is configured: the introduction offers to connect the director's own portal. */
  offerConnect?: boolean;
}

const DEFAULT_PROPOSAL_TTL_MS = 15 * 60 * 1000;
// The portal profile (zone, name) is read again this often, so a zone changed in the portal is followed.
const PROFILE_REFRESH_MS = 60 * 60 * 1000;
const MEMORY_FOR_MODEL = 6;
const REMEMBERED_REPLY_CHARS = 400;

/** What a pick-one list offers: a write to ask about, or a deal whose stages to offer next. */
type PickOption = { write: WriteRequest } | { stagesOfDeal: number };

/** What the memory keeps between messages: the last view asked for, so «а на четверг?» works, and the chat's
 * one live pick-one list; a newer list or question replaces it, so an older list's tap finds nothing. */
interface ConversationContext {
  previous?: Intent;
  /** A question waiting for its answer (promise 10). */
  pending?: PendingQuestion;
  choice?: { id: string; options: PickOption[] };
  /** The last typed question shown as a list, and where its shown part started («ещё» continues it). */
  list?: { query: Query; offset: number };
  /** The questions behind the buttons of the last pick list. */
  picks?: Query[];
  /** The last answers with picture and spreadsheet buttons. */
  answers?: StoredAnswer[];
}

// Memory is read back from storage: a stored question is checked again, never trusted as it lies.
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

const newListId = (): string => randomBytes(6).toString('base64url');

export function createAssistant(deps: AssistantDeps): AssistantPort {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const ttlMs = deps.proposalTtlMs ?? DEFAULT_PROPOSAL_TTL_MS;
  const startedAt = now();
  // Proposals this process is writing now; one left 'executing' by an earlier run was cut short.
  const writing = new Set<string>();
  const lookup = createWriteLookup({ portal: deps.portal, names: deps.scenarios.names, now });
  const profileReadAt = new Map<number, number>();

  /** The director behind a Telegram user: stored, and refreshed from the portal profile now and then. */
  const directorFor = async (conversation: Conversation): Promise<DirectorRecord> => {
    const { telegramUserId } = conversation;
    const mapped = deps.identity(telegramUserId);
    const stored = await deps.directors.get(telegramUserId);
    const readAt = profileReadAt.get(telegramUserId);
    const fresh =
      stored &&
      (mapped === undefined || mapped === stored.portalUserId) &&
      readAt !== undefined &&
      now().getTime() - readAt < PROFILE_REFRESH_MS;
    if (stored && fresh) return stored;
    try {
      const profile = await deps.scenarios.profile(mapped);
      const record: DirectorRecord = {
        telegramUserId,
        chatId: conversation.chatId,
        portalUserId: profile.portalUserId,
        timeZone: profile.timeZone,
        language: stored?.language ?? 'ru',
        introduced: stored?.introduced ?? false,
      };
      await deps.directors.save(record);
      profileReadAt.set(telegramUserId, now().getTime());
      return record;
    } catch (error) {
      // A known director keeps working from the stored profile while the portal hiccups.
      if (stored && (mapped === undefined || mapped === stored.portalUserId)) {
        logger.warn('could not refresh the director profile', { error });
        return stored;
      }
      throw error;
    }
  };

  const remember = async (telegramUserId: number, change: ConversationContext) =>
    deps.memory.setContext(telegramUserId, { ...contextOf(await deps.memory.getContext(telegramUserId)), ...change });

  const failureText = (error: unknown, language: Language): string => {
    if (isPortalError(error)) {
      logger.warn('portal request failed', { kind: error.kind, code: error.code, error });
      if (isPortalUnreachable(error)) return PORTAL_UNAVAILABLE[language];
      if (isConnectionEnded(error)) return CONNECT_AGAIN[language];
      if (error.kind === 'authorization') return PORTAL_REFUSED[language];
      if (error.kind === 'access') {
        // A missing permission family names itself; a refused right is named by the family of what was asked.
        const family = error.details.scope ?? scopeOfMethod(error.details.method ?? '');
        return accessToAllow(family, error.details.scope ? 'connection' : 'account', language);
      }
      return SOMETHING_WENT_WRONG[language];
    }
    logger.error('assistant failed', { error });
    return SOMETHING_WENT_WRONG[language];
  };

  const guarded = (reply: Reply, language: Language): Reply => ({ ...reply, html: guardText(reply.html, language) });

  /** Guarded, and split to Telegram's lengths with the buttons under the last part (the model can be wordy). */
  const outgoing = presentReplies;

  const text = (html: string): Reply => ({ html });

  // ─── reads ────────────────────────────────────────────────────────────────

  const view = async (
    director: Director & { telegramUserId?: number },
    request: ScenarioRequest,
    onStatus?: (status: string) => void,
  ): Promise<Reply[]> => {
    onStatus?.(statusFor(request.scenario, director.language));
    const model = await deps.scenarios.run(director, request);
    const tg = director.telegramUserId;
    // A list is remembered so «ещё» goes on with it; a pick list so its buttons know their questions.
    if (tg !== undefined && model?.view === 'query' && request.scenario === 'query' && 'items' in model.result)
      await remember(tg, { list: { query: request.query, offset: model.offset } });
    if (tg !== undefined && model?.view === 'queryChoice')
      await remember(tg, { picks: model.options.map((option) => option.query) });
    if (!model) return [text(NOTHING_TO_REPORT[director.language])];
    const stored =
      tg !== undefined ? storeAnswer(contextOf(await deps.memory.getContext(tg)).answers, model) : undefined;
    if (stored && tg !== undefined) await remember(tg, { answers: stored.answers });
    return withFileButtons(renderView(model, director.language), request, director.language, stored?.files);
  };

  /** The picture or the whole spreadsheet of a stored answer. */
  const answerFile = async (record: DirectorRecord, file: 'chart' | 'excel', key: string): Promise<Reply[]> => {
    const { answers } = contextOf(await deps.memory.getContext(record.telegramUserId));
    const answer = answers?.find((one) => one.key === key);
    if (!answer) return [text(STALE_BUTTON[record.language])];
    if (file === 'chart')
      return answer.chart
        ? chart(record, { scenario: 'query', query: answer.chart })
        : [text(STALE_BUTTON[record.language])];
    const table = await deps.scenarios.queryTable(record, answer.query);
    if (!table) return [text(NOTHING_TO_REPORT[record.language])];
    return [await spreadsheetReply(table, today(record), record.language)];
  };

  /** The next part of the last long list, or one option of the last pick list. */
  const continued = async (
    record: DirectorRecord,
    action: { kind: 'queryMore' } | { kind: 'queryPick'; option: number },
  ) => {
    const memory = contextOf(await deps.memory.getContext(record.telegramUserId));
    const request: ScenarioRequest | undefined =
      action.kind === 'queryMore'
        ? memory.list && { scenario: 'query', query: memory.list.query, offset: memory.list.offset + QUERY_PAGE }
        : memory.picks?.[action.option] && { scenario: 'query', query: memory.picks[action.option]! };
    if (!request)
      return [text(action.kind === 'queryMore' ? NOTHING_MORE[record.language] : STALE_BUTTON[record.language])];
    return view(record, request);
  };

  /** The view as a picture; a view without one is shown as text. */
  const chart = async (
    director: Director,
    request: ScenarioRequest,
    onStatus?: (status: string) => void,
  ): Promise<Reply[]> => {
    onStatus?.(statusFor(request.scenario, director.language));
    const picture = await deps.scenarios.picture(director, request);
    if (!picture) return [text(NOTHING_TO_REPORT[director.language])];
    if (!picture.chart) return renderView(picture.view, director.language);
    return [pictureReply(picture.view, picture.chart, director.language)];
  };

  /** A whole list as a spreadsheet. */
  const spreadsheet = async (director: Director, list: ExportList, onStatus?: (status: string) => void) => {
    onStatus?.(STATUS_EXPORTING[director.language]);
    const table = await deps.scenarios.exportTable(director, list);
    return [await spreadsheetReply(table, today(director), director.language)];
  };

  /** A view in the form the director asked for; a view that is not a list is shown as it is. */
  const present = (
    director: Director,
    request: ScenarioRequest,
    format?: Format,
    onStatus?: (status: string) => void,
  ): Promise<Reply[]> => {
    const list = format === 'excel' ? exportListOf(request.scenario) : undefined;
    if (list) return spreadsheet(director, list, onStatus);
    return format === 'chart' ? chart(director, request, onStatus) : view(director, request, onStatus);
  };

  // ─── writes ───────────────────────────────────────────────────────────────

  const question = async (telegramUserId: number, director: Director, write: WriteRequest): Promise<Reply> => {
    let responsibleName: string | undefined;
    if (write.type === 'createTask' && write.responsibleId && write.responsibleId !== director.portalUserId)
      responsibleName = (await deps.scenarios.names.users([write.responsibleId])).get(write.responsibleId)?.name;
    const proposal = await deps.proposals.create({ telegramUserId, write, now: now(), ttlMs });
    // A question withdraws any pick list still open in the chat.
    await remember(telegramUserId, { choice: undefined });
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

  const today = (director: Director) => localDateAt(now(), director.timeZone);

  const lookupReplies = async (telegramUserId: number, director: Director, found: WriteLookup): Promise<Reply[]> => {
    const { language } = director;
    if (found.kind === 'ready') return [await question(telegramUserId, director, found.write)];
    if (found.kind === 'notFound') return [text(notFoundSentence(found.subject, found.query, language))];
    const first = found.options[0];
    const asked = choiceQuestion(
      found.subject,
      found.query,
      first && 'write' in first ? first.write : undefined,
      language,
    );
    const html = found.more ? `${asked}\n${MORE_MATCHES[language]}` : asked;
    // A pick only chooses: it leads to the usual yes/no question showing every argument (a comment's full text
    // too), so nothing the director has not read can be written by a tap. This list replaces any older one.
    const id = newListId();
    await remember(telegramUserId, {
      choice: {
        id,
        options: found.options.map((option) =>
          'write' in option ? { write: option.write } : { stagesOfDeal: option.stagesOfDeal },
        ),
      },
    });
    const rows: Button[][] = found.options.map((option, index) => [
      { text: option.label, action: { kind: 'pick', listId: id, index } },
    ]);
    return [{ html, buttons: rows }];
  };

  /** The tapped option of the chat's live list; an older list's tap gets «this list has expired». */
  const pick = async (record: DirectorRecord, listId: string, index: number): Promise<ButtonOutcome> => {
    const tg = record.telegramUserId;
    const { choice } = contextOf(await deps.memory.getContext(tg));
    const option = choice?.id === listId && Array.isArray(choice.options) ? choice.options[index] : undefined;
    if (!option) return { replies: [], notice: LIST_EXPIRED[record.language], clearButtons: true };
    if ('stagesOfDeal' in option)
      return { replies: await lookupReplies(tg, record, await lookup.stageChoices(option.stagesOfDeal)) };
    const write = await lookup.refresh(option.write);
    if (!write) return { replies: [text(PROPOSAL_GONE[record.language])] };
    return { replies: [await question(tg, record, write)] };
  };

  const propose = async (
    telegramUserId: number,
    director: Director,
    intent: Extract<Intent, { kind: 'write' }>,
    onStatus?: (status: string) => void,
  ): Promise<Reply[]> => {
    onStatus?.(STATUS_LOOKING_UP[director.language]);
    return lookupReplies(telegramUserId, director, await lookup.resolve(director, intent.draft));
  };

  // ─── conversation ─────────────────────────────────────────────────────────

  const introduction = async (record: DirectorRecord, language: Language): Promise<Reply[]> => {
    const replies: Reply[] = [
      deps.offerConnect
        ? {
            html: INTRODUCTION[language],
            buttons: [[{ text: CONNECT_BUTTON[language], action: { kind: 'connect' } }]],
          }
        : text(INTRODUCTION[language]),
    ];
    // Only once, after the very first hello: a gentle offer of the morning briefing.
    if (!record.introduced && deps.digests) replies.push(briefingSuggestion(language));
    if (!record.introduced) await deps.directors.markIntroduced(record.telegramUserId);
    return replies;
  };

  const cannotHelp = async (record: DirectorRecord, language: Language): Promise<Reply[]> =>
    record.introduced ? [text(CAN_HELP_WITH[language])] : introduction(record, language);

  const answer = async (
    record: DirectorRecord,
    intent: Intent,
    message: string,
    history: { role: 'director' | 'assistant'; text: string }[],
    onStatus?: (status: string) => void,
    format?: Format,
  ): Promise<{ replies: Reply[]; remembered?: Intent }> => {
    // A stored director is a Director: its zone, language and portal user.
    const director: Director = record;
    const { language } = director;
    const tg = record.telegramUserId;
    switch (intent.kind) {
      case 'greeting':
        return { replies: await introduction(record, language) };
      case 'help':
        return { replies: [text(HELP[language])] };
      case 'view': {
        // Words the router could not apply: the model reads the whole request when there is one.
        if (intent.unapplied?.length && deps.model)
          return answer(record, { kind: 'unknown' }, message, history, onStatus);
        const replies = await present(record, intent.request, format, onStatus);
        if (intent.unapplied?.length && replies[0])
          replies[0] = {
            ...replies[0],
            html: `${escapeHtml(notApplied(intent.unapplied, language))}\n\n${replies[0].html}`,
          };
        return { replies, remembered: { kind: 'view', request: intent.request } };
      }
      case 'more':
        return { replies: await continued(record, { kind: 'queryMore' }) };
      case 'write':
        return { replies: await propose(tg, director, intent, onStatus) };
      case 'digests':
        return {
          replies: [
            deps.digests ? await deps.digests.settingsReply(tg, language) : text(DIGESTS_UNAVAILABLE[language]),
          ],
        };
      case 'digestTime':
      case 'digestSwitch': {
        const change =
          intent.kind === 'digestTime' ? { enabled: true, time: intent.time } : { enabled: intent.enabled };
        return {
          replies: [
            deps.digests
              ? await deps.digests.changeInWords(tg, intent.digest, change)
              : text(DIGESTS_UNAVAILABLE[language]),
          ],
        };
      }
      case 'impossible':
        return { replies: [text(impossibleQuestion(intent.what, language))] };
      case 'cannotDo':
        return { replies: [text(CANNOT_DO[intent.what][language])] };
      case 'ask': {
        const pending: PendingQuestion = { question: intent.question, said: intent.said, askedAt: now().toISOString() };
        await remember(tg, { pending });
        return { replies: [text(QUESTIONS[intent.question][language])] };
      }
      case 'unknown': {
        if (!deps.model) return { replies: await cannotHelp(record, language) };
        onStatus?.(STATUS_THINKING[language]);
        const outcome = await deps.model.answer({ director, text: message, memory: history });
        switch (outcome.kind) {
          case 'view':
            return answer(record, { kind: 'view', request: outcome.request }, message, history, onStatus, format);
          case 'write':
            return answer(record, { kind: 'write', draft: outcome.draft }, message, history, onStatus);
          case 'cannotDo':
            return { replies: [text(CANNOT_DO[outcome.what][language])] };
          case 'text':
            // The model's words are plain text: escaped here, never trusted as markup.
            return { replies: [text(escapeHtml(outcome.text))] };
          case 'unavailable':
            return { replies: await cannotHelp(record, language) };
        }
      }
    }
  };

  /** «покажи воронку графиком»: the view is understood without the words of the form. */
  const understandWithFormat = (
    message: string,
    context: Parameters<AssistantDeps['understand']>[1],
  ): { understanding: Understanding; format?: Format } => {
    const asked = formatAsked(message);
    if (asked.format) {
      const rest = deps.understand(asked.rest, context);
      if (rest.intent.kind === 'view') return { understanding: rest, format: asked.format };
    }
    const whole = deps.understand(message, context);
    return { understanding: whole, ...(asked.format && whole.intent.kind === 'view' ? { format: asked.format } : {}) };
  };

  const languageOf = (message: string, timeZone = 'UTC'): Language =>
    deps.understand(message, { now: now(), timeZone }).language;

  const handleText: AssistantPort['handleText'] = async (conversation, message, options = {}) => {
    const tg = conversation.telegramUserId;
    let language: Language = (await deps.directors.get(tg))?.language ?? 'ru';
    try {
      let record = await directorFor(conversation);
      const context = contextOf(await deps.memory.getContext(tg));
      const understandContext = {
        now: now(),
        timeZone: record.timeZone,
        previous: context.previous,
        // A command or an emoji has no language of its own: keep the director's.
        language: record.language,
      };
      let { understanding, format } = understandWithFormat(message, understandContext);
      const pending = pendingOf(context.pending);
      if (pending) {
        // Whatever this message is, the question is answered now or never: one answer, one request.
        await remember(tg, { pending: undefined });
        const step = continueDialogue(pending, message, understanding, { now: now(), ttlMs });
        if (step.kind === 'cancelled') return outgoing([text(QUESTION_DROPPED[record.language])], record.language);
        if (step.kind === 'answered') ({ understanding, format } = understandWithFormat(step.text, understandContext));
      }
      language = understanding.language;
      if (record.language !== language || record.chatId !== conversation.chatId) {
        record = { ...record, language, chatId: conversation.chatId };
        await deps.directors.save(record);
      }
      const history = (await deps.memory.recent(tg, MEMORY_FOR_MODEL)).map((line) => ({
        role: line.role,
        text: line.text,
      }));
      await deps.memory.remember(tg, 'director', message, now());
      const { replies, remembered } = await answer(
        record,
        understanding.intent,
        message,
        history,
        options.onStatus,
        format,
      );
      if (remembered) await remember(tg, { previous: remembered });
      const out = outgoing(replies, language);
      const summary = plainTextOf(out[0]?.html ?? '').slice(0, REMEMBERED_REPLY_CHARS);
      if (summary) await deps.memory.remember(tg, 'assistant', summary, now());
      return out;
    } catch (error) {
      if (!(await deps.directors.get(tg).catch(() => undefined))) language = languageOf(message);
      return [guarded(text(failureText(error, language)), language)];
    }
  };

  // ─── buttons ──────────────────────────────────────────────────────────────

  const confirm = async (record: DirectorRecord, proposalId: string): Promise<ButtonOutcome> => {
    const director: Director = record;
    const { language } = director;
    const claim = await deps.proposals.claim(proposalId, record.telegramUserId, now());
    if (!claim.ok) {
      switch (claim.reason) {
        case 'expired':
          metrics.proposals.inc({ outcome: 'expired' });
          return { edit: text(PROPOSAL_EXPIRED[language]), replies: [] };
        case 'cancelled':
          return { edit: text(PROPOSAL_CANCELLED[language]), replies: [] };
        case 'done': {
          const earlier = (await deps.proposals.get(proposalId))?.resultText;
          return earlier
            ? { edit: text(earlier), replies: [] }
            : { replies: [], notice: PROPOSAL_ALREADY_DONE[language] };
        }
        case 'taken':
          // A double tap while the first one is still writing: the first tap's edit answers both.
          if (writing.has(proposalId)) return { replies: [] };
          return interrupted(record, proposalId);
        case 'missing':
          return { replies: [], notice: STALE_BUTTON[language] };
      }
    }
    const { write } = claim.proposal;
    writing.add(proposalId);
    metrics.proposals.inc({ outcome: 'confirmed' });
    try {
      await executeWrite(deps.portal, director, write);
      const context = { language, timeZone: director.timeZone, today: today(director) };
      const outcome = guardText(proposalOutcome(write, context), language);
      await deps.proposals.finish(proposalId, 'done', outcome, now());
      logger.info('write done', { type: write.type, proposalId });
      return { edit: text(outcome), replies: [] };
    } catch (error) {
      // One sentence, as for any failure: a write that timed out may still have reached the portal.
      const failed = guardText(failureText(error, language), language);
      await deps.proposals.finish(proposalId, 'failed', failed, now());
      return { edit: text(failed), replies: [] };
    } finally {
      writing.delete(proposalId);
    }
  };

  /** A tap on a question whose write was under way when the bot stopped: it never finished, so say so plainly. */
  const interrupted = async (record: DirectorRecord, proposalId: string): Promise<ButtonOutcome> => {
    const proposal = await deps.proposals.get(proposalId);
    // Asked since this start: another copy of the bot may be writing it right now, and its edit will answer.
    if (!proposal || proposal.createdAt >= startedAt) return { replies: [] };
    let landed: boolean | undefined;
    try {
      landed = await writeLanded(deps.portal, proposal.write, proposal.createdAt);
    } catch (error) {
      logger.warn('could not tell whether an interrupted write landed', { error });
    }
    const sentence = guardText(interruptedWrite(proposal.write, landed, record.language), record.language);
    await deps.proposals.finish(proposalId, landed ? 'done' : 'failed', sentence, now());
    return { edit: text(sentence), replies: [] };
  };

  const cancel = async (record: DirectorRecord, proposalId: string): Promise<ButtonOutcome> => {
    const { language } = record;
    if (await deps.proposals.cancel(proposalId, record.telegramUserId))
      return { edit: text(PROPOSAL_CANCELLED[language]), replies: [] };
    const proposal = await deps.proposals.get(proposalId);
    if (!proposal || proposal.telegramUserId !== record.telegramUserId)
      return { replies: [], notice: STALE_BUTTON[language] };
    if (proposal.resultText) return { edit: text(proposal.resultText), replies: [] };
    if (proposal.status === 'cancelled') return { edit: text(PROPOSAL_CANCELLED[language]), replies: [] };
    return { replies: [], notice: PROPOSAL_IN_PROGRESS[language] };
  };

  const handleButton: AssistantPort['handleButton'] = async (conversation, data, _messageId) => {
    const tg = conversation.telegramUserId;
    let language: Language = (await deps.directors.get(tg))?.language ?? 'ru';
    const action = decodeAction(data);
    if (!action) return { replies: [], notice: guardText(STALE_BUTTON[language], language) };
    try {
      const record = await directorFor(conversation);
      language = record.language;
      const director: Director = record;
      const outcome = await (async (): Promise<ButtonOutcome> => {
        switch (action.kind) {
          case 'confirm':
            return confirm(record, action.proposalId);
          case 'cancel':
            return cancel(record, action.proposalId);
          case 'pick':
            return pick(record, action.listId, action.index);
          case 'show': {
            const replies = await view(director, action.request);
            await remember(tg, { previous: { kind: 'view', request: action.request } });
            // The next day or another pipeline edits the message tapped on, when it fits in one text message.
            const [only] = replies;
            if (action.inPlace && only && replies.length === 1 && !only.attachment) return { edit: only, replies: [] };
            return { replies };
          }
          case 'chart':
            return { replies: await chart(director, action.request) };
          case 'export':
            return { replies: await spreadsheet(director, action.list) };
          case 'answerFile':
            return { replies: await answerFile(record, action.file, action.key) };
          case 'propose': {
            const write = await lookup.refresh(action.write);
            if (!write) return { replies: [text(PROPOSAL_GONE[language])] };
            return { replies: [await question(tg, director, write)] };
          }
          case 'chooseStage':
            return { replies: await lookupReplies(tg, director, await lookup.stageChoices(action.dealId)) };
          case 'digestToggle':
            return deps.digests
              ? { edit: await deps.digests.toggle(tg, action.digest), replies: [] }
              : { replies: [], notice: DIGESTS_UNAVAILABLE[language] };
          case 'digestTime':
            return deps.digests
              ? { edit: await deps.digests.setTime(tg, action.digest, action.time), replies: [] }
              : { replies: [], notice: DIGESTS_UNAVAILABLE[language] };
          case 'digestSettings':
            return deps.digests
              ? { edit: await deps.digests.settingsReply(tg, language), replies: [] }
              : { replies: [], notice: DIGESTS_UNAVAILABLE[language] };
          case 'queryMore':
          case 'queryPick':
            return { replies: await continued(record, action) };
          case 'connect':
            // The Telegram side answers this button before the assistant; here it is only a stale one.
            return { replies: [], notice: STALE_BUTTON[language] };
        }
      })();
      return {
        ...outcome,
        edit: outcome.edit && guarded(outcome.edit, language),
        replies: outgoing(outcome.replies, language),
        notice: outcome.notice && guardText(outcome.notice, language),
      };
    } catch (error) {
      return { replies: [guarded(text(failureText(error, language)), language)] };
    }
  };

  return { handleText, handleButton };
}
