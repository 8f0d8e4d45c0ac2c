// What the director's message means, before anything is fetched. Produced by the router (no model)
// and, for free-form questions, by the model's tools; acted on by the assistant.
import type { SmallTalk } from '../views/messages-understanding.ts';
import type { AlertChange } from '../vocabulary/alert-kinds.ts';
import type { Language } from '../vocabulary/director.ts';
import type { Question, WriteDraft } from '../vocabulary/drafts.ts';
import type { DigestName, ScenarioRequest } from '../vocabulary/requests.ts';
import type { ShownItem } from '../vocabulary/shown-items.ts';

export type Intent =
  /** `unapplied`: words of the request the router could not apply (the model, or a plain note, handles them). */
  | { kind: 'view'; request: ScenarioRequest; unapplied?: string[] }
  /** «ещё»: the next part of the last long list. */
  | { kind: 'more' }
  /** «нарисуй», «выгрузи это»: the picture or the spreadsheet of what was just shown. */
  | { kind: 'file'; file: 'chart' | 'excel' }
  /** «открой третью», «подробнее о первой»: the item at `index` (from 0) of the last list shown. */
  | { kind: 'nth'; index: number }
  /** «подробнее про вторую», «открой её»: a record just shown, opened. */
  | { kind: 'open'; item: ShownItem }
  /** An ordinal or a pronoun that points at nothing: no list shown, a place past its end, or which of several. */
  | { kind: 'unresolved'; why: 'noList' | 'which' }
  | { kind: 'unresolved'; why: 'pastEnd'; lines: number }
  | { kind: 'write'; draft: WriteDraft }
  | { kind: 'greeting' }
  /** «спасибо», «благодарю». */
  | { kind: 'thanks' }
  /** «пока», «ты кто?», «как дела?», «не то», «ок», «отмена» with nothing waiting: a short answer of its own. */
  | { kind: 'smallTalk'; what: SmallTalk }
  | { kind: 'help' }
  /** Open the digest settings message. */
  | { kind: 'digests' }
  /** /alerts, «оповещения», «не присылай про лиды», «сообщай о сделках больше миллиона». */
  | { kind: 'alerts'; change?: AlertChange }
  /** "утренний брифинг в 8:15": set one digest's local time `HH:mm` (and switch it on). */
  | { kind: 'digestTime'; digest: DigestName; time: string }
  /** "выключи утренний брифинг", "присылай итоги дня": switch one digest on or off. */
  | { kind: 'digestSwitch'; digest: DigestName; enabled: boolean }
  /** "выключи все рассылки": every digest on or off at once. */
  | { kind: 'digestSwitchAll'; enabled: boolean }
  /** Things the portal cannot do (promise: say so plainly). */
  | { kind: 'cannotDo'; what: 'call' | 'email' | 'sms' | 'lateness' | 'change' }
  /** A request lacking a piece: ask `question`; the answer is read as `said` followed by it. */
  | { kind: 'ask'; question: Question; said: string }
  /** Something the director named that cannot be (31 February, −5 roubles): asked about, never replaced. */
  | { kind: 'impossible'; what: string }
  /** Not understood whole; `partial`: what the rules read of it, for the model's hint. */
  | { kind: 'unknown'; partial?: PartialParse };

/** What the rules understood of a message they could not answer whole: the question read, and the words left. */
export interface PartialParse {
  understood: ScenarioRequest;
  notUnderstood: string[];
}

export interface Understanding {
  intent: Intent;
  /** The language the director wrote in. */
  language: Language;
  /** The message only names a day or a time («на пятницу», «в 15:00»): it can answer a question. */
  onlyWhen?: boolean;
}
