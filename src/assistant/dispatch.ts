// Dispatch: each intent to the part that answers it (a view, a write's question, the digest settings, the model
// for free words), and what to remember for the next message.
import type { AlertSettingsPort } from '../alerts/settings-port.ts';
import { briefingSuggestion } from '../digests/digest-settings-view.ts';
import type { DigestSettingsPort } from '../digests/settings.ts';
import type { DirectorRecord, DirectorRepository } from '../storage/directors.ts';
import type { Conversations } from '../understanding/conversation.ts';
import type { ModelLoop } from '../understanding/model/index.ts';
import type { Format } from '../understanding/router/formats.ts';
import { nearestWords } from '../understanding/router/lexicon.ts';
import type { Intent, PartialParse } from '../understanding/understanding.ts';
import { escapeHtml } from '../views/html.ts';
import {
  CANNOT_DO,
  CONNECT_BUTTON,
  DIGESTS_UNAVAILABLE,
  HELP,
  INTRODUCTION,
  impossibleQuestion,
  QUESTIONS,
  STATUS_THINKING,
} from '../views/messages.ts';
import { NO_LIST_SHOWN, pastTheEnd, WHICH_OF_THEM } from '../views/messages-references.ts';
import {
  notUnderstood,
  notUnderstoodAtAll,
  SHOW_NEAREST,
  SMALL_TALK,
  YOU_ARE_WELCOME,
} from '../views/messages-understanding.ts';
import type { Reply } from '../views/reply.ts';
import type { Action } from '../vocabulary/actions.ts';
import type { Director, Language } from '../vocabulary/director.ts';
import type { ScenarioRequest } from '../vocabulary/requests.ts';
import type { Proposals } from './proposal-flow.ts';
import type { Reads } from './read-flow.ts';

export interface DispatchDeps {
  reads: Reads;
  proposals: Proposals;
  conversations: Conversations;
  directors: DirectorRepository;
  model?: ModelLoop;
  digests?: DigestSettingsPort;
  alerts?: AlertSettingsPort;
  offerConnect?: boolean;
  now: () => Date;
}

export interface Request {
  record: DirectorRecord;
  message: string;
  /** The last lines of the conversation, before this message: read only when the model is asked. */
  history: () => Promise<{ role: 'director' | 'assistant'; text: string }[]>;
  onStatus?: (status: string) => void;
  format?: Format;
}

export type Answer = { replies: Reply[]; remembered?: Intent };

const text = (html: string): Reply => ({ html });

type Dispatch = (request: Request, intent: Intent) => Promise<Answer>;
type IntentOf<K extends Intent['kind']> = Extract<Intent, { kind: K }>;

/** What the assistant does with an understood message: a view, a write's question, a setting, or words. */
export function createDispatch(deps: DispatchDeps): Dispatch {
  const dispatch: Dispatch = async (request, intent) => {
    const { record } = request;
    switch (intent.kind) {
      case 'greeting':
      case 'thanks':
      case 'smallTalk':
      case 'help':
      case 'impossible':
      case 'cannotDo':
        return { replies: await fixedWords(deps, record, intent) };
      case 'view':
        return viewAnswer(deps, dispatch, request, intent);
      case 'more':
        return { replies: await deps.reads.continued(record) };
      case 'nth':
        return { replies: await deps.reads.opened(record, intent.index) };
      case 'open':
        return { replies: await deps.reads.open(record, intent.item) };
      case 'file':
        return { replies: await deps.reads.lastFile(record, intent.file) };
      case 'unresolved':
        return { replies: [text(unresolvedWords(intent, record.language))] };
      case 'write':
        // «переведи вторую …»: the record picked is then what «её» means.
        if ('picked' in intent.draft && intent.draft.picked)
          await deps.conversations.remember(record.telegramUserId, { focus: intent.draft.picked });
        return { replies: await deps.proposals.propose(record, intent.draft, request.onStatus) };
      case 'digests':
      case 'digestTime':
      case 'digestSwitch':
      case 'digestSwitchAll':
      case 'alerts':
        return { replies: await settingsChanged(deps, record, intent) };
      case 'ask': {
        const pending = { question: intent.question, said: intent.said, askedAt: deps.now().toISOString() };
        await deps.conversations.remember(record.telegramUserId, { pending });
        return { replies: [text(QUESTIONS[intent.question][record.language])] };
      }
      case 'unknown':
        return deps.model
          ? modelAnswer(deps, dispatch, request, deps.model, intent.partial)
          : { replies: await cannotHelp(deps, request) };
    }
  };
  return dispatch;
}

/** Why an ordinal or a pronoun points at nothing, in one sentence. */
function unresolvedWords(intent: IntentOf<'unresolved'>, language: Language): string {
  if (intent.why === 'pastEnd') return pastTheEnd(intent.lines, language);
  return (intent.why === 'which' ? WHICH_OF_THEM : NO_LIST_SHOWN)[language];
}

/** The fixed sentences: a hello, thanks, small talk, help, a day that does not exist, a thing the bot cannot do. */
async function fixedWords(
  deps: DispatchDeps,
  record: DirectorRecord,
  intent: IntentOf<'greeting' | 'thanks' | 'smallTalk' | 'help' | 'impossible' | 'cannotDo'>,
): Promise<Reply[]> {
  const { language } = record;
  switch (intent.kind) {
    case 'greeting':
      return introduction(deps, record, language);
    case 'thanks':
      return [text(YOU_ARE_WELCOME[language])];
    case 'smallTalk':
      return [text(SMALL_TALK[intent.what][language])];
    case 'help':
      return [text(HELP[language])];
    case 'impossible':
      return [text(impossibleQuestion(intent.what, language))];
    case 'cannotDo':
      return [text(CANNOT_DO[intent.what][language])];
  }
}

async function introduction(deps: DispatchDeps, record: DirectorRecord, language: Language): Promise<Reply[]> {
  const hello = deps.offerConnect
    ? { html: INTRODUCTION[language], buttons: [[{ text: CONNECT_BUTTON[language], action: { kind: 'connect' } }]] }
    : text(INTRODUCTION[language]);
  const replies: Reply[] = [hello as Reply];
  // Only once, after the very first hello: a gentle offer of the morning briefing.
  if (!record.introduced && deps.digests) replies.push(briefingSuggestion(language));
  if (!record.introduced) await deps.directors.markIntroduced(record.telegramUserId);
  return replies;
}

/**
 * A message not understood: the introduction only when it is the director's very first word (a first contact);
 * later it is said back honestly, never taken for a new start.
 */
const cannotHelp = async (deps: DispatchDeps, { record, message, history }: Request): Promise<Reply[]> =>
  !record.introduced && (await history()).length === 0
    ? introduction(deps, record, record.language)
    : [text(escapeHtml(notUnderstoodAtAll(message.trim(), record.language)))];

/** The digests' and alerts' settings, shown or changed in words. */
async function settingsChanged(
  deps: DispatchDeps,
  record: DirectorRecord,
  intent: IntentOf<'digests' | 'digestTime' | 'digestSwitch' | 'digestSwitchAll' | 'alerts'>,
): Promise<Reply[]> {
  const { language, telegramUserId: tg } = record;
  if (intent.kind === 'alerts')
    return deps.alerts ? deps.alerts.reply(tg, language, intent.change) : [text(DIGESTS_UNAVAILABLE[language])];
  const { digests } = deps;
  if (!digests) return [text(DIGESTS_UNAVAILABLE[language])];
  switch (intent.kind) {
    case 'digests':
      return [await digests.settingsReply(tg, language)];
    case 'digestTime':
      return [await digests.changeInWords(tg, intent.digest, { enabled: true, time: intent.time })];
    case 'digestSwitch':
      return [await digests.changeInWords(tg, intent.digest, { enabled: intent.enabled })];
    case 'digestSwitchAll':
      return [await digests.switchAll(tg, intent.enabled)];
  }
}

async function viewAnswer(
  deps: DispatchDeps,
  dispatch: Dispatch,
  request: Request,
  intent: IntentOf<'view'>,
): Promise<Answer> {
  // Words the router could not apply: the model reads the whole request when there is one.
  if (intent.unapplied?.length && deps.model)
    return dispatch(
      { ...request, format: undefined },
      { kind: 'unknown', partial: { understood: intent.request, notUnderstood: intent.unapplied } },
    );
  if (intent.unapplied?.length) return nearestOffered(deps, request, intent.request, intent.unapplied);
  const replies = await deps.reads.show(request.record, intent.request, request.format, request.onStatus);
  return { replies, remembered: { kind: 'view', request: intent.request } };
}

/** «Не понял «зачем». Показать «выигранные сделки за неделю»?»: the rest of the question, shown on a tap. */
async function nearestOffered(
  deps: DispatchDeps,
  request: Request,
  nearest: ScenarioRequest,
  words: string[],
): Promise<Answer> {
  const { language, telegramUserId } = request.record;
  let action: Action = { kind: 'show', request: nearest };
  if (nearest.scenario === 'query') {
    await deps.conversations.remember(telegramUserId, { picks: [nearest.query] });
    action = { kind: 'queryPick', option: 0 };
  }
  const html = escapeHtml(notUnderstood(words, nearestWords(request.message, words), language));
  return {
    replies: [{ html, buttons: [[{ text: SHOW_NEAREST[language], action }]] }],
    remembered: { kind: 'view', request: nearest },
  };
}

/** Free words: the model answers with a view, a write, or plain words of its own. */
async function modelAnswer(
  deps: DispatchDeps,
  dispatch: Dispatch,
  request: Request,
  loop: ModelLoop,
  hint: PartialParse | undefined,
): Promise<Answer> {
  const { record, message, history } = request;
  const director: Director = record;
  request.onStatus?.(STATUS_THINKING[record.language]);
  const memory = await history();
  const outcome = await loop.answer({ director, text: message, memory, ...(hint ? { hint } : {}) });
  switch (outcome.kind) {
    case 'view':
      return dispatch(request, { kind: 'view', request: outcome.request });
    case 'write':
      return dispatch({ ...request, format: undefined }, { kind: 'write', draft: outcome.draft });
    case 'cannotDo':
      return { replies: [text(CANNOT_DO[outcome.what][record.language])] };
    case 'text':
      // The model's words are plain text: escaped here, never trusted as markup.
      return { replies: [text(escapeHtml(outcome.text))] };
    case 'unavailable':
      return { replies: await cannotHelp(deps, request) };
  }
}
