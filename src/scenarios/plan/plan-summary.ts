// One plan line for the morning briefing and the weekly report: the company's plan of the current month (else of
// the quarter, else of the year), with the fact and the forecast. Nothing, and no portal request, without a plan.
import { DateTime } from 'luxon';
import type { PlanSummary } from '../../vocabulary/plan-view-model.ts';
import { PERIOD_KINDS } from '../../vocabulary/plan-view-model.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { forecastOf } from './forecast.ts';
import { periodAt, timeShare } from './periods.ts';
import { readForecastData } from './plan-reads.ts';
import type { PlanBook } from './plan-scenarios.ts';

export async function planSummary(context: ScenarioContext, book: PlanBook): Promise<PlanSummary | undefined> {
  if (!book.plans) return undefined;
  const local = DateTime.fromJSDate(context.now, { zone: context.director.timeZone });
  for (const kind of PERIOD_KINDS) {
    const period = periodAt(kind, local);
    const plan = await book.plans.find(book.company, period);
    if (!plan) continue;
    const forecast = forecastOf({
      ...(await readForecastData(context, period)),
      plan: { amount: plan.amount, currency: plan.currency },
      time: timeShare(period, context.now, context.director.timeZone),
    });
    return { period, plan: plan.amount, currency: plan.currency, fact: forecast.fact, forecast: forecast.forecast };
  }
  return undefined;
}

/** The briefing (not the day plan) and the weekly report with their plan line, when a plan exists. */
export async function withPlanLine(
  context: ScenarioContext,
  book: PlanBook,
  view: ViewModel | null,
): Promise<ViewModel | null> {
  const planned = view && ((view.view === 'briefing' && view.digest !== 'dayPlan') || view.view === 'weeklyReport');
  if (!planned) return view;
  const summary = await planSummary(context, book);
  return summary ? { ...view, plan: summary } : view;
}
