// Whether anyone answered a new lead: an activity on it (a call, a letter, a meeting logged by anyone) or a comment
// of its responsible in its timeline. Neither changes the lead's own change date, so both are asked for, for the
// leads about to be told only, in one batch (two commands a lead: the timeline's comments are listed per record).
import type { BatchCommand, PortalClient } from '../portal/port.ts';

export interface WaitingLead {
  id: number;
  /** The lead's responsible: only their comment counts as an answer. */
  responsible: number;
}

const LEAD_TYPE_ID = 1;

/** The leads among `leads` that someone answered, read with `portal` (the director's rights). */
export async function answeredLeads(portal: PortalClient, leads: readonly WaitingLead[]): Promise<Set<number>> {
  if (leads.length === 0) return new Set();
  const commands: Record<string, BatchCommand> = {};
  for (const { id } of leads) {
    commands[`activity_${id}`] = {
      method: 'crm.activity.list',
      params: { filter: { OWNER_TYPE_ID: LEAD_TYPE_ID, OWNER_ID: id }, select: ['ID'], start: -1 },
    };
    commands[`comment_${id}`] = {
      method: 'crm.timeline.comment.list',
      params: { filter: { ENTITY_TYPE: 'lead', ENTITY_ID: id }, select: ['ID', 'AUTHOR_ID'] },
    };
  }
  const reply = await portal.batch(commands);
  const answered = new Set<number>();
  for (const { id, responsible } of leads) {
    const activities = reply.results[`activity_${id}`];
    const comments = reply.results[`comment_${id}`];
    const byResponsible = (Array.isArray(comments) ? comments : []).some(
      (comment) => Number((comment as { AUTHOR_ID?: unknown }).AUTHOR_ID) === responsible,
    );
    // A lead whose answers could not be read is not told as untouched: better silent than wrong.
    const unread = reply.errors[`activity_${id}`] || reply.errors[`comment_${id}`];
    if (unread || (Array.isArray(activities) && activities.length > 0) || byResponsible) answered.add(id);
  }
  return answered;
}
