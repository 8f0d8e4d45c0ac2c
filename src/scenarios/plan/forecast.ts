// Plan against fact and where the period will land, by PRODUCT.md's definitions:
// run-rate = fact ÷ working days gone × working days in the period; weighted forecast = fact + Σ (sum × stage
// probability) over open deals expected to close in the rest of the period; gap = plan − forecast; pace
// needed = (plan − fact) ÷ working days left. One currency (the plan's); the others are named apart, never added.

import type { ForecastFigures, TimeShare } from '../../vocabulary/plan-view-model.ts';
import { sumsOf } from '../deals/open-deals.ts';
import type { PortalDeal } from '../portal-data.ts';
import { DEFAULT_PROBABILITIES, type StageOddsTable } from './stage-odds.ts';

export interface PlanTarget {
  amount: number;
  currency: string;
}

export interface WeightedDeal {
  deal: PortalDeal;
  probability: number;
  /** sum × probability. */
  weighted: number;
  /** Its stage's probability is the default one. */
  rough: boolean;
}

/** The figures of a forecast, with the deals behind it. */
export interface Forecast extends ForecastFigures {
  plan?: number;
  /** The open deals behind the forecast in the plan's currency, the biggest weighted value first. */
  deals: WeightedDeal[];
  /** The 3–5 of them that would close the gap (without a plan: the 3 that weigh most). */
  closers: WeightedDeal[];
}

export const currencyOf = (deal: PortalDeal): string => deal.CURRENCY_ID || 'RUB';

export function weigh(deal: PortalDeal, odds: StageOddsTable): WeightedDeal {
  const stage = odds.get(deal.STAGE_ID);
  const probability = stage?.probability ?? DEFAULT_PROBABILITIES[0];
  return { deal, probability, weighted: deal.OPPORTUNITY * probability, rough: stage?.rough ?? true };
}

/** The currency a forecast without a plan speaks: the one most was won in, else the one most is expected in. */
function mainCurrency(won: readonly PortalDeal[], open: readonly WeightedDeal[]): string {
  const fact = sumsOf(won.map((deal) => ({ currency: currencyOf(deal), amount: deal.OPPORTUNITY })));
  const expected = sumsOf(open.map((one) => ({ currency: currencyOf(one.deal), amount: one.weighted })));
  return fact[0]?.currency ?? expected[0]?.currency ?? 'RUB';
}

/** Enough deals that, if won, would bring the fact up to the plan: at least 3, at most 5. */
export function closersOf(deals: readonly WeightedDeal[], needed: number | undefined): WeightedDeal[] {
  if (needed === undefined || needed <= 0) return deals.slice(0, 3);
  const chosen: WeightedDeal[] = [];
  let covered = 0;
  for (const one of deals) {
    if (chosen.length >= 5 || (chosen.length >= 3 && covered >= needed)) break;
    chosen.push(one);
    covered += one.deal.OPPORTUNITY;
  }
  return chosen;
}

/**
 * The forecast from what was won in the period, the open deals expected to close in its rest and the stage
 * probabilities.
 */
export function forecastOf(input: {
  plan?: PlanTarget;
  won: readonly PortalDeal[];
  open: readonly PortalDeal[];
  odds: StageOddsTable;
  time: TimeShare;
  /** Without a plan: the currency to speak (default: the one most was won in). */
  currency?: string;
}): Forecast {
  const { plan, won, time } = input;
  const weighted = input.open
    .map((deal) => weigh(deal, input.odds))
    .sort((a, b) => b.weighted - a.weighted || a.deal.ID - b.deal.ID);
  const currency = plan?.currency ?? input.currency ?? mainCurrency(won, weighted);
  const mine = (deal: PortalDeal) => currencyOf(deal) === currency;
  const fact = won.filter(mine).reduce((sum, deal) => sum + deal.OPPORTUNITY, 0);
  const deals = weighted.filter((one) => mine(one.deal));
  const expected = deals.reduce((sum, one) => sum + one.weighted, 0);
  const forecast = fact + expected;
  const result: Forecast = {
    currency,
    fact,
    otherFact: sumsOf(
      won.filter((deal) => !mine(deal)).map((d) => ({ currency: currencyOf(d), amount: d.OPPORTUNITY })),
    ),
    time,
    expected,
    forecast,
    otherExpected: sumsOf(
      weighted
        .filter((one) => !mine(one.deal))
        .map((one) => ({ currency: currencyOf(one.deal), amount: one.weighted })),
    ),
    deals,
    closers: closersOf(deals, plan ? plan.amount - fact : undefined),
    rough: deals.some((one) => one.rough),
  };
  if (time.gone > 0) result.runRate = (fact / time.gone) * time.total;
  if (plan) {
    result.plan = plan.amount;
    result.gap = plan.amount - forecast;
    if (time.left > 0) result.paceNeeded = Math.max(0, plan.amount - fact) / time.left;
  }
  return result;
}
