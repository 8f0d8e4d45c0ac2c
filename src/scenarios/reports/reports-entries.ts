// What the day and the week came to, the team, and the digests' contents (each also a view on request).
import { READS } from '../../vocabulary/catalogue.ts';
import { defineScenario, renders } from '../entry.ts';
import { leaderboard, leadSources, wonByWeek } from '../files/chart-data.ts';
import { briefing } from './briefing.ts';
import { renderBriefing } from './briefing-view.ts';
import { dayResults } from './day-results.ts';
import { newLeads, overdueAlert } from './digest-reads.ts';
import { renderNewLeads } from './leads-view.ts';
import { renderOverdueAlert } from './overdue-alert-view.ts';
import { renderDayResults, renderWeeklyReport } from './reports-view.ts';
import { teamStatus } from './team-status.ts';
import { renderTeamStatus } from './team-view.ts';
import { weeklyReport } from './weekly-report.ts';

const PREPARING_BRIEFING = { ru: 'Собираю брифинг…', en: 'Preparing your briefing…' };
const SUMMING_UP_DAY = { ru: 'Подвожу итоги дня…', en: 'Summing up the day…' };

export const BRIEFING = defineScenario({
  name: 'briefing',
  request: READS.briefing,
  run: (context) => briefing(context),
  views: renders({ briefing: renderBriefing }),
  status: PREPARING_BRIEFING,
  code: 'b',
  tool: 'Обзор дня: встречи, задачи, просрочки, сделки',
  underDashboard: ['briefing'],
});

export const WEEKLY_REPORT = defineScenario({
  name: 'weeklyReport',
  request: READS.weeklyReport,
  run: (context, request) => weeklyReport(context, request.weeksAgo),
  views: renders({ weeklyReport: renderWeeklyReport }),
  status: { ru: 'Подвожу итоги недели…', en: 'Summing up the week…' },
  code: 'w',
  tool: 'Итоги недели (weeksAgo: 1 — прошлая неделя)',
  chart: (context) => wonByWeek(context),
});

export const TEAM_STATUS = defineScenario({
  name: 'teamStatus',
  request: READS.teamStatus,
  run: (context, request) => teamStatus(context, request.department),
  views: renders({ teamStatus: renderTeamStatus }),
  status: { ru: 'Смотрю, как дела у команды…', en: 'Checking on the team…' },
  code: 'tm',
  tool: 'Команда: задачи, просрочки, рабочий день сотрудников',
  chart: (context) => leaderboard(context),
  exportList: 'team',
});

export const DAY_RESULTS = defineScenario({
  name: 'dayResults',
  request: READS.dayResults,
  run: (context, request) => dayResults(context, request.date),
  views: renders({ dayResults: renderDayResults }),
  status: SUMMING_UP_DAY,
  code: 'dr',
  tool: 'Итоги дня: закрытые задачи, встречи, движение сделок',
});

export const DAY_PLAN = defineScenario({
  name: 'dayPlan',
  request: READS.dayPlan,
  run: (context) => briefing(context, 'dayPlan'),
  views: {},
  status: { ru: 'Составляю план дня…', en: 'Preparing the day plan…' },
  code: 'dp',
});

export const MORNING_DIGEST = defineScenario({
  name: 'morningDigest',
  request: READS.morningDigest,
  run: (context) => briefing(context, 'morningDigest'),
  views: {},
  status: PREPARING_BRIEFING,
  code: 'md',
});

export const OVERDUE_ALERT = defineScenario({
  name: 'overdueAlert',
  request: READS.overdueAlert,
  run: (context) => overdueAlert(context),
  views: renders({ overdueAlert: renderOverdueAlert }),
  status: { ru: 'Проверяю просрочки…', en: 'Checking for overdue work…' },
  code: 'oa',
});

export const NEW_LEADS = defineScenario({
  name: 'newLeads',
  request: READS.newLeads,
  run: (context) => newLeads(context),
  views: renders({ newLeads: renderNewLeads }),
  status: { ru: 'Смотрю новые лиды…', en: 'Checking new leads…' },
  code: 'nl',
  chart: (context) => leadSources(context),
  exportList: 'leads',
});

export const EVENING_SUMMARY = defineScenario({
  name: 'eveningSummary',
  request: READS.eveningSummary,
  run: (context) => dayResults(context, undefined, 'eveningSummary'),
  views: {},
  status: SUMMING_UP_DAY,
  code: 'es',
});
