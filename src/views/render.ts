// From a view model to one reply: Telegram HTML with the portal's words marked as data, the buttons under it.
// The guard and the split to Telegram's lengths come once, at the present step (present.ts).

import { renderContacts } from '../scenarios/clients/contacts-view.ts';
import { renderDossier } from '../scenarios/clients/dossier-view.ts';
import { renderDealCard } from '../scenarios/deals/deal-card-view.ts';
import { renderDeals } from '../scenarios/deals/deals-view.ts';
import { renderPipeline } from '../scenarios/deals/pipeline-view.ts';
import { renderPlanForecast } from '../scenarios/plan/plan-view.ts';
import { renderDealsAtRisk, renderPlans, renderPlanWho } from '../scenarios/plan/risk-view.ts';
import { renderAbsence } from '../scenarios/questions/absence-view.ts';
import { renderComparison } from '../scenarios/questions/comparison-view.ts';
import { renderQuery, renderQueryChoice, renderQueryNotFound } from '../scenarios/questions/query-view.ts';
import { renderWithNone } from '../scenarios/questions/with-none-view.ts';
import { renderBriefing } from '../scenarios/reports/briefing-view.ts';
import { renderLeadCard, renderNewLeads } from '../scenarios/reports/leads-view.ts';
import { renderOverdueAlert } from '../scenarios/reports/overdue-alert-view.ts';
import { renderDayResults, renderWeeklyReport } from '../scenarios/reports/reports-view.ts';
import { renderTeamStatus } from '../scenarios/reports/team-view.ts';
import { renderMeetingPrep } from '../scenarios/schedule/meeting-prep-view.ts';
import { renderSchedule } from '../scenarios/schedule/schedule-view.ts';
import { renderTasks } from '../scenarios/tasks/tasks-view.ts';
import type { Language } from '../vocabulary/director.ts';
import type { ViewModel } from '../vocabulary/view-models.ts';
import { renderChoice, renderNotFound } from './choice-view.ts';
import type { Page } from './lines.ts';
import { DASHBOARD_OPEN_BUTTON } from './messages-dashboard.ts';
import type { Reply } from './reply.ts';

function pageOf(view: ViewModel, language: Language): Page {
  switch (view.view) {
    case 'schedule':
      return renderSchedule(view, language);
    case 'tasks':
      return renderTasks(view, language);
    case 'deals':
      return renderDeals(view, language);
    case 'dealCard':
      return renderDealCard(view, language);
    case 'briefing':
      return renderBriefing(view, language);
    case 'weeklyReport':
      return renderWeeklyReport(view, language);
    case 'teamStatus':
      return renderTeamStatus(view, language);
    case 'choice':
      return renderChoice(view, language);
    case 'notFound':
      return renderNotFound(view, language);
    case 'dossier':
      return renderDossier(view, language);
    case 'meetingPrep':
      return renderMeetingPrep(view, language);
    case 'dayResults':
      return renderDayResults(view, language);
    case 'pipeline':
      return renderPipeline(view, language);
    case 'contacts':
      return renderContacts(view, language);
    case 'leadCard':
      return renderLeadCard(view, language);
    case 'overdueAlert':
      return renderOverdueAlert(view, language);
    case 'newLeads':
      return renderNewLeads(view, language);
    case 'query':
      return renderQuery(view, language);
    case 'absence':
      return renderAbsence(view, language);
    case 'withNone':
      return renderWithNone(view, language);
    case 'comparison':
      return renderComparison(view, language);
    case 'queryChoice':
      return renderQueryChoice(view, language);
    case 'queryNotFound':
      return renderQueryNotFound(view, language);
    case 'planForecast':
      return renderPlanForecast(view, language);
    case 'dealsAtRisk':
      return renderDealsAtRisk(view, language);
    case 'plans':
      return renderPlans(view, language);
    case 'planWho':
      return renderPlanWho(view, language);
  }
}

// The answers the dashboard continues: the whole company at a glance, one tap under them.
const UNDER_DASHBOARD: ReadonlySet<ViewModel['view']> = new Set(['briefing', 'planForecast']);

export function renderView(view: ViewModel, language: Language): Reply[] {
  const page = pageOf(view, language);
  const buttons = (page.buttons ?? []).filter((row) => row.length > 0);
  const html = page.lines.join('\n');
  const dashboard = UNDER_DASHBOARD.has(view.view) ? { dashboardButton: DASHBOARD_OPEN_BUTTON[language] } : {};
  return [buttons.length > 0 ? { html, buttons, ...dashboard } : { html, ...dashboard }];
}
