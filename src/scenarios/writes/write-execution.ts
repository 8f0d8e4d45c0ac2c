// A confirmed write becomes exactly one change in the portal. Called only with a proposal the director
// has just claimed by a tap; never retried here (the portal client decides what is safe to repeat).
import { z } from 'zod';
import { isPortalError } from '../../portal/errors.ts';
import type { Params, PortalClient } from '../../portal/port.ts';
import type { Director } from '../../vocabulary/director.ts';
import type { CrmLink, WriteRequest } from '../../vocabulary/writes.ts';

export interface WriteResult {
  /** The id of what was created, when the portal tells it. */
  createdId?: number;
}

const idOf = (result: unknown): number | undefined => {
  const direct = z.coerce.number().int().positive().safeParse(result);
  if (direct.success) return direct.data;
  const task = z
    .object({ task: z.object({ id: z.coerce.number().int() }).loose() })
    .loose()
    .safeParse(result);
  return task.success ? task.data.task.id : undefined;
};

/** The director's own calendar section, where new meetings go (the portal requires one). */
async function calendarSection(portal: PortalClient, ownerId: number): Promise<Record<string, unknown>> {
  try {
    const { result } = await portal.call('calendar.section.get', { type: 'user', ownerId });
    const sections = z
      .array(z.object({ ID: z.coerce.number().int() }).loose())
      .catch([])
      .parse(result);
    return sections[0] ? { section: sections[0].ID } : {};
  } catch (error) {
    // A portal without separate sections files the event into the owner's default calendar.
    if (isPortalError(error) && (error.kind === 'unknownMethod' || error.kind === 'badRequest')) return {};
    throw error;
  }
}

const phoneList = (phone: string | undefined) => (phone ? { PHONE: [{ VALUE: phone, VALUE_TYPE: 'WORK' }] } : {});
const emailList = (email: string | undefined) => (email ? { EMAIL: [{ VALUE: email, VALUE_TYPE: 'WORK' }] } : {});

// How a task names the CRM records it belongs to (its UF_CRM_TASK field): «CO_12», «C_5», «D_40».
const LINK_PREFIX: Record<CrmLink['kind'], string> = { company: 'CO', contact: 'C', deal: 'D' };
const crmBindings = (links: CrmLink[] | undefined) =>
  links?.length ? links.map((link) => `${LINK_PREFIX[link.kind]}_${link.id}`) : undefined;

/** A deal's client: its company, or its contact (the contact list field; the single one is deprecated). */
const dealClient = (client: CrmLink | undefined) => {
  if (client?.kind === 'company') return { COMPANY_ID: client.id };
  if (client?.kind === 'contact') return { CONTACT_IDS: [client.id] };
  return {};
};

/** Drops absent fields, so the portal keeps its own defaults for them. */
const defined = (fields: Record<string, unknown>): Params =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/** How a write reaches the portal: a record made (its id kept for the link), or a change done. */
interface Calls {
  created(method: string, params: Params): Promise<WriteResult>;
  done(method: string, params: Params): Promise<WriteResult>;
}

const callsOf = (portal: PortalClient): Calls => ({
  created: async (method, params) => ({ createdId: idOf((await portal.call(method, params)).result) }),
  done: async (method, params) => {
    await portal.call(method, params);
    return {};
  },
});

type WriteOf<T extends WriteRequest['type']> = Extract<WriteRequest, { type: T }>;

function taskWrite(
  { created, done }: Calls,
  ownerId: number,
  write: WriteOf<'createTask' | 'completeTask' | 'deleteTask' | 'moveTask' | 'addComment'>,
): Promise<WriteResult> {
  switch (write.type) {
    case 'createTask':
      return created('tasks.task.add', {
        fields: defined({
          TITLE: write.title,
          DEADLINE: write.deadline,
          RESPONSIBLE_ID: write.responsibleId ?? ownerId,
          CREATED_BY: ownerId,
          DESCRIPTION: write.description,
          UF_CRM_TASK: crmBindings(write.links),
        }),
      });
    case 'completeTask':
      return done('tasks.task.complete', { taskId: write.taskId });
    case 'deleteTask':
      return done('tasks.task.delete', { taskId: write.taskId });
    case 'moveTask':
      return done('tasks.task.update', { taskId: write.taskId, fields: { DEADLINE: write.deadline } });
    case 'addComment':
      return created('crm.timeline.comment.add', {
        fields: { ENTITY_ID: write.entityId, ENTITY_TYPE: write.entity, COMMENT: write.text },
      });
  }
}

function crmWrite(
  { created, done }: Calls,
  ownerId: number,
  write: WriteOf<'createDeal' | 'moveDeal' | 'deleteDeal' | 'createContact' | 'createCompany'>,
): Promise<WriteResult> {
  switch (write.type) {
    case 'createDeal':
      return created('crm.deal.add', {
        fields: defined({
          TITLE: write.title,
          OPPORTUNITY: write.amount,
          CURRENCY_ID: write.currency,
          CATEGORY_ID: write.categoryId,
          STAGE_ID: write.stageId,
          ASSIGNED_BY_ID: ownerId,
          ...dealClient(write.client),
        }),
      });
    case 'moveDeal':
      return done('crm.deal.update', { id: write.dealId, fields: { STAGE_ID: write.stageId } });
    case 'deleteDeal':
      return done('crm.deal.delete', { id: write.dealId });
    case 'createContact':
      return created('crm.contact.add', {
        fields: defined({
          NAME: write.name,
          LAST_NAME: write.lastName,
          COMPANY_ID: write.company?.id,
          ASSIGNED_BY_ID: ownerId,
          ...phoneList(write.phone),
          ...emailList(write.email),
        }),
      });
    case 'createCompany':
      return created('crm.company.add', {
        fields: defined({
          TITLE: write.title,
          ASSIGNED_BY_ID: ownerId,
          ...phoneList(write.phone),
          ...emailList(write.email),
        }),
      });
  }
}

async function meetingWrite(
  portal: PortalClient,
  director: Director,
  write: WriteOf<'createMeeting' | 'moveMeeting' | 'deleteMeeting'>,
): Promise<WriteResult> {
  const { created, done } = callsOf(portal);
  const ownerId = director.portalUserId;
  const calendar = { type: 'user', ownerId };
  const zone = { timezone_from: director.timeZone, timezone_to: director.timeZone };
  switch (write.type) {
    case 'createMeeting':
      return created(
        'calendar.event.add',
        defined({
          ...calendar,
          ...(await calendarSection(portal, ownerId)),
          name: write.title,
          from: write.from,
          to: write.to,
          ...zone,
          location: write.location,
          ...(write.attendeeIds?.length
            ? { is_meeting: 'Y', attendees: [ownerId, ...write.attendeeIds], host: ownerId }
            : {}),
        }),
      );
    case 'moveMeeting':
      return done(
        'calendar.event.update',
        defined({
          ...calendar,
          id: write.eventId,
          name: write.title || undefined,
          from: write.from,
          to: write.to,
          ...zone,
        }),
      );
    case 'deleteMeeting':
      return done('calendar.event.delete', { ...calendar, id: write.eventId });
  }
}

export async function executeWrite(
  portal: PortalClient,
  director: Director,
  write: WriteRequest,
): Promise<WriteResult> {
  const ownerId = director.portalUserId;
  switch (write.type) {
    case 'createTask':
    case 'completeTask':
    case 'deleteTask':
    case 'moveTask':
    case 'addComment':
      return taskWrite(callsOf(portal), ownerId, write);
    case 'createDeal':
    case 'moveDeal':
    case 'deleteDeal':
    case 'createContact':
    case 'createCompany':
      return crmWrite(callsOf(portal), ownerId, write);
    case 'createMeeting':
    case 'moveMeeting':
    case 'deleteMeeting':
      return meetingWrite(portal, director, write);
    case 'setPlan':
      // A plan is kept by the assistant (plan/plan-writes.ts): nothing of it goes to the portal.
      throw new Error('a plan is not a change on the portal');
  }
}

/**
 * After a crash in the middle of a write: whether the portal shows it happened. Only a created task or deal
 * can be told apart (that exact title, created since the question); for anything else, undefined.
 */
export async function writeLanded(
  portal: PortalClient,
  write: WriteRequest,
  since: Date,
): Promise<boolean | undefined> {
  // A minute of slack for the difference between our clock and the portal's.
  const after = new Date(since.getTime() - 60_000).toISOString();
  const found = async (method: string, filter: Params) => {
    const { result } = await portal.call(method, { filter, select: ['ID'] });
    const items = z
      .union([z.array(z.unknown()), z.object({ tasks: z.array(z.unknown()) }).loose()])
      .catch([])
      .parse(result);
    return (Array.isArray(items) ? items : items.tasks).length > 0;
  };
  if (write.type === 'createTask') return found('tasks.task.list', { TITLE: write.title, '>=CREATED_DATE': after });
  if (write.type === 'createDeal') return found('crm.deal.list', { TITLE: write.title, '>=DATE_CREATE': after });
  return undefined;
}
