// The drafts a question waiting for its answer keeps in the conversation memory: checked when read back, never
// trusted as they lie. A pick list keeps its new task; a yes/no question the write it asks about, as said, so a
// change in words («а срок на пятницу») asks again with that part changed.
import { z } from 'zod';
import type { WriteDraft } from '../vocabulary/drafts.ts';

const iso = z.string().min(10);

const draftSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('createTask'),
    title: z.string().min(1),
    deadline: iso.optional(),
    responsibleName: z.string().optional(),
    about: z.string().optional(),
    delegated: z.boolean().optional(),
    noDeadline: z.boolean().optional(),
    record: z.object({ kind: z.enum(['deal', 'company', 'contact']), id: z.number().int().positive() }).optional(),
  }),
  z.object({ type: z.literal('moveTask'), taskQuery: z.string().min(1), deadline: iso }),
  z.object({
    type: z.literal('createDeal'),
    title: z.string().min(1),
    amount: z.number().optional(),
    currency: z.string().optional(),
    clientName: z.string().optional(),
  }),
  z.object({ type: z.literal('createMeeting'), title: z.string().min(1), from: iso, to: iso.optional() }),
  z.object({
    type: z.literal('moveMeeting'),
    meetingQuery: z.string(),
    date: z.string().optional(),
    from: iso.optional(),
    to: iso.optional(),
    toDate: z.string().optional(),
    toTime: z.string().optional(),
  }),
]);

/** The draft as stored, when it is one a waiting question may keep. */
export function storedDraft(value: unknown): WriteDraft | undefined {
  const checked = draftSchema.safeParse(value);
  return checked.success ? (checked.data as WriteDraft) : undefined;
}

/** Whether a draft can be kept with its question (the others are asked about again from scratch). */
export const keptDraft = (draft: WriteDraft | undefined): WriteDraft | undefined =>
  draft && storedDraft(draft) ? draft : undefined;
