// The client against the demo portal: the other stand-in, written independently of the client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { createPortalClient } from '../../src/portal/client.ts';

let demo: DemoPortal;
beforeAll(async () => {
  demo = await startDemoPortal({ size: { deals: 10_000 } });
});
afterAll(() => demo.close());

const client = () => createPortalClient({ webhookUrl: demo.webhookUrl, retryDelayMs: 20 });

describe('the client against the demo portal', () => {
  it('knows the webhook user', async () => {
    const me = await client().call<{ NAME: string; LAST_NAME: string }>('user.current');
    expect(`${me.result.NAME} ${me.result.LAST_NAME}`).toBe('Алексей Смирнов');
  });

  it('fetches 10,000+ deals in a handful of requests', async () => {
    const before = demo.requestCount;
    const deals = await client().list<{ ID: string }>('crm.deal.list', { select: ['ID', 'TITLE', 'STAGE_ID'] });
    expect(deals).toHaveLength(demo.data.deals.length);
    expect(new Set(deals.map((deal) => deal.ID)).size).toBe(demo.data.deals.length);
    // One request for the first page and the total, then 50 pages to a request.
    const pages = Math.ceil(demo.data.deals.length / 50);
    expect(demo.requestCount - before).toBe(1 + Math.ceil((pages - 1) / 50));
  });

  it('reads the director’s tasks from result.tasks, filtered', async () => {
    const tasks = await client().list<{ responsibleId: string }>('tasks.task.list', {
      filter: { RESPONSIBLE_ID: 1 },
      select: ['ID', 'TITLE', 'RESPONSIBLE_ID'],
    });
    expect(tasks.length).toBe(demo.data.tasks.filter((task) => String(task.responsibleId) === '1').length);
    expect(tasks.length).toBeGreaterThan(0);
  });

  it('runs a batch with a $result reference and a Cyrillic filter', async () => {
    const withContact = demo.data.deals.find((deal) => Number(deal.CONTACT_ID) > 0)!;
    const reply = await client().batch({
      deal: { method: 'crm.deal.get', params: { id: withContact.ID } },
      contact: { method: 'crm.contact.get', params: { id: '$result[deal][CONTACT_ID]' } },
      companies: { method: 'crm.company.list', params: { filter: { '%TITLE': 'Ромашка' }, select: ['ID', 'TITLE'] } },
    });
    expect(reply.errors).toEqual({});
    expect((reply.results.contact as { ID: string }).ID).toBe(String(withContact.CONTACT_ID));
    const companies = reply.results.companies as { TITLE: string }[];
    expect(companies.length).toBeGreaterThan(0);
    for (const company of companies) expect(company.TITLE).toContain('Ромашка');
  });

  it('hears a wrong secret as authorization', async () => {
    const stranger = createPortalClient({
      webhookUrl: demo.webhookUrl.replace(/\/rest\/1\/[^/]+\//, '/rest/1/wrong0secret/'),
    });
    await expect(stranger.call('user.current')).rejects.toMatchObject({ kind: 'authorization' });
  });

  it('rides out two rate refusals and a proxy page on a read; never repeats a write after the proxy page', async () => {
    demo.faults.refuseNext = 2;
    let before = demo.requestCount;
    await client().call('server.time');
    expect(demo.requestCount - before).toBe(3);

    demo.faults.badGatewayNext = 1;
    before = demo.requestCount;
    await expect(
      client().call('crm.timeline.comment.add', {
        fields: { ENTITY_ID: 1, ENTITY_TYPE: 'deal', COMMENT: 'Позвонить' },
      }),
    ).rejects.toMatchObject({ kind: 'unavailable', code: 'NOT_JSON' });
    expect(demo.requestCount - before).toBe(1);
  });

  it('calls a portal that drops connections unavailable', async () => {
    demo.faults.down = true;
    try {
      const quick = createPortalClient({ webhookUrl: demo.webhookUrl, retries: 1, retryDelayMs: 10 });
      await expect(quick.call('server.time')).rejects.toMatchObject({ kind: 'unavailable' });
    } finally {
      demo.faults.down = false;
    }
  });
});
