// The registry: every scenario, one line each. The run, the render of each view, the picture and spreadsheet
// buttons, the button codes, the status words and the model's tools are all read from here (see entry.ts).
// A new scenario is its folder and one line below; registry.test.ts fails when an entry lacks a part it needs.
import { presentReplies } from '../present/present.ts';
import { renderChoice, renderNotFound } from '../views/choice-view.ts';
import type { Page } from '../views/lines.ts';
import { DASHBOARD_OPEN_BUTTON } from '../views/messages-dashboard.ts';
import type { Reply } from '../views/reply.ts';
import type { Language } from '../vocabulary/director.ts';
import { EXPORT_LISTS, type ExportList } from '../vocabulary/export-tables.ts';
import type { ScenarioName } from '../vocabulary/requests.ts';
import type { ViewModel } from '../vocabulary/view-models.ts';
import { CONTACTS, DOSSIER, SEARCH } from './clients/clients-entries.ts';
import { DEAL_CARD, DEALS, PIPELINE } from './deals/deals-entries.ts';
import type { Render, Renders, ScenarioEntry, Shown, ShownParts, ViewKind } from './entry.ts';
import { DEALS_AT_RISK, PLAN, PLANS } from './plan/plan-entries.ts';
import { ABSENCE, QUERY } from './questions/questions-entries.ts';
import {
  BRIEFING,
  DAY_PLAN,
  DAY_RESULTS,
  EVENING_SUMMARY,
  MORNING_DIGEST,
  NEW_LEADS,
  OVERDUE_ALERT,
  TEAM_STATUS,
  WEEKLY_REPORT,
} from './reports/reports-entries.ts';
import { MEETING_PREP, SCHEDULE } from './schedule/schedule-entries.ts';
import { MY_TASKS } from './tasks/tasks-entries.ts';

export const SCENARIO_ENTRIES: readonly ScenarioEntry[] = [
  SCHEDULE,
  MEETING_PREP,
  MY_TASKS,
  DEALS,
  DEAL_CARD,
  PIPELINE,
  BRIEFING,
  WEEKLY_REPORT,
  TEAM_STATUS,
  DAY_RESULTS,
  DAY_PLAN,
  MORNING_DIGEST,
  OVERDUE_ALERT,
  NEW_LEADS,
  EVENING_SUMMARY,
  DOSSIER,
  SEARCH,
  CONTACTS,
  QUERY,
  ABSENCE,
  PLAN,
  PLANS,
  DEALS_AT_RISK,
];

/** The views any scenario may return when a name matched several records or none. */
const SHARED_VIEWS: Renders = { choice: renderChoice, notFound: renderNotFound } satisfies Renders;

export interface Registry {
  entries: readonly ScenarioEntry[];
  entry(name: ScenarioName): ScenarioEntry;
  /** A view as one reply: its lines, its buttons, and the dashboard's button under the answers it continues. */
  renderView(view: ViewModel, language: Language): Reply[];
  statusFor(name: ScenarioName, language: Language): string;
  /** Whether a «📈 График» button goes under the scenario's view (it has a picture and a button code). */
  hasChartButton(name: ScenarioName): boolean;
  exportListOf(name: ScenarioName): ExportList | undefined;
  /** What a view shows of records (its list's lines, the one record it is about); empty for other views. */
  shownOf(view: ViewModel): Shown;
}

function rendersOf(entries: readonly ScenarioEntry[]): Map<string, Render> {
  const table = new Map<string, Render>(Object.entries(SHARED_VIEWS) as [string, Render][]);
  for (const entry of entries)
    for (const [view, render] of Object.entries(entry.views)) table.set(view, render as Render);
  return table;
}

/** What an entry lacks or repeats, in words for the one who adds a scenario; empty when the registry is whole. */
export function registryProblems(entries: readonly ScenarioEntry[]): string[] {
  const problems: string[] = [];
  const seen = (what: string, values: (string | null | undefined)[]) => {
    const counted = new Map<string, number>();
    for (const value of values) if (value) counted.set(value, (counted.get(value) ?? 0) + 1);
    for (const [value, times] of counted) if (times > 1) problems.push(`${what} ${value} is used ${times} times`);
  };
  seen(
    'the name',
    entries.map((entry) => entry.name),
  );
  seen(
    'the button code',
    entries.map((entry) => entry.code),
  );
  seen(
    'the view',
    entries.flatMap((entry) => Object.keys(entry.views)),
  );
  for (const entry of entries) {
    const about = `the scenario ${entry.name}`;
    if (entry.request.shape.scenario?.value !== entry.name) problems.push(`${about}: its request is not its own`);
    if (!entry.status.ru.trim() || !entry.status.en.trim()) problems.push(`${about}: status words in both languages`);
    if (entry.exportList && !EXPORT_LISTS.includes(entry.exportList)) problems.push(`${about}: an unknown export list`);
    for (const view of Object.keys(entry.shown ?? {}))
      if (!(view in entry.views)) problems.push(`${about}: it says what a view shows that it does not render`);
    for (const view of entry.underDashboard ?? [])
      if (!(view in entry.views)) problems.push(`${about}: the dashboard continues a view it does not render`);
  }
  return problems;
}

export function createRegistry(entries: readonly ScenarioEntry[]): Registry {
  const problems = registryProblems(entries);
  if (problems.length) throw new Error(`the scenario registry is not whole: ${problems.join('; ')}`);
  const byName = new Map<string, ScenarioEntry>(entries.map((entry) => [entry.name, entry]));
  const views = rendersOf(entries);
  const shown = new Map<string, ShownParts>(
    entries.flatMap((one) => Object.entries(one.shown ?? {}) as [string, ShownParts][]),
  );
  const dashboardViews = new Set(entries.flatMap((entry) => entry.underDashboard ?? []));
  const entry = (name: ScenarioName) => {
    const found = byName.get(name);
    if (!found) throw new Error(`no scenario named ${name} in the registry`);
    return found;
  };
  const pageOf = (view: ViewModel, language: Language): Page => {
    const render = views.get(view.view);
    if (!render) throw new Error(`no scenario renders the view ${view.view}`);
    return render(view as never, language);
  };
  return {
    entries,
    entry,
    renderView(view, language) {
      const page = pageOf(view, language);
      const buttons = (page.buttons ?? []).filter((row) => row.length > 0);
      const html = page.lines.join('\n');
      const dashboard = dashboardViews.has(view.view) ? { dashboardButton: DASHBOARD_OPEN_BUTTON[language] } : {};
      return [buttons.length > 0 ? { html, buttons, ...dashboard } : { html, ...dashboard }];
    },
    statusFor: (name, language) => entry(name).status[language],
    hasChartButton: (name) => Boolean(byName.get(name)?.chart && byName.get(name)?.code),
    exportListOf: (name) => byName.get(name)?.exportList,
    shownOf: (view) => shown.get(view.view)?.(view) ?? {},
  };
}

/** The product's registry. */
export const REGISTRY = createRegistry(SCENARIO_ENTRIES);

/** The view kinds the registry renders (for the completeness test). */
export const renderedViews = (registry: Registry): ViewKind[] => [...rendersOf(registry.entries).keys()] as ViewKind[];

/** A view as the director sees it: rendered, guarded and split. */
export const presentView = (view: ViewModel, language: Language): Reply[] =>
  presentReplies(REGISTRY.renderView(view, language), language);
