// What the director's message means, before anything is fetched. Produced by the router (no model)
// and, for free-form questions, by the model's tools; acted on by the assistant.
import type { AlertChange } from '../alerts/settings-port.ts';
import type { Language } from '../scenarios/director.ts';
import type { DigestName, LocalDate, ScenarioRequest } from '../scenarios/requests.ts';
import type { IsoDateTime } from '../scenarios/writes.ts';

/** A write as the director said it: names, not ids. The assistant looks the names up, then proposes. */
export type WriteDraft =
  /** `about`: the client or deal the task is for, when said apart from the title (else the title is read for names). */
  /** `delegated`: for someone else, not named yet (the director picks the person). */
  /** `noDeadline`: the director said «без срока» when asked by when. */
  | {
      type: 'createTask';
      title: string;
      deadline?: IsoDateTime;
      responsibleName?: string;
      about?: string;
      delegated?: boolean;
      noDeadline?: boolean;
    }
  | { type: 'completeTask'; taskQuery: string }
  | { type: 'deleteTask'; taskQuery: string }
  /** A new deadline for an open task. */
  | { type: 'moveTask'; taskQuery: string; deadline: IsoDateTime }
  /** `clientName`: the company or contact the deal is with, when said apart from the title. */
  | { type: 'createDeal'; title: string; amount?: number; currency?: string; clientName?: string }
  /** `otherSplits`: other readings of the same words, when a stage's name may hold «на» or «в» itself. */
  | {
      type: 'moveDeal';
      dealQuery: string;
      stageQuery: string;
      otherSplits?: { dealQuery: string; stageQuery: string }[];
    }
  | { type: 'deleteDeal'; dealQuery: string }
  | { type: 'addComment'; entity: 'deal' | 'contact' | 'company'; entityQuery: string; text: string }
  | { type: 'createMeeting'; title: string; from: IsoDateTime; to?: IsoDateTime }
  /**
   * `meetingQuery` is a name or a local time `HH:mm`; `date` the day it is on now (default: the nearest one).
   * The new start is `from`, or the meeting's own day and time changed by `toDate` and/or `toTime` (`HH:mm`).
   */
  | {
      type: 'moveMeeting';
      meetingQuery: string;
      date?: LocalDate;
      from?: IsoDateTime;
      to?: IsoDateTime;
      toDate?: LocalDate;
      toTime?: string;
    }
  | { type: 'deleteMeeting'; meetingQuery: string; date?: LocalDate }
  | { type: 'createContact'; name: string; lastName?: string; phone?: string; email?: string }
  | { type: 'createCompany'; title: string; phone?: string; email?: string }
  /** A sales plan: `kind` month, quarter or year starting on `start`; for the company or the manager named. */
  | {
      type: 'setPlan';
      amount: number;
      currency?: string;
      kind: 'month' | 'quarter' | 'year';
      start: LocalDate;
      managerName?: string;
    };

/** What a request that lacks a piece asks for (promise 10): one short question, and the answer continues it. */
export type Question =
  | 'taskTitle'
  | 'whichTask'
  | 'dealTitle'
  | 'whichDeal'
  | 'dealMove'
  | 'comment'
  | 'whichMeeting'
  | 'meetingWhen'
  | 'contactName'
  | 'companyTitle'
  | 'client';

export type Intent =
  /** `unapplied`: words of the request the router could not apply (the model, or a plain note, handles them). */
  | { kind: 'view'; request: ScenarioRequest; unapplied?: string[] }
  /** «ещё»: the next part of the last long list. */
  | { kind: 'more' }
  /** «открой третью», «подробнее о первой»: the item at `index` (from 0) of the last list shown. */
  | { kind: 'nth'; index: number }
  | { kind: 'write'; draft: WriteDraft }
  | { kind: 'greeting' }
  /** «спасибо», «благодарю». */
  | { kind: 'thanks' }
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
  | { kind: 'cannotDo'; what: 'call' | 'email' | 'sms' }
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
