// Plan against fact with the forecast, the plans set, and the deals at risk.

import { letters } from '../../letters.ts';
import { READS } from '../../vocabulary/catalogue.ts';
import { defineScenario, renders } from '../entry.ts';
import { SHOWN_RISKS } from '../shown-lists.ts';
import { planChart } from './plan-chart.ts';
import { dealsAtRiskView, planForecast, plansView } from './plan-scenarios.ts';
import { renderPlanForecast } from './plan-view.ts';
import { renderDealsAtRisk, renderPlans, renderPlanWho } from './risk-view.ts';

export const PLAN = defineScenario({
  name: 'plan',
  request: READS.plan,
  run: (context, request) => planForecast(context, context.book, request),
  views: renders({ planForecast: renderPlanForecast, planWho: renderPlanWho }),
  status: { ru: 'Считаю прогноз…', en: 'Working out the forecast…' },
  code: 'pl',
  namedBy: letters(
    /(?<![\p{L}\p{N}])(?:план|прогноз|угроз|риск|успеем|успева|plan|forecast|risk|target|quota|on\s+track)/iu,
  ),
  chart: async (context, view) => (view.view === 'planForecast' ? planChart(context, context.book, view) : undefined),
  exportList: 'forecast',
  underDashboard: ['planForecast'],
});

export const PLANS = defineScenario({
  name: 'plans',
  request: READS.plans,
  run: (context) => plansView(context, context.book),
  views: renders({ plans: renderPlans }),
  status: { ru: 'Смотрю планы…', en: 'Checking the plans…' },
  code: 'pls',
});

export const DEALS_AT_RISK = defineScenario({
  name: 'dealsAtRisk',
  request: READS.dealsAtRisk,
  run: (context, request) => dealsAtRiskView(context, request),
  views: renders({ dealsAtRisk: renderDealsAtRisk }),
  shown: { dealsAtRisk: SHOWN_RISKS },
  status: { ru: 'Ищу сделки под угрозой…', en: 'Looking for deals at risk…' },
  code: 'rk',
});
