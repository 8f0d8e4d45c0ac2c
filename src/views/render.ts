// From a view model to one reply: Telegram HTML with the portal's words marked as data, the buttons under it.
// The guard and the split to Telegram's lengths come once, at the present step (present.ts).
import type { Language } from '../scenarios/director.ts';
import type { ViewModel } from '../scenarios/view-models.ts';
import { renderAbsence } from './absence-view.ts';
import { renderBriefing } from './briefing-view.ts';
import { renderChoice, renderNotFound } from './choice-view.ts';
import { renderComparison } from './comparison-view.ts';
import { renderContacts } from './contacts-view.ts';
import { renderDealCard } from './deal-card-view.ts';
import { renderDeals } from './deals-view.ts';
import { renderDossier } from './dossier-view.ts';
import { renderLeadCard, renderNewLeads } from './leads-view.ts';
import type { Page } from './lines.ts';
import { renderMeetingPrep } from './meeting-prep-view.ts';
import { DASHBOARD_OPEN_BUTTON } from './messages-dashboard.ts';
import { renderOverdueAlert } from './overdue-alert-view.ts';
import { renderPipeline } from './pipeline-view.ts';
import { renderPlanForecast } from './plan/plan-view.ts';
import { renderDealsAtRisk, renderPlans, renderPlanWho } from './plan/risk-view.ts';
import { renderQuery, renderQueryChoice, renderQueryNotFound } from './query-view.ts';
import type { Reply } from './reply.ts';
import { renderDayResults, renderWeeklyReport } from './reports-view.ts';
import { renderSchedule } from './schedule-view.ts';
import { renderTasks } from './tasks-view.ts';
import { renderTeamStatus } from './team-view.ts';
import { renderWithNone } from './with-none-view.ts';

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
