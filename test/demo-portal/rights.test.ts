// Rights and scopes: a webhook made without some scopes, and deals of a pipeline only finance may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the tender pipeline: finance, the administrator and each deal’s own manager see it', () => {
  const TENDERS = '1';
  const tenders = (portal: DemoPortal) => portal.data.deals.filter((deal) => deal.CATEGORY_ID === TENDERS);
  // Someone outside finance with no tender deal of their own: the head of projects, say.
  const outsider = (portal: DemoPortal) =>
    [8, 9, 16, 21].find((id) => !tenders(portal).some((deal) => deal.ASSIGNED_BY_ID === String(id)))!;

  it('is left out of an outsider’s lists silently, as a portal with CRM roles does', async () => {
    const probe = await portalAs({});
    const userId = outsider(probe.portal);
    expect(userId).toBeDefined();
    const { portal, call } = await portalAs({ userId });
    const hidden = tenders(portal);
    expect(hidden.length).toBeGreaterThan(0);
    const inTenders = await call('crm.deal.list', { filter: { CATEGORY_ID: TENDERS } });
    expect(inTenders.body).toMatchObject({ result: [], total: 0 });
    const listed = await call('crm.deal.list', { select: ['ID'] });
    expect(listed.body.total).toBe(portal.data.deals.length - hidden.length);
    const history = await call('crm.stagehistory.list', { entityTypeId: 2, filter: { OWNER_ID: hidden[0]!.ID } });
    expect((history.body.result as { items: unknown[] }).items).toEqual([]);
    // The pipeline itself is still listed: an outsider may start a deal there, it becomes their own.
    const categories = (await call('crm.category.list', { entityTypeId: 2 })).body.result as {
      categories: { id: number }[];
    };
    expect(categories.categories.map((category) => category.id)).toContain(1);
  });

  it('answers Access denied when an outsider reads, changes, deletes or comments on one such deal', async () => {
    const probe = await portalAs({});
    const { portal, call } = await portalAs({ userId: outsider(probe.portal) });
    const id = tenders(portal)[0]!.ID;
    const denied = { error: '', error_description: 'Access denied' };
    expect(await call('crm.deal.get', { id })).toEqual({ status: 400, body: denied });
    expect(await call('crm.deal.update', { id, fields: { TITLE: 'x' } })).toEqual({ status: 400, body: denied });
    expect(await call('crm.deal.delete', { id })).toEqual({ status: 400, body: denied });
    expect(
      await call('crm.timeline.comment.add', { fields: { ENTITY_TYPE: 'deal', ENTITY_ID: id, COMMENT: 'Привет' } }),
    ).toEqual({ status: 400, body: { error: 'ACCESS_DENIED', error_description: 'Access denied.' } });
    expect((await call('profile')).body.result).toMatchObject({ ADMIN: false });
  });

  it('shows a manager their own tender deals and no one else’s', async () => {
    const probe = await portalAs({});
    const owner = Number(tenders(probe.portal)[0]!.ASSIGNED_BY_ID);
    const { portal, call } = await portalAs({ userId: owner });
    const listed = await call('crm.deal.list', { filter: { CATEGORY_ID: TENDERS }, select: ['ID', 'ASSIGNED_BY_ID'] });
    const own = tenders(portal).filter((deal) => deal.ASSIGNED_BY_ID === String(owner));
    expect((listed.body.result as { ID: string }[]).map((deal) => deal.ID)).toEqual(own.map((deal) => deal.ID));
  });

  it('is read whole by finance people and by the director, the portal’s administrator', async () => {
    for (const userId of [13, 1]) {
      const { portal, call } = await portalAs({ userId });
      const id = tenders(portal).find((deal) => deal.ASSIGNED_BY_ID !== String(userId))!.ID;
      expect((await call('crm.deal.get', { id })).status).toBe(200);
      const listed = await call('crm.deal.list', { filter: { CATEGORY_ID: TENDERS } });
      expect(listed.body.total).toBe(tenders(portal).length);
    }
    const director = await portalAs({ userId: 1 });
    expect((await director.call('profile')).body.result).toMatchObject({ ADMIN: true });
  });
});
