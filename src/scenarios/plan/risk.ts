// Deals at risk. Definition: an open deal with at least one of: days in its current stage over twice the stage's
// median (stage history, last 12 months); no planned activity; the expected close date has passed; no activity
// for 14 days or more. Ranked by sum × the number of reasons.
import { DateTime } from 'luxon';
import type { RiskReason } from '../../vocabulary/plan-view-model.ts';
import type { PortalDeal } from '../portal-data.ts';
import { instantOf } from '../schedule/day-window.ts';
import type { StageOddsTable } from './stage-odds.ts';

/** Days without any activity after which a deal counts as left alone. */
export const SILENT_DAYS = 14;
const DAY_MS = 86_400_000;

export interface DealAtRisk {
  deal: PortalDeal;
  reasons: RiskReason[];
  /** sum × number of reasons. */
  weight: number;
}

export interface RiskSignals {
  odds: StageOddsTable;
  /** Deals with an activity not yet done. */
  planned: ReadonlySet<number>;
  /** Deal → the instant of its latest activity seen in the portal's activity list. */
  lastActivity: ReadonlyMap<number, number>;
  now: Date;
  timeZone: string;
}

const wholeDays = (from: number, to: number): number => Math.floor((to - from) / DAY_MS);

/** Why a deal is at risk; empty when it is not. */
export function riskReasons(deal: PortalDeal, signals: RiskSignals): RiskReason[] {
  const now = signals.now.getTime();
  const reasons: RiskReason[] = [];
  const usualDays = signals.odds.get(deal.STAGE_ID)?.usualDays;
  const enteredStage = [instantOf(deal.MOVED_TIME), instantOf(deal.DATE_CREATE)].find(Number.isFinite);
  if (usualDays !== undefined && enteredStage !== undefined) {
    const days = wholeDays(enteredStage, now);
    if (days > 2 * usualDays) reasons.push({ kind: 'slow', days, usualDays: Math.round(usualDays) });
  }
  if (!signals.planned.has(deal.ID)) reasons.push({ kind: 'nothingPlanned' });
  const closeDate = deal.CLOSEDATE ? DateTime.fromISO(deal.CLOSEDATE, { setZone: true }).toISODate() : null;
  const today = DateTime.fromJSDate(signals.now, { zone: signals.timeZone }).toISODate() ?? '';
  if (closeDate && closeDate < today) reasons.push({ kind: 'closeDatePassed', date: closeDate });
  const seen = [signals.lastActivity.get(deal.ID) ?? Number.NaN, instantOf(deal.LAST_ACTIVITY_TIME)].filter(
    Number.isFinite,
  );
  const lastTouch = seen.length > 0 ? Math.max(...seen) : (enteredStage ?? now);
  const silent = wholeDays(lastTouch, now);
  if (silent >= SILENT_DAYS) reasons.push({ kind: 'silent', days: silent });
  return reasons;
}

/** The open deals at risk, the heaviest first (sum × reasons), then the bigger sum. */
export function dealsAtRisk(deals: readonly PortalDeal[], signals: RiskSignals): DealAtRisk[] {
  const atRisk: DealAtRisk[] = [];
  for (const deal of deals) {
    if ((deal.STAGE_SEMANTIC_ID ?? 'P') !== 'P') continue;
    const reasons = riskReasons(deal, signals);
    if (reasons.length > 0) atRisk.push({ deal, reasons, weight: deal.OPPORTUNITY * reasons.length });
  }
  return atRisk.sort((a, b) => b.weight - a.weight || b.deal.OPPORTUNITY - a.deal.OPPORTUNITY || a.deal.ID - b.deal.ID);
}
