// From a view model to what is sent: Telegram HTML through the guard, split at line boundaries into
// messages of at most 4096 characters, the buttons under the last one.
import type { Language } from '../scenarios/director.ts';
import type { ViewModel } from '../scenarios/view-models.ts';
import { renderBriefing } from './briefing-view.ts';
import { renderChoice, renderNotFound } from './choice-view.ts';
import { renderContacts } from './contacts-view.ts';
import { renderDealCard } from './deal-card-view.ts';
import { renderDeals } from './deals-view.ts';
import { renderDossier } from './dossier-view.ts';
import { guardPlainText, guardText } from './guard.ts';
import { renderLeadCard, renderNewLeads } from './leads-view.ts';
import type { Page } from './lines.ts';
import { renderMeetingPrep } from './meeting-prep-view.ts';
import { renderOverdueAlert } from './overdue-alert-view.ts';
import { renderPipeline } from './pipeline-view.ts';
import { renderQuery, renderQueryChoice, renderQueryNotFound } from './query-view.ts';
import type { Reply } from './reply.ts';
import { renderDayResults, renderWeeklyReport } from './reports-view.ts';
import { renderSchedule } from './schedule-view.ts';
import { splitMessage } from './split.ts';
import { renderTasks } from './tasks-view.ts';
import { renderTeamStatus } from './team-view.ts';

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
    case 'queryChoice':
      return renderQueryChoice(view, language);
    case 'queryNotFound':
      return renderQueryNotFound(view, language);
  }
}

export function renderView(view: ViewModel, language: Language): Reply[] {
  const page = pageOf(view, language);
  const parts = splitMessage(guardText(page.lines.join('\n'), language));
  const buttons = (page.buttons ?? [])
    .map((row) => row.map((button) => ({ ...button, text: guardPlainText(button.text, language) })))
    .filter((row) => row.length > 0);
  return parts.map((html, index) => (index === parts.length - 1 && buttons.length > 0 ? { html, buttons } : { html }));
}
