// Sales plans, kept by the assistant: per company (the portal), per period, for the company or one manager.
import { lastDayOf, type PlanPeriod } from '../vocabulary/plan-view-model.ts';
import type { Database } from './db.ts';

export interface SalesPlan {
  /** The portal's address: plans never cross between companies. */
  company: string;
  period: PlanPeriod;
  /** Absent: the whole company's plan. */
  managerId?: number;
  amount: number;
  currency: string;
  /** The portal user who set it. */
  setBy: number;
  setAt: Date;
}

export interface PlanRepository {
  /** Sets the plan, or replaces the one of the same company, period and manager. */
  save(plan: SalesPlan): Promise<void>;
  find(company: string, period: PlanPeriod, managerId?: number): Promise<SalesPlan | undefined>;
  /** The plans of periods that end on or after a local day, nearest first, the company's before the managers'. */
  current(company: string, fromDay: string): Promise<SalesPlan[]>;
}

interface PlanRow {
  company: string;
  period_kind: PlanPeriod['kind'];
  period_start: string;
  manager_id: number;
  amount: number;
  currency: string;
  set_by: number;
  set_at: number;
}

const toPlan = (row: PlanRow): SalesPlan => ({
  company: row.company,
  period: { kind: row.period_kind, start: row.period_start },
  ...(row.manager_id > 0 ? { managerId: row.manager_id } : {}),
  amount: row.amount,
  currency: row.currency,
  setBy: row.set_by,
  setAt: new Date(row.set_at),
});

const columns = 'company, period_kind, period_start, manager_id, amount, currency, set_by, set_at';

export function createPlanRepository(db: Database): PlanRepository {
  return {
    async save(plan) {
      await db.run(
        `INSERT INTO sales_plans (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (company, period_kind, period_start, manager_id) DO UPDATE SET
           amount = excluded.amount, currency = excluded.currency, set_by = excluded.set_by, set_at = excluded.set_at`,
        [
          plan.company,
          plan.period.kind,
          plan.period.start,
          plan.managerId ?? 0,
          plan.amount,
          plan.currency,
          plan.setBy,
          plan.setAt.getTime(),
        ],
      );
    },
    async find(company, period, managerId) {
      const row = await db.get<PlanRow>(
        `SELECT ${columns} FROM sales_plans
         WHERE company = ? AND period_kind = ? AND period_start = ? AND manager_id = ?`,
        [company, period.kind, period.start, managerId ?? 0],
      );
      return row && toPlan(row);
    },
    async current(company, fromDay) {
      const rows = await db.all<PlanRow>(
        `SELECT ${columns} FROM sales_plans WHERE company = ? ORDER BY period_start, manager_id`,
        [company],
      );
      // A period still running or to come: its last day is not before `fromDay` (few rows: compared here).
      return rows.map(toPlan).filter((plan) => lastDayOf(plan.period) >= fromDay);
    },
  };
}
