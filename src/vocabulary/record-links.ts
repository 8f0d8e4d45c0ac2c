// Where a record lives on the portal's own pages: the address a director opens with a tap, never a REST path.
// The one place for these paths: the views' «↗» links and the spreadsheets' link column both come from here.

export type RecordKind = 'task' | 'deal' | 'lead' | 'contact' | 'company' | 'event' | 'person';

/** The portal's address, and the director whose task list and calendar a task or a meeting opens in. */
export interface RecordLinks {
  origin: string;
  userId: number;
}

/** The page of one record, e.g. https://<portal>/crm/deal/details/7/; `owner` is a task's or meeting's user. */
export function recordAddress(links: RecordLinks, kind: RecordKind, id: number, owner?: number): string {
  const user = owner || links.userId;
  const paths: Record<RecordKind, string> = {
    task: `company/personal/user/${user}/tasks/task/view/${id}/`,
    deal: `crm/deal/details/${id}/`,
    lead: `crm/lead/details/${id}/`,
    contact: `crm/contact/details/${id}/`,
    company: `crm/company/details/${id}/`,
    event: `company/personal/user/${user}/calendar/?EVENT_ID=${id}`,
    person: `company/personal/user/${id}/`,
  };
  return `${links.origin}/${paths[kind]}`;
}
