// The month's forecast on a company with a known history: every figure computed here again from the list of
// deals the company was built from, not by the product's functions.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../../src/demo-portal/server.ts';
import { createPortalClient } from '../../../src/portal/client.ts';
import { contextFor } from '../../../src/scenarios/context.ts';
import { createNameDirectory } from '../../../src/scenarios/names.ts';
import { forecastOf } from '../../../src/scenarios/plan/forecast.ts';
import { shiftPeriod, timeShare } from '../../../src/scenarios/plan/periods.ts';
import { readForecastData } from '../../../src/scenarios/plan/plan-reads.ts';
import type { PlanPeriod } from '../../../src/vocabulary/plan-view-model.ts';
import { type KnownDeal, knownDeals, plantKnownDeals } from './known-company.ts';

const NOW = new Date('2026-12-16T12:00:00Z'); // Wednesday, 15:00 in Moscow
const DAY = 86_400_000;
const ZONE = 'Europe/Moscow';
const DECEMBER: PlanPeriod = { kind: 'month', start: '2026-12-01' };
const DEFAULTS = [0.1, 0.25, 0.4, 0.6, 0.8];

let demo: DemoPortal;
let deals: KnownDeal[];

beforeAll(async () => {
  demo = await startDemoPortal({ port: 0, now: () => NOW, rateLimit: false });
  deals = knownDeals(NOW.getTime());
  plantKnownDeals(demo.data, deals);
});
afterAll(() => demo.close());

function contextAt(now: Date, timeZone = ZONE) {
  const portal = createPortalClient({
    webhookUrl: demo.webhookUrl,
    retries: 0,
    rateLimit: { perSecond: 1e4, burst: 1e4 },
  });
  const names = createNameDirectory(portal, { now: () => now });
  return contextFor({ portal, names, pages: new Map() }, { portalUserId: 1, timeZone, language: 'ru' }, now);
}

/** Monday to Friday between two UTC dates of the calendar, counted day by day. */
function weekdays(from: string, toExclusive: string): number {
  let count = 0;
  for (let day = Date.parse(`${from}T00:00:00Z`); day < Date.parse(`${toExclusive}T00:00:00Z`); day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** Of the deals closed within the year that went through this position, the share won; few → the default. */
function expectedProbability(position: number): { probability: number; rough: boolean } {
  const yearAgo = NOW.getTime() - 365 * DAY;
  const closed = deals.filter(
    (deal) =>
      deal.outcome !== 'open' &&
      (deal.closedAt ?? 0) >= yearAgo &&
      deal.path.some((step) => step.position === position),
  );
  if (closed.length < 10) return { probability: DEFAULTS[position]!, rough: true };
  return { probability: closed.filter((deal) => deal.outcome === 'won').length / closed.length, rough: false };
}

function expectedFigures(manager?: number, plan?: number) {
  const mine = (deal: KnownDeal) => manager === undefined || deal.manager === manager;
  const decemberStart = Date.parse('2026-11-30T21:00:00Z');
  const fact = deals
    .filter((d) => mine(d) && d.outcome === 'won' && d.currency === 'RUB' && (d.closedAt ?? 0) >= decemberStart)
    .reduce((sum, d) => sum + d.amount, 0);
  const open = deals.filter(
    (d) =>
      mine(d) &&
      d.outcome === 'open' &&
      d.currency === 'RUB' &&
      d.closeDate >= '2026-12-16' &&
      d.closeDate <= '2026-12-31',
  );
  const expected = open.reduce(
    (sum, d) => sum + d.amount * expectedProbability(d.path.at(-1)!.position).probability,
    0,
  );
  const total = weekdays('2026-12-01', '2027-01-01');
  const gone = weekdays('2026-12-01', '2026-12-16');
  return {
    fact,
    total,
    gone,
    runRate: (fact / gone) * total,
    forecast: fact + expected,
    gap: plan === undefined ? undefined : plan - (fact + expected),
    pace: plan === undefined ? undefined : (plan - fact) / (total - gone),
    openIds: open.map((d) => d.id).sort(),
  };
}

describe('the month’s forecast', () => {
  it('learns each stage’s probability from the year’s history, and falls back to the default with few deals', async () => {
    const data = await readForecastData(contextAt(NOW), DECEMBER);
    const stages = ['NEW', 'PREPARATION', 'PREPAYMENT_INVOICE', 'EXECUTING', 'FINAL_INVOICE'];
    stages.forEach((stageId, position) => {
      const expected = expectedProbability(position);
      expect(data.odds.get(stageId)?.probability, stageId).toBeCloseTo(expected.probability, 10);
      expect(data.odds.get(stageId)?.rough, stageId).toBe(expected.rough);
    });
    // The history has both kinds: learned stages and a rough one.
    expect(stages.map((id) => data.odds.get(id)?.rough)).toContain(true);
    expect(stages.map((id) => data.odds.get(id)?.rough)).toContain(false);
  });

  it('computes fact, run-rate, forecast, gap and pace needed for the company against a plan', async () => {
    const context = contextAt(NOW);
    const data = await readForecastData(context, DECEMBER);
    const plan = 12_000_000;
    const forecast = forecastOf({
      ...data,
      plan: { amount: plan, currency: 'RUB' },
      time: timeShare(DECEMBER, NOW, ZONE),
    });
    const expected = expectedFigures(undefined, plan);
    expect(forecast.fact).toBe(expected.fact);
    expect(forecast.time).toEqual({ total: expected.total, gone: expected.gone, left: expected.total - expected.gone });
    expect(forecast.runRate).toBeCloseTo(expected.runRate, 6);
    expect(forecast.forecast).toBeCloseTo(expected.forecast, 6);
    expect(forecast.gap).toBeCloseTo(expected.gap!, 6);
    expect(forecast.paceNeeded).toBeCloseTo(expected.pace!, 6);
    expect(forecast.deals.map((one) => one.deal.ID).sort()).toEqual(expected.openIds);
    // Dollars are named apart, never added in.
    expect(forecast.otherFact).toEqual([{ currency: 'USD', amount: 10_000 }]);
    expect(forecast.otherExpected.map((one) => one.currency)).toEqual(['USD']);
    // The deals that would close the gap: 3 to 5, by weighted value.
    expect(forecast.closers.length).toBeGreaterThanOrEqual(3);
    expect(forecast.closers.length).toBeLessThanOrEqual(5);
    const weights = forecast.closers.map((one) => one.weighted);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('computes one manager’s figures, and zeros for a manager with no deals', async () => {
    for (const manager of [3, 4]) {
      const data = await readForecastData(contextAt(NOW), DECEMBER, manager);
      const forecast = forecastOf({ ...data, time: timeShare(DECEMBER, NOW, ZONE) });
      const expected = expectedFigures(manager);
      expect(forecast.fact, `manager ${manager}`).toBe(expected.fact);
      expect(forecast.forecast, `manager ${manager}`).toBeCloseTo(expected.forecast, 6);
    }
    const nobody = forecastOf({
      ...(await readForecastData(contextAt(NOW), DECEMBER, 5)),
      plan: { amount: 1_000_000, currency: 'RUB' },
      time: timeShare(DECEMBER, NOW, ZONE),
    });
    expect(nobody).toMatchObject({ fact: 0, forecast: 0, gap: 1_000_000, runRate: 0, closers: [], otherFact: [] });
  });

  it('counts today as gone only after 18:00 in the director’s own zone', () => {
    const evening = new Date('2026-12-16T16:00:00Z'); // 19:00 in Moscow, 11:00 in New York
    expect(timeShare(DECEMBER, NOW, ZONE).gone).toBe(weekdays('2026-12-01', '2026-12-16'));
    expect(timeShare(DECEMBER, evening, ZONE).gone).toBe(weekdays('2026-12-01', '2026-12-17'));
    expect(timeShare(DECEMBER, evening, 'America/New_York').gone).toBe(weekdays('2026-12-01', '2026-12-16'));
    // A weekend evening adds nothing.
    expect(timeShare(DECEMBER, new Date('2026-12-19T17:00:00Z'), ZONE).gone).toBe(weekdays('2026-12-01', '2026-12-19'));
  });

  it('reads a period that started in another year: last month, asked in January', async () => {
    const january = new Date('2027-01-12T09:00:00Z');
    const lastMonth = shiftPeriod({ kind: 'month', start: '2027-01-01' }, -1);
    expect(lastMonth).toEqual(DECEMBER);
    const time = timeShare(lastMonth, january, ZONE);
    expect(time).toEqual({
      total: weekdays('2026-12-01', '2027-01-01'),
      gone: weekdays('2026-12-01', '2027-01-01'),
      left: 0,
    });
    const data = await readForecastData(contextAt(january), lastMonth);
    // A period that is over has no rest: nothing open is expected in it, the forecast is the fact.
    expect(data.open).toEqual([]);
    const forecast = forecastOf({ ...data, plan: { amount: 5_000_000, currency: 'RUB' }, time });
    expect(forecast.fact).toBe(expectedFigures().fact);
    expect(forecast.forecast).toBe(forecast.fact);
    expect(forecast.paceNeeded).toBeUndefined();
    // The quarter that began in October of the year before holds December's wins too.
    const quarter = shiftPeriod({ kind: 'quarter', start: '2027-01-01' }, -1);
    expect(quarter).toEqual({ kind: 'quarter', start: '2026-10-01' });
    expect(DateTime.fromISO(quarter.start).year).toBe(2026);
  });
});
