// Every change the assistant can make, with its exact arguments. A write is never carried out
// directly: it is stored as a proposal and runs only after the director's tap.

/** ISO 8601 date-time with offset, e.g. `2026-11-25T18:00:00+03:00`. */
export type IsoDateTime = string;

/** A CRM record a new task or deal is bound to, with the name the director knows it by (shown in the question). */
export interface CrmLink {
  kind: 'company' | 'contact' | 'deal';
  id: number;
  title: string;
}

export type WriteRequest =
  | {
      type: 'createTask';
      title: string;
      deadline?: IsoDateTime;
      responsibleId?: number;
      description?: string;
      /** The clients and deals the task is about: it shows on their cards in the portal. */
      links?: CrmLink[];
    }
  | { type: 'completeTask'; taskId: number; title: string }
  | { type: 'deleteTask'; taskId: number; title: string }
  | {
      type: 'createDeal';
      title: string;
      amount?: number;
      currency?: string;
      stageId?: string;
      categoryId?: number;
      /** The company or contact the deal is with. */
      client?: CrmLink;
    }
  | { type: 'moveDeal'; dealId: number; title: string; stageId: string; stageName: string }
  | { type: 'deleteDeal'; dealId: number; title: string }
  | { type: 'addComment'; entity: 'deal' | 'contact' | 'company'; entityId: number; entityTitle: string; text: string }
  | {
      type: 'createMeeting';
      title: string;
      from: IsoDateTime;
      to: IsoDateTime;
      attendeeIds?: number[];
      location?: string;
    }
  | { type: 'moveMeeting'; eventId: number; title: string; from: IsoDateTime; to: IsoDateTime }
  | { type: 'deleteMeeting'; eventId: number; title: string }
  | { type: 'createContact'; name: string; lastName?: string; phone?: string; email?: string; companyId?: number }
  | { type: 'createCompany'; title: string; phone?: string; email?: string };

export type WriteType = WriteRequest['type'];

export const isDestructive = (write: WriteRequest): boolean => write.type.startsWith('delete');
