// The plan's picture: plan, fact and forecast of the company and of each manager with deals in the period, from
// the same reads as the forecast (grouped here by manager, no request more).

import type { PlanChart } from '../../vocabulary/charts.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { currencyOf, forecastOf } from './forecast.ts';
import { timeShare } from './periods.ts';
import { readForecastData } from './plan-reads.ts';
import type { PlanBook } from './plan-scenarios.ts';

export async function planChart(
  context: ScenarioContext,
  book: PlanBook,
  view: Extract<ViewModel, { view: 'planForecast' }>,
): Promise<PlanChart> {
  const { period, currency } = view;
  const data = await readForecastData(context, period, view.manager?.id);
  const time = timeShare(period, context.now, context.director.timeZone);
  const managers = [
    ...new Set(
      [...data.won, ...data.open].filter((deal) => currencyOf(deal) === currency).map((d) => d.ASSIGNED_BY_ID ?? 0),
    ),
  ];
  const people = await context.names.users(managers);
  const rows = await Promise.all(
    managers.map(async (id) => {
      const mine = (deals: typeof data.won) => deals.filter((deal) => (deal.ASSIGNED_BY_ID ?? 0) === id);
      const plan = await book.plans?.find(book.company, period, id);
      const forecast = forecastOf({ ...data, won: mine(data.won), open: mine(data.open), time, currency });
      return {
        name: people.get(id)?.name || '—',
        ...(plan && plan.currency === currency ? { plan: plan.amount } : {}),
        fact: forecast.fact,
        forecast: forecast.forecast,
      };
    }),
  );
  rows.sort((a, b) => b.forecast - a.forecast || a.name.localeCompare(b.name, 'ru'));
  const whole = {
    name: view.manager?.name || (context.director.language === 'ru' ? 'Компания' : 'Company'),
    ...(view.plan ? { plan: view.plan.amount.amount } : {}),
    fact: view.fact,
    forecast: view.forecast,
  };
  return { chart: 'plan', period, currency, rows: view.manager ? [whole] : [whole, ...rows] };
}
