// A write as the director said it (names) becomes a write with ids: the task, deal, contact, company,
// meeting, person or stage is looked up in the portal. Several matches become a choice, none a plain
// "not found". Only reads happen here; the write itself waits for the director's tap.

import { DateTime } from 'luxon';
import type { PortalClient } from '../../portal/port.ts';
import type { PlanRepository } from '../../storage/plans.ts';
import type { Director } from '../../vocabulary/director.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import type { WriteRequest } from '../../vocabulary/writes.ts';
import type { NameDirectory } from '../names.ts';
import { planToSet } from '../plan/plan-lookup.ts';
import { isoOf } from '../schedule/day-window.ts';
import { dealToDelete, dealToMove, meetingToDelete, recordToComment, taskToChange } from './write-lookup/existing.ts';
import { meetingToMove } from './write-lookup/meeting-move.ts';
import { newContact, newDeal, newTask } from './write-lookup/new-records.ts';
import { refreshWrite, stageChoices } from './write-lookup/refresh.ts';
import type { LookupContext, WriteLookup } from './write-lookup/types.ts';

export type { LookupOption, LookupSubject, WriteLookup } from './write-lookup/types.ts';

export interface WriteLookupService {
  resolve(director: Director, draft: WriteDraft): Promise<WriteLookup>;
  /**
   * The titles of the records a write names, read again from the portal (a button carries ids only).
   * Undefined when a record is gone or the stage does not belong to the deal's pipeline.
   */
  refresh(write: WriteRequest): Promise<WriteRequest | undefined>;
  /** Every other stage of the deal's pipeline, as moves to pick from. */
  stageChoices(dealId: number): Promise<WriteLookup>;
}

const DEFAULT_MEETING_MINUTES = 60;

type MeetingDraft = Extract<WriteDraft, { type: 'createMeeting' }>;

const meetingAsSaid = (draft: MeetingDraft): Extract<WriteRequest, { type: 'createMeeting' }> => ({
  type: 'createMeeting',
  title: draft.title,
  from: draft.from,
  to: draft.to ?? isoOf(DateTime.fromISO(draft.from, { setZone: true }).plus({ minutes: DEFAULT_MEETING_MINUTES })),
});

/** A new company names no existing record: ready as said. */
const plainWrite = (draft: Extract<WriteDraft, { type: 'createCompany' }>) =>
  ({ type: 'createCompany', title: draft.title, phone: draft.phone, email: draft.email }) as const;

/**
 * «встреча с Поповым»: the colleague the title names after «с» is invited. Only one who alone fits the name: a
 * client («с Ромашкой») or a name several colleagues fit leaves the meeting the director's own, as the question says.
 */
async function newMeeting(context: LookupContext, director: Director, draft: MeetingDraft): Promise<WriteLookup> {
  const write = meetingAsSaid(draft);
  const named = draft.title.match(/(?:^|\s)(?:с|со|with)\s+(.+)$/iu)?.[1];
  const people = named
    ? (await context.names.findUsers(named)).filter((person) => person.id !== director.portalUserId)
    : [];
  const [only] = people;
  return { kind: 'ready', write: only && people.length === 1 ? { ...write, attendeeIds: [only.id] } : write };
}

function resolveDraft(
  context: LookupContext & { plans?: PlanRepository },
  director: Director,
  draft: WriteDraft,
): Promise<WriteLookup> {
  switch (draft.type) {
    case 'setPlan':
      return planToSet(context, context.plans, draft);
    case 'createTask':
      return newTask(context, director, draft);
    case 'createDeal':
      return newDeal(context, draft);
    case 'completeTask':
    case 'moveTask':
    case 'deleteTask':
      return taskToChange(context, director, draft);
    case 'moveDeal':
      return dealToMove(context, draft);
    case 'deleteDeal':
      return dealToDelete(context, draft);
    case 'addComment':
      return recordToComment(context, draft);
    case 'moveMeeting':
      return meetingToMove(context, director, draft);
    case 'deleteMeeting':
      return meetingToDelete(context, director, draft);
    case 'createMeeting':
      return newMeeting(context, director, draft);
    case 'createContact':
      return newContact(context, draft);
    default:
      return Promise.resolve({ kind: 'ready', write: plainWrite(draft) });
  }
}

export function createWriteLookup(deps: {
  portal: PortalClient;
  names: NameDirectory;
  now?: () => Date;
  /** Where the plans are kept: a changed plan's question shows the sum it replaces. */
  plans?: PlanRepository;
}): WriteLookupService {
  const context: LookupContext & { plans?: PlanRepository } = {
    portal: deps.portal,
    names: deps.names,
    now: deps.now ?? (() => new Date()),
    ...(deps.plans ? { plans: deps.plans } : {}),
  };
  return {
    resolve: (director, draft) => resolveDraft(context, director, draft),
    refresh: (write) => refreshWrite(context, write),
    stageChoices: (dealId) => stageChoices(context, dealId),
  };
}
