import type { Query } from './query.ts';

// What a director can ask to see: the scenario and its arguments. The router (no model) and the
// model's tools both produce these; the scenarios turn them into view models.

/** A local calendar date in the director's zone, `YYYY-MM-DD`. */
export type LocalDate = string;

export type ScenarioRequest =
  | { scenario: 'schedule'; date: LocalDate }
  | { scenario: 'myTasks' }
  | { scenario: 'deals' }
  | { scenario: 'dealCard'; dealId: number }
  | { scenario: 'briefing' }
  /** This week, or `weeksAgo` weeks before it (1: last week). */
  | { scenario: 'weeklyReport'; weeksAgo?: number }
  | { scenario: 'teamStatus' }
  /** By a name (any part of a person's or company's name), or an exact record picked from a list. */
  | { scenario: 'dossier'; query?: string; contactId?: number; companyId?: number }
  /** By a local time `HH:mm`, a name, or an exact event; on `date` (default today). */
  | { scenario: 'meetingPrep'; time?: string; query?: string; eventId?: number; date?: LocalDate }
  | { scenario: 'dayResults'; date?: LocalDate }
  | { scenario: 'pipeline'; categoryId?: number }
  | { scenario: 'search'; query: string }
  /** A typed question; `offset` is where the shown part of a long list starts. */
  | { scenario: 'query'; query: Query; offset?: number }
  /** The people of a company, or people by their name, with position, phone and e-mail. */
  | { scenario: 'contacts'; query: string }
  // Digest contents (also reachable as views).
  | { scenario: 'dayPlan' }
  | { scenario: 'morningDigest' }
  | { scenario: 'overdueAlert' }
  | { scenario: 'newLeads' }
  | { scenario: 'eveningSummary' };

export type ScenarioName = ScenarioRequest['scenario'];

/** The six scheduled digests of PRODUCT.md. */
export type DigestName =
  | 'dayPlan'
  | 'morningBriefing'
  | 'overdueAlert'
  | 'newLeads'
  | 'eveningSummary'
  | 'weeklyReport';
