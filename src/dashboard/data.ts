// What the dashboard shows, read through the very questions the chat answers («воронка» by stage, «рейтинг
// менеджеров», «у кого просроченные задачи», «встречи сегодня»): the same scenarios, the same batches, the same
// definitions. Plan and forecast, deals at risk and alerts come from providers the app hands in when it has them.
import { DateTime } from 'luxon';
import { sumsOf } from '../scenarios/deals/open-deals.ts';
import type { Scenarios } from '../scenarios/index.ts';
import type { Stage } from '../scenarios/names.ts';
import type { Director } from '../vocabulary/director.ts';
import { type Period, periodOf, type Query } from '../vocabulary/query.ts';
import type { Amount, GroupRow, Person, ViewModel } from '../vocabulary/view-models.ts';

export const PERIOD_CHOICES = ['month', 'lastMonth', 'quarter', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

/** The page's filters: a period and, when chosen, one manager. */
export interface DashboardFilters {
  period: PeriodChoice;
  /** The custom period's days (local dates, both included). */
  from?: string;
  to?: string;
  managerId?: number;
}

/** Plan, fact and forecast of a period, as the plan feature computes them (PRODUCT.md, «Plan» and after). */
export interface PlanFigures {
  /** Absent when no plan is set for the period: fact and forecast stand alone. */
  plan?: Amount;
  fact: Amount;
  forecast: Amount;
  /** Each manager's own plan for the period (their share of the company's), by portal user id. */
  managerPlans?: Record<number, Amount>;
}

export interface RiskyDeal {
  id: number;
  title: string;
  amount: Amount;
  /** Why it is at risk, in the director's words. */
  reasons: string[];
}

/** The deals at risk the page shows: the heaviest few, and how many and how much there are in all. */
export interface RiskyDeals {
  deals: RiskyDeal[];
  total: number;
  sums: Amount[];
}

export interface AlertLine {
  at: string;
  text: string;
}

/**
 * What other features add to the dashboard once they exist; each one is simply absent until the app wires it.
 * Each reads with the same director's workspace, so it shows only what that director may see.
 */
export interface DashboardSources {
  forecast?(
    director: Director,
    period: Period,
    managerId?: number,
    choice?: PeriodChoice,
  ): Promise<PlanFigures | undefined>;
  dealsAtRisk?(director: Director, managerId?: number): Promise<RiskyDeals>;
  latestAlerts?(director: Director): Promise<AlertLine[]>;
}

/** One number and the question whose answer lists what it counts. */
export interface Counted {
  label: string;
  count: number;
  sums: Amount[];
  list: Query;
  /** A person's row: the manager it is about. */
  personId?: number;
}

export interface DashboardData {
  period: Period;
  today: string;
  managers: Person[];
  managerId?: number;
  /** Won in the period (the leaderboard's total): the fact, with or without a plan. */
  earned: Counted;
  plan?: PlanFigures;
  stages: Counted[];
  leaders: Counted[];
  overdue: Counted[];
  meetings: Extract<ViewModel, { view: 'query' }>;
  atRisk?: RiskyDeals;
  alerts?: AlertLine[];
  /** The heavy parts still being read: the page says so and shows the rest. */
  pending: HeavyPart[];
}

/** The period a filter names, in the director's zone; a custom one within a year, its days in order. */
export function periodOfFilters(filters: DashboardFilters, now: Date, timeZone: string): Period {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  switch (filters.period) {
    case 'lastMonth': {
      const start = today.startOf('month').minus({ months: 1 });
      return periodOf(start, start.endOf('month').startOf('day'));
    }
    case 'quarter':
      return periodOf(today.startOf('quarter'), today);
    case 'custom': {
      const from = DateTime.fromISO(filters.from ?? '', { zone: timeZone });
      const to = DateTime.fromISO(filters.to ?? '', { zone: timeZone });
      if (!from.isValid || !to.isValid) return periodOf(today.startOf('month'), today);
      const [first, last] = from <= to ? [from, to] : [to, from];
      return periodOf(DateTime.max(first, last.minus({ years: 1 })), last);
    }
    default:
      return periodOf(today.startOf('month'), today);
  }
}

const queryView = (view: ViewModel | null) => {
  if (view?.view !== 'query') throw new Error(`the dashboard asked a question and got ${view?.view ?? 'nothing'}`);
  return view;
};

const groupsOf = (view: ViewModel | null): GroupRow[] => {
  const { result } = queryView(view);
  return result.kind === 'groups' ? result.rows : [];
};

/** A manager's row of a grouped answer: the same question about that manager alone lists it. */
const personRow = (row: GroupRow, question: Query): Counted => ({
  label: row.label,
  count: row.count,
  sums: row.sums,
  list: { ...question, groupBy: undefined, person: `#${row.key}` },
  personId: Number(row.key),
});

/** The parts that read a whole list of deals: the rest of the page does not wait for them. */
export const HEAVY_PARTS = ['funnel', 'plan', 'atRisk'] as const;
export type HeavyPart = (typeof HEAVY_PARTS)[number];

interface Questions {
  who?: string;
  funnel: Query;
  leaders: Query;
  overdue: Query;
}

/** The light parts, read together: names, the day, the leaderboard, overdue tasks, alerts. */
interface LightParts {
  leadersView: ViewModel | null;
  overdueView: ViewModel | null;
  meetings: ViewModel | null;
  stages: Stage[];
  profiles: { ID: number }[];
  people: Map<number, Person>;
  alerts?: AlertLine[];
}

interface HeavyParts {
  funnel?: ViewModel | null;
  plan?: { figures?: PlanFigures; people: Map<number, Person> };
  atRisk?: RiskyDeals;
}

/**
 * Every section, its reads sent at one moment (the scenarios' batches go out together, the name caches load once
 * for all). `progress` hears what is read so far, the light parts first, while the heavy ones are still read.
 */
export async function readDashboard(
  scenarios: Scenarios,
  director: Director,
  filters: DashboardFilters,
  now: Date,
  sources: DashboardSources = {},
  progress?: (data: DashboardData) => void,
): Promise<DashboardData> {
  const period = periodOfFilters(filters, now, director.timeZone);
  const who = filters.managerId ? `#${filters.managerId}` : undefined;
  const ask = (query: Query) => scenarios.run(director, { scenario: 'query', query });
  const pipelines = await scenarios.names.pipelines();
  // The main pipeline's funnel, as «воронка» shows it; a portal whose main pipeline has no name needs no filter.
  const main = pipelines.find((pipeline) => pipeline.id === 0)?.name;
  const questions: Questions = {
    who,
    funnel: { subject: 'deals', status: 'open', groupBy: 'stage', person: who, pipeline: main || undefined },
    leaders: { subject: 'deals', status: 'won', groupBy: 'manager', period },
    overdue: { subject: 'tasks', status: 'overdue', groupBy: 'manager', person: who ?? 'team' },
  };
  const heavy: HeavyParts = {};
  let light: LightParts | undefined;
  const pending = () => HEAVY_PARTS.filter((part) => !(part in heavy));
  const whole = () => assemble(light!, heavy, pending(), filters, period, questions);
  // Each heavy part as it comes; nothing after the last one, which the answer itself brings.
  const arrived = <K extends HeavyPart>(part: K, value: HeavyParts[K]) => {
    heavy[part] = value;
    if (light && progress && pending().length) progress(whole());
  };
  const heavyReads = Promise.all([
    ask(questions.funnel).then((view) => arrived('funnel', view)),
    Promise.resolve(sources.forecast?.(director, period, filters.managerId, filters.period))
      .then(async (figures) => ({ figures, people: await scenarios.names.users(plannedIn(figures)) }))
      .then((plan) => arrived('plan', plan)),
    Promise.resolve(sources.dealsAtRisk?.(director, filters.managerId)).then((risks) => arrived('atRisk', risks)),
  ]);
  // A heavy read that fails while the light ones are read is reported by the await below, not lost.
  heavyReads.catch(() => undefined);
  const [leadersView, overdueView, meetings, stages, profiles, alerts] = await Promise.all([
    ask(questions.leaders),
    ask(questions.overdue),
    ask({ subject: 'meetings', person: who }),
    scenarios.names.stages(0),
    scenarios.names.profiles(),
    sources.latestAlerts?.(director),
  ]);
  const people = await scenarios.names.users(profiles.map((profile) => profile.ID));
  light = { leadersView, overdueView, meetings, stages, profiles, people, ...(alerts ? { alerts } : {}) };
  if (progress && pending().length) progress(whole());
  await heavyReads;
  return whole();
}

const plannedIn = (figures: PlanFigures | undefined) => Object.keys(figures?.managerPlans ?? {}).map(Number);

function assemble(
  light: LightParts,
  heavy: HeavyParts,
  pending: HeavyPart[],
  filters: DashboardFilters,
  period: Period,
  questions: Questions,
): DashboardData {
  const plan = heavy.plan?.figures;
  const people = new Map([...light.people, ...(heavy.plan?.people ?? [])]);
  const winners = groupsOf(light.leadersView).map((row) => personRow(row, questions.leaders));
  const leaderRows = [...winners, ...nothingWonYet(plannedIn(plan), winners, people, questions.leaders)];
  const chosen = leaderRows.filter((row) => !filters.managerId || row.personId === filters.managerId);
  const byStage = new Map((heavy.funnel ? groupsOf(heavy.funnel) : []).map((row) => [row.key, row]));
  return {
    period,
    today: queryView(light.meetings).at.today,
    // The manager filter offers the active staff, by name.
    managers: light.profiles
      .flatMap((profile) => light.people.get(profile.ID) ?? [])
      .sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    ...(filters.managerId ? { managerId: filters.managerId } : {}),
    earned: {
      label: '',
      count: chosen.reduce((sum, row) => sum + row.count, 0),
      sums: sumsOf(chosen.flatMap((row) => row.sums)),
      list: { ...questions.leaders, groupBy: undefined, person: questions.who },
    },
    ...(plan ? { plan } : {}),
    // Every open stage in the pipeline's order, an empty one too: a funnel with a missing step misleads.
    stages: heavy.funnel
      ? light.stages
          .filter((stage) => stage.semantics === 'process')
          .map((stage) => ({
            label: stage.name,
            count: byStage.get(stage.id)?.count ?? 0,
            sums: byStage.get(stage.id)?.sums ?? [],
            list: { ...questions.funnel, groupBy: undefined, stage: stage.name },
          }))
      : [],
    leaders: leaderRows,
    overdue: groupsOf(light.overdueView).map((row) => personRow(row, questions.overdue)),
    meetings: queryView(light.meetings),
    ...(heavy.atRisk ? { atRisk: heavy.atRisk } : {}),
    ...(light.alerts ? { alerts: light.alerts } : {}),
    pending,
  };
}

/** Managers with a plan for the period and nothing won in it yet: their 0% belongs on the leaderboard too. */
function nothingWonYet(planned: number[], winners: Counted[], people: Map<number, Person>, question: Query): Counted[] {
  const won = new Set(winners.map((row) => row.personId));
  return planned
    .filter((id) => !won.has(id))
    .map((id) => ({
      label: people.get(id)?.name ?? '',
      count: 0,
      sums: [],
      list: { ...question, groupBy: undefined, person: `#${id}` },
      personId: id,
    }));
}
