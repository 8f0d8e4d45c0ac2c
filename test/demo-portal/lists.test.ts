// Filters, dates with offsets, ordering and paging behave like the portal's, whichever way the request is sent.
import { describe, expect, it } from 'vitest';
import { HALF_YEAR } from '../../src/demo-portal/sales-history.ts';
import { demoPortalForFile, NOW, type Transport } from './portal-call.ts';

const call = demoPortalForFile();

type Task = { id: string; deadline: string | null; status: string; title: string };
const tasksOf = (body: Record<string, unknown>) => (body.result as { tasks: Task[] }).tasks;
const ids = (rows: unknown) => (rows as { ID: string }[]).map((row) => row.ID);

describe('dates in filters', () => {
  it('a task due at 18:00 today is inside [today 00:00+03:00, tomorrow 00:00+03:00)', async () => {
    const { body } = await call('tasks.task.list', {
      filter: {
        RESPONSIBLE_ID: 1,
        '>=DEADLINE': '2026-11-25T00:00:00+03:00',
        '<DEADLINE': '2026-11-26T00:00:00+03:00',
      },
      select: ['ID', 'TITLE', 'DEADLINE'],
    });
    const deadlines = tasksOf(body).map((task) => task.deadline);
    expect(deadlines).toContain('2026-11-25T18:00:00+03:00');
    expect(deadlines).toContain('2026-11-25T20:30:00+03:00');
    expect(deadlines.every((deadline) => deadline?.startsWith('2026-11-25T'))).toBe(true);
  });

  it('a bare date as the upper bound means 00:00 and loses the evening, as on the portal', async () => {
    const { body } = await call('tasks.task.list', {
      filter: { RESPONSIBLE_ID: 1, '>=DEADLINE': '2026-11-25', '<=DEADLINE': '2026-11-25' },
    });
    expect(tasksOf(body)).toEqual([]);
  });

  it('offsets are compared as instants: the same moment written in another zone selects the same tasks', async () => {
    const moscow = await call('tasks.task.list', { filter: { '>=DEADLINE': '2026-11-25T18:00:00+03:00' } });
    const utc = await call('tasks.task.list', { filter: { '>=DEADLINE': '2026-11-25T15:00:00Z' } });
    const vladivostok = await call('tasks.task.list', { filter: { '>=DEADLINE': '2026-11-26T01:00:00+10:00' } });
    expect(moscow.body.total).toBeGreaterThan(0);
    expect(utc.body.total).toBe(moscow.body.total);
    expect(vladivostok.body.total).toBe(moscow.body.total);
  });
});

describe('operators', () => {
  it('=, !, !=, <, <=, >, >=, % and lists', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await call('crm.deal.list', { filter, select: ['ID'] })).body.total as number;
    const all = await count({});
    const open = await count({ STAGE_SEMANTIC_ID: 'P' });
    expect(await count({ '=STAGE_SEMANTIC_ID': 'P' })).toBe(open);
    expect(await count({ '!STAGE_SEMANTIC_ID': 'P' })).toBe(all - open);
    expect(await count({ '!=STAGE_SEMANTIC_ID': 'P' })).toBe(all - open);
    expect(await count({ '<ID': 10 })).toBe(9);
    expect(await count({ '<=ID': 10 })).toBe(10);
    expect(await count({ '>ID': 110 })).toBe(all - 110);
    expect(await count({ '>=ID': 110 })).toBe(all - 109);
    expect(await count({ ID: [3, 5, 7] })).toBe(3);
    expect(await count({ '!ID': [3, 5, 7] })).toBe(all - 3);
    // Numbers compare as numbers even though the portal sends them as strings.
    expect(await count({ '>OPPORTUNITY': 1000000 })).toBeLessThan(all);
  });

  it('% is a case-insensitive "contains"', async () => {
    const lower = await call('crm.company.list', { filter: { '%TITLE': 'ромаш' } });
    expect(lower.body.result).toEqual([expect.objectContaining({ TITLE: 'ООО «Ромашка»' })]);
    const deals = await call('crm.deal.list', { filter: { '%TITLE': 'РОМАШКА' }, select: ['TITLE'] });
    const titles = (deals.body.result as { TITLE: string }[]).map((deal) => deal.TITLE);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((title) => title.includes('Ромашка'))).toBe(true);
  });

  it('multi-fields match by any of their values; an empty list matches an empty value', async () => {
    const ivanov = (await call('crm.contact.get', { id: 1 })).body.result as { PHONE: { VALUE: string }[] };
    const phone = ivanov.PHONE[0]!.VALUE;
    const byPhone = await call('crm.contact.list', { filter: { PHONE: phone }, select: ['ID'] });
    expect(byPhone.body.result).toEqual([{ ID: '1' }]);
    const byMail = await call('crm.contact.list', { filter: { '%EMAIL': 'p.ivanov1@' }, select: ['ID'] });
    expect(byMail.body.result).toEqual([{ ID: '1' }]);
    const unlinked = await call('tasks.task.list', { filter: { UF_CRM_TASK: '' }, select: ['ID', 'UF_CRM_TASK'] });
    const linked = await call('tasks.task.list', { filter: { '!UF_CRM_TASK': '' }, select: ['ID', 'UF_CRM_TASK'] });
    expect(
      (unlinked.body.result as { tasks: { ufCrmTask: string[] }[] }).tasks.every((task) => task.ufCrmTask.length === 0),
    ).toBe(true);
    expect(
      (linked.body.result as { tasks: { ufCrmTask: string[] }[] }).tasks.every((task) => task.ufCrmTask.length > 0),
    ).toBe(true);
    expect((unlinked.body.total as number) + (linked.body.total as number)).toBe(150 + HALF_YEAR.tasks);
  });

  it('REAL_STATUS and STATUS filter the true task status', async () => {
    const open = await call('tasks.task.list', {
      filter: { RESPONSIBLE_ID: 1, '<REAL_STATUS': 5 },
      select: ['ID', 'STATUS'],
    });
    expect(tasksOf(open.body).every((task) => Number(task.status) < 5)).toBe(true);
    const done = await call('tasks.task.list', {
      filter: { RESPONSIBLE_ID: 1, STATUS: 5, '>=CLOSED_DATE': '2026-11-25T00:00:00+03:00' },
    });
    expect(tasksOf(done.body)).toHaveLength(3);
  });
});

describe('order, select and paging', () => {
  it('orders ascending and descending by any field', async () => {
    const desc = await call('crm.deal.list', { order: { OPPORTUNITY: 'DESC' }, select: ['ID', 'OPPORTUNITY'] });
    const sums = (desc.body.result as { OPPORTUNITY: string }[]).map((deal) => Number(deal.OPPORTUNITY));
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    const byDeadline = await call('tasks.task.list', {
      filter: { RESPONSIBLE_ID: 1, '!DEADLINE': '' },
      order: { DEADLINE: 'asc' },
    });
    const moments = tasksOf(byDeadline.body).map((task) => Date.parse(task.deadline!));
    expect(moments).toEqual([...moments].sort((a, b) => a - b));
  });

  it('pages by 50 with total and next, and next disappears on the last page', async () => {
    const first = await call('crm.deal.list', { select: ['ID'] });
    const second = await call('crm.deal.list', { select: ['ID'], start: first.body.next });
    const third = await call('crm.deal.list', { select: ['ID'], start: second.body.next });
    const fourth = await call('crm.deal.list', { select: ['ID'], start: third.body.next });
    expect([first.body.next, second.body.next, third.body.next, fourth.body.next]).toEqual([50, 100, 150, undefined]);
    expect(fourth.body.total).toBe(120 + HALF_YEAR.deals);
    const pages = [first, second, third, fourth].flatMap((page) => ids(page.body.result));
    expect(new Set(pages).size).toBe(120 + HALF_YEAR.deals);
  });

  it('start=-1 gives the page without counting: total 0 and no next; ID windows walk the whole list', async () => {
    const seen: string[] = [];
    let last = 0;
    for (;;) {
      const { body } = await call('crm.deal.list', {
        order: { ID: 'ASC' },
        filter: { '>ID': last },
        select: ['ID'],
        start: -1,
      });
      expect(body.total).toBe(0);
      expect(body).not.toHaveProperty('next');
      const page = ids(body.result);
      seen.push(...page);
      if (page.length < 50) break;
      last = Number(page.at(-1));
    }
    expect(seen).toHaveLength(120 + HALF_YEAR.deals);
  });
});

describe('what a task shows', () => {
  it('a filter on the sub-status reads it as shown: an open task past its deadline is -1, whatever the page', async () => {
    type Shown = Task & { subStatus: string };
    const overdue = await call('tasks.task.list', {
      filter: { SUB_STATUS: -1 },
      select: ['ID', 'SUB_STATUS', 'DEADLINE'],
    });
    const shown = tasksOf(overdue.body) as Shown[];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((task) => task.subStatus === '-1' && Date.parse(task.deadline!) < NOW.getTime())).toBe(true);
    const others = await call('tasks.task.list', { filter: { '!SUB_STATUS': -1 }, select: ['ID'] });
    const all = await call('tasks.task.list', { select: ['ID'] });
    expect((overdue.body.total as number) + (others.body.total as number)).toBe(all.body.total);
  });

  it('a selected field name is only a name: quotes, backslashes and code in it select nothing', async () => {
    const { status, body } = await call('crm.deal.list', {
      select: ['ID', 'a"b\\c', "x']; throw 1; //", '__proto__'],
      filter: { ID: 1 },
    });
    expect(status).toBe(200);
    expect(body.result).toEqual([{ ID: '1' }]);
  });
});

describe('transports', () => {
  it('GET query, form body and JSON body give the same answer', async () => {
    const params = {
      filter: { '>=DATE_CREATE': '2026-11-01T00:00:00+03:00', '%TITLE': 'для', STAGE_SEMANTIC_ID: ['P', 'S'] },
      select: ['ID', 'TITLE', 'STAGE_ID'],
      order: { ID: 'DESC' },
    };
    const answers = await Promise.all(
      (['get', 'form', 'json'] as Transport[]).map((transport) => call('crm.deal.list', params, transport)),
    );
    const [get, form, json] = answers.map((answer) => ({ result: answer.body.result, total: answer.body.total }));
    expect((json!.result as unknown[]).length).toBeGreaterThan(0);
    expect(get).toEqual(json);
    expect(form).toEqual(json);
  });
});

describe('user.get', () => {
  it('takes its filter as FILTER or as plain fields, with NAME_SEARCH, LIKE patterns and sort/order', async () => {
    const names = (answer: { body: Record<string, unknown> }) =>
      (answer.body.result as { LAST_NAME: string }[]).map((user) => user.LAST_NAME);
    expect(names(await call('user.get', { FILTER: { NAME_SEARCH: 'бухгалтер' } }))).toEqual(['Семёнова', 'Голубева']);
    expect(
      names(await call('user.get', { filter: { '=%LAST_NAME': 'С%' }, sort: 'LAST_NAME', order: 'DESC' })),
    ).toEqual(['Степанов', 'Соловьёв', 'Соколов', 'Смирнов', 'Семёнова']);
    expect(names(await call('user.get', { '!%LAST_NAME': 'ов', UF_DEPARTMENT: 4 }, 'get'))).toEqual(['Голубева']);
    expect((await call('user.get', { FILTER: { ACTIVE: true } })).body.total).toBe(24 + HALF_YEAR.people);
    expect((await call('user.get', { USER_TYPE: 'employee' }, 'form')).body.total).toBe(25 + HALF_YEAR.people);
  });
});
