// A button carries ids only: the titles a write shows are read again from the portal before it is asked about.
import { isPortalError } from '../../../portal/errors.ts';
import type { WriteRequest } from '../../../vocabulary/writes.ts';
import { eventSchema, personName } from '../../portal-data.ts';
import { moveTo, otherStages } from './existing.ts';
import { companySchema, contactSchema, dealSchema, taskSchema } from './finders.ts';
import type { LookupContext, WriteLookup } from './types.ts';

// A record that is gone answers with an error on `get`; that is "not there", not a failure.
async function gone<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isPortalError(error) && error.kind === 'badRequest') return undefined;
    throw error;
  }
}

const taskTitle = ({ portal }: LookupContext, taskId: number) =>
  gone(async () => {
    const { result } = await portal.call<{ task?: unknown }>('tasks.task.get', { taskId, select: ['ID', 'TITLE'] });
    const task = taskSchema.safeParse(result?.task);
    return task.success ? task.data.title : undefined;
  });

const dealById = ({ portal }: LookupContext, id: number) =>
  gone(async () => {
    const parsed = dealSchema.safeParse((await portal.call('crm.deal.get', { id })).result);
    return parsed.success ? parsed.data : undefined;
  });

/** A deal's, contact's or company's name as the portal keeps it; undefined when it is gone. */
export async function entityTitle(context: LookupContext, entity: 'deal' | 'contact' | 'company', id: number) {
  if (entity === 'deal') return (await dealById(context, id))?.TITLE;
  return gone(async () => {
    const { result } = await context.portal.call(`crm.${entity}.get`, { id });
    if (entity === 'contact') {
      const contact = contactSchema.safeParse(result);
      return contact.success ? personName(contact.data) : undefined;
    }
    const company = companySchema.safeParse(result);
    return company.success ? company.data.TITLE : undefined;
  });
}

const eventTitle = ({ portal }: LookupContext, id: number) =>
  gone(async () => {
    const event = eventSchema.safeParse((await portal.call('calendar.event.getbyid', { id })).result);
    return event.success ? event.data.NAME : undefined;
  });

/** The write with its titles as the portal has them now; undefined when a record is gone. */
export async function refreshWrite(context: LookupContext, write: WriteRequest): Promise<WriteRequest | undefined> {
  switch (write.type) {
    case 'completeTask':
    case 'deleteTask':
    case 'moveTask': {
      const title = await taskTitle(context, write.taskId);
      return title === undefined ? undefined : { ...write, title };
    }
    case 'moveDeal': {
      const found = await dealById(context, write.dealId);
      const stage = found
        ? (await context.names.stages(found.CATEGORY_ID)).find((one) => one.id === write.stageId)
        : undefined;
      return found && stage ? { ...write, title: found.TITLE, stageName: stage.name } : undefined;
    }
    case 'deleteDeal': {
      const found = await dealById(context, write.dealId);
      return found ? { ...write, title: found.TITLE } : undefined;
    }
    case 'addComment': {
      const title = await entityTitle(context, write.entity, write.entityId);
      return title === undefined ? undefined : { ...write, entityTitle: title };
    }
    case 'moveMeeting':
    case 'deleteMeeting': {
      const title = await eventTitle(context, write.eventId);
      return title === undefined ? undefined : { ...write, title };
    }
    default:
      return write;
  }
}

/** Every other stage of the deal's pipeline, as moves to pick from. */
export async function stageChoices(context: LookupContext, dealId: number): Promise<WriteLookup> {
  const found = await dealById(context, dealId);
  if (!found) return { kind: 'notFound', subject: 'deal', query: String(dealId) };
  const moves = (await otherStages(context, found)).map((stage) => moveTo(found, stage));
  return moves.length
    ? { kind: 'choose', subject: 'stage', query: found.TITLE, options: moves }
    : { kind: 'notFound', subject: 'stage', query: found.TITLE };
}
