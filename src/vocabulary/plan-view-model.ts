// What the plan's views show: plain data in the director's words (names, local dates), no codes.

import type { Forecast } from '../scenarios/plan/forecast.ts';
import type { PlanPeriod } from '../scenarios/plan/periods.ts';
import type { RiskReason } from '../scenarios/plan/risk.ts';
import type { Amount, DealItem, Moment, Person } from './view-models.ts';

/** An open deal behind the forecast: its sum weighed by its stage's probability. */
export interface ForecastDealItem extends DealItem {
  /** 0…1. */
  probability: number;
  weighted: number;
  /** The expected close date, a local date. */
  closeDate?: string;
}

/** A plan as shown: the target, and who set it when. */
export interface PlanLine {
  period: PlanPeriod;
  manager?: Person;
  amount: Amount;
  setBy?: Person;
  /** ISO date-time in the director's zone. */
  setAt: string;
}

export interface StageNote {
  name: string;
  probability: number;
  /** Closed deals behind it; fewer than 10: the default. */
  closedDeals: number;
  rough: boolean;
}

/** The forecast's own figures, as computed (forecast.ts): the view shows them as they are. */
type ForecastFigures = Omit<Forecast, 'plan' | 'deals' | 'closers'>;

export type PlanViewBody =
  | ({
      view: 'planForecast';
      at: Moment;
      period: PlanPeriod;
      manager?: Person;
      /** «почему такой прогноз?»: the three lines that explain it. */
      why?: boolean;
      plan?: PlanLine;
      /** How many open deals are behind `expected`. */
      dealsCount: number;
      closers: ForecastDealItem[];
      /** The stages of the deals behind the forecast, with their probabilities. */
      stages: StageNote[];
    } & ForecastFigures)
  | { view: 'dealsAtRisk'; at: Moment; manager?: Person; deals: { items: RiskItem[]; total: number } }
  | { view: 'plans'; at: Moment; plans: PlanLine[] }
  /** A manager's name that fits nobody, or several people (each a button). */
  | { view: 'planWho'; at: Moment; said: string; about: 'plan' | 'risk'; people: Person[] };

export interface RiskItem extends DealItem {
  reasons: RiskReason[];
}

/** The one plan line of the briefing and the weekly report. */
export interface PlanSummary {
  period: PlanPeriod;
  plan: number;
  currency: string;
  fact: number;
  forecast: number;
}
