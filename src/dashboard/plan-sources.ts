// The plan feature's parts of the dashboard: plan, fact and forecast of the chosen period and the deals at risk,
// read through the chat's own «как идём по плану?» and «какие сделки под угрозой?», so both show one number.
import { DateTime } from 'luxon';
import { sumsOf } from '../scenarios/deals/open-deals.ts';
import type { Scenarios } from '../scenarios/index.ts';
import type { PlanBook } from '../scenarios/plan/plan-scenarios.ts';
import { reasonText } from '../scenarios/plan/risk-view.ts';
import { dataMark } from '../views/html.ts';
import type { Director } from '../vocabulary/director.ts';
import type { PlanPeriod } from '../vocabulary/plan-view-model.ts';
import type { Period } from '../vocabulary/query.ts';
import type { Amount } from '../vocabulary/view-models.ts';
import type { DashboardSources, PeriodChoice, PlanFigures, RiskyDeals } from './data.ts';

/**
 * The plan period of the page's filter: this or last month, this quarter; a custom stretch only when it is a
 * whole month or quarter (a plan is set for those, never for any run of days).
 */
export function planPeriodOf(period: Period, choice?: PeriodChoice): PlanPeriod | undefined {
  if (choice === 'month' || choice === 'lastMonth') return { kind: 'month', start: period.from };
  if (choice === 'quarter') return { kind: 'quarter', start: period.from };
  const from = DateTime.fromISO(period.from);
  const to = DateTime.fromISO(period.to);
  if (!from.isValid || !to.isValid) return undefined;
  const whole = (unit: 'month' | 'quarter') =>
    from.hasSame(from.startOf(unit), 'day') && to.hasSame(from.endOf(unit), 'day');
  if (whole('month')) return { kind: 'month', start: period.from };
  if (whole('quarter')) return { kind: 'quarter', start: period.from };
  return undefined;
}

/** The managers' own plans for the period (the company's plan shared out), by portal user id. */
async function managerPlans(book: Required<PlanBook>, period: PlanPeriod): Promise<Record<number, Amount>> {
  // The plans running on the period's first day or later: the period's own are among them.
  const kept = await book.plans.current(book.company, period.start);
  return Object.fromEntries(
    kept
      .filter((plan) => plan.period.kind === period.kind && plan.period.start === period.start)
      .flatMap((plan) =>
        plan.managerId === undefined ? [] : [[plan.managerId, { amount: plan.amount, currency: plan.currency }]],
      ),
  );
}

async function forecast(
  scenarios: Scenarios,
  book: Required<PlanBook>,
  director: Director,
  period: Period,
  managerId?: number,
  choice?: PeriodChoice,
): Promise<PlanFigures | undefined> {
  const planPeriod = planPeriodOf(period, choice);
  if (!planPeriod) return undefined;
  const [view, shares] = await Promise.all([
    scenarios.run(director, { scenario: 'plan', ...planPeriod, ...(managerId ? { managerId } : {}) }),
    managerPlans(book, planPeriod),
  ]);
  if (view?.view !== 'planForecast') return undefined;
  const { currency } = view;
  return {
    ...(view.plan ? { plan: view.plan.amount } : {}),
    ...(Object.keys(shares).length ? { managerPlans: shares } : {}),
    fact: { amount: view.fact, currency },
    // A weighted sum has kopecks nobody plans by: whole roubles, as the chat shows it.
    forecast: { amount: Math.round(view.forecast), currency },
  };
}

/** The deals at risk the page lists, as the chat's first page does; a big portal has thousands. */
export const RISKS_SHOWN = 10;

async function dealsAtRisk(scenarios: Scenarios, director: Director, managerId?: number): Promise<RiskyDeals> {
  const view = await scenarios.run(director, { scenario: 'dealsAtRisk', ...(managerId ? { managerId } : {}) });
  if (view?.view !== 'dealsAtRisk') return { deals: [], total: 0, sums: [] };
  // The page shows plain text: portal text is marked as data, not escaped.
  const stage = (name: string) => dataMark(name);
  const { items, total } = view.deals;
  return {
    deals: items.slice(0, RISKS_SHOWN).map((deal) => ({
      id: deal.id,
      title: deal.title,
      amount: deal.amount,
      reasons: deal.reasons.map((reason) => reasonText(reason, stage(deal.stageName), director.language)),
    })),
    total,
    sums: sumsOf(items.map((deal) => deal.amount)),
  };
}

/** What the plan feature adds to a director's dashboard, through that director's own scenarios and company's plans. */
export function planSources(scenarios: Scenarios, book: Required<PlanBook>): DashboardSources {
  return {
    forecast: (director, period, managerId, choice) => forecast(scenarios, book, director, period, managerId, choice),
    dealsAtRisk: (director, managerId) => dealsAtRisk(scenarios, director, managerId),
  };
}
