// Every method family answers in the portal's own shapes (REST-FACTS.md), over real HTTP.
import { describe, expect, it } from 'vitest';
import { HALF_YEAR } from '../../src/demo-portal/sales-history.ts';
import { demoPortalForFile, NOW } from './portal-call.ts';

const call = demoPortalForFile();

describe('the envelope', () => {
  it('has result, total and next on lists and a time block with the portal offset', async () => {
    const { status, body } = await call('crm.deal.list');
    expect(status).toBe(200);
    expect(body.total).toBe(120 + HALF_YEAR.deals);
    expect(body.next).toBe(50);
    const time = body.time as Record<string, unknown>;
    expect(typeof time.start).toBe('number');
    expect(typeof time.duration).toBe('number');
    expect(time.date_start).toBe('2026-11-25T12:00:00+03:00');
    expect(typeof time.operating).toBe('number');
  });

  it('answers `<method>.json` the same as `<method>`', async () => {
    const plain = await call('user.current');
    const json = await call('user.current.json');
    expect(json.body.result).toEqual(plain.body.result);
  });
});

describe('users and departments', () => {
  it('user.current is the director, UPPER_CASE, ACTIVE boolean, departments as numbers', async () => {
    const { body } = await call('user.current');
    expect(body.result).toMatchObject({
      ID: '1',
      NAME: 'Алексей',
      LAST_NAME: 'Смирнов',
      WORK_POSITION: 'Генеральный директор',
      ACTIVE: true,
      TIME_ZONE: 'Europe/Moscow',
      UF_DEPARTMENT: [1],
    });
  });

  it('user.get filters by department, by a plain field and pages by 50', async () => {
    const sales = await call('user.get', { FILTER: { UF_DEPARTMENT: 2, ACTIVE: true } });
    const people = sales.body.result as Record<string, unknown>[];
    expect(people.length).toBeGreaterThanOrEqual(5);
    expect(people.every((user) => (user.UF_DEPARTMENT as number[]).includes(2) && user.ACTIVE === true)).toBe(true);
    const one = await call('user.get', { ID: 16 }, 'get');
    expect(one.body.result).toEqual([expect.objectContaining({ ID: '16', TIME_ZONE: 'Asia/Vladivostok' })]);
    expect(one.body.total).toBe(1);
  });

  it('department.get and im.department.employees.get', async () => {
    const departments = await call('department.get');
    expect((departments.body.result as unknown[]).length).toBeGreaterThanOrEqual(5);
    expect(departments.body.result).toContainEqual(
      expect.objectContaining({ ID: '2', NAME: 'Отдел продаж', PARENT: '1' }),
    );
    const employees = await call('im.department.employees.get', { ID: [2, 4] });
    const result = employees.body.result as Record<string, number[]>;
    expect(result['2']).toContain(2);
    expect(result['4']).toContain(13);
    const detailed = await call('im.department.employees.get', { ID: '[5]', USER_DATA: 'Y' });
    expect((detailed.body.result as Record<string, unknown[]>)['5']).toContainEqual(
      expect.objectContaining({
        id: 16,
        name: 'Виктор Степанов',
        work_position: 'Руководитель отдела логистики',
        active: true,
      }),
    );
    expect((await call('im.department.employees.get')).body).toEqual({
      error: 'ID_EMPTY',
      error_description: "Department ID can't be empty",
    });
  });

  it('timeman.status tells the work-day status', async () => {
    const { body } = await call('timeman.status', { USER_ID: 12 });
    expect(body.result).toMatchObject({ STATUS: 'EXPIRED' });
    const statuses = await Promise.all(
      [1, 7, 10].map(
        async (id) => ((await call('timeman.status', { USER_ID: id })).body.result as { STATUS: string }).STATUS,
      ),
    );
    expect(statuses).toEqual(['OPENED', 'CLOSED', 'PAUSED']);
    // 19:00 in Vladivostok: the day there is over.
    expect((await call('timeman.status', { USER_ID: 16 })).body.result).toMatchObject({
      STATUS: 'CLOSED',
      TIME_START: expect.stringMatching(/^2026-11-25T09:\d\d:00\+10:00$/),
      TIME_FINISH: expect.stringMatching(/^2026-11-25T18:\d\d:00\+10:00$/),
    });
    expect((await call('timeman.status', { USER_ID: 999 })).body).toEqual({
      error: '',
      error_description: 'User not found',
    });
  });
});

describe('tasks', () => {
  it('lists camelCase items under result.tasks with string ids and statuses', async () => {
    const { body } = await call('tasks.task.list', {
      filter: { RESPONSIBLE_ID: 1 },
      select: ['ID', 'TITLE', 'STATUS', 'DEADLINE', 'RESPONSIBLE_ID'],
    });
    const tasks = (body.result as { tasks: Record<string, unknown>[] }).tasks;
    expect(tasks.length).toBeGreaterThan(20);
    expect(Object.keys(tasks[0]!).sort()).toEqual(['deadline', 'id', 'responsibleId', 'status', 'title']);
    expect(typeof tasks[0]!.id).toBe('string');
    expect(tasks.every((task) => task.responsibleId === '1')).toBe(true);
  });

  it('tasks.task.get answers under result.task', async () => {
    const { body } = await call('tasks.task.get', { taskId: 11 });
    expect((body.result as { task: Record<string, unknown> }).task).toMatchObject({
      id: '11',
      title: 'Подписать договор с ООО «Ромашка» на поставку оборудования',
      deadline: '2026-11-25T18:00:00+03:00',
      responsible: expect.objectContaining({ name: 'Алексей Смирнов' }),
    });
  });
});

describe('CRM', () => {
  it('deals: UPPER_CASE, numbers as strings, Y/N, C1: stages in the second pipeline', async () => {
    const { body } = await call('crm.deal.get', { id: 4 });
    const deal = body.result as Record<string, string>;
    expect(deal.CATEGORY_ID).toBe('1');
    expect(deal.STAGE_ID).toMatch(/^C1:/);
    expect(deal.OPPORTUNITY).toMatch(/^\d+\.00$/);
    expect(['Y', 'N']).toContain(deal.CLOSED);
    expect(['P', 'S', 'F']).toContain(deal.STAGE_SEMANTIC_ID);
    expect(deal.DATE_CREATE).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
  });

  it('contacts carry phones and e-mails as arrays of {ID, VALUE_TYPE, VALUE, TYPE_ID} when asked for', async () => {
    const { body } = await call('crm.contact.list', {
      filter: { '%LAST_NAME': 'Иванов', NAME: 'Пётр' },
      select: ['ID', 'NAME', 'LAST_NAME', 'PHONE', 'COMPANY_ID'],
    });
    const [contact] = body.result as Record<string, unknown>[];
    expect(contact).toMatchObject({ ID: '1', NAME: 'Пётр', LAST_NAME: 'Иванов', COMPANY_ID: '1' });
    expect(contact!.PHONE).toEqual([
      expect.objectContaining({ VALUE_TYPE: 'WORK', TYPE_ID: 'PHONE', VALUE: expect.stringMatching(/^\+7/) }),
    ]);
    const company = await call('crm.company.get', { id: 1 });
    expect(company.body.result).toMatchObject({ TITLE: 'ООО «Ромашка»' });
    const plain = await call('crm.contact.list', { filter: { ID: 1 } });
    expect((plain.body.result as Record<string, unknown>[])[0]).not.toHaveProperty('PHONE');
  });

  it('stage history under result.items; pipelines under result.categories; stage names with semantics', async () => {
    const history = await call('crm.stagehistory.list', {
      entityTypeId: 2,
      filter: { OWNER_ID: 1 },
      order: { ID: 'ASC' },
    });
    const items = (history.body.result as { items: Record<string, unknown>[] }).items;
    // Numbers here, unlike the other CRM lists (crm-stage-history-list.md).
    expect(items[0]).toMatchObject({
      TYPE_ID: 1,
      OWNER_ID: 1,
      CATEGORY_ID: 0,
      STAGE_ID: 'NEW',
      STAGE_SEMANTIC_ID: 'P',
    });
    expect(items[0]!.ID).toEqual(expect.any(Number));
    const categories = await call('crm.category.list', { entityTypeId: 2 });
    expect((categories.body.result as { categories: unknown[] }).categories).toEqual([
      expect.objectContaining({ id: 0, name: 'Продажи', isDefault: 'Y' }),
      expect.objectContaining({ id: 1, name: 'Тендеры и госзакупки' }),
    ]);
    const stages = await call('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE_1' } });
    const rows = stages.body.result as Record<string, unknown>[];
    expect(rows.map((row) => row.STATUS_ID)).toContain('C1:UC_7KQ2TM');
    expect(rows.find((row) => row.STATUS_ID === 'C1:WON')).toMatchObject({ SEMANTICS: 'S', CATEGORY_ID: '1' });
    const sources = await call('crm.status.list', { filter: { ENTITY_ID: 'SOURCE' } });
    expect(sources.body.result).toContainEqual(expect.objectContaining({ STATUS_ID: 'WEB', NAME: 'Веб-сайт' }));
  });

  it('crm.deal.fields describes each field with its type and Russian title', async () => {
    const { body } = await call('crm.deal.fields');
    const fields = body.result as Record<string, { type: string; title: string; isMultiple: boolean }>;
    expect(fields.TITLE).toMatchObject({ type: 'string', title: 'Название' });
    expect(fields.OPPORTUNITY).toMatchObject({ type: 'double', title: 'Сумма' });
    expect(fields.STAGE_ID).toMatchObject({ type: 'crm_status' });
    expect(fields.DATE_CREATE).toMatchObject({ type: 'datetime' });
    expect(fields.ASSIGNED_BY_ID).toMatchObject({ type: 'user', title: 'Ответственный' });
    const contact = (await call('crm.contact.fields')).body.result as Record<
      string,
      { type: string; isMultiple: boolean }
    >;
    expect(contact.PHONE).toMatchObject({ type: 'crm_multifield', isMultiple: true });
  });

  it('activities and leads', async () => {
    const activities = await call('crm.activity.list', {
      filter: { OWNER_TYPE_ID: 2, OWNER_ID: 19 },
      order: { CREATED: 'DESC' },
    });
    const rows = activities.body.result as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(['1', '2', '4']).toContain(rows[0]!.TYPE_ID);
    const leads = await call('crm.lead.list', {
      filter: { '>=DATE_CREATE': '2026-11-24T12:00:00+03:00' },
      select: ['ID', 'TITLE', 'SOURCE_ID'],
    });
    expect(leads.body.total).toBe(6);
  });
});

describe('calendar', () => {
  it('events in the Russian display format with zones, UTC timestamps and attendees', async () => {
    const { body } = await call('calendar.event.get', {
      type: 'user',
      ownerId: 1,
      from: '2026-11-25',
      to: '2026-11-25',
    });
    const events = body.result as Record<string, unknown>[];
    expect(events.map((event) => event.NAME)).toContain('Встреча с ООО «Ромашка»: условия поставки');
    const meeting = events.find((event) => event.NAME === 'Встреча с ООО «Ромашка»: условия поставки')!;
    expect(meeting).toMatchObject({
      DATE_FROM: '25.11.2026 11:00:00',
      DATE_TO: '25.11.2026 12:30:00',
      TZ_FROM: 'Europe/Moscow',
      DT_SKIP_TIME: 'N',
      DATE_FROM_TS_UTC: String(Date.parse('2026-11-25T08:00:00Z') / 1000),
      IS_MEETING: true,
      MEETING_HOST: '1',
    });
    expect(meeting.ATTENDEE_LIST).toContainEqual({ id: 5, entryId: expect.any(String), status: expect.any(String) });
    // Only today's events, and two of them overlap.
    const spans = events.map((event) => [Number(event.DATE_FROM_TS_UTC), Number(event.DATE_TO_TS_UTC)] as const);
    expect(
      spans.every(
        ([from]) =>
          from >= Date.parse('2026-11-24T21:00:00Z') / 1000 && from < Date.parse('2026-11-25T21:00:00Z') / 1000,
      ),
    ).toBe(true);
    const clash = spans.some(([a0, a1], i) => spans.some(([b0, b1], j) => i !== j && a0 < b1 && b0 < a1));
    expect(clash).toBe(true);
  });

  it('getbyid, nearest and accessibility', async () => {
    const byId = await call('calendar.event.getbyid', { id: 2 });
    expect(byId.body.result).toMatchObject({ ID: '2' });
    const nearest = await call('calendar.event.get.nearest', {
      type: 'user',
      ownerId: 1,
      days: 1,
      forCurrentUser: 'Y',
    });
    expect(
      (nearest.body.result as Record<string, string>[]).every(
        (event) => Number(event.DATE_TO_TS_UTC) * 1000 > NOW.getTime(),
      ),
    ).toBe(true);
    const busy = await call('calendar.accessibility.get', { users: [1, 16], from: '2026-11-25', to: '2026-11-25' });
    const result = busy.body.result as Record<string, unknown[]>;
    expect(result['1']!.length).toBeGreaterThanOrEqual(5);
    expect(result['16']).toContainEqual(
      expect.objectContaining({ NAME: 'Приёмка груза в порту', TZ_FROM: 'Asia/Vladivostok' }),
    );
  });
});

describe('system', () => {
  it('scope lists every permission family the product needs; server.time is the portal time', async () => {
    const scope = await call('scope');
    expect(scope.body.result).toEqual(
      expect.arrayContaining(['crm', 'task', 'calendar', 'user', 'department', 'im', 'timeman']),
    );
    const time = await call('server.time');
    expect(time.body.result).toBe('2026-11-25T12:00:00+03:00');
  });
});
