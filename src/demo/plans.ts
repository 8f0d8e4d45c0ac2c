// The demo company's plans, set as a director would have: this month's a little above where the month is heading
// (so the answer shows a gap, the pace needed and the deals that would close it), and «план Волкову на квартал
// 3 млн». Kept in the demo's own database, like any plan.
import { DateTime } from 'luxon';
import type { PortalClient } from '../portal/port.ts';
import { createScenarios } from '../scenarios/index.ts';
import { companyOf } from '../scenarios/plan/company.ts';
import type { Database } from '../storage/db.ts';
import { createPlanRepository } from '../storage/plans.ts';

const DIRECTOR = 1;
const VOLKOV = 27;
const MILLION = 1_000_000;

/** A plan a fifth above the forecast, in whole millions. */
const above = (forecast: number) => Math.max(MILLION, Math.ceil((forecast * 1.2) / MILLION) * MILLION);

export async function setDemoPlans(
  db: Database,
  portal: PortalClient,
  timeZone: string,
  now = new Date(),
): Promise<void> {
  const plans = createPlanRepository(db);
  const scenarios = createScenarios({ portal, now: () => now });
  const director = { portalUserId: DIRECTOR, timeZone, language: 'ru' as const };
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const company = companyOf(portal);
  const setAt = (kind: 'month' | 'quarter') => local.startOf(kind).plus({ hours: 10 }).toJSDate();
  const month = await scenarios.run(director, { scenario: 'plan', kind: 'month' });
  if (month?.view === 'planForecast') {
    await plans.save({
      company,
      period: { kind: 'month', start: local.startOf('month').toISODate() ?? '' },
      amount: above(month.forecast),
      currency: month.currency,
      setBy: DIRECTOR,
      setAt: setAt('month'),
    });
  }
  await plans.save({
    company,
    period: { kind: 'quarter', start: local.startOf('quarter').toISODate() ?? '' },
    managerId: VOLKOV,
    amount: 3 * MILLION,
    currency: 'RUB',
    setBy: DIRECTOR,
    setAt: setAt('quarter'),
  });
}
