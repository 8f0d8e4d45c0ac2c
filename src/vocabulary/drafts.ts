// What the director asked to change, as said (names, not ids), and the one question a request lacking a piece
// gets. Understanding makes them; the write lookup turns a draft into exact arguments; views word the questions.
import type { LocalDate } from './requests.ts';
import type { ShownItem } from './shown-items.ts';
import type { IsoDateTime } from './writes.ts';

/**
 * A record named by its place in the list just shown or by a pronoun («закрой вторую», «поставь по ней задачу»):
 * known by its id, so it is not looked up by name; the query beside it holds its title.
 */
export type Picked = { picked?: ShownItem };

/** A write as the director said it: names, not ids. The assistant looks the names up, then proposes. */
export type WriteDraft =
  /** `about`: the client or deal the task is for, when said apart from the title (else the title is read for names). */
  /** `delegated`: for someone else, not named yet (the director picks the person). */
  /** `noDeadline`: the director said «без срока» when asked by when. `picked`: the record it is about. */
  /** `pointsBack`: «по ней» was said; `record`: the deal or client it points at (the card just opened). */
  | ({
      type: 'createTask';
      title: string;
      pointsBack?: boolean;
      record?: { kind: 'deal' | 'company' | 'contact'; id: number };
      deadline?: IsoDateTime;
      responsibleName?: string;
      about?: string;
      delegated?: boolean;
      noDeadline?: boolean;
    } & Picked)
  | ({ type: 'completeTask'; taskQuery: string } & Picked)
  | ({ type: 'deleteTask'; taskQuery: string } & Picked)
  /** A new deadline for an open task. */
  | ({ type: 'moveTask'; taskQuery: string; deadline: IsoDateTime } & Picked)
  /** `clientName`: the company or contact the deal is with, when said apart from the title. */
  | { type: 'createDeal'; title: string; amount?: number; currency?: string; clientName?: string }
  /** `otherSplits`: other readings of the same words, when a stage's name may hold «на» or «в» itself. */
  | ({
      type: 'moveDeal';
      dealQuery: string;
      stageQuery: string;
      otherSplits?: { dealQuery: string; stageQuery: string }[];
    } & Picked)
  | ({ type: 'deleteDeal'; dealQuery: string } & Picked)
  | ({ type: 'addComment'; entity: 'deal' | 'contact' | 'company'; entityQuery: string; text: string } & Picked)
  | { type: 'createMeeting'; title: string; from: IsoDateTime; to?: IsoDateTime }
  /**
   * `meetingQuery` is a name or a local time `HH:mm`; `date` the day it is on now (default: the nearest one).
   * The new start is `from`, or the meeting's own day and time changed by `toDate` and/or `toTime` (`HH:mm`).
   */
  | ({
      type: 'moveMeeting';
      meetingQuery: string;
      date?: LocalDate;
      from?: IsoDateTime;
      to?: IsoDateTime;
      toDate?: LocalDate;
      toTime?: string;
      /** «на час позже» (60), «на полчаса раньше» (−30): the meeting's own start moved by so many minutes. */
      shiftMinutes?: number;
    } & Picked)
  | ({ type: 'deleteMeeting'; meetingQuery: string; date?: LocalDate } & Picked)
  /** `companyName`: the company the contact works at («Иван Сергеев из Гранита»). */
  | { type: 'createContact'; name: string; lastName?: string; phone?: string; email?: string; companyName?: string }
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
  /** The record is known, the comment's words are not. */
  | 'commentText'
  | 'whichMeeting'
  | 'meetingWhen'
  /** A new meeting with nothing said of it: when, and with whom. */
  | 'newMeeting'
  /** A new meeting without a day. */
  | 'newMeetingWhen'
  /** A new meeting on a day, without a time. */
  | 'meetingTime'
  | 'contactName'
  | 'companyTitle'
  | 'client';
