// What the plan's views show: plain data in the director's words (names, local dates), no codes.

import { DateTime } from 'luxon';
import type { Amount, DealItem, Moment, Person } from './view-models.ts';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period by its first day: `{ kind: 'quarter', start: '2026-10-01' }`. */
export interface PlanPeriod {
  kind: PeriodKind;
  /** The period's first local day, `YYYY-MM-DD`. */
  start: string;
}

/** The period's last local day. */
export const lastDayOf = (period: PlanPeriod): string =>
  DateTime.fromISO(period.start)
    .plus({ [`${period.kind}s`]: 1 })
    .minus({ days: 1 })
    .toISODate() ?? period.start;

export interface TimeShare {
  /** Working days in the whole period. */
  total: number;
  gone: number;
  left: number;
}

export type RiskReason =
  /** Longer in the stage than twice its usual time. */
  | { kind: 'slow'; days: number; usualDays: number }
  | { kind: 'nothingPlanned' }
  /** The expected close date (a local date) is behind. */
  | { kind: 'closeDatePassed'; date: string }
  | { kind: 'silent'; days: number };

/** Plan against fact and where the period will land, as a view shows them (forecast.ts works them out). */
export interface ForecastFigures {
  currency: string;
  fact: number;
  /** Won in other currencies. */
  otherFact: Amount[];
  time: TimeShare;
  /** Undefined before the first working day is over. */
  runRate?: number;
  /** Σ sum × probability of the open deals in the plan's currency. */
  expected: number;
  forecast: number;
  /** The weighted open deals in other currencies. */
  otherExpected: Amount[];
  /** plan − forecast: above zero a shortfall, below it a surplus. */
  gap?: number;
  /** Per working day left; undefined when none is left. */
  paceNeeded?: number;
  /** Some probability behind the forecast is a default: the estimate is rough. */
  rough: boolean;
}

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
