// A large list is read in windows of IDs: `>ID` the last one seen, ordered by ID, `start: -1` (no counting),
// the windows of one request chained by `$result` references. Every record comes once, in few requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import type { BatchCommand, PortalClient } from '../../src/portal/port.ts';
import { type PageHints, readTogether } from '../../src/scenarios/reads.ts';

let demo: DemoPortal;
let portal: PortalClient;
const sent: BatchCommand[] = [];
beforeAll(async () => {
  demo = await startDemoPortal({
    port: 0,
    now: () => new Date('2026-11-25T09:00:00Z'),
    rateLimit: false,
    size: { deals: 3_000 },
  });
  const client = createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: { perSecond: 10_000, burst: 10_000 } });
  portal = Object.assign(Object.create(client) as PortalClient, {
    batch: (commands: Record<string, BatchCommand>) => {
      sent.push(...Object.values(commands));
      return client.batch(commands);
    },
  });
});
afterAll(() => demo.close());

const openDeals = { method: 'crm.deal.list', params: { filter: { STAGE_SEMANTIC_ID: 'P' }, select: ['ID', 'TITLE'] } };

describe('reading a large list by ID windows', () => {
  it('gets every record once, asking by `>ID` in ID order without counting', async () => {
    const expected = demo.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P').map((deal) => Number(deal.ID));
    expect(expected.length).toBeGreaterThan(1_000);
    const before = demo.requestCount;
    sent.length = 0;
    const { deals } = await readTogether({ portal }, { deals: { ...openDeals, all: true, byId: true } });
    const ids = deals.items.map((item) => Number((item as { ID: string }).ID));
    expect(ids).toEqual([...expected].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    // 50 windows of 50 a request, after a first request of two windows: a few requests, never one per page.
    expect(demo.requestCount - before).toBeLessThanOrEqual(Math.ceil(expected.length / 2_500) + 2);
    for (const command of sent) {
      expect(command.params).toMatchObject({ order: { ID: 'ASC' }, start: -1 });
      expect(command.params?.filter).toHaveProperty('>ID');
    }
  });

  it('a list read before takes one request the next time', async () => {
    const hints: PageHints = new Map();
    const read = {
      tasks: { method: 'tasks.task.list', params: { filter: { RESPONSIBLE_ID: 1 } }, all: true, byId: true },
    };
    const first = await readTogether({ portal, pages: hints }, read);
    const before = demo.requestCount;
    const again = await readTogether({ portal, pages: hints }, read);
    expect(demo.requestCount - before).toBe(1);
    expect(again.tasks.items).toEqual(first.tasks.items);
    expect(first.tasks.items.length).toBe(demo.data.tasks.filter((task) => String(task.responsibleId) === '1').length);
  });
});
