// The plan's entries of the catalogue (catalogue.ts spreads them into its tables): what can be asked and written.
// Field order is the order on a button: text last.
import { z } from 'zod';
import { field } from './fields.ts';

/** month, quarter or year (text on a button; anything else reads as a month). */
const periodKind = () => field.text(10);

export const PLAN_READS = {
  /**
   * Plan against fact and the forecast of a period (by default this month), for the company or one manager (an id,
   * or a name as said); `why` 1: the three lines explaining the forecast.
   */
  plan: z.object({
    scenario: z.literal('plan'),
    managerId: field.id().optional(),
    start: field.date().optional(),
    why: field.count().optional(),
    kind: periodKind().optional(),
    manager: field.text(100).optional(),
  }),
  /** The plans set for this period and the ones to come: «какой у нас план?», /plan. */
  plans: z.object({ scenario: z.literal('plans') }),
  /** Open deals at risk, the company's or one manager's. */
  dealsAtRisk: z.object({
    scenario: z.literal('dealsAtRisk'),
    managerId: field.id().optional(),
    manager: field.text(100).optional(),
  }),
};

export const PLAN_WRITES = {
  /** Sets (or replaces) the plan of a period starting `start`, for the company or one manager. Kept by us. */
  setPlan: z.object({
    type: z.literal('setPlan'),
    amount: field.amount(),
    start: field.date(),
    managerId: field.id().optional(),
    kind: periodKind(),
    currency: field.text(10),
    /** The manager's name, shown in the question. */
    managerName: field.portalTitle().optional(),
    /** The plan it replaces, shown in the question («было 12 000 000 ₽»). */
    previous: field.amount().optional(),
  }),
};
