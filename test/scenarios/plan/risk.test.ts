// Deals at risk on the company with a known history: each reason worked out again here from the deal list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagesOf } from '../../../src/demo-portal/company.ts';
import { type DemoPortal, startDemoPortal } from '../../../src/demo-portal/server.ts';
import { createPortalClient } from '../../../src/portal/client.ts';
import { contextFor } from '../../../src/scenarios/context.ts';
import { createNameDirectory } from '../../../src/scenarios/names.ts';
import { readRiskData } from '../../../src/scenarios/plan/plan-reads.ts';
import { dealsAtRisk } from '../../../src/scenarios/plan/risk.ts';
import { type KnownDeal, knownDeals, plantKnownDeals } from './known-company.ts';

const NOW = new Date('2026-12-16T12:00:00Z');
const DAY = 86_400_000;
const OPEN_STAGES = stagesOf(0).filter((stage) => stage.semantics === 'process');

let demo: DemoPortal;
let deals: KnownDeal[];
beforeAll(async () => {
  demo = await startDemoPortal({ port: 0, now: () => NOW, rateLimit: false });
  deals = knownDeals(NOW.getTime());
  plantKnownDeals(demo.data, deals);
});
afterAll(() => demo.close());

/** The finished stays in a position over the year, in days; their median. */
function usualDays(position: number): number | undefined {
  const stays: number[] = [];
  for (const deal of deals) {
    const steps = [...deal.path.map((step) => step.at), ...(deal.closedAt === undefined ? [] : [deal.closedAt])];
    deal.path.forEach((step, index) => {
      const next = steps[index + 1];
      if (step.position === position && next !== undefined && step.at >= NOW.getTime() - 365 * DAY)
        stays.push((next - step.at) / DAY);
    });
  }
  stays.sort((a, b) => a - b);
  if (stays.length === 0) return undefined;
  const middle = Math.floor(stays.length / 2);
  return stays.length % 2 ? stays[middle] : (stays[middle - 1]! + stays[middle]!) / 2;
}

function expectedReasons(deal: KnownDeal): string[] {
  const reasons: string[] = [];
  const last = deal.path.at(-1)!;
  const usual = usualDays(last.position);
  if (usual !== undefined && Math.floor((NOW.getTime() - last.at) / DAY) > 2 * usual) reasons.push('slow');
  if (!deal.planned) reasons.push('nothingPlanned');
  if (deal.closeDate < '2026-12-16') reasons.push('closeDatePassed');
  if (NOW.getTime() - (deal.lastActivity ?? 0) >= 14 * DAY) reasons.push('silent');
  return reasons;
}

describe('deals at risk', () => {
  it('names each open deal’s reasons and ranks them by sum × the number of reasons', async () => {
    const portal = createPortalClient({
      webhookUrl: demo.webhookUrl,
      retries: 0,
      rateLimit: { perSecond: 1e4, burst: 1e4 },
    });
    const names = createNameDirectory(portal, { now: () => NOW });
    const director = { portalUserId: 1, timeZone: 'Europe/Moscow', language: 'ru' as const };
    const context = contextFor({ portal, names, pages: new Map() }, director, NOW);
    const data = await readRiskData(context);
    const found = dealsAtRisk(data.open, { ...data, now: NOW, timeZone: director.timeZone });
    const expected = deals
      .filter((deal) => deal.outcome === 'open')
      .map((deal) => ({
        id: deal.id,
        reasons: expectedReasons(deal),
        weight: deal.amount * expectedReasons(deal).length,
      }))
      .filter((deal) => deal.reasons.length > 0)
      .sort((a, b) => b.weight - a.weight || a.id - b.id);
    expect(
      found.map((one) => ({ id: one.deal.ID, reasons: one.reasons.map((reason) => reason.kind), weight: one.weight })),
    ).toEqual(expected);
    // The known history has every kind of reason.
    expect(new Set(expected.flatMap((one) => one.reasons))).toEqual(
      new Set(['slow', 'nothingPlanned', 'closeDatePassed', 'silent']),
    );
    const slow = found.flatMap((one) => one.reasons).find((reason) => reason.kind === 'slow');
    expect(slow).toMatchObject({
      usualDays: Math.round(usualDays(OPEN_STAGES.findIndex((s) => s.statusId === 'PREPAYMENT_INVOICE'))!),
    });
  });
});
