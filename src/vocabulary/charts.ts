// What a picture plots: plain series in the director's words (stage, manager and source names, local dates).
// Scenarios work them out (scenarios/files/chart-data.ts, scenarios/plan/plan-chart.ts); views/charts draws them.
import type { PlanPeriod } from './plan-view-model.ts';
import type { LocalDate } from './requests.ts';

export interface PlanChart {
  chart: 'plan';
  period: PlanPeriod;
  currency: string;
  /** The company first, then the managers by forecast. */
  rows: { name: string; plan?: number; fact: number; forecast: number }[];
}

export interface FunnelStage {
  name: string;
  count: number;
  amount: number;
}

export type ChartData =
  | { chart: 'funnel'; pipelineName: string; currency: string; stages: FunnelStage[] }
  | {
      chart: 'revenue';
      period: 'week' | 'month';
      currency: string;
      /** `label`: the period as the text view names it, when it has a name. */
      points: { start: LocalDate; label?: string; amount: number }[];
    }
  | {
      chart: 'leaderboard';
      from: LocalDate;
      currency: string;
      managers: { name: string; amount: number; count: number }[];
    }
  /** A source's name is empty when the lead has none. */
  | { chart: 'sources'; from: LocalDate; sources: { name: string; count: number }[] }
  | PlanChart;
