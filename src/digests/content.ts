// Which scenario fills each digest (PRODUCT.md "Scheduled digests"): the digest is that view, sent unasked.
import type { DigestName, ScenarioRequest } from '../vocabulary/requests.ts';

export const DIGEST_CONTENT: Readonly<Record<DigestName, ScenarioRequest>> = {
  dayPlan: { scenario: 'dayPlan' },
  morningBriefing: { scenario: 'morningDigest' },
  overdueAlert: { scenario: 'overdueAlert' },
  newLeads: { scenario: 'newLeads' },
  eveningSummary: { scenario: 'eveningSummary' },
  weeklyReport: { scenario: 'weeklyReport' },
};
