import type { ScenarioRequest } from './catalogue.ts';

// What a director can ask to see: the scenario and its arguments (the catalogue). The router (no model) and
// the model's tools both produce these; the scenarios turn them into view models.

/** A local calendar date in the director's zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/** What a director can ask to see, from the one catalogue (catalogue.ts). */
export type { ScenarioRequest } from './catalogue.ts';

export type ScenarioName = ScenarioRequest['scenario'];

/** The six scheduled digests of PRODUCT.md, in the order the settings message lists them. */
export const DIGEST_NAMES = [
  'dayPlan',
  'morningBriefing',
  'overdueAlert',
  'newLeads',
  'eveningSummary',
  'weeklyReport',
] as const;

export type DigestName = (typeof DIGEST_NAMES)[number];
