// Lists are kept between requests (a bot asks the same ones every few seconds), and never given once a record they
// read has changed: by a write, in the middle of a batch, or by a test changing `data` directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/demo-portal/filters.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { encodeParams } from '../../src/portal/encode.ts';
import { caller, NOW } from './portal-call.ts';

let portal: DemoPortal;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  portal = await startDemoPortal({ now: () => NOW, rateLimit: false });
  call = caller(portal);
});
afterAll(() => portal.close());

const command = (method: string, params: Record<string, unknown>) => `${method}?${encodeParams(params)}`;
const batch = async (cmd: Record<string, string>) =>
  (await call('batch', { cmd })).body.result as { result: Record<string, unknown> };
const taskIds = (result: unknown) => (result as { tasks: { id: string }[] }).tasks.map((task) => task.id);
const ids = (rows: unknown) => (rows as { ID: string }[]).map((row) => row.ID);

/** Open tasks of each person, the way the team's status asks them: one batch, a list per person. */
const openTasksOf = (people: number[]) =>
  batch(
    Object.fromEntries(
      people.map((person) => [
        `open${person}`,
        command('tasks.task.list', { filter: { '<REAL_STATUS': 5, RESPONSIBLE_ID: person }, select: ['ID'] }),
      ]),
    ),
  );

const openTasks = (person: number) =>
  portal.data.tasks
    .filter((task) => task.responsibleId === String(person) && Number(task.status) < 5)
    .map((task) => String(task.id))
    .sort((a, b) => Number(b) - Number(a));

describe('task lists asked again', () => {
  it('show a task added, reassigned or completed through the portal, also later in the same batch', async () => {
    const before = await openTasksOf([5, 6]);
    expect(taskIds(before.result.open5)).toEqual(openTasks(5));
    const reply = await batch({
      add: command('tasks.task.add', { fields: { TITLE: 'Сверить остатки', RESPONSIBLE_ID: 5 } }),
      open5: command('tasks.task.list', { filter: { '<REAL_STATUS': 5, RESPONSIBLE_ID: 5 }, select: ['ID'] }),
    });
    const added = String((reply.result.add as { task: Row }).task.id);
    expect(taskIds(reply.result.open5)).toContain(added);
    await call('tasks.task.update', { taskId: added, fields: { RESPONSIBLE_ID: 6 } });
    const moved = await openTasksOf([5, 6]);
    expect(taskIds(moved.result.open5)).not.toContain(added);
    expect(taskIds(moved.result.open6)).toContain(added);
    await call('tasks.task.complete', { taskId: added });
    expect(taskIds((await openTasksOf([6])).result.open6)).not.toContain(added);
  });

  it('show tasks changed directly in the data: reassigned in place, added, removed', async () => {
    const [from, to] = [10, 11];
    expect(openTasks(from).length).toBeGreaterThan(1);
    await openTasksOf([from, to]);
    const task = portal.data.tasks.find((one) => one.id === openTasks(from)[0])!;
    Object.assign(task, { responsibleId: String(to) });
    portal.data.tasks.push({ ...task, id: '9001', responsibleId: String(from), status: '2' });
    const reply = await openTasksOf([from, to]);
    expect(taskIds(reply.result[`open${from}`])).toEqual(openTasks(from));
    expect(taskIds(reply.result[`open${to}`])).toContain(task.id);
    portal.data.tasks.splice(portal.data.tasks.length - 1, 1);
    expect(taskIds((await openTasksOf([from])).result[`open${from}`])).not.toContain('9001');
  });

  it('show a selected value changed in place, a list value included', async () => {
    const tasksOf = async (select: string[]) =>
      ((await call('tasks.task.list', { filter: { RESPONSIBLE_ID: 9 }, select })).body.result as { tasks: Row[] })
        .tasks;
    const first = await tasksOf(['ID', 'TITLE']);
    const task = portal.data.tasks.find((one) => one.id === first[0]!.id)!;
    await tasksOf(['ID', 'UF_CRM_TASK']);
    task.title = 'Переименованная задача';
    (task.ufCrmTask as string[]).push('D_77');
    expect((await tasksOf(['ID', 'TITLE']))[0]).toEqual({ id: task.id, title: 'Переименованная задача' });
    expect((await tasksOf(['ID', 'UF_CRM_TASK']))[0]!.ufCrmTask).toContain('D_77');
    const bound = await call('tasks.task.list', { filter: { UF_CRM_TASK: 'D_77' }, select: ['ID'] });
    expect(taskIds(bound.body.result)).toEqual([task.id]);
  });
});

describe('lists with a moment in their filter', () => {
  it('gain or lose the record at the bound when the bound moves by a millisecond', async () => {
    const moment = (one: Row) => Date.parse(String(one.CREATED_TIME));
    const row = portal.data.stageHistory.reduce((latest, one) => (moment(one) > moment(latest) ? one : latest));
    const at = moment(row);
    const since = async (bound: number) => {
      const filter = { '>=CREATED_TIME': new Date(bound).toISOString() };
      const { body } = await call('crm.stagehistory.list', { entityTypeId: 2, filter, select: ['ID'] });
      return ((body.result as { items: { ID: number }[] }).items ?? []).map((item) => String(item.ID));
    };
    const expected = (bound: number) =>
      portal.data.stageHistory
        .filter((one) => moment(one) >= bound)
        .map((one) => String(one.ID))
        .sort((a, b) => Number(a) - Number(b))
        .slice(0, 50);
    for (const bound of [at - 1, at, at + 1, at, at - 1]) expect(await since(bound)).toEqual(expected(bound));
    expect(await since(at)).toContain(String(row.ID));
    expect(await since(at + 1)).not.toContain(String(row.ID));
  });

  it('show a record whose moment was changed directly', async () => {
    const list = { filter: { '>=DATE_MODIFY': '2026-11-25T00:00:00+03:00' }, select: ['ID'], start: -1 };
    const before = ids((await call('crm.deal.list', list)).body.result);
    const deal = portal.data.deals.find((one) => !before.includes(String(one.ID)))!;
    deal.DATE_MODIFY = '2026-11-25T10:00:00+03:00';
    expect(ids((await call('crm.deal.list', list)).body.result)).toContain(deal.ID);
  });
});

describe('one batch', () => {
  it('never gives the stage history of one entity type for another', async () => {
    const filter = { '>=CREATED_TIME': '2026-01-01T00:00:00+03:00' };
    const reply = await batch({
      leads: command('crm.stagehistory.list', { entityTypeId: 1, filter, select: ['ID'] }),
      deals: command('crm.stagehistory.list', { entityTypeId: 2, filter, select: ['ID'] }),
    });
    expect((reply.result.leads as { items: unknown[] }).items).toEqual([]);
    expect((reply.result.deals as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('gives a write its own copy of the parameters: what it stores stays changeable', async () => {
    const update = command('crm.deal.update', { id: 3, fields: { UF_CRM_TAGS: ['опт', 'срочно'] } });
    await batch({ first: update });
    const tags = portal.data.deals.find((deal) => deal.ID === '3')!.UF_CRM_TAGS as string[];
    expect(Object.isFrozen(tags)).toBe(false);
    await batch({ again: update });
    expect(portal.data.deals.find((deal) => deal.ID === '3')!.UF_CRM_TAGS).not.toBe(tags);
  });
});

describe('a person acting on the portal', () => {
  it('reads the records as they are now, after a request and a direct change', async () => {
    const list = { filter: { '=TITLE': 'Сделка, переименованная в данных' }, select: ['ID'] };
    expect((await call('crm.deal.list', list)).body.total).toBe(0);
    portal.data.deals.find((deal) => deal.ID === '14')!.TITLE = 'Сделка, переименованная в данных';
    expect(ids(portal.actAs(1, 'crm.deal.list', list))).toEqual(['14']);
  });
});
