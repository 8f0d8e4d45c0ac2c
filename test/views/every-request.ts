// One request for every view the product shows: the views test renders each, the views bench counts their reads.
import type { ScenarioRequest } from '../../src/vocabulary/requests.ts';

export const everyViewRequest: ScenarioRequest[] = [
  { scenario: 'schedule', date: '2026-11-25' },
  { scenario: 'schedule', date: '2026-11-23', to: '2026-11-29' },
  { scenario: 'myTasks' },
  { scenario: 'deals' },
  { scenario: 'dealCard', dealId: 1 },
  { scenario: 'briefing' },
  { scenario: 'weeklyReport' },
  { scenario: 'teamStatus' },
  { scenario: 'dossier', query: 'Иванов' },
  { scenario: 'dossier', query: 'Ромашка' },
  { scenario: 'dossier', companyId: 1 },
  { scenario: 'meetingPrep', time: '11:00' },
  { scenario: 'meetingPrep', query: 'Ромашка' },
  { scenario: 'dayResults' },
  { scenario: 'pipeline' },
  { scenario: 'pipeline', categoryId: 1 },
  { scenario: 'search', query: 'Ромашка' },
  { scenario: 'search', query: 'нет-такого-клиента' },
  { scenario: 'dayPlan' },
  { scenario: 'morningDigest' },
  { scenario: 'overdueAlert' },
  { scenario: 'newLeads' },
  { scenario: 'eveningSummary' },
];
