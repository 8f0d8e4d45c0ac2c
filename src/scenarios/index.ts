// The scenarios of PRODUCT.md as plain functions over the portal: a request in, a view model out.
// Nothing here knows of Telegram or the model.
import { DateTime, FixedOffsetZone } from 'luxon';
import type { PortalClient } from '../portal/port.ts';
import type { PlanRepository } from '../storage/plans.ts';
import type { Director } from '../vocabulary/director.ts';
import type { Query } from '../vocabulary/query.ts';
import type { ScenarioRequest } from '../vocabulary/requests.ts';
import type { ViewModel } from '../vocabulary/view-models.ts';
import { contacts } from './clients/contacts.ts';
import { dossier } from './clients/dossier.ts';
import { search } from './clients/search.ts';
import { contextFor, linksOf, type ScenarioContext } from './context.ts';
import { dealCard } from './deals/deal-card.ts';
import { deals } from './deals/deals.ts';
import { pipeline } from './deals/pipeline.ts';
import { type ChartData, chartOfView } from './files/chart-data.ts';
import { type ExportList, type ExportTable, exportTable, queryTable } from './files/exports.ts';
import { createNameDirectory, type NameDirectory } from './names.ts';
import { companyOf } from './plan/company.ts';
import { planChart } from './plan/plan-chart.ts';
import { dealsAtRiskView, type PlanBook, planForecast, plansView } from './plan/plan-scenarios.ts';
import { withPlanLine } from './plan/plan-summary.ts';
import { parseItems, personName, userSchema } from './portal-data.ts';
import { absence } from './questions/absence.ts';
import { comparePeriods } from './questions/compare.ts';
import { runQuery } from './questions/query-run.ts';
import { withNone } from './questions/with-none.ts';
import type { PageHints } from './reads.ts';
import { briefing } from './reports/briefing.ts';
import { dayResults } from './reports/day-results.ts';
import { newLeads, overdueAlert } from './reports/digest-reads.ts';
import { teamStatus } from './reports/team-status.ts';
import { weeklyReport } from './reports/weekly-report.ts';
import { meetingPrep } from './schedule/meeting-prep.ts';
import { scheduleFor } from './schedule/schedule.ts';
import { myTasks } from './tasks/my-tasks.ts';

export type { Person, ViewModel } from '../vocabulary/view-models.ts';
export type { ChartData } from './files/chart-data.ts';
export type { ExportList, ExportTable } from './files/exports.ts';
export type { NameDirectory, Stage } from './names.ts';

export interface DirectorProfile {
  portalUserId: number;
  name: string;
  timeZone: string;
}

export interface Scenarios {
  /** The view of a request; null only for an "only if" digest with nothing to say. */
  run(director: Director, request: ScenarioRequest): Promise<ViewModel | null>;
  /** A portal user's name and zone; without an id, the webhook's own user. */
  profile(portalUserId?: number): Promise<DirectorProfile>;
  names: NameDirectory;
  /** A view and what its picture plots; null when there is no view, undefined chart when it has no picture. */
  picture(director: Director, request: ScenarioRequest): Promise<{ view: ViewModel; chart?: ChartData } | null>;
  /** A whole list (up to 10,000 rows) for a spreadsheet. */
  exportTable(director: Director, list: ExportList): Promise<ExportTable>;
  /** The whole answer to a question for a spreadsheet; undefined when the answer has none (a conversion). */
  queryTable(director: Director, query: Query): Promise<ExportTable | undefined>;
}

export interface ScenarioDeps {
  portal: PortalClient;
  now?: () => Date;
  /** How long names (stages, people, sources) are cached; default 10 minutes. */
  cacheTtlMs?: number;
  /** The sales plans the directors set; without it no plan is known. */
  plans?: PlanRepository;
}

/** A profile with no zone of its own lives in the portal's default one: the offset of the portal's clock. */
function portalZone(dateStart: string | undefined): string {
  const offset = dateStart ? DateTime.fromISO(dateStart, { setZone: true }).offset : Number.NaN;
  return Number.isFinite(offset) ? FixedOffsetZone.instance(offset).name : 'UTC';
}

export function createScenarios(deps: ScenarioDeps): Scenarios {
  const now = deps.now ?? (() => new Date());
  const pages: PageHints = new Map();
  const names = createNameDirectory(deps.portal, { now, ...(deps.cacheTtlMs ? { ttlMs: deps.cacheTtlMs } : {}) });
  const book: PlanBook = { ...(deps.plans ? { plans: deps.plans } : {}), company: companyOf(deps.portal) };

  async function run(director: Director, request: ScenarioRequest): Promise<ViewModel | null> {
    const context = contextFor({ portal: deps.portal, names, pages }, director, now());
    const view = await withPlanLine(context, book, await viewOf(context, request));
    const links = linksOf(context);
    return view && links ? { ...view, links } : view;
  }

  function viewOf(context: ScenarioContext, request: ScenarioRequest): Promise<ViewModel | null> {
    switch (request.scenario) {
      case 'schedule':
        return scheduleFor(context, request.date, request.to);
      case 'myTasks':
        return myTasks(context);
      case 'deals':
        return deals(context);
      case 'dealCard':
        return dealCard(context, request.dealId);
      case 'briefing':
        return briefing(context);
      case 'weeklyReport':
        return weeklyReport(context, request.weeksAgo);
      case 'teamStatus':
        return teamStatus(context);
      case 'dossier':
        return dossier(context, request);
      case 'meetingPrep':
        return meetingPrep(context, request);
      case 'dayResults':
        return dayResults(context, request.date);
      case 'pipeline':
        return pipeline(context, request.categoryId);
      case 'search':
        return search(context, request.query);
      case 'query':
        if (request.query.compare) return comparePeriods(context, request.query);
        if (request.query.none) return withNone(context, request.query);
        return runQuery(context, request.query, request.offset ?? 0);
      case 'contacts':
        return contacts(context, request.query);
      case 'absence':
        return absence(context, request);
      case 'dayPlan':
        return briefing(context, 'dayPlan');
      case 'morningDigest':
        return briefing(context, 'morningDigest');
      case 'overdueAlert':
        return overdueAlert(context);
      case 'newLeads':
        return newLeads(context);
      case 'eveningSummary':
        return dayResults(context, undefined, 'eveningSummary');
      case 'plan':
        return planForecast(context, book, request);
      case 'plans':
        return plansView(context, book);
      case 'dealsAtRisk':
        return dealsAtRiskView(context, request);
    }
  }

  async function profile(portalUserId?: number): Promise<DirectorProfile> {
    const reply =
      portalUserId === undefined
        ? await deps.portal.call('user.current')
        : await deps.portal.call('user.get', { FILTER: { ID: portalUserId } });
    const [user] = parseItems(userSchema, portalUserId === undefined ? [reply.result] : reply.result);
    if (!user) throw new Error(`portal user ${portalUserId ?? 'of the connection'} not found`);
    return {
      portalUserId: user.ID,
      name: personName(user),
      timeZone: user.TIME_ZONE || portalZone(reply.time?.date_start),
    };
  }

  async function picture(director: Director, request: ScenarioRequest) {
    const view = await run(director, request);
    if (!view) return null;
    const context = contextFor({ portal: deps.portal, names, pages }, director, now());
    const chart =
      view.view === 'planForecast' ? await planChart(context, book, view) : await chartOfView(context, view);
    return { view, chart };
  }

  const exportOf = (director: Director, list: ExportList) =>
    exportTable(contextFor({ portal: deps.portal, names, pages }, director, now()), list);
  const answerTable = (director: Director, query: Query) =>
    queryTable(contextFor({ portal: deps.portal, names, pages }, director, now()), query);

  return { run, profile, names, picture, exportTable: exportOf, queryTable: answerTable };
}
