// «открой третью», «закрой её»: the records the director was just shown, in the order shown, kept in the
// conversation memory so an ordinal or a pronoun refers to one of them. Each list view says its items through
// its scenario's entry (scenarios/registry.ts); the memory checks them again when read back.
import { z } from 'zod';

export const shownItemSchema = z.object({
  kind: z.enum(['deal', 'company', 'contact', 'event', 'task', 'lead', 'person']),
  id: z.number().int().positive(),
  title: z.string(),
  /** A meeting's day, so its preparation opens on it. */
  date: z.string().optional(),
});
export type ShownItem = z.output<typeof shownItemSchema>;
export type ShownKind = ShownItem['kind'];
