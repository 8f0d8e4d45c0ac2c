// Rights and scopes: a webhook made without some scopes, and deals of a pipeline only finance may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINANCE_PIPELINE } from '../../src/demo-portal/company.ts';
import { parseScopes } from '../../src/demo-portal/rights.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { caller, NOW } from './portal-call.ts';

const portals: DemoPortal[] = [];
async function portalAs(options: { userId?: number; scopes?: string[] }) {
  const portal = await startDemoPortal({ now: () => NOW, rateLimit: false, ...options });
  portals.push(portal);
  return { portal, call: caller(portal) };
}
afterAll(() => Promise.all(portals.map((portal) => portal.close())));

describe('a webhook without some scopes', () => {
  let call: Awaited<ReturnType<typeof portalAs>>['call'];
  beforeAll(async () => {
    ({ call } = await portalAs({ scopes: ['crm', 'user_brief'] }));
  });

  it('refuses a method outside its scopes with 401 insufficient_scope, as documented', async () => {
    const answer = await call('tasks.task.list');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: 'insufficient_scope',
      error_description: 'The request requires higher privileges than provided by the webhook token',
    });
    expect((await call('calendar.event.get', { type: 'user', ownerId: 1 })).status).toBe(401);
  });

  it('answers methods inside its scopes, and the methods every webhook has', async () => {
    expect((await call('crm.deal.list')).status).toBe(200);
    expect((await call('user.current')).status).toBe(200);
    expect((await call('server.time')).status).toBe(200);
    expect((await call('scope')).body.result).toEqual(['crm', 'user_brief']);
  });

  it('lists only the methods its scopes open', async () => {
    const methods = (await call('methods')).body.result as string[];
    expect(methods).toContain('crm.deal.list');
    expect(methods).toContain('batch');
    expect(methods).not.toContain('tasks.task.list');
  });

  it('refuses the out-of-scope command inside a batch and runs the rest', async () => {
    const answer = await call('batch', { cmd: { deals: 'crm.deal.list?start=-1', tasks: 'tasks.task.list' } });
    const result = answer.body.result as Record<string, Record<string, unknown>>;
    expect(Object.keys(result.result!)).toEqual(['deals']);
    expect(result.result_error).toEqual({
      tasks: {
        error: 'insufficient_scope',
        error_description: 'The request requires higher privileges than provided by the webhook token',
      },
    });
  });

  it('takes its scope list as the operator writes it, and refuses a misspelt one', () => {
    expect(parseScopes('crm, task  user')).toEqual(['crm', 'task', 'user']);
    expect(() => parseScopes('crm,taks')).toThrow(/taks/);
  });
});

describe('the pipeline only finance sees', () => {
  const financeDeals = (portal: DemoPortal) =>
    portal.data.deals.filter((deal) => deal.CATEGORY_ID === String(FINANCE_PIPELINE)).map((deal) => deal.ID);

  it('is left out of the director’s lists silently, as a portal with CRM roles does', async () => {
    const { portal, call } = await portalAs({ userId: 1 });
    const hidden = financeDeals(portal);
    expect(hidden.length).toBeGreaterThan(0);
    const all = await call('crm.deal.list', { start: -1, filter: { CATEGORY_ID: FINANCE_PIPELINE } });
    expect(all.body.result).toEqual([]);
    const listed = await call('crm.deal.list', { select: ['ID'] });
    expect(listed.body.total).toBe(portal.data.deals.length - hidden.length);
    const categories = (await call('crm.category.list', { entityTypeId: 2 })).body.result as {
      categories: { id: number }[];
    };
    expect(categories.categories.map((category) => category.id)).not.toContain(FINANCE_PIPELINE);
    const history = await call('crm.stagehistory.list', {
      entityTypeId: 2,
      filter: { OWNER_ID: hidden[0] },
    });
    expect((history.body.result as { items: unknown[] }).items).toEqual([]);
  });

  it('answers Access denied when the director reads, changes or comments on one such deal', async () => {
    const { portal, call } = await portalAs({ userId: 1 });
    const [id] = financeDeals(portal);
    const denied = { error: '', error_description: 'Access denied' };
    expect(await call('crm.deal.get', { id })).toEqual({ status: 400, body: denied });
    expect(await call('crm.deal.update', { id, fields: { TITLE: 'x' } })).toEqual({ status: 400, body: denied });
    expect(await call('crm.deal.delete', { id })).toEqual({ status: 400, body: denied });
    expect(
      await call('crm.timeline.comment.add', { fields: { ENTITY_TYPE: 'deal', ENTITY_ID: id, COMMENT: 'Привет' } }),
    ).toEqual({ status: 400, body: denied });
    expect(await call('crm.deal.add', { fields: { TITLE: 'Кредит', CATEGORY_ID: FINANCE_PIPELINE } })).toEqual({
      status: 400,
      body: denied,
    });
    expect((await call('profile')).body.result).toMatchObject({ ADMIN: false });
  });

  it('is read by finance people and by the portal administrator', async () => {
    for (const userId of [13, 25]) {
      const { portal, call } = await portalAs({ userId });
      const [id] = financeDeals(portal);
      expect((await call('crm.deal.get', { id })).status).toBe(200);
      const listed = await call('crm.deal.list', { filter: { CATEGORY_ID: FINANCE_PIPELINE } });
      expect((listed.body.result as unknown[]).length).toBe(financeDeals(portal).length);
    }
  });
});
