// Writes to records that exist: a task to close or delete, a deal to move or delete, a record to comment on,
// a meeting to move or delete. Each is found by the words the director used.
import { DateTime } from 'luxon';
import type { Director } from '../../../vocabulary/director.ts';
import type { Picked, WriteDraft } from '../../../vocabulary/drafts.ts';
import type { ShownKind } from '../../../vocabulary/shown-items.ts';
import type { WriteRequest } from '../../../vocabulary/writes.ts';
import { sameName } from '../../matcher.ts';
import type { Stage } from '../../names.ts';
import { personName } from '../../portal-data.ts';
import { isoOf, localDateAt } from '../../schedule/day-window.ts';
import {
  type FoundDeal,
  type FoundMeeting,
  findCompanies,
  findContacts,
  findDeals,
  findMeetings,
  findTasks,
  matchesQuery,
} from './finders.ts';
import { type LookupContext, type LookupOption, label, MAX_OPTIONS, outcome, type WriteLookup } from './types.ts';

type Draft<T extends WriteDraft['type']> = Extract<WriteDraft, { type: T }>;

/** The id of the record picked from a list just shown, when it is of the kind the write changes. */
export const pickedId = (draft: Picked, kind: ShownKind): number | undefined =>
  draft.picked?.kind === kind ? draft.picked.id : undefined;

/** The meetings the words name; with one picked from a list just shown, that meeting alone where it is found. */
export async function meetingsOf(
  context: LookupContext,
  director: Director,
  draft: { meetingQuery: string; date?: string } & Picked,
): Promise<FoundMeeting[]> {
  const id = pickedId(draft, 'event');
  const found = await meetingsNamed(context, director, draft.meetingQuery, id ? draft.picked?.date : draft.date);
  const picked = found.filter((meeting) => meeting.event.id === id);
  return picked.length ? picked : found;
}

export async function taskToChange(
  context: LookupContext,
  director: Director,
  draft: Draft<'completeTask' | 'deleteTask' | 'moveTask'>,
): Promise<WriteLookup> {
  const { picked } = draft;
  const tasks =
    picked?.kind === 'task'
      ? [{ id: picked.id, title: picked.title }]
      : await findTasks(context.portal, director, draft.taskQuery, draft.type !== 'deleteTask');
  const change = (task: { id: number; title: string }): WriteRequest =>
    draft.type === 'moveTask'
      ? { type: 'moveTask', taskId: task.id, title: task.title, deadline: draft.deadline }
      : { type: draft.type, taskId: task.id, title: task.title };
  return outcome(
    'task',
    draft.taskQuery,
    tasks.map((task, _, all) => ({
      // Tasks with the same title are told apart by their deadline.
      label: label(
        all.filter((other) => other.title === task.title).length > 1 && task.deadline
          ? `${task.title} · ${DateTime.fromISO(task.deadline, { zone: director.timeZone }).toFormat('dd.MM HH:mm')}`
          : task.title,
      ),
      write: change(task),
    })),
  );
}

const wonRe = /^(?:выигран|успешн|won)/iu;
const lostRe = /^(?:проигран|провален|неуспешн|lost)/iu;

const stageMatches = (stages: Stage[], query: string) => {
  // «как выигранную»: whatever the pipeline calls its won (or lost) stage.
  if (wonRe.test(query)) return stages.filter((stage) => stage.semantics === 'success');
  if (lostRe.test(query)) return stages.filter((stage) => stage.semantics === 'failure');
  const exact = stages.filter((stage) => sameName(stage.name, query) || stage.id === query);
  return exact.length ? exact : stages.filter((stage) => matchesQuery(stage.name, query));
};

/** Every stage of the deal's pipeline but the one it is at. */
export const otherStages = async (context: LookupContext, deal: FoundDeal) =>
  (await context.names.stages(deal.CATEGORY_ID)).filter((stage) => stage.id !== deal.STAGE_ID);

export const moveTo = (deal: FoundDeal, stage: Stage): LookupOption => ({
  label: label(stage.name),
  write: { type: 'moveDeal', dealId: deal.ID, title: deal.TITLE, stageId: stage.id, stageName: stage.name },
});

/** The first reading of the words whose deal and stage both exist; else what the first reading found. */
export async function dealToMove(context: LookupContext, draft: Draft<'moveDeal'>): Promise<WriteLookup> {
  const readings = [draft, ...(draft.otherSplits ?? []).map((split) => ({ ...split, picked: draft.picked }))];
  let first: WriteLookup | undefined;
  for (const reading of readings) {
    const found = await dealMove(context, reading);
    const moves =
      found.kind === 'ready' || (found.kind === 'choose' && found.subject === 'deal' && 'write' in found.options[0]!);
    if (moves || readings.length === 1) return found;
    first ??= found;
  }
  return first!;
}

async function dealMove(
  context: LookupContext,
  draft: { dealQuery: string; stageQuery: string } & Picked,
): Promise<WriteLookup> {
  const deals = await findDeals(context.portal, draft.dealQuery, true, pickedId(draft, 'deal'));
  if (deals.length === 0) return { kind: 'notFound', subject: 'deal', query: draft.dealQuery };
  const options: LookupOption[] = [];
  for (const deal of deals.slice(0, MAX_OPTIONS)) {
    const stages = await otherStages(context, deal);
    const fitting = stageMatches(stages, draft.stageQuery);
    // One deal but no such stage: offer the stages it can move to.
    if (deals.length === 1 && fitting.length === 0)
      return stages.length
        ? { kind: 'choose', subject: 'stage', query: draft.stageQuery, options: stages.map((s) => moveTo(deal, s)) }
        : { kind: 'notFound', subject: 'stage', query: draft.stageQuery };
    for (const stage of fitting)
      options.push({
        ...moveTo(deal, stage),
        label: label(deals.length > 1 ? `${deal.TITLE} → ${stage.name}` : stage.name),
      });
  }
  if (options.length) return outcome('deal', draft.dealQuery, options);
  // Several deals and none has such a stage: pick the deal first, then one of its stages.
  return outcome(
    'deal',
    draft.dealQuery,
    deals.map((deal) => ({ label: label(deal.TITLE), stagesOfDeal: deal.ID })),
  );
}

export async function dealToDelete(context: LookupContext, draft: Draft<'deleteDeal'>): Promise<WriteLookup> {
  const deals = await findDeals(context.portal, draft.dealQuery, false, pickedId(draft, 'deal'));
  return outcome(
    'deal',
    draft.dealQuery,
    deals.map((deal) => ({
      label: label(deal.TITLE),
      write: { type: 'deleteDeal', dealId: deal.ID, title: deal.TITLE },
    })),
  );
}

export async function recordToComment(context: LookupContext, draft: Draft<'addComment'>): Promise<WriteLookup> {
  const { portal } = context;
  const comment = (entityId: number, entityTitle: string): LookupOption => ({
    label: label(entityTitle),
    write: { type: 'addComment', entity: draft.entity, entityId, entityTitle, text: draft.text },
  });
  const query = draft.entityQuery;
  // A record picked from a list just shown is known by its id: nothing to look up.
  if (draft.picked?.kind === draft.entity) return outcome(draft.entity, query, [comment(draft.picked.id, query)]);
  if (draft.entity === 'deal')
    return outcome(
      'deal',
      query,
      (await findDeals(portal, query, false)).map((deal) => comment(deal.ID, deal.TITLE)),
    );
  if (draft.entity === 'contact')
    return outcome(
      'contact',
      query,
      (await findContacts(portal, query)).map((contact) => comment(contact.ID, personName(contact))),
    );
  return outcome(
    'company',
    query,
    (await findCompanies(portal, query)).map((company) => comment(company.ID, company.TITLE)),
  );
}

/** «14:00 Title», with the day when the meeting is not on the director's today. */
export function meetingLabel(context: LookupContext, director: Director, from: DateTime, title: string): string {
  const today = localDateAt(context.now(), director.timeZone);
  return label(`${from.toISODate() === today ? '' : `${from.toFormat('dd.MM')} `}${from.toFormat('HH:mm')} ${title}`);
}

export const meetingsNamed = (context: LookupContext, director: Director, query: string, date?: string) =>
  findMeetings(context.portal, director, query, date, context.now());

/** The meeting as it is moved: whatever the director did not say of the new start stays as the meeting has it. */
export function movedMeeting(director: Director, draft: Draft<'moveMeeting'>, meeting: FoundMeeting) {
  const { event, from: was, to: wasTo } = meeting;
  const from = draft.from
    ? DateTime.fromISO(draft.from, { setZone: true })
    : draft.shiftMinutes
      ? was.plus({ minutes: draft.shiftMinutes })
      : DateTime.fromISO(`${draft.toDate ?? was.toISODate()}T${draft.toTime ?? was.toFormat('HH:mm')}`, {
          zone: director.timeZone,
        });
  return {
    type: 'moveMeeting' as const,
    eventId: event.id,
    title: event.title,
    from: isoOf(from),
    to: draft.to ?? isoOf(from.plus(wasTo.diff(was))),
  };
}

export async function meetingToDelete(
  context: LookupContext,
  director: Director,
  draft: Draft<'deleteMeeting'>,
): Promise<WriteLookup> {
  const meetings = await meetingsOf(context, director, draft);
  return outcome(
    'meeting',
    draft.meetingQuery,
    meetings.map(({ event, from }) => ({
      label: meetingLabel(context, director, from, event.title),
      write: { type: 'deleteMeeting', eventId: event.id, title: event.title },
    })),
  );
}
